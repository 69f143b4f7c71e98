// The block-device protocol: how a file system reads and writes a Python block device.
// https://docs.micropython.org/en/latest/library/vfs.html#block-devices (behaviour: extmod/vfs_blockdev.c)
//
// A block device is any object with readblocks(n, buf) and, unless read-only, writeblocks(n, buf).
// The new protocol adds ioctl(op, arg) (block count, block size, sync, init, erase) and extended
// calls readblocks(n, buf, offset) / writeblocks(n, buf, offset) for byte ranges inside a block;
// the old one has count() and an optional sync() instead, with 512-byte blocks.
// The buffer handed to the device is a memoryview over the file system's own bytes, so the device
// writes straight into it and cannot resize it.

import { None } from "../runtime/object.ts";
import { loadAttr, loadAttrOrUndefined } from "../runtime/attr.ts";
import { call } from "../runtime/call.ts";
import { toIndex } from "../runtime/ops.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import { PyMemoryView } from "../runtime/types/memoryview.ts";

export const IOCTL_INIT = 1;
export const IOCTL_DEINIT = 2;
export const IOCTL_SYNC = 3;
export const IOCTL_BLOCK_COUNT = 4;
export const IOCTL_BLOCK_SIZE = 5;
export const IOCTL_BLOCK_ERASE = 6;

const EINVAL = 22;
const EROFS = 30;

/** A writable memoryview over `u8` (no copy). */
function viewOf(u8: Uint8Array): PyMemoryView {
  return new PyMemoryView(mkByteArray(u8), 0, u8.length, "B", 1, false);
}

/** A device call's result: None is success, a positive number is invalid (-EINVAL). */
function rwResult(ret: any): number {
  if (ret === None || ret === undefined) return 0;
  const i = toIndex(ret);
  return i > 0 ? -EINVAL : i;
}

export class BlockDev {
  readonly obj: any;
  readblocks: any;
  /** null: a read-only device (no writeblocks, or mounted readonly=True). */
  writeblocks: any;
  ioctlFn: any;
  syncFn: any;
  countFn: any;
  /** Bytes per block, as the device last reported it (512 until asked). */
  blockSize = 512;

  constructor(obj: any) {
    this.obj = obj;
    this.readblocks = loadAttr(obj, "readblocks");
    this.writeblocks = loadAttrOrUndefined(obj, "writeblocks") ?? null;
    this.ioctlFn = loadAttrOrUndefined(obj, "ioctl") ?? null;
    this.syncFn = null;
    this.countFn = null;
    if (this.ioctlFn === null) {
      this.syncFn = loadAttrOrUndefined(obj, "sync") ?? null;
      this.countFn = loadAttr(obj, "count");
    }
  }

  get readonly(): boolean {
    return this.writeblocks === null;
  }

  /** Reads `count` blocks from block `n` into `buf`: 0 or a negative errno. */
  read(n: number, count: number, buf: Uint8Array): number {
    return rwResult(call(this.readblocks, [n, viewOf(buf.subarray(0, count * this.blockSize))], null));
  }

  /** Writes `count` blocks at block `n`: 0 or a negative errno (-EROFS: read-only device). */
  write(n: number, count: number, buf: Uint8Array): number {
    if (this.writeblocks === null) return -EROFS;
    return rwResult(call(this.writeblocks, [n, viewOf(buf.subarray(0, count * this.blockSize))], null));
  }

  /** The extended protocol: `buf.length` bytes at byte `off` of block `n`. */
  readExt(n: number, off: number, buf: Uint8Array): number {
    return rwResult(call(this.readblocks, [n, viewOf(buf), off], null));
  }

  writeExt(n: number, off: number, buf: Uint8Array): number {
    if (this.writeblocks === null) return -EROFS;
    return rwResult(call(this.writeblocks, [n, viewOf(buf), off], null));
  }

  /** ioctl(op, arg) of the new protocol, emulated with count()/sync() for the old one. */
  ioctl(op: number, arg: number): any {
    if (this.ioctlFn !== null) return call(this.ioctlFn, [op, arg], null);
    if (op === IOCTL_SYNC) {
      if (this.syncFn !== null) call(this.syncFn, [], null);
    } else if (op === IOCTL_BLOCK_COUNT) {
      return call(this.countFn, [], null);
    }
    return None;
  }

  /** ioctl as an int, or `dflt` when the device answers None. */
  ioctlInt(op: number, arg: number, dflt: number): number {
    const r = this.ioctl(op, arg);
    return r === None || r === undefined ? dflt : toIndex(r);
  }
}
