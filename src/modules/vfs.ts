// vfs: the mount table and the file systems that can be mounted in it.
// https://docs.micropython.org/en/latest/library/vfs.html (behaviour: extmod/vfs.c, vfs_posix.c)
//
// As in MicroPython's unix port, the host file system (VfsPosix) is mounted at "/" when the
// program starts, and every os file function and open() resolve their path through the mount
// table: a path names a mounted object and a path inside it, and the call is delegated to that
// object's method (mount, umount, open, ilistdir, stat, ...). A mounted object may be a VfsPosix,
// a VfsFat over a block device, or any Python object with those methods (the user-VFS protocol).
// With nothing mounted at "/", the root is a virtual directory listing the mount points.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, STOP, typeOf } from "../runtime/object.ts";
import { newExc, OSError, typeError, isPyException } from "../runtime/exceptions.ts";
import { host, HostError, type HostFS } from "../runtime/host.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { getIter, iterNext, getItem, isTrue, toArray, toIndex } from "../runtime/ops.ts";
import { mkTuple, PyTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { PyBytes, mkBytes, mkByteArray } from "../runtime/types/bytes.ts";
import { addIteratorMethods } from "../runtime/types/list.ts";
import { importFS } from "../runtime/import.ts";
import { openHostFile, openFd } from "./io.ts";
import type { FunctionSig } from "../runtime/types/function.ts";

export const EPERM = 1;
export const ENOENT = 2;
export const EIO = 5;
export const ENODEV = 19;
export const EEXIST = 17;
export const EINVAL = 22;
export const EROFS = 30;

export const S_IFDIR = 0x4000;
export const S_IFREG = 0x8000;
/** MICROPY_ALLOC_PATH_MAX of the unix port: f_namemax when nothing is mounted at "/". */
const PATH_MAX = 4096;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function oserror(errno: number) {
  return newExc(OSError, errno);
}

// ---------------------------------------------------------------- paths

/** A path argument (str or bytes) as a JS string. */
export function pathStr(p: any): string {
  if (typeof p === "string") return p;
  if (p instanceof PyBytes) return fromUtf8.decode(p.$b);
  if (typeof p === "object" && typeof p.$v === "string") return p.$v;
  throw typeError(`can't convert '${typeOf(p).$name}' object to str implicitly`);
}

/** `s` as a path of the same type as `like` (bytes in, bytes out). */
export function pathLike(like: any, s: string): any {
  return like instanceof PyBytes ? mkBytes(utf8.encode(s)) : s;
}

// ---------------------------------------------------------------- the mount table

interface Mount {
  /** The mount point, e.g. "/flash" or "/". */
  str: string;
  obj: any;
}

const ROOT = "root" as const;
type Found = Mount | typeof ROOT | null;

/** Mount order, except that a file system mounted at "/" is always last. */
let table: Mount[] = [];
/** The current directory's file system (ROOT: the virtual root directory). */
let cur: Mount | typeof ROOT = ROOT;
let started = false;

/** How the root file system is made: a board mounts its flash file system's type instead. */
export const vfsConfig = { makeRoot: (): any => new VfsPosix("", false) };

/**
 * A soft reset (mp_init): the mount table is emptied and the root mounted again on next use,
 * as a port's _boot.py does. User mounts are dropped without umount(), as on a real board.
 */
export function resetMounts(): void {
  table = [];
  cur = ROOT;
  started = false;
}

/** The unix port mounts the host file system at "/" before running a program. */
function start(): void {
  if (started) return;
  started = true;
  const m = { str: "/", obj: vfsConfig.makeRoot() };
  table.push(m);
  cur = m;
  importFS.stat = vfsImportStat;
  importFS.readFile = vfsImportRead;
}

/** Resolves a path to its file system; `pathOut` receives the path inside it. */
let pathOut = "";
function lookup(path: string): Found {
  start();
  if (path.charCodeAt(0) === 47 /* / */ || cur === ROOT) {
    const abs = path.charCodeAt(0) === 47;
    const p = abs ? path.slice(1) : path;
    if (p === "") return ROOT;
    for (const m of table) {
      const len = m.str.length - 1;
      if (len === 0) {
        pathOut = abs ? "/" + p : p;
        return m;
      }
      if (p.startsWith(m.str.slice(1))) {
        if (p.charCodeAt(len) === 47) {
          pathOut = p.slice(len);
          return m;
        }
        if (p.length === len) {
          pathOut = "/";
          return m;
        }
      }
    }
    return null;
  }
  pathOut = path;
  return cur;
}

/** Calls a method of the mounted object (ENODEV: nothing there; EPERM: the virtual root). */
function proxy(m: Found, name: string, args: any[]): any {
  if (m === null) throw oserror(ENODEV);
  if (m === ROOT) throw oserror(EPERM);
  return callMethod(m.obj, name, args, null);
}

/** Looks a path argument up; returns the mount and the inner path as the caller's type. */
function lookupArg(path: any): [Found, any] {
  const m = lookup(pathStr(path));
  return [m, m !== null && m !== ROOT ? pathLike(path, pathOut) : undefined];
}

function rootMount(): Mount | undefined {
  for (const m of table) if (m.str.length === 1) return m;
  return undefined;
}

// ---------------------------------------------------------------- mount / umount

const mountSig: FunctionSig = {
  names: ["fsobj", "mount_point"], posonly: 2, defaults: [undefined, undefined],
  kwonly: ["readonly", "mkfs"], kwDefaults: [false, false], varargs: false, varkw: false,
};

/** Makes the file system object for a block device (a mounted object without mount()). */
export const autodetectHooks: ((bdev: any) => any)[] = [];

function autodetect(bdev: any): any {
  for (const f of autodetectHooks) {
    const fs = f(bdev);
    if (fs !== undefined) return fs;
  }
  throw oserror(ENODEV);
}

export function vfs_mount(fsobj?: any, mountPoint?: any, readonly?: any, mkfs?: any): any {
  start();
  if (fsobj === undefined) return mkList(table.map((m) => mkTuple([m.obj, m.str])));
  if (mountPoint === undefined) throw typeError("function missing 1 required positional arguments");
  const str = pathStr(mountPoint);
  let obj = fsobj;
  if (loadAttrOrUndefined(obj, "mount") === undefined) obj = autodetect(obj);
  const m: Mount = { str, obj };
  proxy(m, "mount", [readonly ?? false, mkfs ?? false]);
  const existing = lookup(str);
  if (existing !== null && existing !== ROOT && !(str.length !== 1 && existing.str.length === 1)) {
    throw oserror(EPERM);
  }
  const r = table.findIndex((x) => x.str.length === 1);
  if (r < 0) table.push(m);
  else table.splice(r, 0, m);
  return None;
}
(vfs_mount as any).$sig = mountSig;

export function vfs_umount(mnt: any): any {
  start();
  const s = typeof mnt === "string" ? mnt : null;
  const i = table.findIndex((m) => (s !== null && m.str === s) || m.obj === mnt);
  if (i < 0) throw oserror(EINVAL);
  const m = table[i];
  table.splice(i, 1);
  if (cur === m) cur = ROOT;
  proxy(m, "umount", []);
  return None;
}

// ---------------------------------------------------------------- open

export function vfsOpen(file: any, mode: any = "r"): any {
  if (typeof file === "number") return openFd(file, mode);
  const [m, p] = lookupArg(file);
  return proxy(m, "open", [p, mode]);
}

// ---------------------------------------------------------------- directories

export function vfs_chdir(path: any): any {
  let [m, p] = lookupArg(path);
  if (m === ROOT) {
    // Relative paths must then start at the root of a file system mounted at "/".
    const r = rootMount();
    if (r !== undefined) proxy(r, "chdir", ["/"]);
  } else {
    proxy(m, "chdir", [p]);
  }
  cur = m as Mount | typeof ROOT;
  return None;
}

export function vfs_getcwd(): any {
  start();
  if (cur === ROOT) return "/";
  const cwd = proxy(cur, "getcwd", []);
  if (cur.str.length === 1) return cwd;
  const c = pathStr(cwd);
  return c === "/" ? cur.str : cur.str + c;
}

/** Lists the virtual root: the mount points, then what a file system at "/" holds. */
class RootDirIter extends PyObject {
  $i = 0;
  $inner: any = null;
  constructor(public $isStr: boolean) {
    super();
  }
  $next(): any {
    if (this.$inner !== null) return iterNext(this.$inner);
    const m = table[this.$i++];
    if (m === undefined) return STOP;
    if (m.str.length === 1) {
      this.$inner = getIter(proxy(m, "ilistdir", ["/"]));
      return iterNext(this.$inner);
    }
    const name = m.str.slice(1);
    return mkTuple([this.$isStr ? name : mkBytes(utf8.encode(name)), S_IFDIR, 0]);
  }
}
const rootDirIterType = defineBuiltinType("iterator", RootDirIter.prototype);
addIteratorMethods(rootDirIterType);

export function vfs_ilistdir(path?: any): any {
  const arg = path === undefined ? "" : path;
  const [m, p] = lookupArg(arg);
  if (m === ROOT) return new RootDirIter(!(arg instanceof PyBytes));
  return proxy(m, "ilistdir", [p]);
}

export function vfs_listdir(path?: any): any {
  const it = getIter(vfs_ilistdir(path));
  const out: any[] = [];
  for (let e = iterNext(it); e !== STOP; e = iterNext(it)) out.push(getItem(e, 0));
  return mkList(out);
}

export function vfs_mkdir(path: any): any {
  const [m, p] = lookupArg(path);
  if (m === ROOT || (m !== null && pathStr(p) === "/")) throw oserror(EEXIST);
  return proxy(m, "mkdir", [p]);
}

export function vfs_remove(path: any): any {
  const [m, p] = lookupArg(path);
  return proxy(m, "remove", [p]);
}

export function vfs_rename(oldPath: any, newPath: any): any {
  const [m1, p1] = lookupArg(oldPath);
  const [m2, p2] = lookupArg(newPath);
  if (m1 !== m2) throw oserror(EPERM);
  return proxy(m1, "rename", [p1, p2]);
}

export function vfs_rmdir(path: any): any {
  const [m, p] = lookupArg(path);
  return proxy(m, "rmdir", [p]);
}

export function vfs_stat(path: any): any {
  const [m, p] = lookupArg(path);
  if (m === ROOT) return mkTuple([S_IFDIR, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  return proxy(m, "stat", [p]);
}

export function vfs_statvfs(path: any): any {
  let [m, p] = lookupArg(path);
  if (m === ROOT) {
    const r = rootMount();
    if (r === undefined) return mkTuple([0, 0, 0, 0, 0, 0, 0, 0, 0, PATH_MAX]);
    m = r;
    p = "/";
  }
  return proxy(m, "statvfs", [p]);
}

// ---------------------------------------------------------------- imports through the VFS

function vfsImportStat(path: string): { isDir: boolean; size: number; mtime: number } | null {
  const m = lookup(path === "" ? "." : path);
  if (m === null || m === ROOT) return null;
  if (m.obj instanceof VfsPosix) return hostFs().stat(m.obj.$path(pathOut));
  let st: any;
  try {
    st = proxy(m, "stat", [pathOut]);
  } catch (e) {
    if (isPyException(e)) return null; // any failure means "not there"
    throw e;
  }
  const mode = toIndex(getItem(st, 0));
  return { isDir: (mode & S_IFDIR) !== 0, size: 0, mtime: 0 };
}

/** Reads a module's source: a stream opened "rb", read as MicroPython's VFS reader does. */
function vfsImportRead(path: string): Uint8Array | null {
  const m = lookup(path);
  if (m === null || m === ROOT) return null;
  if (m.obj instanceof VfsPosix) return hostFs().readFile(m.obj.$path(pathOut));
  const f = proxy(m, "open", [pathOut, "rb"]);
  const userIoctl = loadAttrOrUndefined(f, "ioctl") !== undefined && typeOf(f).$user;
  if (userIoctl) callMethod(f, "ioctl", [11 /* GET_BUFFER_SIZE */, 0], null);
  try {
    return readAll(f);
  } finally {
    if (userIoctl) callMethod(f, "ioctl", [4 /* CLOSE */, 0], null);
    else callMethod(f, "close", [], null);
  }
}

function readAll(f: any): Uint8Array {
  if (loadAttrOrUndefined(f, "readinto") !== undefined) {
    const parts: number[] = [];
    const buf = mkByteArray(new Uint8Array(256));
    for (;;) {
      const n = toIndex(callMethod(f, "readinto", [buf], null));
      if (n <= 0) break;
      for (let i = 0; i < n; i++) parts.push(buf.$b[i]);
    }
    return Uint8Array.from(parts);
  }
  const data = callMethod(f, "read", [], null);
  return typeof data === "string" ? utf8.encode(data) : new Uint8Array(toArray(data).map((x) => toIndex(x)));
}

// ---------------------------------------------------------------- VfsPosix

function hostFs(): HostFS {
  const f = host.fs;
  if (f === null) throw oserror(ENODEV);
  return f;
}

/** Runs a host file-system call, turning its failure into OSError(errno). */
export function hostCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HostError) throw oserror(e.errno);
    if (isPyException(e)) throw e;
    // A host call failing in a way the host did not classify (e.g. a deleted cwd).
    throw oserror(ENOENT);
  }
}

