import { describe, it, expect } from "vitest";
import { FatVolume, FatFail, FR, AM_DIR, FA_READ, FA_WRITE, FA_CREATE_ALWAYS, FA_CREATE_NEW, type Disk } from "./vfs_fat_core.ts";
import { mkfs } from "./vfs_fat_mkfs.ts";

/** A sparse in-memory disk: sectors never written read as zeros. */
class MemDisk implements Disk {
  sectors = new Map<number, Uint8Array>();
  reads = 0;
  failReads = false;
  ro = false;
  constructor(public count: number, public ss = 512) {}
  init() {
    return true;
  }
  readonly() {
    return this.ro;
  }
  sectorSize() {
    return this.ss;
  }
  sectorCount() {
    return this.count;
  }
  read(sect: number, n: number, buf: Uint8Array) {
    if (this.failReads) return false;
    this.reads++;
    for (let i = 0; i < n; i++) {
      const s = this.sectors.get(sect + i);
      if (s) buf.set(s, i * this.ss);
      else buf.fill(0, i * this.ss, (i + 1) * this.ss);
    }
    return true;
  }
  write(sect: number, n: number, buf: Uint8Array) {
    if (this.ro) return 2;
    for (let i = 0; i < n; i++) this.sectors.set(sect + i, buf.slice(i * this.ss, (i + 1) * this.ss));
    return 0;
  }
  sync() {}
  /** The bytes of the whole disk (small disks only). */
  image(): Uint8Array {
    const out = new Uint8Array(this.count * this.ss);
    for (const [n, s] of this.sectors) out.set(s, n * this.ss);
    return out;
  }
}

function formatted(count: number, ss = 512): [MemDisk, FatVolume] {
  const d = new MemDisk(count, ss);
  const v = new FatVolume(d);
  try {
    mkfs(v, false);
  } catch (e) {
    if (!(e instanceof FatFail) || e.code !== FR.MKFS_ABORTED) throw e;
    mkfs(v, true);
  }
  v.ensure(false);
  return [d, v];
}

