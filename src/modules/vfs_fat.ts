// vfs.VfsFat: a FAT file system on a block device.
// https://docs.micropython.org/en/latest/library/vfs.html#vfs.VfsFat (behaviour: extmod/vfs_fat*.c)
//
// The file system itself is vfs_fat_core.ts; this file adapts a Python block device to it
// (vfs_blockdev.ts), and gives Python the VfsFat type (the methods the mount table calls) and
// its file objects (io.TextIOWrapper / io.FileIO streams reading and writing the volume).
// Files left open are synced by gc.collect(), as MicroPython's finaliser closes them.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, STOP } from "../runtime/object.ts";
import { typeError, newExc, StopIteration, memoryError } from "../runtime/exceptions.ts";
import { toIndex, isTrue } from "../runtime/ops.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList, addIteratorMethods } from "../runtime/types/list.ts";
import { PyBytes, mkBytes } from "../runtime/types/bytes.ts";
import { PyStaticMethod } from "../runtime/types/function.ts";
import { objectId } from "../runtime/types/type.ts";
import { getBufferOrNull, getWritableBuffer } from "../runtime/buffer.ts";
import { host } from "../runtime/host.ts";
import { oserror, pathStr, vfsTypes, autodetectHooks, S_IFDIR, S_IFREG } from "./vfs.ts";
import { BlockDev, IOCTL_INIT, IOCTL_SYNC, IOCTL_BLOCK_COUNT, IOCTL_BLOCK_SIZE } from "./vfs_blockdev.ts";
import {
  FatVolume, FatFail, FatFileObj, FR, FR_ERRNO, AM_DIR, fatClock, type Disk, type Dir, type FileInfo,
  FA_READ, FA_WRITE, FA_CREATE_NEW, FA_CREATE_ALWAYS, FA_OPEN_ALWAYS,
} from "./vfs_fat_core.ts";
import { mkfs } from "./vfs_fat_mkfs.ts";
import { decodeUtf8 } from "../runtime/types/str.ts";
import { heapLock } from "./micropython.ts";
import { collectHooks } from "./gc.ts";

const EINVAL = 22;
const enc = new TextEncoder();

fatClock.now = () => host.epochMs();

/** Runs a file system call, turning its failure into OSError(errno). */
function fat<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FatFail) throw oserror(FR_ERRNO[e.code]);
    throw e;
  }
}

// ---------------------------------------------------------------- the block device as a disk

class BlockDisk implements Disk {
  constructor(public dev: BlockDev) {}
  init(): boolean {
    const r = this.dev.ioctl(IOCTL_INIT, 0);
    return r === None || r === undefined || typeof r !== "number" || r === 0;
  }
  readonly(): boolean {
    return this.dev.readonly;
  }
  sectorSize(): number {
    const ss = this.dev.ioctlInt(IOCTL_BLOCK_SIZE, 0, 512) & 0xffff;
    this.dev.blockSize = ss;
    return ss;
  }
  sectorCount(): number {
    return toIndex(this.dev.ioctl(IOCTL_BLOCK_COUNT, 0)) >>> 0;
  }
  read(sect: number, count: number, buf: Uint8Array): boolean {
    return this.dev.read(sect, count, buf) === 0;
  }
  write(sect: number, count: number, buf: Uint8Array): number {
    const r = this.dev.write(sect, count, buf);
    return r === 0 ? 0 : r === -30 ? 2 : 1;
  }
  sync(): void {
    this.dev.ioctl(IOCTL_SYNC, 0);
  }
}

// ---------------------------------------------------------------- VfsFat

export class VfsFat extends PyObject {
  $noFs = false;
  constructor(public $dev: BlockDev, public $vol: FatVolume) {
    super();
  }
}
export const vfsFatType = defineBuiltinType("VfsFat", VfsFat.prototype);

/** VfsFat(bdev): the volume is mounted at once; a device without one can still be formatted. */
function makeVfsFat(cls: PyType, bdev: any): VfsFat {
  const dev = new BlockDev(bdev);
  const v = new VfsFat(dev, new FatVolume(new BlockDisk(dev)));
  if (cls !== vfsFatType) Object.setPrototypeOf(v, cls.$proto);
  try {
    v.$vol.ensure(false);
  } catch (e) {
    if (!(e instanceof FatFail)) throw e;
    if (e.code !== FR.NO_FILESYSTEM) throw oserror(FR_ERRNO[e.code]);
    v.$noFs = true;
  }
  return v;
}