function joinPath(dir: string, name: string): string {
  if (dir === "" || dir === ".") return name;
  return dir.endsWith("/") ? dir + name : dir + "/" + name;
}

export class VfsPosix extends PyObject {
  constructor(public $root: string, public $readonly: boolean) {
    super();
  }
  /** The host path for a path inside this file system (absolute ones start at the root). */
  $path(p: string): string {
    if (this.$root === "" || p.charCodeAt(0) !== 47) return p;
    return this.$root.slice(0, -1) + p;
  }
  $writable(): void {
    if (this.$readonly) throw oserror(EROFS);
  }
}
export const vfsPosixType = defineBuiltinType("VfsPosix", VfsPosix.prototype);

vfsPosixType.$new = (cls: PyType, args: any[]) => {
  if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
  let root = "";
  if (args.length === 1) {
    root = pathStr(args[0]);
    // A relative root is made absolute, or a later chdir would change its meaning.
    if (root !== "" && root[0] !== "/") root = hostCall(() => hostFs().getcwd()) + "/" + root;
    root += "/";
  }
  const v = new VfsPosix(root, false);
  if (cls !== vfsPosixType) Object.setPrototypeOf(v, cls.$proto);
  return v;
};

function posix_mount(self: VfsPosix, readonly: any, mkfs: any): any {
  if (isTrue(readonly)) self.$readonly = true;
  if (isTrue(mkfs)) throw oserror(EPERM);
  return None;
}

