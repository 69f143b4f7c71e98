// The buffer protocol (MicroPython's mp_get_buffer) and the binary layout of typed items
// (py/binary.c): shared by bytes, bytearray, memoryview, array.array, struct, binascii, hashlib
// and file writes.
//
// A type offers its raw bytes by defining `$getBuffer()` on its prototype, returning a
// BufferInfo whose `bytes` view covers exactly the object's current contents (no copy: writes
// through it change the object when it is not read-only). A str offers its UTF-8 encoding,
// read-only, as in MicroPython.
//
// Items are little-endian (the layout of every machine Node runs on). Native sizes are those of
// MicroPython's 64-bit unix port: 'l'/'L' are 8 bytes with '@' (native) and 4 with '<', '>', '!'.

import { typeOf } from "./object.ts";
import { typeError, valueError } from "./exceptions.ts";
import { PyFloat } from "./types/float.ts";
import { normBig } from "./types/int.ts";

export interface BufferInfo {
  bytes: Uint8Array;
  readonly: boolean;
  typecode: string;
}

const utf8Enc = new TextEncoder();

/** The object's buffer, or null when it has none. */
export function getBufferOrNull(obj: any): BufferInfo | null {
  if (typeof obj === "object") {
    const g = obj.$getBuffer;
    if (g !== undefined) return obj.$getBuffer();
    return null;
  }
  if (typeof obj === "string") return { bytes: utf8Enc.encode(obj), readonly: true, typecode: "B" };
  return null;
}

/** The object's buffer; TypeError when it has none. */
export function getBuffer(obj: any): BufferInfo {
  const b = getBufferOrNull(obj);
  if (b === null) throw typeError("object with buffer protocol required");
  return b;
}

/** A writable buffer (pack_into, readinto); TypeError for read-only objects. */
export function getWritableBuffer(obj: any): BufferInfo {
  const b = getBufferOrNull(obj);
  if (b === null || b.readonly) throw typeError("object with buffer protocol required");
  return b;
}

/** Just the bytes of any buffer object (copy-free). */
export function bufferBytes(obj: any): Uint8Array {
  return getBuffer(obj).bytes;
}

// ---------------------------------------------------------------- item sizes

/** Sizes of array/memoryview items and of '@' (native) struct fields. */
const NATIVE_SIZE: Record<string, number> = {
  b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, e: 2, f: 4, d: 8, P: 8, S: 8, O: 8,
};
/** Sizes with an explicit byte order ('<', '>', '!'). */
const STD_SIZE: Record<string, number> = {
  b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, P: 8, S: 8, O: 8,
};

/** Size of one item of typecode `tc` (native layout); ValueError "bad typecode" otherwise. */
export function itemSize(tc: string): number {
  const s = tc.length === 1 ? NATIVE_SIZE[tc] : undefined;
  if (s === undefined) throw valueError("bad typecode");
  return s;
}

/** Size for struct: `order` is '@', '<' or '>'. */
export function fieldSize(order: string, tc: string): number {
  const s = order === "@" ? NATIVE_SIZE[tc] : order === "<" || order === ">" ? STD_SIZE[tc] : undefined;
  if (s === undefined) throw valueError("bad typecode");
  return s;
}

export function isValidTypecode(tc: string): boolean {
  return tc.length === 1 && NATIVE_SIZE[tc] !== undefined && tc !== "e";
}

// ---------------------------------------------------------------- value conversion

/** An int argument for a binary field, as a bigint (any int; bool counts). */
function intArgBig(v: any): bigint {
  switch (typeof v) {
    case "number":
      return BigInt(v);
    case "bigint":
      return v;
    case "boolean":
      return v ? 1n : 0n;
  }
  if (typeof v === "object" && v.$v !== undefined && !(v instanceof PyFloat)) {
    const x = v.$v;
    if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return intArgBig(x);
  }
  throw typeError(`can't convert ${typeOf(v).$name} to int`);
}

/** An int argument as a JS number, truncated to 32 bits when it is wider (MicroPython v1). */
function intArg32(v: any): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return Number(BigInt.asIntN(32, intArgBig(v)));
}

/** A float argument (int, bool or float). */
export function floatArg(v: any): number {
  if (v instanceof PyFloat) return v.$v;
  switch (typeof v) {
    case "number":
      return v;
    case "boolean":
      return v ? 1 : 0;
    case "bigint":
      return Number(v);
  }
  if (typeof v === "object" && v.$v !== undefined) return floatArg(v.$v);
  throw typeError(`can't convert ${typeOf(v).$name} to float`);
}

