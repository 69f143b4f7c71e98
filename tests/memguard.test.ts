// A Python program that allocates without bound gets MemoryError and can go on, instead of V8
// ending the process (runtime/memguard.ts). The CLI runs with a small JS heap here so that the
// limit is reached in well under a second.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const upy = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "upy.js");

function run(src: string): { out: string; status: number | null } {
  const r = spawnSync(process.execPath, ["--max-old-space-size=160", upy, "-c", src], { encoding: "utf8", timeout: 60000 });
  return { out: r.stdout + r.stderr, status: r.status };
}

const growers: [string, string][] = [
  ["list.append", "a = []\nwhile True:\n    a.append([1, 2, 3])"],
  ["nested lists", "a = []\nwhile True:\n    a = [a, 1]"],
  ["nested tuples", "a = ()\nwhile True:\n    a = (a, 1)"],
  ["dict keys", "d = {}\ni = 0\nwhile True:\n    d[i] = str(i)\n    i += 1"],
  ["set items", "s = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1"],
  ["instances", "class N:\n    def __init__(self, n):\n        self.n = n\nx = None\nwhile True:\n    x = N(x)"],
  ["comprehension", "x = [str(i) for i in range(10**9)]"],
  ["list(generator)", "x = list(str(i) for i in range(10**9))"],
  ["list.extend(generator)", "a = []\na.extend(str(i) for i in range(10**9))"],
  ["bytearrays kept", "a = []\nwhile True:\n    a.append(bytearray(10**6))"],
  ["bytearray growth", "a = bytearray()\nwhile True:\n    a += bytes(10**5)"],
];

describe("heap guard", () => {
  for (const [name, body] of growers) {
    it(`${name}: MemoryError, and the program goes on`, () => {
      const src = `try:\n${body.replace(/^/gm, "    ")}\nexcept MemoryError as e:\n    print("MemoryError", e)\nx = a = d = s = None\nprint("still running", sum(range(10)))`;
      const r = run(src);
      expect(r.out).toBe("MemoryError memory allocation failed\nstill running 45\n");
      expect(r.status).toBe(0);
    }, 60000);
  }
});