function posix_open(self: VfsPosix, path: any, mode: any): any {
  const md = mode === undefined ? "r" : pathStr(mode);
  if (self.$readonly && /[wa+]/.test(md)) throw oserror(EROFS);
  if (typeof path === "number") return openFd(path, md);
  return openHostFile(self.$path(pathStr(path)), md);
}

function posix_getcwd(self: VfsPosix): any {
  const cwd = hostCall(() => hostFs().getcwd());
  return self.$root === "" ? cwd : cwd.slice(self.$root.length - 1);
}

function posix_ilistdir(self: VfsPosix, path: any): any {
  let p = self.$path(pathStr(path));
  if (p === "") p = ".";
  const f = hostFs();
  const names = hostCall(() => f.listdir(p));
  const isStr = !(path instanceof PyBytes);
  const entries = names.map((n) => {
    const st = f.stat(joinPath(p, n));
    const type = st === null ? 0 : st.isDir ? S_IFDIR : S_IFREG;
    return mkTuple([isStr ? n : mkBytes(utf8.encode(n)), type, 0]);
  });
  return getIter(mkList(entries));
}

function posix_stat(self: VfsPosix, path: any): any {
  const st = hostFs().stat(self.$path(pathStr(path)));
  if (st === null) throw oserror(ENOENT);
  const mode = st.isDir ? S_IFDIR | 0o755 : S_IFREG | 0o644;
  return mkTuple([mode, 0, 0, 1, 0, 0, st.size, st.mtime, st.mtime, st.mtime]);
}