vfsFatType.$new = (cls: PyType, args: any[]) => {
  if (args.length !== 1) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
  return makeVfsFat(cls, args[0]);
};

/** mkfs(bdev): FAT12/16 when the volume allows, else FAT32 (extmod/vfs_fat.c). */
function fat_mkfs(bdev: any): any {
  const v = makeVfsFat(vfsFatType, bdev);
  fat(() => {
    try {
      mkfs(v.$vol, false);
    } catch (e) {
      if (!(e instanceof FatFail) || e.code !== FR.MKFS_ABORTED) throw e;
      mkfs(v.$vol, true);
    }
  });
  return None;
}

function fat_mount(self: VfsFat, readonly: any, makeFs: any): any {
  if (isTrue(readonly)) self.$dev.writeblocks = null;
  if (self.$noFs) {
    if (!isTrue(makeFs)) throw oserror(FR_ERRNO[FR.NO_FILESYSTEM]);
    fat(() => mkfs(self.$vol, false));
  }
  self.$noFs = false;
  return None;
}

function fat_open(self: VfsFat, path: any, mode: any): any {
  const ms = mode === undefined ? "r" : pathStr(mode);
  let flags = 0;
  let text = true;
  for (const c of ms) {
    if (c === "r") flags |= FA_READ;
    else if (c === "w") flags |= FA_WRITE | FA_CREATE_ALWAYS;
    else if (c === "x") flags |= FA_WRITE | FA_CREATE_NEW;
    else if (c === "a") flags |= FA_WRITE | FA_OPEN_ALWAYS;
    else if (c === "+") flags |= FA_READ | FA_WRITE;
    else if (c === "b") text = false;
    else if (c === "t") text = true;
  }
  if (heapLock.depth > 0) throw memoryError();
  const p = pathStr(path);
  const vol = self.$vol;
  const fp = fat(() => {
    const f = vol.open(p, flags);
    if (flags & FA_OPEN_ALWAYS) vol.lseek(f, f.objsize);
    return f;
  });
  const file = new FatFile(fp, text);
  Object.setPrototypeOf(file, (text ? fatTextType : fatBinaryType).$proto);
  track(file);
  return file;
}

/** Iterates a directory: (name, type, 0, size) tuples. */
class FatDirIter extends PyObject {
  constructor(public $vol: FatVolume, public $dp: Dir, public $isStr: boolean, public $id: number) {
    super();
  }
  $next(): any {
    const info = fat(() => this.$vol.readDir(this.$dp, this.$id));
    if (info === null) return STOP;
    const name = this.$isStr ? info.name : mkBytes(enc.encode(info.name));
    return mkTuple([name, info.attr & AM_DIR ? S_IFDIR : S_IFREG, 0, info.size]);
  }
}
const fatDirIterType = defineBuiltinType("iterator", FatDirIter.prototype);
addIteratorMethods(fatDirIterType);

function fat_ilistdir(self: VfsFat, path?: any): any {
  const isStr = !(path instanceof PyBytes);
  const p = path === undefined ? "" : pathStr(path);
  if (heapLock.depth > 0) throw memoryError();
  const dp = fat(() => self.$vol.openDir(p));
  return new FatDirIter(self.$vol, dp, isStr, self.$vol.id);
}

/** remove (want 0) and rmdir (want AM_DIR): the object must be of that kind. */
function removeKind(self: VfsFat, path: any, want: number): any {
  const p = pathStr(path);
  const vol = self.$vol;
  const info = fat(() => vol.stat(p));
  if ((info.attr & AM_DIR) !== want) throw oserror(want ? 20 /* ENOTDIR */ : 21 /* EISDIR */);
  fat(() => vol.unlink(p));
  return None;
}

function fat_rename(self: VfsFat, from: any, to: any): any {
  const a = pathStr(from);
  const b = pathStr(to);
  const vol = self.$vol;
  try {
    vol.rename(a, b);
  } catch (e) {
    if (!(e instanceof FatFail)) throw e;
    if (e.code !== FR.EXIST) throw oserror(FR_ERRNO[e.code]);
    // The new name exists: replace it if it is a file.
    removeKind(self, to, 0);
    fat(() => vol.rename(a, b));
  }
  return None;
}

