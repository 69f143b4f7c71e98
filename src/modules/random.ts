// random: https://docs.micropython.org/en/latest/library/random.html
//
// MicroPython's generator is Yasmarang (extmod/modrandom.c), a 32-bit PRNG; the same seed gives
// the same sequence as MicroPython's. All state is uint32 (uint8 for `dat`), kept in JS numbers
// with `>>> 0` after each step. The unix port seeds from the host's random bytes on import.

import { builtin, None, protoOf, typeOf } from "../runtime/object.ts";
import { newExc, ValueError, IndexError, typeError } from "../runtime/exceptions.ts";
import { host } from "../runtime/host.ts";
import { callSpecial, getItem, toIndex } from "../runtime/ops.ts";
import { PyFloat, mkFloat } from "../runtime/types/float.ts";
import { strLen } from "../runtime/types/str.ts";
import { getFloat } from "./time.ts";

let pad = 0xeda4baba;
let n = 69;
let d = 233;
let dat = 0;

/** One step of Yasmarang: a uint32. */
function yasmarang(): number {
  pad = (pad + dat + Math.imul(d, n)) >>> 0;
  pad = ((pad << 3) + (pad >>> 29)) >>> 0;
  n = (pad | 2) >>> 0;
  d = (d ^ (((pad << 31) + (pad >>> 1)) >>> 0)) >>> 0;
  dat = (dat ^ pad ^ (d >>> 8) ^ 1) & 0xff;
  return (pad ^ (d << 5) ^ (pad >>> 18) ^ (dat << 1)) >>> 0;
}

function seedWith(s: number): void {
  pad = s >>> 0;
  n = 69;
  d = 233;
  dat = 0;
}

/** An unsigned value below `limit` (a uint32, not zero), without modulo bias. */
function randBelow(limit: number): number {
  limit >>>= 0;
  let mask = 1;
  while ((limit & mask) >>> 0 < limit) mask = ((mask << 1) | 1) >>> 0;
  let r: number;
  do r = (yasmarang() & mask) >>> 0;
  while (r >= limit);
  return r;
}

/** A float in [0, 1) whose 52 fraction bits come from two Yasmarang words (high word first). */
function randFloat(): number {
  const hi = yasmarang() & 0xfffff; // the double's fraction keeps the low 20 bits of the high word
  const lo = yasmarang();
  return (hi * 4294967296 + lo) / 4503599627370496;
}

// ---------------------------------------------------------------- arguments

/** mp_obj_get_int: an int (bools count); floats are rejected. */
function intArg(x: any): number {
  if (x instanceof PyFloat) throw typeError("can't convert float to int");
  if (typeof x === "bigint") return Number(x);
  return toIndex(x);
}

/** mp_obj_get_int_truncated: the low 32 bits of any int. */
function truncatedArg(x: any): number {
  if (typeof x === "number") return (x | 0) === x ? x >>> 0 : Number(BigInt.asUintN(32, BigInt(x)));
  if (typeof x === "bigint") return Number(BigInt.asUintN(32, x));
  return intArg(x) >>> 0;
}

function emptyRange(): never {
  throw newExc(ValueError);
}

// ---------------------------------------------------------------- functions

function random_getrandbits(bits: any): number {
  const k = intArg(bits);
  if (k > 32 || k < 0) throw newExc(ValueError, "bits must be 32 or less");
  if (k === 0) return 0;
  return k === 32 ? yasmarang() : yasmarang() & ((1 << k) - 1) >>> 0;
}

function random_seed(s?: any) {
  if (s === undefined || s === None) {
    const b = host.randomBytes(4);
    seedWith((b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0);
  } else {
    seedWith(truncatedArg(s));
  }
  return None;
}

function random_randrange(a: any, b?: any, c?: any): number {
  const start = intArg(a);
  if (b === undefined) {
    if (start > 0) return randBelow(start);
    return emptyRange();
  }
  const stop = intArg(b);
  if (c === undefined) {
    if (start < stop) return start + randBelow(stop - start);
    return emptyRange();
  }
  const step = intArg(c);
  let count: number;
  if (step > 0) count = Math.trunc((stop - start + step - 1) / step);
  else if (step < 0) count = Math.trunc((stop - start + step + 1) / step);
  else return emptyRange();
  if (count > 0) return start + step * randBelow(count);
  return emptyRange();
}

function random_randint(a: any, b: any): number {
  const lo = intArg(a);
  const hi = intArg(b);
  if (lo <= hi) return lo + randBelow(hi - lo + 1);
  return emptyRange();
}

function seqLen(seq: any): number {
  if (typeof seq === "string") return strLen(seq);
  const f = protoOf(seq).__len__;
  if (f === undefined) throw typeError(`object of type '${typeOf(seq).$name}' has no len()`);
  return toIndex(callSpecial(f, seq));
}

function random_choice(seq: any): any {
  const len = seqLen(seq);
  if (len <= 0) throw newExc(IndexError);
  return getItem(seq, randBelow(len));
}

function random_uniform(a: any, b: any) {
  const lo = getFloat(a);
  const hi = getFloat(b);
  return mkFloat(lo + (hi - lo) * randFloat());
}

let seeded = false;

export function makeModule(): Record<string, any> {
  // The unix port seeds once, on first import (MICROPY_PY_RANDOM_SEED_INIT_FUNC).
  if (!seeded) {
    seeded = true;
    random_seed();
  }
  return {
    getrandbits: builtin("getrandbits", random_getrandbits),
    seed: builtin("seed", random_seed),
    randrange: builtin("randrange", random_randrange),
    randint: builtin("randint", random_randint),
    choice: builtin("choice", random_choice),
    random: builtin("random", () => mkFloat(randFloat())),
    uniform: builtin("uniform", random_uniform),
  };
}
