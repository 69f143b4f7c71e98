// int: a JS number while it is a safe integer, a bigint beyond (always normalised back).
//
// bool values (JS true/false) and instances of int subclasses (objects holding the value in
// `$v`) are accepted wherever an int operand is: see asInt(). Mixed int/float arithmetic is done
// here for `int op float` and in float.ts for `float op int`; complex operands are left to
// complex's reflected methods (NotImplemented here).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { intType, addMethods, builtin, NotImplemented, None, typeOf, isSubtype, PyType } from "../object.ts";
import {
  typeError, valueError, zeroDivisionError, overflowError, newExc, ValueError,
} from "../exceptions.ts";
import { PyFloat, fTrueDiv, fFloorDiv, fMod, fPow, fDivmod, mkFloat } from "./float.ts";
import { mkTuple } from "./tuple.ts";
import { PyClassMethod, PyProperty, type FunctionSig } from "./function.ts";
import { langHooks } from "../hooks.ts";
import { binaryOp, callSpecial, strRepr, toArray, hash } from "../ops.ts";

export { intType };

export type Int = number | bigint;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/** Normalises a bigint result: back to a number when it is a safe integer. */
export function normBig(b: bigint): number | bigint {
  return b >= MIN && b <= MAX ? Number(b) : b;
}

/** Normalises a JS number int result that may have left the safe range (or be -0). */
export function normNum(r: number, big: () => bigint): number | bigint {
  if (Number.isSafeInteger(r)) return r + 0;
  return normBig(big());
}

/** BigInt(n) for small n, made once: mixed bigint-and-small-int arithmetic converts these often. */
const smallBig: bigint[] = [];
for (let i = 0; i < 1024; i++) smallBig.push(BigInt(i));

const big = (a: Int): bigint => (typeof a === "bigint" ? a : a >= 0 && a < 1024 ? smallBig[a] : BigInt(a));

/** The int value of an int-like operand (int, bool, int subclass instance), else undefined. */
export function asInt(x: any): Int | undefined {
  switch (typeof x) {
    case "number":
    case "bigint":
      return x;
    case "boolean":
      return x ? 1 : 0;
    case "object":
      if (x instanceof PyFloat) return undefined;
      {
        const v = x.$v;
        if (typeof v === "number" || typeof v === "bigint") return v;
      }
  }
  return undefined;
}

/** Like asInt, for `self` of int methods (TypeError when called on something else). */
function selfInt(x: any): Int {
  const v = asInt(x);
  if (v === undefined) throw typeError(`descriptor requires an 'int' object but received '${typeOf(x).$name}'`);
  return v;
}

/** An int as a JS float (bigints round to nearest; overflow to inf like MicroPython's mpz). */
export const intToFloat = (a: Int): number => (typeof a === "number" ? a : Number(a));

// ---------------------------------------------------------------- arithmetic on Int

// A bigint plus 0 or times 1 is that bigint: no copy (compose() in pidigits adds 0 * x to y).
export function intAdd(a: Int, b: Int): Int {
  if (typeof a === "number") {
    if (typeof b === "number") {
      const r = a + b;
      if (Number.isSafeInteger(r)) return r;
    } else if (a === 0) return b;
  } else if (b === 0) return a;
  return normBig(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r + 0;
  } else if (b === 0) return a;
  return normBig(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === "number") {
    if (typeof b === "number") {
      const r = a * b;
      if (Number.isSafeInteger(r)) return r + 0;
    } else if (a === 0 || a === 1) return a === 0 ? 0 : b;
  } else if (b === 0 || b === 1) return b === 0 ? 0 : a;
  return normBig(big(a) * big(b));
}

export function intNeg(a: Int): Int {
  if (typeof a === "number") return a === 0 ? 0 : -a;
  return normBig(-a);
}

export function intAbs(a: Int): Int {
  return a < 0 ? intNeg(a) : a;
}

/** Python floor division (rounds towards -inf); ZeroDivisionError for b == 0. */
export function intFloorDiv(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError();
    // Exact while |a| < 2**52: a % b is exact and a - m is an exact multiple of b.
    if (a < 4503599627370496 && a > -4503599627370496) {
      let m = a % b;
      if (m !== 0 && m < 0 !== b < 0) m += b;
      return (a - m) / b + 0;
    }
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw zeroDivisionError();
  if (y >= EST_MIN || y <= -EST_MIN) {
    const q = quotEstimate(x, y);
    if (q === q) return q;
  }
  // One division: truncation only differs from flooring for operands of opposite signs, where
  // moving x one short of a whole step further from zero makes truncation give the floor.
  const neg = x < 0n;
  if (neg === y < 0n) return normBig(x / y);
  return normBig((neg ? x - y + 1n : x - y - 1n) / y);
}