// ---------------------------------------------------------------- reading and writing items

const scratch = new Uint8Array(8);
const scratchView = new DataView(scratch.buffer);

/**
 * Reads one item of typecode `tc` at byte position `p` of `u8`; `size` is the item's size
 * (lets 'l' be 4 or 8 bytes) and `le` the byte order. Fast cases first.
 */
export function readItem(tc: string, u8: Uint8Array, p: number, size: number, le = true): any {
  switch (tc) {
    case "B":
      return u8[p];
    case "b":
      return (u8[p] << 24) >> 24;
  }
  if (size === 2 && (tc === "h" || tc === "H")) {
    const v = le ? u8[p] | (u8[p + 1] << 8) : (u8[p] << 8) | u8[p + 1];
    return tc === "h" ? (v << 16) >> 16 : v;
  }
  if (size === 4 && tc !== "f") {
    const v = le ? u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16) | (u8[p + 3] << 24)
      : (u8[p] << 24) | (u8[p + 1] << 16) | (u8[p + 2] << 8) | u8[p + 3];
    return tc === "I" || tc === "L" ? v >>> 0 : v;
  }
  for (let i = 0; i < size; i++) scratch[i] = u8[p + i];
  switch (tc) {
    case "f":
      return new PyFloat(scratchView.getFloat32(0, le));
    case "d":
      return new PyFloat(scratchView.getFloat64(0, le));
    case "e":
      return new PyFloat(halfToFloat(scratchView.getUint16(0, le)));
  }
  // 8-byte ints: q Q l L (native) P S O
  const signed = tc === "q" || tc === "l";
  return normBig(signed ? scratchView.getBigInt64(0, le) : scratchView.getBigUint64(0, le));
}

/** Writes one item (ints are truncated to the field's width, as MicroPython v1 does). */
export function writeItem(tc: string, u8: Uint8Array, p: number, size: number, v: any, le = true): void {
  switch (tc) {
    case "B":
    case "b":
      u8[p] = typeof v === "number" ? v : intArg32(v);
      return;
    case "f":
      scratchView.setFloat32(0, floatArg(v), le);
      break;
    case "d":
      scratchView.setFloat64(0, floatArg(v), le);
      break;
    case "e":
      scratchView.setUint16(0, floatToHalf(floatArg(v)), le);
      break;
    default:
      if (size <= 4) {
        writeInt32(u8, p, size, typeof v === "number" ? v : intArg32(v), le);
        return;
      }
      scratchView.setBigUint64(0, BigInt.asUintN(64, intArgBig(v)), le);
  }
  for (let i = 0; i < size; i++) u8[p + i] = scratch[i];
}

function writeInt32(u8: Uint8Array, p: number, size: number, v: number, le: boolean): void {
  // Keep the low 32 bits of numbers beyond the int32 range (truncation).
  if (v > 0xffffffff || v < -0x80000000) v = Number(BigInt.asIntN(32, BigInt(v)));
  if (le) {
    for (let i = 0; i < size; i++, v >>= 8) u8[p + i] = v & 0xff;
  } else {
    for (let i = size - 1; i >= 0; i--, v >>= 8) u8[p + i] = v & 0xff;
  }
}

// ---------------------------------------------------------------- half floats ('e')

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 0x1f) return m === 0 ? s * Infinity : NaN;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** Rounds like MicroPython's mp_encode_half_float (via the float32 bit pattern). */
function floatToHalf(x: number): number {
  scratchView.setFloat32(0, x, true);
  const bits = scratchView.getUint32(0, true);
  let m = (bits >>> 13) & 0x3ff;
  if (bits & (1 << 12)) m++;
  let e = (bits >>> 23) & 0xff;
  if (e === 0xff) e = 0x1f;
  else if (e !== 0) {
    e -= 127 - 15;
    if (e < 0) {
      if (e >= -11) {
        m = (m | 0x400) >> -e;
        m = m & 1 ? (m >> 1) + 1 : m >> 1;
      } else m = 0;
      e = 0;
    } else if (e > 0x3f) {
      e = 0x1f;
      m = 0;
    }
  }
  return (((bits >>> 16) & 0x8000) | (e << 10) | m) & 0xffff;
}
