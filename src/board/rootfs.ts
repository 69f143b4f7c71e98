// The board's flash file system as Python sees it: the object a port's _boot.py mounts at "/".
// Real boards mount a VfsLfs2 (rp2, esp32) or a VfsFat (pyboard) over their flash; here it is
// the board's VFS (vfs.ts) seen through the runtime's host-file-system VFS, under the real type
// name, so `vfs.mount()`, repr and `mpremote df` show what a board shows, and os.statvfs gives
// the VFS's own figures (flash size in 4 KB blocks).
//
// The modules vfs and os then offer that type instead of VfsPosix (which no board has). Making a
// new one from Python would need a block device: not available here (OSError ENODEV).

import { defineBuiltinType, addMethods, builtin, type PyType } from "../runtime/object.ts";
import { newExc, OSError } from "../runtime/exceptions.ts";
import { call } from "../runtime/call.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { VfsPosix, vfsPosixType, vfsConfig, resetMounts } from "../modules/vfs.ts";
import type { BoardProfile } from "./profiles.ts";

const ENODEV = 19;
const types = new Map<string, PyType>();

/** The Python type of a board's root file system ("VfsLfs2" or "VfsFat"). */
export function rootFsType(name: string): PyType {
  let t = types.get(name);
  if (t === undefined) {
    t = defineBuiltinType(name, Object.create(VfsPosix.prototype), vfsPosixType);
    t.$new = () => {
      throw newExc(OSError, ENODEV);
    };
    // stat() as littlefs and FatFs give it: the file type alone in st_mode, no link count.
    const posixStat = (vfsPosixType.$proto as any).stat;
    addMethods(t, {
      stat: builtin("stat", (self: any, path: any) => {
        const a = (call(posixStat, [self, path], null) as any).$a as any[];
        return mkTuple([a[0] & 0xf000, 0, 0, 0, 0, 0, a[6], a[7], a[8], a[9]]);
      }),
    });
    types.set(name, t);
  }
  return t;
}

/** Makes the VFS mount the profile's file system type at "/" (after every soft reset). */
export function installRootFs(p: BoardProfile): void {
  const t = rootFsType(p.rootFs);
  vfsConfig.makeRoot = () => {
    const fs = new VfsPosix("", false);
    Object.setPrototypeOf(fs, t.$proto);
    return fs;
  };
  resetMounts();
}

/** Module members: the root type in place of VfsPosix. */
export function withBoardFsTypes(m: Record<string, any>, p: BoardProfile): Record<string, any> {
  delete m.VfsPosix;
  m[p.rootFs] = rootFsType(p.rootFs);
  return m;
}