/** Seconds since 1970 of a FAT date and time (timeutils_seconds_since_epoch). */
function fatSeconds(date: number, time: number): number {
  const ms = Date.UTC(1980 + ((date >> 9) & 0x7f), ((date >> 5) & 0x0f) - 1, date & 0x1f,
    (time >> 11) & 0x1f, (time >> 5) & 0x3f, 2 * (time & 0x1f));
  return Math.floor(ms / 1000);
}

function fat_stat(self: VfsFat, path: any): any {
  const p = pathStr(path);
  let info: FileInfo;
  if (p === "" || p === "/") info = { name: "", attr: AM_DIR, size: 0, date: 0x2821, time: 0 };
  else info = fat(() => self.$vol.stat(p));
  const mode = info.attr & AM_DIR ? S_IFDIR : S_IFREG;
  const t = fatSeconds(info.date, info.time);
  return mkTuple([mode, 0, 0, 0, 0, 0, info.size, t, t, t]);
}

function fat_statvfs(self: VfsFat, _path: any): any {
  const vol = self.$vol;
  const free = fat(() => {
    vol.ensure(false);
    return vol.getFree();
  });
  const bsize = vol.csize * vol.ss;
  return mkTuple([bsize, bsize, vol.nFatent - 2, free, free, 0, 0, 0, 0, 255]);
}

/** A method taking one path (chdir, mkdir). */
function pathOp(name: string, op: (vol: FatVolume, p: string) => void) {
  return builtin(name, (self: VfsFat, path: any) => {
    const p = pathStr(path);
    fat(() => op(self.$vol, p));
    return None;
  });
}

addMethods(vfsFatType, {
  mkfs: new PyStaticMethod(builtin("mkfs", fat_mkfs)),
  open: builtin("open", fat_open),
  ilistdir: builtin("ilistdir", fat_ilistdir),
  mkdir: pathOp("mkdir", (v, p) => v.mkdir(p)),
  rmdir: builtin("rmdir", (self: VfsFat, path: any) => removeKind(self, path, AM_DIR)),
  chdir: pathOp("chdir", (v, p) => v.chdir(p)),
  getcwd: builtin("getcwd", (self: VfsFat) => fat(() => self.$vol.getcwd())),
  remove: builtin("remove", (self: VfsFat, path: any) => removeKind(self, path, 0)),
  rename: builtin("rename", fat_rename),
  stat: builtin("stat", fat_stat),
  statvfs: builtin("statvfs", fat_statvfs),
  mount: builtin("mount", fat_mount),
  umount: builtin("umount", () => None),
});

// ---------------------------------------------------------------- files

export class FatFile extends PyObject {
  constructor(public $fp: FatFileObj, public $text: boolean) {
    super();
  }
}

/**
 * Open files, so gc.collect() can do what MicroPython's finaliser does for files a program
 * dropped without closing: the file is held here (not its Python object, which may die first),
 * synced at every collection, and closed once its Python object is gone.
 */
const openFiles = new Map<FatFileObj, WeakRef<FatFile> | null>();

function track(f: FatFile): void {
  openFiles.set(f.$fp, typeof WeakRef === "function" ? new WeakRef(f) : null);
}

collectHooks.push(() => {
  for (const [fp, ref] of openFiles) {
    try {
      if (!fp.open) openFiles.delete(fp);
      else if (ref !== null && ref.deref() === undefined) {
        openFiles.delete(fp);
        fp.vol.close(fp);
      } else {
        fp.vol.sync(fp);
      }
    } catch {
      // A finaliser's failure is not reported.
    }
  }
});

function readBytes(self: FatFile, n: number): Uint8Array {
  const fp = self.$fp;
  if (n < 0) n = Math.max(fp.objsize - fp.fptr, 0);
  const out = new Uint8Array(n);
  const got = fat(() => fp.vol.read(fp, out, 0, n));
  return got === n ? out : out.subarray(0, got);
}

/** read(n) of a text file counts characters: whole UTF-8 sequences are read. */
function readChars(self: FatFile, n: number): Uint8Array {
  let buf = readBytes(self, n);
  for (;;) {
    let chars = 0;
    let need = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if ((c & 0xc0) !== 0x80) chars++;
      need = c < 0x80 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : need - 1;
    }
    const more = Math.max(n - chars, 0) + Math.max(need, 0);
    if (more === 0) return buf;
    const extra = readBytes(self, more);
    if (extra.length === 0) return buf;
    const nb = new Uint8Array(buf.length + extra.length);
    nb.set(buf);
    nb.set(extra, buf.length);
    buf = nb;
  }
}

