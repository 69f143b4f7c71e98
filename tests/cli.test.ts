// The `upy` command as a user meets it: options, exit codes, tracebacks, and bad input that
// must come back as a Python exception, never as a crash or a JavaScript error.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const upy = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "upy.js");
const tmp = mkdtempSync(join(tmpdir(), "upy-cli-"));

function run(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [upy, ...args], {
    encoding: "utf8",
    input: opts.input ?? "",
    cwd: opts.cwd ?? tmp,
    env: { ...process.env, ...opts.env },
    timeout: 20000,
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

function file(name: string, text: string): string {
  const p = join(tmp, name);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** Output that reveals the implementation language instead of a Python error. */
const jsLeak = /\bat (Object|Module|new |eval)|node:internal|\.ts:\d+|ReferenceError|TypeError: Cannot|is not a function|undefined is not|not a Python value/;

describe("upy command line", () => {
  it("runs a file with arguments in sys.argv", () => {
    const f = file("args.py", "import sys\nprint(sys.argv[1:])\n");
    expect(run([f, "a", "b"]).out).toBe("['a', 'b']\n");
  });

  it("runs -c commands", () => {
    const r = run(["-c", "print(6 * 7)"]);
    expect(r.out).toBe("42\n");
    expect(r.code).toBe(0);
  });

  it("runs -m modules from sys.path", () => {
    file("mods/hello_mod.py", "print('module', __name__)\n");
    const r = run(["-m", "hello_mod"], { env: { MICROPYPATH: join(tmp, "mods") } });
    expect(r.out).toContain("module");
  });

  it("honours MICROPYPATH for imports", () => {
    file("lib1/helper.py", "VALUE = 5\n");
    const r = run(["-c", "import helper; print(helper.VALUE)"], { env: { MICROPYPATH: join(tmp, "lib1") } });
    expect(r.out).toBe("5\n");
  });

  it("accepts -X options", () => {
    expect(run(["-X", "emit=bytecode", "-X", "heapsize=1M", "-c", "print(1)"]).out).toBe("1\n");
  });

  it("prints an uncaught exception's traceback on stderr and exits 1", () => {
    const f = file("boom.py", "def f():\n    1/0\n\nf()\n");
    const r = run([f]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `Traceback (most recent call last):\n  File "${f}", line 4, in <module>\n  File "${f}", line 2, in f\nZeroDivisionError: divide by zero\n`,
    );
  });

  it("honours SystemExit codes", () => {
    expect(run(["-c", "import sys; sys.exit(3)"]).code).toBe(3);
    expect(run(["-c", "raise SystemExit"]).code).toBe(0);
    const r = run(["-c", "import sys; sys.exit('bye')"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("bye\n");
  });

  it("reports a syntax error with file and line", () => {
    const f = file("bad.py", "x = 1\ny = (2 +\nprint(x y)\n");
    const r = run([f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^Traceback \\(most recent call last\\):\\n  File "${f}", line 3\\nSyntaxError: invalid syntax\\n$`));
  });

  it("reports a missing file like the unix port", () => {
    const r = run(["no_such_file.py"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("can't open file 'no_such_file.py'");
  });
});

describe("bad input becomes Python exceptions", () => {
  it("unbounded recursion raises a catchable RuntimeError", () => {
    const r = run(["-c", "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print('caught', e)\n"]);
    expect(r.out).toBe("caught maximum recursion depth exceeded\n");
  });

  it("a huge allocation raises MemoryError", () => {
    const r = run(["-c", "try:\n    x = [0] * (10**12)\nexcept MemoryError:\n    print('MemoryError')\n"]);
    expect(r.out).toBe("MemoryError\n");
  });

  it("a huge string allocation raises MemoryError", () => {
    const r = run(["-c", "try:\n    x = 'ab' * (10**10)\nexcept MemoryError:\n    print('MemoryError')\n"]);
    expect(r.out).toBe("MemoryError\n");
  });

  it("no JavaScript error reaches the user", () => {
    const programs = [
      "None.x", "(1).y = 2", "len(5)", "[][1]", "{}[[]]", "int('z')", "x", "del y", "1 + 'a'",
      "import nonexistent", "f = lambda: 0\nf(1)", "class A: pass\nA().m()", "iter(5)", "next(iter([]))",
      "'a' + b'b'", "'%d' % 'x'", "{}.pop(1)", "[1].index(2)", "1 << -1", "divmod(1, 0)", "float('x')",
      "a, b = 1, 2, 3", "raise 5", "object.__new__(5)", "type('A', 5, {})", "chr(-1)", "().x = 1",
    ];
    for (const p of programs) {
      const r = run(["-c", p]);
      expect(r.code, p).toBe(1);
      expect(r.err, p).toMatch(/^Traceback \(most recent call last\):\n/);
      expect(r.err, p).not.toMatch(jsLeak);
    }
  });
});

describe("upy board from the command line", () => {
  it("--until ends a virtual-clock session there, with the pin trace on stderr", () => {
    const blink = join(dirname(fileURLToPath(import.meta.url)), "..", "examples", "blink");
    const r = run(["board", "--clock", "virtual", "--until", "1200", "--trace", "gpio", blink]);
    expect(r.code).toBe(0);
    const edges = r.err.split("\n").filter((l) => l.includes("GP25"));
    expect(edges.length).toBeGreaterThanOrEqual(2);
    expect(r.err).not.toMatch(/\[\s+1[3-9]\d\d\.\d+ ms\]/);
  });
});