/** statvfs: (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax). */
function posix_statvfs(self: VfsPosix, path: any): any {
  const p = self.$path(pathStr(path));
  if (hostFs().stat(p === "" ? "." : p) === null) throw oserror(ENOENT);
  const v = host.statvfs?.(p) ?? { bsize: 4096, blocks: 262144, bfree: 131072, bavail: 131072 };
  return mkTuple([v.bsize, v.bsize, v.blocks, v.bfree, v.bavail, 0, 0, 0, 0, 255]);
}

/** A method taking one path that runs a host call (chdir, mkdir, remove, rmdir). */
function posixOp(name: string, write: boolean, op: (f: HostFS, p: string) => void) {
  return builtin(name, (self: VfsPosix, path: any) => {
    if (write) self.$writable();
    const p = self.$path(pathStr(path));
    hostCall(() => op(hostFs(), p));
    return None;
  });
}

function posix_rename(self: VfsPosix, from: any, to: any): any {
  self.$writable();
  const a = self.$path(pathStr(from));
  const b = self.$path(pathStr(to));
  hostCall(() => hostFs().rename(a, b));
  return None;
}

addMethods(vfsPosixType, {
  mount: builtin("mount", posix_mount),
  umount: builtin("umount", () => None),
  open: builtin("open", posix_open),
  chdir: posixOp("chdir", false, (f, p) => f.chdir(p)),
  getcwd: builtin("getcwd", posix_getcwd),
  ilistdir: builtin("ilistdir", posix_ilistdir),
  mkdir: posixOp("mkdir", true, (f, p) => f.mkdir(p)),
  remove: posixOp("remove", true, (f, p) => f.remove(p)),
  rename: builtin("rename", posix_rename),
  rmdir: posixOp("rmdir", true, (f, p) => f.rmdir(p)),
  stat: builtin("stat", posix_stat),
  statvfs: builtin("statvfs", posix_statvfs),
});

// ---------------------------------------------------------------- module

/** File system types other files add (VfsFat, VfsLfs2), by name. */
export const vfsTypes: Record<string, PyType> = { VfsPosix: vfsPosixType };

const moduleFns: Record<string, any> = {
  mount: builtin("mount", vfs_mount),
  umount: builtin("umount", vfs_umount),
};

/** os.mount and os.umount are the same objects as vfs.mount and vfs.umount. */
export function vfsModuleMember(name: string): any {
  return moduleFns[name];
}

export function makeModule(): Record<string, any> {
  return { ...moduleFns, ...vfsTypes };
}

void PyTuple;
