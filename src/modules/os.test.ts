import { describe, it, expect, beforeAll, afterAll } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, None } from "../runtime/object.ts";
import { repr, toArray } from "../runtime/ops.ts";
import { host, setHost, HostError, type Host, type HostFS } from "../runtime/host.ts";
import { mkBytes } from "../runtime/types/bytes.ts";
import { makeModule } from "./os.ts";
import { pyError } from "../testing.ts";

const os = makeModule();

/** A tiny in-memory file system: directories are Sets of names, files byte arrays. */
function memFS(): HostFS {
  const dirs = new Map<string, Set<string>>([["/", new Set()]]);
  const files = new Map<string, Uint8Array>();
  let cwd = "/";
  const abs = (p: string) => p === "." || p === "" ? cwd : (p.startsWith("/") ? p : (cwd === "/" ? "/" : cwd + "/") + p).replace(/\/+$/, "") || "/";
  const parent = (p: string) => p.slice(0, p.lastIndexOf("/")) || "/";
  const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);
  const fail = (n: number): never => {
    throw new HostError(n, "err");
  };
  return {
    readFile: (p) => files.get(abs(p)) ?? null,
    stat: (p) => {
      const a = abs(p);
      if (dirs.has(a)) return { isDir: true, size: 0, mtime: 1000 };
      const f = files.get(a);
      return f === undefined ? null : { isDir: false, size: f.length, mtime: 2000 };
    },
    writeFile: (p, d) => {
      const a = abs(p);
      files.set(a, d);
      dirs.get(parent(a))!.add(base(a));
    },
    listdir: (p) => [...(dirs.get(abs(p || ".")) ?? fail(2))],
    mkdir: (p) => {
      const a = abs(p);
      if (dirs.has(a) || files.has(a)) fail(17);
      dirs.set(a, new Set());
      dirs.get(parent(a))!.add(base(a));
    },
    rmdir: (p) => {
      const a = abs(p);
      if (!dirs.has(a)) fail(2);
      dirs.delete(a);
      dirs.get(parent(a))!.delete(base(a));
    },
    remove: (p) => {
      const a = abs(p);
      if (!files.delete(a)) fail(2);
      dirs.get(parent(a))!.delete(base(a));
    },
    rename: (x, y) => {
      const a = abs(x), b = abs(y);
      const f = files.get(a) ?? fail(2);
      files.delete(a);
      dirs.get(parent(a))!.delete(base(a));
      files.set(b, f);
      dirs.get(parent(b))!.add(base(b));
    },
    getcwd: () => cwd,
    chdir: (p) => {
      const a = abs(p);
      if (!dirs.has(a)) fail(2);
      cwd = a;
    },
  };
}

let saved: Host;
beforeAll(() => {
  saved = host;
  const env: Record<string, string> = { HOME: "/home/me" };
  setHost({ ...saved, fs: memFS(), getenv: (n) => env[n] });
});
afterAll(() => setHost(saved));

describe("os over host.fs", () => {
  it("makes, lists and removes", () => {
    os.mkdir("d");
    host.fs!.writeFile("/d/f.txt", new Uint8Array(5), false);
    expect(toArray(os.listdir())).toEqual(["d"]);
    expect(toArray(os.listdir("d"))).toEqual(["f.txt"]);
    expect(repr(toArray(os.ilistdir("d"))[0])).toBe("('f.txt', 32768, 0)");
    expect(repr(toArray(os.ilistdir())[0])).toBe("('d', 16384, 0)");
    expect(repr(os.stat("d/f.txt"))).toBe("(33188, 0, 0, 1, 0, 0, 5, 2000, 2000, 2000)");
    os.rename("d/f.txt", "d/g.txt");
    expect(repr(os.listdir(mkBytes(new TextEncoder().encode("d"))))).toBe("[b'g.txt']");
    os.remove("d/g.txt");
    os.chdir("d");
    expect(os.getcwd()).toBe("/d");
    os.chdir("/");
    os.rmdir("d");
    expect(toArray(os.listdir())).toEqual([]);
  });
  it("raises OSError with the host's errno", () => {
    expect(pyError(() => os.stat("nope"))).toBe("OSError: 2");
    expect(pyError(() => os.remove("nope"))).toBe("OSError: 2");
    os.mkdir("e");
    expect(pyError(() => os.mkdir("e"))).toBe("OSError: 17");
    os.rmdir("e");
  });
  it("statvfs gives a 10-tuple", () => {
    expect(os.statvfs("/").$a.length).toBe(10);
  });
});

describe("os environment and system", () => {
  it("getenv/putenv/unsetenv", () => {
    expect(os.getenv("HOME")).toBe("/home/me");
    expect(os.getenv("NOPE")).toBe(None);
    expect(os.getenv("NOPE", 5)).toBe(5);
    os.putenv("NOPE", "x");
    expect(os.getenv("NOPE")).toBe("x");
    os.unsetenv("NOPE");
    expect(os.getenv("NOPE")).toBe(None);
  });
  it("urandom", () => {
    expect(os.urandom(4).$b.length).toBe(4);
    expect(os.urandom(0).$b.length).toBe(0);
    expect(pyError(() => os.urandom(-1))).toBe("ValueError: ");
  });
  it("uname is a tuple with named fields", () => {
    const u = os.uname();
    expect(u.$a.length).toBe(5);
    expect(repr(u)).toMatch(/^\(sysname='linux', nodename='.*', release='.*', version='.*', machine='.*'\)$/);
  });
  it("sep", () => {
    expect(os.sep).toBe("/");
  });
});
