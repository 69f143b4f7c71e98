// `npm run bench`: the project's own benchmark programs (bench/*.py) on upy, CPython and, when
// installed, MicroPython's WebAssembly build, cold (one run per process) and warm (fastest of
// several runs in one process). Prints times and ratios against CPython from the same run.
//
//   npm run bench [-- --n 100000 --warm 5 --reps 3 --only 'float|int']
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf("--" + name);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt("n", "100000"));
const WARM = Number(opt("warm", "5"));
const REPS = Number(opt("reps", "3"));
const only = opt("only", "");

const interpreters = [
  ["cpython", ["python3", "-BS"]],
  ["upy", [process.execPath, join(root, "dist/upy.js")]],
];
const wasm = join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs");
if (existsSync(wasm)) interpreters.push(["mpy-wasm", [process.execPath, wasm]]);

const driver = (warm) => `
try:
    from time import perf_counter as _pc
    def _now():
        return int(_pc() * 1000000)
    def _diff(a, b):
        return a - b
except ImportError:
    from time import ticks_us as _now, ticks_diff as _diff
_best = None
for _k in range(${warm}):
    _t0 = _now()
    _r = bench(${N})
    _t = _diff(_now(), _t0)
    if _best is None or _t < _best:
        _best = _t
print(_best, _r)
`;

const tmp = mkdtempSync(join(tmpdir(), "upy-bench-"));
const programs = readdirSync(join(root, "bench")).filter((f) => f.endsWith(".py") && (!only || new RegExp(only).test(f))).sort();

function timeOf(cmd, path) {
  let best = null;
  let result = null;
  for (let r = 0; r < REPS; r++) {
    const p = spawnSync(cmd[0], [...cmd.slice(1), path], { encoding: "utf8", timeout: 300000 });
    const line = (p.stdout || "").trim().split("\n").pop() || "";
    const [t, ...rest] = line.split(" ");
    if (p.status !== 0 || !/^\d+$/.test(t)) return { best: null, result: "FAIL " + (p.stderr || "").trim().split("\n").pop() };
    best = best === null ? Number(t) : Math.min(best, Number(t));
    result = rest.join(" ");
  }
  return { best, result };
}

function geomean(xs) {
  const v = xs.filter((x) => x > 0);
  return v.length ? Math.exp(v.reduce((a, x) => a + Math.log(x), 0) / v.length) : NaN;
}

for (const [label, warm] of [["cold", 1], ["warm", WARM]]) {
  console.log(`\n${label} (n=${N}${warm > 1 ? `, fastest of ${warm} runs in one process` : ""}; times in ms, ratio to cpython)`);
  console.log("program".padEnd(16) + interpreters.map(([n]) => n.padStart(18)).join(""));
  const ratios = interpreters.map(() => []);
  for (const prog of programs) {
    const path = join(tmp, `${label}_${prog}`);
    writeFileSync(path, readFileSync(join(root, "bench", prog), "utf8") + driver(warm));
    const rows = interpreters.map(([, cmd]) => timeOf(cmd, path));
    const base = rows[0].best;
    const results = new Set(rows.filter((r) => r.best !== null).map((r) => r.result));
    let line = prog.replace(/\.py$/, "").padEnd(16);
    rows.forEach((r, i) => {
      if (r.best === null) {
        line += "FAIL".padStart(18);
        return;
      }
      const ratio = base ? r.best / base : NaN;
      ratios[i].push(ratio);
      line += `${(r.best / 1000).toFixed(1)} (${ratio.toFixed(2)}x)`.padStart(18);
    });
    if (results.size > 1) line += "  RESULT MISMATCH";
    console.log(line);
  }
  console.log("geomean".padEnd(16) + ratios.map((r) => `${geomean(r).toFixed(2)}x`.padStart(18)).join(""));
}
