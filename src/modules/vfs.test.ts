import { describe, it, expect, beforeAll, afterAll } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { toArray } from "../runtime/ops.ts";
import { call } from "../runtime/call.ts";
import { host, setHost, HostError, type Host, type HostFS } from "../runtime/host.ts";
import * as vfs from "./vfs.ts";

/** A flat in-memory host file system: "/", "/d" and "/d/f" exist; cwd is "/". */
function memFS(): HostFS {
  const dirs = new Set(["/", "/d"]);
  const files = new Map<string, Uint8Array>([["/d/f", new Uint8Array([104, 105])]]);
  const abs = (p: string) => (p === "" || p === "." ? "/" : p.startsWith("/") ? p.replace(/\/+/g, "/").replace(/(.)\/$/, "$1") : "/" + p);
  const fail = (n: number): never => {
    throw new HostError(n, "err");
  };
  return {
    readFile: (p) => files.get(abs(p)) ?? null,
    stat: (p) => (dirs.has(abs(p)) ? { isDir: true, size: 0, mtime: 0 } : files.has(abs(p)) ? { isDir: false, size: files.get(abs(p))!.length, mtime: 0 } : null),
    writeFile: (p, d) => void files.set(abs(p), d),
    listdir: (p) => {
      const a = abs(p);
      if (!dirs.has(a)) fail(2);
      const pre = a === "/" ? "/" : a + "/";
      return [...dirs, ...files.keys()].filter((x) => x !== a && x.startsWith(pre) && !x.slice(pre.length).includes("/")).map((x) => x.slice(pre.length));
    },
    mkdir: (p) => void (dirs.has(abs(p)) ? fail(17) : dirs.add(abs(p))),
    rmdir: (p) => void (dirs.delete(abs(p)) || fail(2)),
    remove: (p) => void (files.delete(abs(p)) || fail(2)),
    rename: () => fail(1),
    getcwd: () => "/",
    chdir: () => {},
  };
}

const errno = (f: () => any): number | string => {
  try {
    f();
  } catch (e: any) {
    if (typeOf(e).$name === "OSError") return e.args.$a[0];
    throw e;
  }
  return "no error";
};

let saved: Host;
beforeAll(() => {
  saved = host;
  setHost({ ...host, fs: memFS() });
});
afterAll(() => setHost(saved));

describe("vfs mount table", () => {
  it("starts with the host file system at /", () => {
    expect(toArray(vfs.vfs_listdir("/"))).toEqual(["d"]);
    expect(toArray(vfs.vfs_listdir("/d"))).toEqual(["f"]);
  });
  it("resolves paths under a mount point into the mounted file system", () => {
    const sub = call(vfs.vfsPosixType, ["/d"], null);
    vfs.vfs_mount(sub, "/m", true, false);
    expect(toArray(vfs.vfs_listdir("/m"))).toEqual(["f"]);
    expect(toArray(vfs.vfs_stat("/m/f"))[6]).toBe(2);
    expect(errno(() => vfs.vfs_mkdir("/m/x"))).toBe(30); // mounted read-only
    expect(errno(() => vfs.vfs_rename("/m/f", "/g"))).toBe(1); // across file systems
    expect(errno(() => vfs.vfs_mount(sub, "/m", false, false))).toBe(1); // in use
    vfs.vfs_umount("/m");
    expect(errno(() => vfs.vfs_umount("/m"))).toBe(22);
  });
  it("lists mount points in the virtual root when nothing is mounted at /", () => {
    const [[root]] = toArray(vfs.vfs_mount()).map((t: any) => t.$a);
    vfs.vfs_umount("/");
    expect(errno(() => vfs.vfs_listdir("/x"))).toBe(19);
    vfs.vfs_mount(call(vfs.vfsPosixType, ["/d"], null), "/m", false, false);
    expect(toArray(vfs.vfs_listdir("/"))).toEqual(["m"]);
    expect(toArray(vfs.vfs_stat("/"))[0]).toBe(0x4000);
    vfs.vfs_umount("/m");
    vfs.vfs_mount(root, "/", false, false);
    vfs.vfs_chdir("/");
    expect(vfs.vfs_getcwd()).toBe("/");
  });
});