function out(self: FatFile, b: Uint8Array): any {
  return self.$text ? decodeUtf8(b) : mkBytes(b.slice());
}

function file_read(self: FatFile, n?: any): any {
  const size = n === undefined || n === None ? -1 : toIndex(n);
  return out(self, self.$text && size >= 0 ? readChars(self, size) : readBytes(self, size));
}

function file_readinto(self: FatFile, buf: any, n?: any): any {
  const target = getWritableBuffer(buf).bytes;
  const want = n === undefined || n === None ? target.length : Math.min(toIndex(n), target.length);
  const fp = self.$fp;
  return fat(() => fp.vol.read(fp, target, 0, want));
}

function lineBytes(self: FatFile, limit: number): Uint8Array {
  const fp = self.$fp;
  const parts: number[] = [];
  const one = new Uint8Array(1);
  while (limit < 0 || parts.length < limit) {
    if (fat(() => fp.vol.read(fp, one, 0, 1)) === 0) break;
    parts.push(one[0]);
    if (one[0] === 10) break;
  }
  return Uint8Array.from(parts);
}

function file_readline(self: FatFile, limit?: any): any {
  return out(self, lineBytes(self, limit === undefined || limit === None ? -1 : toIndex(limit)));
}

function file_readlines(self: FatFile): any {
  const lines: any[] = [];
  for (;;) {
    const b = lineBytes(self, -1);
    if (b.length === 0) return mkList(lines);
    lines.push(out(self, b));
  }
}

function file_write(self: FatFile, data: any): any {
  const b = getBufferOrNull(data);
  if (b === null) throw typeError("object with buffer protocol required");
  const fp = self.$fp;
  const n = fat(() => fp.vol.write(fp, b.bytes));
  if (n !== b.bytes.length) throw oserror(28 /* ENOSPC */);
  return n;
}

function file_flush(self: FatFile): any {
  const fp = self.$fp;
  fat(() => fp.vol.sync(fp));
  return None;
}

function file_close(self: FatFile): any {
  const fp = self.$fp;
  if (fp.open) {
    openFiles.delete(fp);
    fat(() => fp.vol.close(fp));
  }
  return None;
}

function file_seek(self: FatFile, offset: any, whence?: any): any {
  const off = toIndex(offset);
  const w = whence === undefined ? 0 : toIndex(whence);
  if (w === 0 && off < 0) throw oserror(EINVAL);
  const fp = self.$fp;
  let pos = w === 1 ? fp.fptr + off : w === 2 ? fp.objsize + off : off;
  // FatFs takes the position unsigned: before the start means past the end.
  if (pos < 0) pos = fp.flag & FA_WRITE ? 0 : fp.objsize;
  try {
    fp.vol.lseek(fp, pos);
  } catch (e) {
    if (!(e instanceof FatFail)) throw e;
  }
  return fp.fptr;
}

function file_next(self: FatFile): any {
  const b = lineBytes(self, -1);
  if (b.length === 0) throw newExc(StopIteration);
  return out(self, b);
}

function file_repr(self: FatFile): string {
  return `<io.${self.$text ? "TextIOWrapper" : "FileIO"} 0x${objectId(self).toString(16)}>`;
}

const fileMethods = {
  read: builtin("read", file_read),
  readinto: builtin("readinto", file_readinto),
  readline: builtin("readline", file_readline),
  readlines: builtin("readlines", file_readlines),
  write: builtin("write", file_write),
  flush: builtin("flush", file_flush),
  close: builtin("close", file_close),
  seek: builtin("seek", file_seek),
  tell: builtin("tell", (self: FatFile) => self.$fp.fptr),
  __del__: builtin("__del__", file_close),
  __enter__: builtin("__enter__", (self: any) => self),
  __exit__: builtin("__exit__", (self: FatFile) => file_close(self)),
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", file_next),
  __repr__: builtin("__repr__", file_repr),
};

const fatTextType = defineBuiltinType("TextIOWrapper", Object.create(FatFile.prototype));
const fatBinaryType = defineBuiltinType("FileIO", Object.create(FatFile.prototype));
addMethods(fatTextType, fileMethods);
addMethods(fatBinaryType, fileMethods);

// ---------------------------------------------------------------- registration

vfsTypes.VfsFat = vfsFatType;
/** A block device mounted directly becomes a VfsFat (mp_vfs_autodetect without littlefs). */
autodetectHooks.push((bdev: any) => makeVfsFat(vfsFatType, bdev));