// Floor division by a big divisor with a small quotient (pidigits' extract) from the operands'
// top bits in doubles: V8 divides operands of 57+ 64-bit digits by Burnikel-Ziegler, ~10x the
// cost of two shifts and a float division when the quotient fits one digit.
const EST_MIN = 1n << 2048n;
let estShift = 0n; // x >> estShift, y >> estShift are the top bits; adapted to the divisors seen

/**
 * floor(x / y) when an estimate from the top bits is provably exact, else NaN. With
 * |y >> s| >= 2**60 (or s = 0) the truncated ratio is within (|q| + 1) * 2**-60 of x / y, and
 * three roundings add at most 2**-50 * |q|: for |q| < 2**24 the floor is exact unless the
 * ratio is within 2**-20 of an integer (exact quotients among them), left to BigInt division.
 */
function quotEstimate(x: bigint, y: bigint): number {
  let yf = Number(y >> estShift);
  let ya = yf < 0 ? -yf : yf;
  if (ya > 2 ** 900 || ya < 2 ** 60) {
    // Re-aim so that |y >> s| is near 2**63: from the double when it has y's top bits, else
    // from y's length (a divisor of another size, or a jump).
    let s: number;
    if (ya === Infinity || ya === 0) s = (y < 0n ? -y : y).toString(16).length * 4 - 64;
    else s = Number(estShift) + Math.floor(Math.log2(ya)) - 63;
    estShift = BigInt(s > 0 ? s : 0);
    yf = Number(y >> estShift);
    ya = yf < 0 ? -yf : yf;
    if (ya < 2 ** 60 && estShift !== 0n) return NaN;
  }
  const qf = Number(x >> estShift) / yf;
  const q = Math.floor(qf);
  const fr = qf - q;
  if (q < 16777216 && q > -16777216 && fr > 2 ** -20 && fr < 1 - 2 ** -20) return q + 0;
  return NaN;
}

/** Python modulo (result has the sign of b); ZeroDivisionError for b == 0. */
export function intMod(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError();
    let m = a % b;
    if (m !== 0 && m < 0 !== b < 0) m += b;
    return m + 0;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw zeroDivisionError();
  let m = x % y;
  if (m !== 0n && m < 0n !== y < 0n) m += y;
  return normBig(m);
}

export function intDivmod(a: Int, b: Int): any {
  return mkTuple([intFloorDiv(a, b), intMod(a, b)]);
}

/** int ** int (float for a negative exponent), or pow(a, b, mod) with three ints. */
export function intPow(a: Int, b: Int, mod?: Int): any {
  if (mod !== undefined) return intPowMod(a, b, mod);
  if (b < 0) return fPow(intToFloat(a), intToFloat(b));
  if (typeof a === "number" && typeof b === "number") {
    // Square and multiply in doubles while exact; bigint once a partial result gets too big.
    let r = 1;
    let x = a;
    let n = b;
    for (;;) {
      if (n & 1) {
        r *= x;
        if (!Number.isSafeInteger(r)) break;
      }
      n = Math.floor(n / 2);
      if (n === 0) return r + 0;
      x *= x;
      if (!Number.isSafeInteger(x)) break;
    }
  }
  return normBig(big(a) ** big(b));
}

function intPowMod(a: Int, b: Int, m: Int): Int {
  if (m === 0) throw valueError("divide by zero");
  let base = big(a);
  let e = big(b);
  const mod = big(m);
  if (e < 0n) throw valueError("negative exponent not supported"); // MicroPython's mpz does not invert
  let r = 1n;
  const am = mod < 0n ? -mod : mod;
  base %= am;
  while (e > 0n) {
    if (e & 1n) r = (r * base) % am;
    base = (base * base) % am;
    e >>= 1n;
  }
  // Python: the result has the sign of the modulus.
  if (r !== 0n && (r < 0n) !== (mod < 0n)) r += mod;
  return normBig(r);
}

