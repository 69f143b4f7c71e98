// Runtime helpers for `@micropython.viper` functions (see compiler/viper.ts, which rewrites typed
// operations into calls of these). Behaviour follows MicroPython's py/emitnative.c and
// py/nativeglue.c on its 64-bit unix port:
//
//   - `int` and `uint` are machine words: arithmetic wraps around at 64 bits. A value of type int
//     is kept as the Python int of its signed reading, a uint as the Python int of its unsigned
//     reading (number when safe, else bigint), so passing one to Python code needs no conversion
//     and comparisons of two values of one type can use the ordinary Python comparison.
//   - `bool` is a JS boolean.
//   - pointers (`ptr`, `ptr8`, `ptr16`, `ptr32`) are addresses in uctypes' virtual address space
//     (a buffer's address is that of its bytes; an integer is taken as an address).
//     Loads and stores are little-endian; ptr32 loads zero-extend, stores truncate.
//
// The helpers are installed as hidden builtins named `$vp_<name>` (names starting with `$` are
// not visible to Python: dir(), globals() skip them), which generated code reads as globals.

import { None, typeOf } from "./object.ts";
import { isTrue } from "./ops.ts";
import { typeError, zeroDivisionError } from "./exceptions.ts";
import { getBufferOrNull } from "./buffer.ts";
import { asInt, normBig, type Int } from "./types/int.ts";
import { addressOfBytes, regionAt } from "../modules/uctypes.ts";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------- machine words

/** The signed 64-bit reading of x. */
function wrapI(x: Int): Int {
  if (typeof x === "number") return x;
  return normBig(BigInt.asIntN(64, x));
}

/** The unsigned 64-bit reading of x. */
function wrapU(x: Int): Int {
  if (typeof x === "number" && x >= 0) return x;
  return normBig(BigInt.asUintN(64, BigInt(x)));
}

const big = (a: Int): bigint => (typeof a === "bigint" ? a : BigInt(a));

/** mp_obj_get_int_truncated: the int value of an int-like object, else TypeError. */
function intOf(x: any): Int {
  const v = asInt(x);
  if (v === undefined) throw typeError(`can't convert ${typeOf(x).$name} to int`);
  return v;
}

/** A native value (int, uint, bool, pointer, or None for the `None` constant) as a word. */
function word(v: any): Int {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return 0; // None
}

// Fast paths: both operands JS numbers and the exact result a safe integer (the only case where a
// double holds the exact result). Otherwise the operation is done on bigints and wrapped.

function add_i(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return wrapI(big(a) + big(b));
}
function add_u(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (r <= MAX_SAFE && r >= 0) return r;
  }
  return wrapU(big(a) + big(b));
}
function sub_i(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return wrapI(big(a) - big(b));
}
function sub_u(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (r <= MAX_SAFE && r >= 0) return r;
  }
  return wrapU(big(a) - big(b));
}
function mul_i(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0; // + 0: no -0
  }
  return wrapI(big(a) * big(b));
}
function mul_u(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (r <= MAX_SAFE && r >= 0) return r + 0;
  }
  return wrapU(big(a) * big(b));
}

// Bitwise operators: 32-bit JS operators are exact when both operands fit in 31 bits (sign
// included), which covers the usual masks and flags.
const small = (a: Int): a is number => typeof a === "number" && a <= 0x3fffffff && a >= -0x40000000;

function and_i(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a & b;
  return wrapI(big(a) & big(b));
}
function and_u(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a & b; // both non-negative here
  return wrapU(big(a) & big(b));
}
function or_i(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a | b;
  return wrapI(big(a) | big(b));
}
function or_u(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a | b;
  return wrapU(big(a) | big(b));
}
function xor_i(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a ^ b;
  return wrapI(big(a) ^ big(b));
}
function xor_u(a: Int, b: Int): Int {
  if (small(a) && small(b)) return a ^ b;
  return wrapU(big(a) ^ big(b));
}

/** x86-64 shifts use the count modulo 64. */
const count = (n: Int): bigint => BigInt.asUintN(6, big(n));

function shl_i(a: Int, n: Int): Int {
  return wrapI(big(a) << count(n));
}
function shl_u(a: Int, n: Int): Int {
  return wrapU(big(a) << count(n));
}
/** Arithmetic shift (int). */
function shr_i(a: Int, n: Int): Int {
  if (typeof a === "number" && typeof n === "number" && n >= 0 && n < 32 && small(a)) return a >> n;
  return wrapI(BigInt.asIntN(64, big(a)) >> count(n));
}
/** Logical shift (uint). */
function shr_u(a: Int, n: Int): Int {
  if (typeof a === "number" && typeof n === "number" && n >= 0 && n < 32 && small(a)) return a >>> n;
  return wrapU(BigInt.asUintN(64, big(a)) >> count(n));
}

/** Floor division and modulo of machine ints (MicroPython's mp_small_int_floor_divide/modulo). */
function floordiv_i(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError();
    return Math.floor(a / b) + 0;
  }
  const x = big(a), y = big(b);
  if (y === 0n) throw zeroDivisionError();
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return wrapI(q);
}
function mod_i(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError();
    const r = a % b;
    return (r !== 0 && (r < 0) !== (b < 0) ? r + b : r) + 0;
  }
  const x = big(a), y = big(b);
  if (y === 0n) throw zeroDivisionError();
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return wrapI(r);
}

