// The board's VFS directly: path normalisation that can never leave the root, flash-size
// accounting (ENOSPC, nothing changed), and the host-folder backend's atomic writes.
import { describe, it, expect } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Vfs, MemoryBackend, normalisePath, ENOSPC, ENOENT, ENOTEMPTY, EEXIST } from "../../src/board/vfs.ts";
import { FolderBackend } from "../../src/board/vfs_folder.ts";
import { HostError } from "../../src/runtime/host.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

function errnoOf(f: () => void): number {
  try {
    f();
  } catch (e) {
    if (e instanceof HostError) return e.errno;
    throw e;
  }
  return 0;
}

describe("paths", () => {
  it("normalises and never goes above the root", () => {
    expect(normalisePath("/", "a/./b/../c")).toBe("/a/c");
    expect(normalisePath("/lib", "../../etc/passwd")).toBe("/etc/passwd");
    expect(normalisePath("/", "/../../..")).toBe("/");
    expect(normalisePath("/x", "")).toBe("/x");
  });
});

for (const kind of ["memory", "folder"] as const) {
  describe(`VFS on ${kind} storage`, () => {
    const make = (flash = 64 * 1024) => {
      const dir = mkdtempSync(join(tmpdir(), "upy-vfs-"));
      return { vfs: new Vfs(kind === "memory" ? new MemoryBackend() : new FolderBackend(dir), flash), dir };
    };

    it("reads, writes, lists, renames and removes", () => {
      const { vfs } = make();
      vfs.mkdir("lib");
      vfs.writeFile("lib/m.py", enc("x = 1\n"), false);
      vfs.writeFile("/lib/m.py", enc("y = 2\n"), true);
      expect(dec(vfs.readFile("/lib/m.py"))).toBe("x = 1\ny = 2\n");
      expect(vfs.listdir("/").sort()).toEqual(["lib"]);
      vfs.chdir("lib");
      expect(vfs.getcwd()).toBe("/lib");
      vfs.rename("m.py", "/n.py");
      expect(vfs.listdir("")).toEqual([]);
      expect(vfs.stat("/n.py")).toMatchObject({ isDir: false, size: 12 });
      expect(errnoOf(() => vfs.rmdir("/nope"))).toBe(ENOENT);
      expect(errnoOf(() => vfs.mkdir("/lib"))).toBe(EEXIST);
      vfs.writeFile("/lib/a", enc("a"), false);
      expect(errnoOf(() => vfs.rmdir("/lib"))).toBe(ENOTEMPTY);
      vfs.remove("/lib/a");
      vfs.rmdir("/lib");
      expect(vfs.getcwd()).toBe("/");
    });

    it("keeps `..` inside the board", () => {
      const { vfs } = make();
      expect(vfs.readFile("../../etc/passwd")).toBe(null);
      expect(vfs.stat("/../../../etc")).toBe(null);
      vfs.writeFile("../../escape.txt", enc("x"), false);
      expect(vfs.listdir("/")).toEqual(["escape.txt"]);
    });

    it("fails with ENOSPC when the flash is full, leaving the old file intact", () => {
      const { vfs } = make(8 * 4096);
      vfs.writeFile("/a.bin", new Uint8Array(4 * 4096), false);
      vfs.writeFile("/b.bin", enc("old"), false);
      expect(errnoOf(() => vfs.writeFile("/b.bin", new Uint8Array(5 * 4096), false))).toBe(ENOSPC);
      expect(dec(vfs.readFile("/b.bin"))).toBe("old");
      expect(vfs.statvfs().bfree).toBe(8 - 1 - 4 - 1);
      vfs.remove("/a.bin");
      vfs.writeFile("/b.bin", new Uint8Array(5 * 4096), false);
      expect(vfs.stat("/b.bin")!.size).toBe(5 * 4096);
    });
  });
}

describe("host folder backend", () => {
  it("writes through a temporary file and leaves none behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-vfs-"));
    const vfs = new Vfs(new FolderBackend(dir), 1 << 20);
    vfs.writeFile("/main.py", enc("print(1)\n"), false);
    expect(readFileSync(join(dir, "main.py"), "utf8")).toBe("print(1)\n");
    expect(readdirSync(dir)).toEqual(["main.py"]);
  });

  it("removes temporary files a killed board left, and hides symbolic links", () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-vfs-"));
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", ".upy-tmp-1-0"), "half");
    symlinkSync("/etc", join(dir, "etc"));
    const vfs = new Vfs(new FolderBackend(dir), 1 << 20);
    expect(readdirSync(join(dir, "lib"))).toEqual([]);
    expect(vfs.listdir("/")).toEqual(["lib"]);
    expect(vfs.readFile("/etc/passwd")).toBe(null);
  });
});