export function intLshift(a: Int, n: Int): Int {
  if (n < 0) throw valueError("negative shift count");
  if (typeof a === "number" && typeof n === "number" && n < 53) {
    const r = a * 2 ** n;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return normBig(big(a) << big(n));
}

export function intRshift(a: Int, n: Int): Int {
  if (n < 0) throw valueError("negative shift count");
  if (typeof a === "number") {
    if (n >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** Number(n)) + 0;
  }
  return normBig(a >> big(n));
}

const isI32 = (a: Int): boolean => typeof a === "number" && (a | 0) === a;

export function intAnd(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return (a as number) & (b as number);
  return normBig(big(a) & big(b));
}
export function intOr(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return (a as number) | (b as number);
  return normBig(big(a) | big(b));
}
export function intXor(a: Int, b: Int): Int {
  if (isI32(a) && isI32(b)) return (a as number) ^ (b as number);
  return normBig(big(a) ^ big(b));
}
export function intInvert(a: Int): Int {
  if (isI32(a)) return ~(a as number);
  return intSub(intNeg(a), 1);
}

/** Number of bits needed to represent |a| (int.bit_length). */
export function intBitLength(a: Int): number {
  if (typeof a === "number") {
    const x = a < 0 ? -a : a;
    return x < 2 ** 31 ? 32 - Math.clz32(x) : x.toString(2).length;
  }
  return (a < 0n ? -a : a).toString(2).length;
}

// ---------------------------------------------------------------- conversions

/** int(x) for a float value: truncates; inf/nan raise like MicroPython. */
export function intFromFloat(f: number): Int {
  if (f !== f) throw valueError("can't convert NaN to int");
  if (f === Infinity || f === -Infinity) throw overflowError("can't convert inf to int");
  const t = Math.trunc(f);
  if (Number.isSafeInteger(t)) return t + 0;
  return normBig(BigInt(t));
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Parses an int from a string like MicroPython's mp_parse_num_integer (int(s, base)). */
export function parseIntStr(s: string, base: number): Int {
  if ((base !== 0 && base < 2) || base > 36) throw valueError("int() arg 2 must be >= 2 and <= 36");
  let i = 0;
  const n = s.length;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (i < n && (s[i] === "+" || s[i] === "-")) neg = s[i++] === "-";
  // Base prefix: 0x / 0o / 0b when compatible with base; a leading 0 with base 0 allows only zeros.
  if (n - i > 1 && s[i] === "0") {
    const c = s[i + 1].toLowerCase();
    if (c === "x" && (base === 0 || base === 16)) (base = 16), (i += 2);
    else if (c === "o" && (base === 0 || base === 8)) (base = 8), (i += 2);
    else if (c === "b" && (base === 0 || base === 2)) (base = 2), (i += 2);
    else if (base === 0) base = 1;
  } else if (base === 0) base = 10;
  const start = i;
  let digits = "";
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 95) continue; // '_'
    let d: number;
    if (ch >= 48 && ch <= 57) d = ch - 48;
    else if ((ch | 0x20) >= 97 && (ch | 0x20) <= 122) d = (ch | 0x20) - 87;
    else break;
    if (d >= base) break;
    digits += s[i];
  }
  const end = i;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (end === start || i !== n || digits === "") {
    throw newExc(ValueError, `invalid syntax for integer with base ${base === 1 ? 0 : base}: ${strRepr(s.slice(start))}`);
  }
  let v: Int;
  if (base === 1) v = 0;
  else if (base === 10 && digits.length < 16) v = parseInt(digits, 10);
  else v = parseBig(digits, base);
  return neg ? intNeg(v) : v;
}

function parseBig(digits: string, base: number): Int {
  if (base === 16) return normBig(BigInt("0x" + digits));
  if (base === 8) return normBig(BigInt("0o" + digits));
  if (base === 2) return normBig(BigInt("0b" + digits));
  if (base === 10) return normBig(BigInt(digits));
  let r = 0n;
  const bb = BigInt(base);
  for (const c of digits) r = r * bb + BigInt(parseInt(c, base));
  return normBig(r);
}

/** int(x): the int value of any object, as the int() constructor with one argument. */
export function toInt(x: any): Int {
  const v = asInt(x);
  if (v !== undefined) return v;
  if (typeof x === "string") return parseIntStr(x, 10);
  if (x instanceof PyFloat) return intFromFloat(x.$v);
  if (typeof x === "object") {
    if (typeof x.$v === "string") return parseIntStr(x.$v, 10); // str subclass
    // __int__ first, then the buffer protocol (MicroPython's int(): a uctypes pointer has both).
    for (const name of ["__int__", "__index__"]) {
      const f = x[name];
      if (f !== undefined && f !== None) {
        const r = callSpecial(f, x);
        const rv = asInt(r);
        if (rv === undefined) throw typeError(`${name} returned non-int (type ${typeOf(r).$name})`);
        return rv;
      }
    }
    const b = bytesOf(x);
    if (b !== null) return parseIntStr(b, 10);
    const t = x.__trunc__;
    if (t !== undefined) return toInt(callSpecial(t, x));
  }
  throw typeError(`can't convert ${typeOf(x).$name} to int`);
}