function neg_i(a: Int): Int {
  return typeof a === "number" ? -a + 0 : wrapI(-a);
}
function neg_u(a: Int): Int {
  return wrapU(-big(a));
}
function inv_i(a: Int): Int {
  return typeof a === "number" ? -a - 1 : wrapI(~a);
}
function inv_u(a: Int): Int {
  return wrapU(~big(a));
}

// ---------------------------------------------------------------- conversions

/** Argument / cast of a Python object to a native type (MicroPython's mp_native_from_obj). */
function arg_bool(x: any): boolean {
  return x === true || (x !== false && isTrue(x));
}
function arg_int(x: any): Int {
  return typeof x === "number" ? x : wrapI(intOf(x));
}
function arg_uint(x: any): Int {
  return typeof x === "number" && x >= 0 ? x : wrapU(intOf(x));
}
/** A buffer gives the address of its bytes; anything else is taken as an integer address. */
function arg_ptr(x: any): number {
  if (typeof x === "number" && x >= 0) return x;
  const b = getBufferOrNull(x);
  if (b !== null) return addressOfBytes(b.bytes);
  return Number(wrapU(intOf(x)));
}

/** Casts between native types keep the machine word, read as the new type. */
function cast_int(v: any): Int {
  return wrapI(word(v));
}
function cast_uint(v: any): Int {
  return wrapU(word(v));
}
function cast_bool(v: any): boolean {
  if (typeof v === "boolean") return v;
  return v !== 0 && v !== 0n && v !== None;
}
function cast_ptr(v: any): number {
  return Number(wrapU(word(v)));
}

// ---------------------------------------------------------------- memory

// The last region touched: loops over one buffer find it here without a search.
let cBase = 0;
let cEnd = 0;
let cMem: Uint8Array = new Uint8Array(0);

/** Offset in cMem of the n bytes at address a (loading the region holding a). -1: straddles. */
function at(a: number, n: number): number {
  if (a >= cBase && a + n <= cEnd) return a - cBase;
  const r = regionAt(a);
  cBase = r.base;
  cMem = r.mem;
  cEnd = r.base + r.mem.length;
  return a + n <= cEnd ? a - cBase : -1;
}

function addr(p: any, i: Int, size: number): number {
  return (typeof p === "number" ? p : Number(p)) + (typeof i === "number" ? i : Number(i)) * size;
}

// (at() may replace cMem: call it before reading cMem.)
function byteAt(a: number): number {
  const o = at(a, 1);
  return cMem[o];
}
function setByte(a: number, v: number): void {
  const o = at(a, 1);
  cMem[o] = v;
}

function load8(p: any, i: Int): number {
  const a = addr(p, i, 1);
  if (a >= cBase && a < cEnd) return cMem[a - cBase];
  return byteAt(a);
}
function load16(p: any, i: Int): number {
  const a = addr(p, i, 2);
  const o = at(a, 2);
  if (o >= 0) return cMem[o] | (cMem[o + 1] << 8);
  return byteAt(a) | (byteAt(a + 1) << 8);
}
function load32(p: any, i: Int): number {
  const a = addr(p, i, 4);
  const o = at(a, 4);
  if (o >= 0) return (cMem[o] | (cMem[o + 1] << 8) | (cMem[o + 2] << 16) | (cMem[o + 3] << 24)) >>> 0;
  return (byteAt(a) | (byteAt(a + 1) << 8) | (byteAt(a + 2) << 16) | (byteAt(a + 3) << 24)) >>> 0;
}

/** The low 32 bits of a native value to store. */
function low32(v: any): number {
  if (typeof v === "number") return v >>> 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  return Number(BigInt.asUintN(32, v));
}

function store8(p: any, i: Int, v: any): void {
  const a = addr(p, i, 1);
  const b = typeof v === "number" ? v & 0xff : low32(v) & 0xff;
  if (a >= cBase && a < cEnd) cMem[a - cBase] = b;
  else setByte(a, b);
}
function store16(p: any, i: Int, v: any): void {
  const a = addr(p, i, 2);
  const w = low32(v);
  const o = at(a, 2);
  if (o >= 0) {
    cMem[o] = w & 0xff;
    cMem[o + 1] = (w >>> 8) & 0xff;
  } else {
    setByte(a, w & 0xff);
    setByte(a + 1, (w >>> 8) & 0xff);
  }
}
function store32(p: any, i: Int, v: any): void {
  const a = addr(p, i, 4);
  const w = low32(v);
  for (let k = 0; k < 4; k++) setByte(a + k, (w >>> (8 * k)) & 0xff);
}

// ---------------------------------------------------------------- installation

/** The helpers by name; compiler/viper.ts refers to them as the globals `$vp_<name>`. */
export const VIPER_HELPERS: Record<string, (...args: any[]) => any> = {
  add_i, add_u, sub_i, sub_u, mul_i, mul_u, and_i, and_u, or_i, or_u, xor_i, xor_u,
  shl_i, shl_u, shr_i, shr_u, floordiv_i, mod_i, neg_i, neg_u, inv_i, inv_u,
  arg_bool, arg_int, arg_uint, arg_ptr, cast_int, cast_uint, cast_bool, cast_ptr,
  load8, load16, load32, store8, store16, store32,
};

/** Installs the helpers into the builtins namespace as hidden names. */
export function installViperHelpers(builtins: any): void {
  for (const [k, f] of Object.entries(VIPER_HELPERS)) builtins["$vp_" + k] = f;
}
