// Runs every Python program under tests/python/<area>/ with `upy` (the bundled CLI) and compares
// its output (stdout and stderr together) with the expected output in <name>.py.exp.
import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "python");
const upy = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "upy.js");

function programs(): [string, string][] {
  const out: [string, string][] = [];
  for (const area of readdirSync(root, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    const dir = join(root, area.name);
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith(".py") && existsSync(join(dir, f + ".exp"))) out.push([area.name, join(dir, f)]);
    }
  }
  return out;
}

describe("python programs", () => {
  for (const [area, file] of programs()) {
    it(`${area}/${file.slice(file.lastIndexOf("/") + 1)}`, () => {
      const r = spawnSync(process.execPath, [upy, file], { cwd: dirname(file), encoding: "utf8", timeout: 20000 });
      const out = (r.stdout + r.stderr).split(file).join(file.slice(file.lastIndexOf("/") + 1));
      expect(out).toBe(readFileSync(file + ".exp", "utf8"));
    });
  }
});