/** The bytes of an object with the buffer protocol (bytes, bytearray, memoryview, array) as a
 * latin-1 string, else null (MicroPython's int() parses any buffer). */
function bytesOf(x: any): string | null {
  if (typeof x !== "object" || x.$getBuffer === undefined) return null;
  const b: Uint8Array = x.$getBuffer().bytes;
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** An instance of `cls` (int or a subclass) holding value v. */
function newInt(cls: PyType, v: Int): any {
  if (cls === intType) return v;
  const o = Object.create(cls.$proto);
  o.$v = v;
  return o;
}

intType.$new = (cls: PyType, args: any[], kw: any): any => {
  let x = args[0];
  let base = args[1];
  if (kw !== null) {
    for (const k in kw) {
      if (k === "base") base = kw[k];
      else if (k === "x" && x === undefined) x = kw[k];
      else throw typeError(`unexpected keyword argument '${k}'`);
    }
  }
  if (args.length > 2) throw typeError(`function takes at most 2 arguments (${args.length} given)`);
  if (x === undefined) return newInt(cls, 0);
  if (base !== undefined) {
    const b = asInt(base);
    if (b === undefined) throw typeError(`can't convert ${typeOf(base).$name} to int`);
    let s: string | null = typeof x === "string" ? x : typeof x === "object" && typeof x.$v === "string" ? x.$v : bytesOf(x);
    if (s === null) throw typeError("can't convert non-string with explicit base");
    return newInt(cls, parseIntStr(s, Number(b)));
  }
  return newInt(cls, toInt(x));
};

intType.$new1 = (x: any): any => toInt(x);

// ---------------------------------------------------------------- special methods

type IntOp = (a: Int, b: Int) => any;
type FloatOp = (a: number, b: number) => any;

/**
 * The method pair `__op__` / `__rop__` for an int operator: int-like operands use intOp, a
 * float operand floatOp (the float result of mixed arithmetic), others NotImplemented.
 */
function opPair(name: string, intOp: IntOp, floatOp: FloatOp | null): Record<string, any> {
  const fwd = (self: any, other: any): any => {
    const a = selfInt(self);
    if (typeof other === "number") return intOp(a, other);
    const b = asInt(other);
    if (b !== undefined) return intOp(a, b);
    if (floatOp !== null && other instanceof PyFloat) return floatOp(intToFloat(a), other.$v);
    return NotImplemented;
  };
  const rev = (self: any, other: any): any => {
    const a = selfInt(self);
    const b = asInt(other);
    if (b !== undefined) return intOp(b, a);
    if (floatOp !== null && other instanceof PyFloat) return floatOp(other.$v, intToFloat(a));
    return NotImplemented;
  };
  return { [`__${name}__`]: builtin(`__${name}__`, fwd), [`__r${name}__`]: builtin(`__r${name}__`, rev) };
}

type Cmp = (a: any, b: any) => boolean;

/** A comparison method: ints and floats compare exactly (JS compares bigint with number exactly). */
function cmpMethod(name: string, cmp: Cmp): any {
  return builtin(name, (self: any, other: any): any => {
    const a = selfInt(self);
    const b = asInt(other);
    if (b !== undefined) return cmp(a, b);
    if (other instanceof PyFloat) return cmp(a, other.$v);
    return NotImplemented;
  });
}

const f = (op: (a: number, b: number) => number): FloatOp => (a, b) => new PyFloat(op(a, b));

function int_round(self: any, nd: any): any {
  const v = selfInt(self);
  if (nd === undefined || nd === None) return v;
  const n = asInt(nd);
  if (n === undefined) throw typeError(`can't convert ${typeOf(nd).$name} to int`);
  if (n >= 0) return v;
  // Round half to even at 10**-n.
  const mult = intPow(10, intNeg(n)) as Int;
  const half = intFloorDiv(mult, 2);
  const m = intMod(v, mult);
  const rounded = intSub(v, m);
  if (half > m) return rounded;
  if (m > half) return intAdd(rounded, mult);
  return intAnd(intFloorDiv(v, mult), 1) ? intAdd(rounded, mult) : rounded;
}

/** int.to_bytes(length=1, byteorder='big', *, signed=False) */
function int_to_bytes(self: any, length: any, byteorder: any, signed: any): any {
  const v = big(selfInt(self));
  const len = Number(asInt(length) ?? 1);
  if (len < 0) throw newExc(ValueError);
  const little = byteorder === "little";
  const isSigned = signed === true || (signed !== false && signed !== undefined && asInt(signed) !== 0);
  if (!isSigned && v < 0n) throw overflowError("can't convert negative int to unsigned");
  const limit = 1n << BigInt(8 * len);
  let x = v < 0n ? limit + v : v;
  if (x >= limit || x < 0n || (isSigned && (v >= limit >> 1n || v < -(limit >> 1n)))) throw overflowError("buffer too small");
  const bytes: number[] = new Array(len);
  for (let i = 0; i < len; i++) {
    bytes[little ? i : len - 1 - i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return langHooks.mkBytes(String.fromCharCode(...bytes));
}
(int_to_bytes as any).$sig = {
  names: ["self", "length", "byteorder"], posonly: 0, defaults: [1, "big"],
  kwonly: ["signed"], kwDefaults: [false], varargs: false, varkw: false,
} satisfies FunctionSig;

/** int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod) */
function int_from_bytes(cls: any, bytes: any, byteorder: any, signed: any): any {
  const arr = toArray(bytes).map((c: any) => BigInt(asInt(c) ?? 0));
  if (byteorder === "little") arr.reverse();
  let r = 0n;
  for (const b of arr) r = (r << 8n) | b;
  if (signed === true && arr.length > 0 && arr[0] >= 128n) r -= 1n << BigInt(8 * arr.length);
  const v = normBig(r);
  return cls instanceof PyType && cls !== intType && isSubtype(cls, intType) ? newInt(cls, v) : v;
}
(int_from_bytes as any).$sig = {
  names: ["cls", "bytes", "byteorder"], posonly: 0, defaults: ["big"],
  kwonly: ["signed"], kwDefaults: [false], varargs: false, varkw: false,
} satisfies FunctionSig;

const prop = (name: string, fn: (self: any) => any): PyProperty =>
  new PyProperty(builtin(name, fn), None, None);

/** divmod(a, b) for the builtin: dispatches through __divmod__ / __rdivmod__. */
export function divmod(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intDivmod(a, b);
  return binaryOp("__divmod__", "__rdivmod__", a, b);
}

addMethods(intType, {
  ...opPair("add", intAdd, f((a, b) => a + b)),
  ...opPair("sub", intSub, f((a, b) => a - b)),
  ...opPair("mul", intMul, f((a, b) => a * b)),
  ...opPair("truediv", (a, b) => fTrueDiv(intToFloat(a), intToFloat(b)), fTrueDiv),
  ...opPair("floordiv", intFloorDiv, fFloorDiv),
  ...opPair("mod", intMod, fMod),
  ...opPair("pow", (a, b) => intPow(a, b), fPow),
  ...opPair("divmod", intDivmod, fDivmod),
  ...opPair("lshift", intLshift, null),
  ...opPair("rshift", intRshift, null),
  ...opPair("and", intAnd, null),
  ...opPair("or", intOr, null),
  ...opPair("xor", intXor, null),
  __eq__: cmpMethod("__eq__", (a, b) => a == b),
  __ne__: cmpMethod("__ne__", (a, b) => a != b),
  __lt__: cmpMethod("__lt__", (a, b) => a < b),
  __le__: cmpMethod("__le__", (a, b) => a <= b),
  __gt__: cmpMethod("__gt__", (a, b) => a > b),
  __ge__: cmpMethod("__ge__", (a, b) => a >= b),
  __neg__: builtin("__neg__", (self: any) => intNeg(selfInt(self))),
  __pos__: builtin("__pos__", (self: any) => selfInt(self)),
  __abs__: builtin("__abs__", (self: any) => intAbs(selfInt(self))),
  __invert__: builtin("__invert__", (self: any) => intInvert(selfInt(self))),
  __bool__: builtin("__bool__", (self: any) => selfInt(self) != 0),
  __hash__: builtin("__hash__", (self: any) => hash(selfInt(self))),
  __index__: builtin("__index__", (self: any) => selfInt(self)),
  __int__: builtin("__int__", (self: any) => selfInt(self)),
  __float__: builtin("__float__", (self: any) => mkFloat(intToFloat(selfInt(self)))),
  __repr__: builtin("__repr__", (self: any) => String(selfInt(self))),
  __round__: builtin("__round__", int_round),
  bit_length: builtin("bit_length", (self: any) => intBitLength(selfInt(self))),
  conjugate: builtin("conjugate", (self: any) => selfInt(self)),
  to_bytes: builtin("to_bytes", int_to_bytes),
  from_bytes: new PyClassMethod(builtin("from_bytes", int_from_bytes)),
  real: prop("real", (self: any) => selfInt(self)),
  imag: prop("imag", (_self: any) => 0),
  numerator: prop("numerator", (self: any) => selfInt(self)),
  denominator: prop("denominator", (_self: any) => 1),
});
(intType.$proto as any).$hk = 1;