function fr(f: () => any): number {
  try {
    f();
  } catch (e) {
    if (e instanceof FatFail) return e.code;
    throw e;
  }
  return FR.OK;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function writeFile(v: FatVolume, path: string, data: string | Uint8Array): number {
  const fp = v.open(path, FA_WRITE | FA_CREATE_ALWAYS);
  const n = v.write(fp, typeof data === "string" ? enc.encode(data) : data);
  v.close(fp);
  return n;
}

function readFile(v: FatVolume, path: string): string {
  const fp = v.open(path, FA_READ);
  const out = new Uint8Array(fp.objsize);
  v.read(fp, out, 0, out.length);
  v.close(fp);
  return dec.decode(out);
}

function list(v: FatVolume, path = ""): string[] {
  const dp = v.openDir(path);
  const names: string[] = [];
  for (let e = v.readDir(dp, v.id); e !== null; e = v.readDir(dp, v.id)) names.push(e.name);
  return names;
}

function indexOf(hay: Uint8Array, needle: string): number {
  const n = enc.encode(needle);
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}

describe("mkfs layout (MicroPython's FatFs rules)", () => {
  it("50 sectors: FAT12, 1 FAT, 512 root entries, 16 clusters of 512 bytes", () => {
    const [d, v] = formatted(50);
    expect(v.fsType).toBe(1);
    expect(v.nFats).toBe(1);
    expect(v.nRootdir).toBe(512);
    expect(v.csize).toBe(1);
    expect(v.nFatent - 2).toBe(16);
    expect(v.getFree()).toBe(16);
    const img = d.image();
    expect(Array.from(img.subarray(0, 3))).toEqual([0xeb, 0xfe, 0x90]);
    expect(dec.decode(img.subarray(3, 11))).toBe("MSDOS5.0");
    expect(dec.decode(img.subarray(43, 62))).toBe("NO NAME    FAT     ");
    expect(Array.from(img.subarray(512, 515))).toEqual([0xf8, 0xff, 0xff]);
    expect(img[510] | (img[511] << 8)).toBe(0xaa55);
  });

  it("4 GiB: FAT32 in a partition at sector 63, 32 KiB clusters", () => {
    const [d, v] = formatted((4 * 1024 * 1024 * 1024) / 512);
    expect(v.fsType).toBe(3);
    expect(v.volbase).toBe(63);
    expect(v.csize * v.ss).toBe(32768);
    expect(v.nFatent - 2).toBe(131054);
    expect(v.getFree()).toBe(131053);
    writeFile(v, "/test.txt", "test file");
    expect(v.getFree()).toBe(131052);
    // The FSInfo sector keeps the free count across mounts.
    const v2 = new FatVolume(d);
    v2.ensure(false);
    expect(v2.getFree()).toBe(131052);
    expect(readFile(v2, "test.txt")).toBe("test file");
    expect(d.sectors.get(0)![446 + 4]).toBe(0x0c);
  });

  it("4096-byte sectors", () => {
    const [, v] = formatted(800, 4096);
    expect(v.ss).toBe(4096);
    writeFile(v, "a.txt", "x".repeat(10000));
    expect(readFile(v, "a.txt")).toBe("x".repeat(10000));
  });

  it("too small a device cannot be formatted", () => {
    const v = new FatVolume(new MemDisk(10));
    expect(fr(() => mkfs(v, false))).toBe(FR.MKFS_ABORTED);
  });

  it("an unformatted device has no file system", () => {
    expect(fr(() => new FatVolume(new MemDisk(50)).ensure(false))).toBe(FR.NO_FILESYSTEM);
  });
});

describe("names", () => {
  it("8.3 lower-case names are stored upper case with the NT case flags", () => {
    const [d, v] = formatted(50);
    writeFile(v, "foo_file.txt", "hello!");
    const img = d.image();
    const at = indexOf(img, "FOO_FILETXT");
    expect(at).toBeGreaterThan(0);
    expect(img[at + 12]).toBe(0x18);
    expect(list(v)).toEqual(["foo_file.txt"]);
  });

  it("long and mixed-case names get LFN entries and a numbered short name", () => {
    const [d, v] = formatted(200);
    writeFile(v, "moved-to-root.txt", "a");
    writeFile(v, "moved-to-other.txt", "b");
    writeFile(v, "Mixed.Txt", "c");
    const img = d.image();
    expect(indexOf(img, "MOVED-~1TXT")).toBeGreaterThan(0);
    expect(indexOf(img, "MOVED-~2TXT")).toBeGreaterThan(0);
    expect(indexOf(img, "MIXED   TXT")).toBeGreaterThan(0);
    expect(list(v)).toEqual(["moved-to-root.txt", "moved-to-other.txt", "Mixed.Txt"]);
    // Lookups ignore case.
    expect(readFile(v, "MOVED-TO-ROOT.TXT")).toBe("a");
    expect(readFile(v, "mixed.txt")).toBe("c");
  });

  it("rejects invalid names", () => {
    const [, v] = formatted(50);
    expect(fr(() => v.open("a*b", FA_WRITE | FA_CREATE_ALWAYS))).toBe(FR.INVALID_NAME);
    // "." of the root is the root itself (there is no dot entry): it exists.
    expect(fr(() => v.mkdir("."))).toBe(FR.EXIST);
    expect(fr(() => v.stat("."))).toBe(FR.INVALID_NAME);
  });
});

describe("files and directories", () => {
  it("directories, cwd and relative paths", () => {
    const [, v] = formatted(100);
    v.mkdir("dir");
    v.mkdir("dir/sub");
    expect(fr(() => v.mkdir("dir"))).toBe(FR.EXIST);
    expect(fr(() => v.mkdir("nodir/x"))).toBe(FR.NO_PATH);
    v.chdir("dir/sub");
    expect(v.getcwd()).toBe("/dir/sub");
    writeFile(v, "f.txt", "in sub");
    v.chdir("..");
    expect(v.getcwd()).toBe("/dir");
    expect(readFile(v, "sub/f.txt")).toBe("in sub");
    expect(fr(() => v.chdir("sub/f.txt"))).toBe(FR.NO_PATH);
    v.chdir("/");
    expect(v.getcwd()).toBe("/");
    expect(list(v, "dir")).toEqual(["sub"]);
    expect(v.stat("dir").attr & AM_DIR).toBe(AM_DIR);
    expect(v.stat("dir/sub/f.txt").size).toBe(6);
  });

  it("unlink: files, empty directories only, not the current one", () => {
    const [, v] = formatted(100);
    v.mkdir("d");
    writeFile(v, "d/f", "x");
    expect(fr(() => v.unlink("d"))).toBe(FR.DENIED);
    v.unlink("d/f");
    v.chdir("d");
    expect(fr(() => v.unlink("/d"))).toBe(FR.DENIED);
    v.chdir("/");
    v.unlink("d");
    expect(list(v)).toEqual([]);
    expect(v.getFree()).toBe(v.nFatent - 2);
    expect(fr(() => v.unlink("d"))).toBe(FR.NO_FILE);
  });

  it("rename: first free slot, existing target, directories move with '..'", () => {
    const [, v] = formatted(100);
    v.mkdir("foo_dir");
    writeFile(v, "foo_dir/file-in-dir.txt", "data");
    writeFile(v, "foo_dir/sub_file.txt", "sub");
    v.rename("foo_dir/file-in-dir.txt", "foo_dir/file.txt");
    expect(list(v, "foo_dir")).toEqual(["sub_file.txt", "file.txt"]);
    writeFile(v, "temp", "new");
    expect(fr(() => v.rename("temp", "foo_dir/file.txt"))).toBe(FR.EXIST);
    v.mkdir("other");
    v.rename("foo_dir", "other/moved");
    v.chdir("other/moved");
    expect(v.getcwd()).toBe("/other/moved");
    v.chdir("..");
    expect(v.getcwd()).toBe("/other");
    expect(fr(() => v.rename("nothere", "x"))).toBe(FR.NO_FILE);
  });

  it("open modes: create new, truncate, append by seeking, directories", () => {
    const [, v] = formatted(100);
    writeFile(v, "f", "hello");
    expect(fr(() => v.open("f", FA_WRITE | FA_CREATE_NEW))).toBe(FR.EXIST);
    const fp = v.open("f", FA_READ | FA_WRITE);
    v.lseek(fp, fp.objsize);
    v.write(fp, enc.encode(" world"));
    v.close(fp);
    expect(readFile(v, "f")).toBe("hello world");
    writeFile(v, "f", "new");
    expect(readFile(v, "f")).toBe("new");
    v.mkdir("d");
    expect(fr(() => v.open("d", FA_READ))).toBe(FR.NO_FILE);
    expect(fr(() => v.open("nope", FA_READ))).toBe(FR.NO_FILE);
    expect(fr(() => v.write(fp, enc.encode("x")))).toBe(FR.INVALID_OBJECT);
  });

  it("large files across clusters; seeks; multi-sector reads", () => {
    const [, v] = formatted(2048);
    const data = new Uint8Array(50000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    writeFile(v, "big", data);
    const fp = v.open("big", FA_READ);
    v.lseek(fp, 12345);
    const part = new Uint8Array(3000);
    expect(v.read(fp, part, 0, 3000)).toBe(3000);
    expect(part).toEqual(data.subarray(12345, 15345));
    v.lseek(fp, 100000);
    expect(fp.fptr).toBe(50000);
    v.close(fp);
  });

  it("a full volume gives a short write", () => {
    const [, v] = formatted(50);
    const fp = v.open("big", FA_WRITE | FA_CREATE_ALWAYS);
    const n = v.write(fp, new Uint8Array(17 * 512));
    expect(n).toBe(16 * 512);
    v.close(fp);
    expect(v.getFree()).toBe(0);
    expect(fr(() => v.mkdir("d"))).toBe(FR.DENIED);
  });

  it("the root directory of FAT12/16 is fixed in size", () => {
    const [, v] = formatted(2048);
    for (let i = 0; i < 512; i++) writeFile(v, "f" + i, "");
    expect(fr(() => writeFile(v, "one-more", ""))).toBe(FR.DENIED);
  });

  it("read errors reach the caller; a write-protected disk refuses writes", () => {
    const [d, v] = formatted(50);
    writeFile(v, "f", "abc");
    v.stat("/f");
    d.failReads = true;
    writeFile(v, "g", "");
    expect(fr(() => readFile(v, "f"))).toBe(FR.DISK_ERR);
    d.failReads = false;
    d.ro = true;
    expect(fr(() => v.mkdir("x"))).toBe(FR.WRITE_PROTECTED);
    expect(readFile(v, "f")).toBe("abc");
  });
});
