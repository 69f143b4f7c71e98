// Fuzzing: random token streams and mutated valid programs must only ever produce Python
// exceptions (SyntaxError at compile time, any Python exception at run time), never a crash,
// a hang of the compiler, or a JavaScript error shown as if it were Python's.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { compile } from "../src/compiler/compile.ts";
import { CompileError } from "../src/compiler/errors.ts";

const here = dirname(fileURLToPath(import.meta.url));
const upy = join(here, "..", "dist", "upy.js");

const vocabulary = [
  "def", "class", "if", "elif", "else", "while", "for", "in", "not", "and", "or", "is", "try", "except",
  "finally", "with", "as", "lambda", "yield", "return", "import", "from", "global", "nonlocal", "pass",
  "break", "continue", "raise", "del", "assert", "async", "await", "None", "True", "False",
  "x", "y", "f", "self", "print", "0", "1", "2.5", "3j", "0x1f", "10**20", "'s'", '"t"', "b'b'",
  "f'{x}'", "f'{x!r:>{y}}'", "'''doc'''", "(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "+=",
  "==", "<", ">=", "+", "-", "*", "**", "/", "//", "%", "@", "&", "|", "^", "~", "<<", ">>", "->",
  ":=", "...", "\\", "\n", "\n    ", "\n        ", "\t", " ", "#c",
];

function compileOnlyPythonErrors(src: string): void {
  try {
    compile(src, "fuzz.py", "exec");
  } catch (e) {
    if (!(e instanceof CompileError)) throw new Error(`non-Python error for ${JSON.stringify(src)}: ${String(e)}`);
  }
}

describe("compiler fuzzing", () => {
  it("random token streams give a SyntaxError or compile", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }), (toks) => {
        compileOnlyPythonErrors(toks.join(" "));
      }),
      { numRuns: 3000 },
    );
  });

  it("random text gives a SyntaxError or compiles", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        compileOnlyPythonErrors(s);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Valid programs from the project's own Python tests, to mutate. */
function corpus(): string[] {
  const root = join(here, "python");
  const out: string[] = [];
  for (const area of readdirSync(root, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(root, area.name))) {
      if (f.endsWith(".py")) out.push(readFileSync(join(root, area.name, f), "utf8"));
    }
  }
  return out;
}

const jsLeak = /\bat (Object|Module|new |eval)|node:internal|\.ts:\d+|ReferenceError|TypeError: Cannot|is not a function|undefined is not|not a Python value|internal error/;

describe("runtime fuzzing", () => {
  it("mutated programs fail only with Python exceptions", () => {
    const programs = corpus().filter((p) => p.length < 4000);
    if (programs.length === 0) return;
    const tmp = mkdtempSync(join(tmpdir(), "upy-fuzz-"));
    let n = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: programs.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("delete", "dup", "swap", "none-ify")), { minLength: 1, maxLength: 3 }),
        (pi, edits) => {
          const lines = programs[pi].split("\n");
          for (const [a, b, kind] of edits) {
            const i = a % lines.length;
            const j = b % lines.length;
            if (kind === "delete") lines.splice(i, 1);
            else if (kind === "dup") lines.splice(i, 0, lines[j]);
            else if (kind === "swap") [lines[i], lines[j]] = [lines[j], lines[i]];
            else lines[i] = lines[i].replace(/\b\d+\b|'[^']*'/, "None");
          }
          const path = join(tmp, `m${n++}.py`);
          writeFileSync(path, lines.join("\n"));
          // In the scratch folder: a mutated program may leave (or remove) files where it runs.
          const r = spawnSync(process.execPath, [upy, path], { encoding: "utf8", timeout: 5000, input: "", cwd: tmp });
          if (r.error !== undefined || r.signal !== null) return; // a mutation may loop forever
          expect(r.stderr).not.toMatch(jsLeak);
          if (r.status !== 0 && r.stderr !== "") expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n|\n[A-Za-z]+(Error|Exception|Exit|Interrupt|Iteration)\b/);
        },
      ),
      { numRuns: 120 },
    );
  }, 300000);
});
