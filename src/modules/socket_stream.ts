// MicroPython's stream protocol (py/stream.c) for objects that read and write in raw steps:
// sockets and websockets. Such an object offers `$rawRead(n)` (one read: up to n bytes, empty
// at end of stream, null when a non-blocking stream has nothing now) and `$rawWrite(b)` (one
// write: the count written, or null); the Python methods read/readinto/readline/write here
// loop over them as MicroPython's generic stream methods do.
//
// rawRead/rawWrite also reach any other stream (io.BytesIO, a Python object with read/write
// methods), for layers over streams such as websocket.

import { None } from "../runtime/object.ts";
import { newExc, OSError, osError, typeError } from "../runtime/exceptions.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { toIndex } from "../runtime/ops.ts";
import { getBuffer, getBufferOrNull, getWritableBuffer } from "../runtime/buffer.ts";
import { mkBytes } from "../runtime/types/bytes.ts";

export interface RawIO {
  $rawRead(n: number): Uint8Array | null;
  $rawWrite(b: Uint8Array): number | null;
}

const EAGAIN = 11;

function isRaw(obj: any): obj is RawIO {
  return typeof obj === "object" && typeof obj.$rawRead === "function";
}

/** Raises unless `obj` can be read and written as a stream (mp_get_stream_raise). */
export function checkStream(obj: any): void {
  if (isRaw(obj)) return;
  if (typeof obj !== "object" || loadAttrOrUndefined(obj, "read") === undefined || loadAttrOrUndefined(obj, "write") === undefined)
    throw newExc(OSError, "stream operation not supported");
}

/** One read of up to n bytes from any stream: empty at its end, null when it would block. */
export function rawRead(obj: any, n: number): Uint8Array | null {
  if (isRaw(obj)) return obj.$rawRead(n);
  const r = callMethod(obj, "read", [n], null);
  if (r === None) return null;
  const b = getBufferOrNull(r);
  if (b === null) throw typeError("object with buffer protocol required");
  return b.bytes;
}

/** One write to any stream: the count written, or null when it would block. */
export function rawWrite(obj: any, b: Uint8Array): number | null {
  if (isRaw(obj)) return obj.$rawWrite(b);
  const r = callMethod(obj, "write", [mkBytes(b.slice())], null);
  if (r === None) return null;
  return toIndex(r);
}

/** Writes all of b (mp_stream_write_exactly); EAGAIN part way is an error. */
export function writeExactly(obj: any, b: Uint8Array): void {
  let off = 0;
  while (off < b.length) {
    const n = rawWrite(obj, off === 0 ? b : b.subarray(off));
    if (n === null) throw osError(EAGAIN);
    if (n === 0) return;
    off += n;
  }
}

/** Reads into `dst` until it is full, the stream ends, or it would block (mp_stream_rw). */
function readFully(obj: RawIO, dst: Uint8Array): number | null {
  let done = 0;
  while (done < dst.length) {
    const got = obj.$rawRead(dst.length - done);
    if (got === null) return done === 0 ? null : done;
    if (got.length === 0) break;
    dst.set(got, done);
    done += got.length;
  }
  return done;
}

function readAll(obj: RawIO): any {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const got = obj.$rawRead(4096);
    if (got === null) {
      if (total === 0) return None;
      break;
    }
    if (got.length === 0) break;
    parts.push(got.slice());
    total += got.length;
  }
  return mkBytes(concat(parts, total));
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** stream.read([n]) */
export function rawio_read(self: RawIO, n?: any): any {
  if (n === undefined) return readAll(self);
  const sz = toIndex(n);
  if (sz === -1) return readAll(self);
  if (sz < 0) throw newExc(OSError, 12 /* ENOMEM, as MicroPython's failing allocation */);
  const buf = new Uint8Array(sz);
  const got = readFully(self, buf);
  if (got === null) return None;
  return mkBytes(got === sz ? buf : buf.slice(0, got));
}

/** stream.readinto(buf[, nbytes]) */
export function rawio_readinto(self: RawIO, buf: any, nbytes?: any): any {
  let dst = getWritableBuffer(buf).bytes;
  if (nbytes !== undefined) dst = dst.subarray(0, Math.max(0, toIndex(nbytes)));
  const got = readFully(self, dst);
  return got === null ? None : got;
}

/** stream.readline([limit]): byte by byte, as MicroPython's unbuffered readline. */
export function rawio_readline(self: RawIO, limit?: any): any {
  let max = limit === undefined ? -1 : toIndex(limit);
  const out: number[] = [];
  while (max === -1 || max-- !== 0) {
    const got = self.$rawRead(1);
    if (got === null) {
      if (out.length === 0) return None;
      break;
    }
    if (got.length === 0) break;
    out.push(got[0]);
    if (got[0] === 10) break;
  }
  return mkBytes(Uint8Array.from(out));
}

/** stream.write(buf[, off][, max]) */
export function rawio_write(self: RawIO, data: any, a?: any, b?: any): any {
  let src = getBuffer(data).bytes;
  if (b !== undefined) {
    const off = Math.min(toIndex(a), src.length);
    src = src.subarray(off, off + Math.max(0, toIndex(b)));
  } else if (a !== undefined) src = src.subarray(0, Math.max(0, toIndex(a)));
  let done = 0;
  while (done < src.length) {
    const n = self.$rawWrite(done === 0 ? src : src.subarray(done));
    if (n === null) return done === 0 ? None : done;
    if (n === 0) break;
    done += n;
  }
  return done;
}
