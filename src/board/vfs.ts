// The board's file system: a VFS over a storage backend (memory here; a host folder in
// vfs_folder.ts; browser storage later). It implements the runtime's HostFS, so os, open() and
// import see the board's files. Platform-neutral: no Node APIs in this file.
//
// - Paths are normalised against the board's cwd; `..` at the root stays at the root, so no
//   path can leave the board's root (as on a real board, there is nothing above `/`).
// - Space is counted in blocks like littlefs (4 KB; a file takes at least one, a directory one);
//   a write that would exceed the flash size fails with ENOSPC and changes nothing.
// - Every write replaces the whole file in one step (backends make it atomic), and open(path,
//   "w") does not truncate an existing file: it changes when close() or flush() commits.

import { HostError, type HostFS, type StatResult } from "../runtime/host.ts";

export const ENOENT = 2;
export const EIO = 5;
export const EEXIST = 17;
export const ENOTDIR = 20;
export const EISDIR = 21;
export const EINVAL = 22;
export const ENOSPC = 28;
export const ENOTEMPTY = 39;

export const BLOCK_SIZE = 4096;

/** Storage for the VFS. Paths given to a backend are normalised absolute board paths ("/a/b"). */
export interface VfsBackend {
  read(path: string): Uint8Array | null;
  /** Replaces the file's contents atomically (the parent directory exists). */
  write(path: string, data: Uint8Array): void;
  stat(path: string): StatResult | null;
  list(path: string): string[];
  mkdir(path: string): void;
  rmdir(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
}

/** Joins and normalises a path; the result is absolute and never above "/". */
export function normalisePath(cwd: string, path: string): string {
  const parts: string[] = [];
  const full = path.startsWith("/") ? path : cwd + "/" + path;
  for (const p of full.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return "/" + parts.join("/");
}

function parentOf(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

function fail(errno: number): never {
  throw new HostError(errno, `[Errno ${errno}]`);
}

const blocksFor = (size: number) => Math.max(1, Math.ceil(size / BLOCK_SIZE));

export class Vfs implements HostFS {
  /** open(path, "w") keeps the old file until the new contents are committed (close/flush). */
  readonly deferTruncate = true;
  private cwd = "/";
  private usedBlocks = 0;
  readonly totalBlocks: number;

  constructor(readonly backend: VfsBackend, flashSize: number) {
    this.totalBlocks = Math.max(2, Math.floor(flashSize / BLOCK_SIZE));
    this.usedBlocks = 1 + this.countBlocks("/");
  }

  private countBlocks(dir: string): number {
    let n = 0;
    for (const name of this.backend.list(dir)) {
      const p = dir === "/" ? "/" + name : dir + "/" + name;
      const st = this.backend.stat(p);
      if (st === null) continue;
      n += st.isDir ? 1 + this.countBlocks(p) : blocksFor(st.size);
    }
    return n;
  }

  /** An absolute normalised board path for a path a program gave. */
  resolve(path: string): string {
    return normalisePath(this.cwd, path);
  }

  private needDir(p: string): void {
    const st = this.backend.stat(p);
    if (st === null) fail(ENOENT);
    if (!st.isDir) fail(ENOTDIR);
  }

  readFile(path: string): Uint8Array | null {
    const p = this.resolve(path);
    const st = this.backend.stat(p);
    if (st === null || st.isDir) return null;
    return this.backend.read(p);
  }

  stat(path: string): StatResult | null {
    return this.backend.stat(this.resolve(path));
  }

  writeFile(path: string, data: Uint8Array, append: boolean): void {
    const p = this.resolve(path);
    if (p === "/") fail(EISDIR);
    this.needDir(parentOf(p));
    const st = this.backend.stat(p);
    if (st !== null && st.isDir) fail(EISDIR);
    let bytes = data;
    if (append && st !== null) {
      const old = this.backend.read(p) ?? new Uint8Array(0);
      bytes = new Uint8Array(old.length + data.length);
      bytes.set(old);
      bytes.set(data, old.length);
    }
    const delta = blocksFor(bytes.length) - (st === null ? 0 : blocksFor(st.size));
    if (delta > 0 && this.usedBlocks + delta > this.totalBlocks) fail(ENOSPC);
    this.backend.write(p, bytes);
    this.usedBlocks += delta;
  }

  listdir(path: string): string[] {
    const p = this.resolve(path === "" ? "." : path);
    this.needDir(p);
    return this.backend.list(p);
  }

  mkdir(path: string): void {
    const p = this.resolve(path);
    if (this.backend.stat(p) !== null) fail(EEXIST);
    this.needDir(parentOf(p));
    if (this.usedBlocks + 1 > this.totalBlocks) fail(ENOSPC);
    this.backend.mkdir(p);
    this.usedBlocks++;
  }

  rmdir(path: string): void {
    const p = this.resolve(path);
    if (p === "/") fail(EINVAL);
    this.needDir(p);
    if (this.backend.list(p).length > 0) fail(ENOTEMPTY);
    this.backend.rmdir(p);
    this.usedBlocks--;
    if (this.cwd === p || this.cwd.startsWith(p + "/")) this.cwd = "/";
  }

  remove(path: string): void {
    const p = this.resolve(path);
    const st = this.backend.stat(p);
    if (st === null) fail(ENOENT);
    if (st.isDir) fail(EISDIR);
    this.backend.remove(p);
    this.usedBlocks -= blocksFor(st.size);
  }

  rename(from: string, to: string): void {
    const a = this.resolve(from);
    const b = this.resolve(to);
    const st = this.backend.stat(a);
    if (st === null) fail(ENOENT);
    if (a === b) return;
    if (b.startsWith(a + "/") || a === "/") fail(EINVAL);
    this.needDir(parentOf(b));
    const dst = this.backend.stat(b);
    if (dst !== null) {
      if (dst.isDir !== st.isDir) fail(dst.isDir ? EISDIR : ENOTDIR);
      if (dst.isDir && this.backend.list(b).length > 0) fail(ENOTEMPTY);
      this.usedBlocks -= dst.isDir ? 1 : blocksFor(dst.size);
    }
    this.backend.rename(a, b);
  }

  getcwd(): string {
    return this.cwd;
  }

  chdir(path: string): void {
    const p = this.resolve(path);
    this.needDir(p);
    this.cwd = p;
  }

  /** os.statvfs figures. */
  statvfs(): { bsize: number; blocks: number; bfree: number; bavail: number } {
    const free = Math.max(0, this.totalBlocks - this.usedBlocks);
    return { bsize: BLOCK_SIZE, blocks: this.totalBlocks, bfree: free, bavail: free };
  }

  /** Back to the root directory (a soft reset keeps files but not the cwd). */
  resetCwd(): void {
    this.cwd = "/";
  }
}

// ---------------------------------------------------------------- memory backend

type MemNode = { dir: Map<string, MemNode> } | { data: Uint8Array; mtime: number };

/** Files held in memory: a fresh, empty file system for every board that does not keep one. */
export class MemoryBackend implements VfsBackend {
  private root: MemNode = { dir: new Map() };

  private node(path: string): MemNode | undefined {
    let n: MemNode | undefined = this.root;
    for (const part of path.split("/")) {
      if (part === "") continue;
      if (n === undefined || !("dir" in n)) return undefined;
      n = n.dir.get(part);
    }
    return n;
  }

  private parentDir(path: string): Map<string, MemNode> {
    const n = this.node(parentOf(path));
    if (n === undefined || !("dir" in n)) fail(ENOENT);
    return n.dir;
  }

  private leaf(path: string): string {
    return path.slice(path.lastIndexOf("/") + 1);
  }

  read(path: string): Uint8Array | null {
    const n = this.node(path);
    return n !== undefined && "data" in n ? n.data.slice() : null;
  }
  write(path: string, data: Uint8Array): void {
    this.parentDir(path).set(this.leaf(path), { data: data.slice(), mtime: Math.floor(Date.now() / 1000) });
  }
  stat(path: string): StatResult | null {
    const n = this.node(path);
    if (n === undefined) return null;
    if ("dir" in n) return { isDir: true, size: 0, mtime: 0 };
    return { isDir: false, size: n.data.length, mtime: n.mtime };
  }
  list(path: string): string[] {
    const n = this.node(path);
    return n !== undefined && "dir" in n ? [...n.dir.keys()] : [];
  }
  mkdir(path: string): void {
    this.parentDir(path).set(this.leaf(path), { dir: new Map() });
  }
  rmdir(path: string): void {
    this.parentDir(path).delete(this.leaf(path));
  }
  remove(path: string): void {
    this.parentDir(path).delete(this.leaf(path));
  }
  rename(from: string, to: string): void {
    const n = this.node(from)!;
    this.parentDir(from).delete(this.leaf(from));
    this.parentDir(to).set(this.leaf(to), n);
  }
}
