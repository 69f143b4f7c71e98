// Which code complextree.ts emits (its results are checked end to end by
// tests/python/numbers/complex_tree.py against MicroPython's output).
import { describe, it, expect } from "vitest";
import { compile } from "./compile.ts";

const js = (src: string): string => compile(src, "<test>", "exec").js;

describe("complex trees", () => {
  it("compiled in a module that uses complex numbers", () => {
    const out = js("def f(z, c):\n  return z * z + c\nf(1j, 2)");
    expect(out).toContain("$complexT");
    // z is needed as a complex (z * z would otherwise be int or float math); c may be real.
    expect(out).toMatch(/z\.\$cls === \$complexT \? \(\$t\d+ = z\.\$im, z\.\$re\) : undefined/);
    expect(out).toMatch(/c\.\$cls === \$complexT \? \(\$t\d+ = c\.\$im, c\.\$re\) : \(\$t\d+ = 0,/);
    expect(out).toContain("$mkComplex(");
  });

  it("not compiled in modules that never mention complex numbers", () => {
    expect(js("def f(z, c):\n  return z * z + c")).not.toContain("$complexT");
    expect(js("def f(z):\n  return abs(z) > 100")).not.toContain("Math.sqrt");
  });

  it("single operators need an imaginary literal", () => {
    expect(js("x = 1j\ndef f(a, b):\n  return a * b")).not.toContain("$complexT");
    expect(js("def f(a):\n  return a * 2j")).toContain("$complexT");
  });

  it("division only by a nonzero literal; no ** or //", () => {
    expect(js("def f(a):\n  return a / 2j")).toContain("$complexT");
    expect(js("def f(a, b):\n  return 1j + a / b")).not.toContain("$complexT");
    expect(js("def f(a):\n  return 1j + a / 0")).not.toContain("$complexT");
    expect(js("def f(a):\n  return a * 1j ** 2")).not.toContain("$complexT");
    expect(js("def f(a):\n  return a // 2 * 1j")).not.toContain("$complexT");
    // A subtree still can be one.
    expect(js("def f(a, b):\n  return a * 1j / b")).toContain("$complexT");
  });

  it("abs(z) against a literal", () => {
    const out = js("def f(z):\n  return abs(z) > 100\nf(1j)");
    expect(out).toContain('$name === "abs"');
    expect(out).toContain("Math.sqrt(");
    expect(js("def f(z):\n  return abs(z) > y\nf(1j)")).not.toContain("Math.sqrt(");
  });
});
