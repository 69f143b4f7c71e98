// os: https://docs.micropython.org/en/latest/library/os.html
//
// The unix port's os (extmod/modos.c with ports/unix/modos.c and the POSIX VFS) over the host's
// file system (host.fs). Host failures (HostError) become OSError(errno). A path may be str or
// bytes; listdir/ilistdir of a bytes path give bytes names, as in MicroPython.

import { builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, OSError, ValueError, typeError } from "../runtime/exceptions.ts";
import { host, HostError, type HostFS } from "../runtime/host.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { PyBytes, mkBytes } from "../runtime/types/bytes.ts";
import { getIter, toIndex } from "../runtime/ops.ts";
import { mkAttrTuple } from "./collections.ts";
import { VERSION_STRING } from "./sys.ts";

const ENOENT = 2;
const ENODEV = 19;

/** st_mode values like a Linux file system's (type bits | permissions). */
const S_IFDIR = 0x4000;
const S_IFREG = 0x8000;
const MODE_DIR = S_IFDIR | 0o755;
const MODE_FILE = S_IFREG | 0o644;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// ---------------------------------------------------------------- helpers

function fs(): HostFS {
  const f = host.fs;
  if (f === null) throw newExc(OSError, ENODEV);
  return f;
}

/** Runs a host file-system call, turning its failure into OSError(errno). */
function hostCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HostError) throw newExc(OSError, e.errno);
    throw e;
  }
}

/** A path argument as a JS string (str or bytes, like the POSIX VFS accepts). */
function pathArg(p: any): string {
  if (typeof p === "string") return p;
  if (p instanceof PyBytes) return fromUtf8.decode(p.$b);
  if (typeof p === "object" && typeof p.$v === "string") return p.$v;
  throw typeError(`can't convert '${typeOf(p).$name}' object to str implicitly`);
}

function strArg(s: any): string {
  if (typeof s === "string") return s;
  if (typeof s === "object" && typeof s.$v === "string") return s.$v;
  throw typeError(`can't convert '${typeOf(s).$name}' object to str implicitly`);
}

/** A name as the caller's path type: bytes in, bytes out. */
function nameLike(path: any, name: string): any {
  return path instanceof PyBytes ? mkBytes(utf8.encode(name)) : name;
}

function joinPath(dir: string, name: string): string {
  if (dir === "" || dir === ".") return name;
  return dir.endsWith("/") ? dir + name : dir + "/" + name;
}

// ---------------------------------------------------------------- directories and files

function os_listdir(path?: any) {
  const p = path === undefined ? "" : pathArg(path);
  const names = hostCall(() => fs().listdir(p));
  return mkList(names.map((n) => nameLike(path, n)));
}

/** ilistdir([path]): an iterator of (name, type, inode) tuples. */
function os_ilistdir(path?: any) {
  const p = path === undefined ? "." : pathArg(path);
  const f = fs();
  const names = hostCall(() => f.listdir(p));
  const entries = names.map((n) => {
    const st = f.stat(joinPath(p, n));
    const type = st === null ? 0 : st.isDir ? S_IFDIR : S_IFREG;
    return mkTuple([nameLike(path, n), type, 0]);
  });
  return getIter(mkList(entries));
}

function os_stat(path: any) {
  const st = fs().stat(pathArg(path));
  if (st === null) throw newExc(OSError, ENOENT);
  const mode = st.isDir ? MODE_DIR : MODE_FILE;
  return mkTuple([mode, 0, 0, 1, 0, 0, st.size, st.mtime, st.mtime, st.mtime]);
}

/** statvfs(path): (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax). */
function os_statvfs(path: any) {
  const p = pathArg(path);
  if (fs().stat(p) === null) throw newExc(OSError, ENOENT);
  const v = host.statvfs?.(p) ?? { bsize: 4096, blocks: 262144, bfree: 131072, bavail: 131072 };
  return mkTuple([v.bsize, v.bsize, v.blocks, v.bfree, v.bavail, 0, 0, 0, 0, 255]);
}

function fsOp(name: string, op: (f: HostFS, p: string) => void) {
  return builtin(name, (path: any) => {
    const p = pathArg(path);
    hostCall(() => op(fs(), p));
    return None;
  });
}

function os_rename(from: any, to: any) {
  const a = pathArg(from);
  const b = pathArg(to);
  hostCall(() => fs().rename(a, b));
  return None;
}

function os_getcwd() {
  return hostCall(() => fs().getcwd());
}

// ---------------------------------------------------------------- environment

/** putenv/unsetenv changes, seen by getenv even when the host cannot change its own. */
const envChanges = new Map<string, string | null>();

function os_getenv(key: any, dflt?: any) {
  const k = strArg(key);
  const v = envChanges.has(k) ? envChanges.get(k) : host.getenv(k);
  if (v === undefined || v === null) return dflt === undefined ? None : dflt;
  return v;
}

function os_putenv(key: any, value: any) {
  const k = strArg(key);
  const v = strArg(value);
  envChanges.set(k, v);
  host.putenv?.(k, v);
  return None;
}

function os_unsetenv(key: any) {
  const k = strArg(key);
  envChanges.set(k, null);
  host.putenv?.(k, null);
  return None;
}

// ---------------------------------------------------------------- system

function os_urandom(n: any) {
  const len = toIndex(n);
  if (len < 0) throw newExc(ValueError);
  return mkBytes(len === 0 ? new Uint8Array(0) : host.randomBytes(len));
}

function os_uname() {
  const u = host.uname?.() ?? { nodename: "linux", machine: "JavaScript" };
  return mkAttrTuple(
    ["sysname", "nodename", "release", "version", "machine"],
    ["linux", u.nodename, VERSION_STRING, `v${VERSION_STRING} on 2026-11-29 (micropython-ts)`, u.machine],
  );
}

let lastErrno = 0;
function os_errno(n?: any) {
  if (n === undefined) return lastErrno;
  lastErrno = toIndex(n);
  return None;
}

/** dupterm(stream, index=0): the console has no duplicates here; remembers the stream only. */
const dupterms: any[] = [None, None];
function os_dupterm(stream: any, index?: any) {
  const i = index === undefined ? 0 : toIndex(index);
  if (i < 0 || i >= dupterms.length) throw newExc(ValueError, "invalid dupterm index");
  const prev = dupterms[i];
  dupterms[i] = stream === undefined ? None : stream;
  return prev;
}

export function makeModule(): Record<string, any> {
  const remove = fsOp("remove", (f, p) => f.remove(p));
  return {
    getenv: builtin("getenv", os_getenv),
    putenv: builtin("putenv", os_putenv),
    unsetenv: builtin("unsetenv", os_unsetenv),
    uname: builtin("uname", os_uname),
    urandom: builtin("urandom", os_urandom),
    errno: builtin("errno", os_errno),
    dupterm: builtin("dupterm", os_dupterm),
    sep: "/",
    chdir: fsOp("chdir", (f, p) => f.chdir(p)),
    getcwd: builtin("getcwd", os_getcwd),
    listdir: builtin("listdir", os_listdir),
    ilistdir: builtin("ilistdir", os_ilistdir),
    mkdir: fsOp("mkdir", (f, p) => f.mkdir(p)),
    remove,
    unlink: remove,
    rename: builtin("rename", os_rename),
    rmdir: fsOp("rmdir", (f, p) => f.rmdir(p)),
    stat: builtin("stat", os_stat),
    statvfs: builtin("statvfs", os_statvfs),
  };
}
