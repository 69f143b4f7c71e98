// os: https://docs.micropython.org/en/latest/library/os.html
//
// The unix port's os (extmod/modos.c with ports/unix/modos.c and the POSIX VFS) over the host's
// file system. The file functions (listdir, stat, mkdir, ...) resolve paths through the VFS mount
// table and delegate to the mounted file system: see vfs.ts, which also holds VfsPosix.

import { builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, ValueError, typeError } from "../runtime/exceptions.ts";
import { host } from "../runtime/host.ts";
import { mkBytes } from "../runtime/types/bytes.ts";
import { toIndex } from "../runtime/ops.ts";
import { mkAttrTuple } from "./collections.ts";
import { VERSION_STRING } from "./sys.ts";
import * as vfs from "./vfs.ts";

function strArg(s: any): string {
  if (typeof s === "string") return s;
  if (typeof s === "object" && typeof s.$v === "string") return s.$v;
  throw typeError(`can't convert '${typeOf(s).$name}' object to str implicitly`);
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
  const remove = builtin("remove", vfs.vfs_remove);
  return {
    getenv: builtin("getenv", os_getenv),
    putenv: builtin("putenv", os_putenv),
    unsetenv: builtin("unsetenv", os_unsetenv),
    uname: builtin("uname", os_uname),
    urandom: builtin("urandom", os_urandom),
    errno: builtin("errno", os_errno),
    dupterm: builtin("dupterm", os_dupterm),
    sep: "/",
    // The file functions go through the VFS mount table (modules/vfs.ts), as in MicroPython.
    chdir: builtin("chdir", vfs.vfs_chdir),
    getcwd: builtin("getcwd", vfs.vfs_getcwd),
    listdir: builtin("listdir", vfs.vfs_listdir),
    ilistdir: builtin("ilistdir", vfs.vfs_ilistdir),
    mkdir: builtin("mkdir", vfs.vfs_mkdir),
    remove,
    unlink: remove,
    rename: builtin("rename", vfs.vfs_rename),
    rmdir: builtin("rmdir", vfs.vfs_rmdir),
    stat: builtin("stat", vfs.vfs_stat),
    statvfs: builtin("statvfs", vfs.vfs_statvfs),
    sync: builtin("sync", () => None),
    // Deprecated MicroPython extensions kept by the unix port: use the vfs module instead.
    mount: vfs.vfsModuleMember("mount"),
    umount: vfs.vfsModuleMember("umount"),
    ...vfs.vfsTypes,
  };
}
