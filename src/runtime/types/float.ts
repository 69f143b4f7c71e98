// float: a boxed JS number (plain JS numbers are ints).
//
// Arithmetic follows MicroPython's py/objfloat.c: ZeroDivisionError "divide by zero" for / // %
// by zero, Python floor semantics for // and %, a negative base to a fractional power gives a
// complex. repr/str come from numfmt.ts (MicroPython's exact float printing).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyObject, PyType, defineBuiltinType, addMethods, builtin, NotImplemented, None, typeOf } from "../object.ts";
import { typeError, zeroDivisionError, valueError } from "../exceptions.ts";
import { callSpecial, toArray } from "../ops.ts";
import { floatRepr } from "../numfmt.ts";
import { asInt, intFromFloat, normBig, type Int } from "./int.ts";
import { mkTuple } from "./tuple.ts";
import { complexPow } from "./complex.ts";
import { PyProperty } from "./function.ts";

export class PyFloat extends PyObject {
  constructor(public $v: number) {
    super();
  }
}
export const floatType = defineBuiltinType("float", PyFloat.prototype);
(PyFloat.prototype as any).$hk = 1;

export function mkFloat(v: number): PyFloat {
  return new PyFloat(v);
}

// ---------------------------------------------------------------- arithmetic on JS numbers
// Each takes two float values and returns the Python result (a PyFloat, or a tuple/complex).

export function fTrueDiv(a: number, b: number): PyFloat {
  if (b === 0) throw zeroDivisionError();
  return new PyFloat(a / b);
}

/** Python's float % (the result takes the sign of b). */
export function floatMod(a: number, b: number): number {
  let m = a % b;
  if (m === 0) m = b < 0 ? -0 : 0;
  else if (m < 0 !== b < 0) m += b;
  return m;
}

/** Python's float // (MicroPython's mp_obj_float_divmod: x == (x//y)*y + (x%y)). */
export function floatFloorDiv(x: number, y: number): number {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && mod < 0 !== y < 0) {
    mod += y;
    div -= 1;
  }
  if (div === 0) return (x / y < 0 || Object.is(x / y, -0)) ? -0 : 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

export function fFloorDiv(a: number, b: number): PyFloat {
  if (b === 0) throw zeroDivisionError();
  return new PyFloat(floatFloorDiv(a, b));
}

export function fMod(a: number, b: number): PyFloat {
  if (b === 0) throw zeroDivisionError();
  return new PyFloat(floatMod(a, b));
}

export function fDivmod(a: number, b: number): any {
  if (b === 0) throw zeroDivisionError();
  return mkTuple([new PyFloat(floatFloorDiv(a, b)), new PyFloat(floatMod(a, b))]);
}

/** C's pow(): unlike Math.pow, 1**nan, 1**inf, (-1)**inf and nan**0 are all 1. */
export function cPow(a: number, b: number): number {
  if (a === 1 || b === 0) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  // Correctly rounded, as C's pow is for a square root (and +0 for -0, +inf for -inf).
  if (b === 0.5) return a === -Infinity ? Infinity : Math.sqrt(a) + 0;
  return Math.pow(a, b);
}

export function fPow(a: number, b: number): any {
  if (a === 0 && b < 0 && b !== -Infinity) throw zeroDivisionError();
  if (a < 0 && b !== Math.floor(b) && b === b) return complexPow(a, 0, b, 0);
  return new PyFloat(cPow(a, b));
}

/** Round half to even (C's nearbyint in the default rounding mode). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

// ---------------------------------------------------------------- conversions

/** A float operand's value: floats, ints, bools, int subclass instances; else undefined. */
export function asFloat(x: any): number | undefined {
  if (x instanceof PyFloat) return x.$v;
  const i = asInt(x);
  return i === undefined ? undefined : typeof i === "number" ? i : Number(i);
}

/** float(x) for any object (mp_obj_get_float): TypeError "can't convert X to float". */
export function toFloat(x: any): number {
  const v = asFloat(x);
  if (v !== undefined) return v;
  if (typeof x === "object") {
    const f = x.__float__;
    if (f !== undefined && f !== None) {
      const r = callSpecial(f, x);
      if (!(r instanceof PyFloat)) throw typeError("__float__ returned non-float");
      return r.$v;
    }
    const i = x.__index__;
    if (i !== undefined && i !== None) {
      const r = asInt(callSpecial(i, x));
      if (r !== undefined) return Number(r);
    }
  }
  throw typeError(`can't convert ${typeOf(x).$name} to float`);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Scans an unsigned decimal float (MicroPython's mp_parse_float_internal: digits, '.', exponent,
 * '_' ignored) or inf/infinity/nan from s[i]; returns [value, end], end === i when nothing.
 */
export function scanUnsignedFloat(s: string, i: number): [number, number] {
  const low = s.slice(i, i + 8).toLowerCase();
  if (low.startsWith("infinity")) return [Infinity, i + 8];
  if (low.startsWith("inf")) return [Infinity, i + 3];
  if (low.startsWith("nan")) return [NaN, i + 3];
  let intg = "";
  let frac = "";
  let exp = "";
  let state = 0; // 0 integer part, 1 fraction, 2 exponent
  let expSign = "";
  const start = i;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c >= "0" && c <= "9") {
      if (state === 0) intg += c;
      else if (state === 1) frac += c;
      else exp += c;
    } else if (c === "." && state === 0) state = 1;
    else if ((c === "e" || c === "E") && state !== 2) {
      state = 2;
      if (s[i + 1] === "+" || s[i + 1] === "-") expSign = s[++i];
      if (i + 1 >= s.length) return [0, start]; // 'e' at the end: invalid
    } else if (c === "_") continue;
    else break;
  }
  if (i === start) return [0, start];
  const v = Number((intg || "0") + "." + (frac || "0") + "e" + expSign + (exp || "0"));
  return [v, i];
}

/** float(s): MicroPython's mp_parse_num_float (ValueError "invalid syntax for number"). */
export function parseFloatStr(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === "+" || s[i] === "-") neg = s[i++] === "-";
  const [v, end] = scanUnsignedFloat(s, i);
  let j = end;
  while (j < s.length && isSpace(s.charCodeAt(j))) j++;
  if (end === i || j !== s.length) throw valueError("invalid syntax for number");
  return neg ? -v : v;
}

floatType.$new = (cls: PyType, args: any[], kw: any): any => {
  if (kw !== null) for (const k in kw) throw typeError(`unexpected keyword argument '${k}'`);
  if (args.length > 1) throw typeError(`function takes at most 1 arguments (${args.length} given)`);
  const x = args[0];
  let v: number;
  if (x === undefined) v = 0;
  else if (typeof x === "string") v = parseFloatStr(x);
  else if (x instanceof PyFloat && cls === floatType && x.$cls === floatType) return x;
  else if (typeof x === "object" && typeof x.$v === "string") v = parseFloatStr(x.$v);
  else if (typeof x === "object" && (typeOf(x).$name === "bytes" || typeOf(x).$name === "bytearray"))
    v = parseFloatStr(String.fromCharCode(...toArray(x).map(Number)));
  else v = toFloat(x);
  if (cls === floatType) return new PyFloat(v);
  const o = Object.create(cls.$proto);
  o.$v = v;
  return o;
};

floatType.$new1 = (x: any): any => (typeof x === "number" ? new PyFloat(x) : floatType.$new!(floatType, [x], null));

/** hash(float), MicroPython's (hash(1.0) == hash(1)): the value truncated to a machine int
 *  ((mp_int_t)v: 0 when out of range, NaN or infinite, as on x86-64), then to a 63-bit small int. */
export function floatHash(v: number): Int {
  const t = Math.trunc(v);
  if (Number.isSafeInteger(t)) return t + 0;
  if (!(t > -(2 ** 63) && t < 2 ** 63)) return 0;
  return normBig(BigInt.asIntN(63, BigInt(t)));
}

// ---------------------------------------------------------------- special methods

type FOp = (a: number, b: number) => any;

function selfFloat(x: any): number {
  if (x instanceof PyFloat) return x.$v;
  throw typeError(`descriptor requires a 'float' object but received '${typeOf(x).$name}'`);
}

/** `__op__` / `__rop__` for a float operator: float and int-like operands; others NotImplemented. */
function opPair(name: string, op: FOp): Record<string, any> {
  const fwd = (self: any, other: any): any => {
    const b = asFloat(other);
    return b === undefined ? NotImplemented : op(selfFloat(self), b);
  };
  const rev = (self: any, other: any): any => {
    const b = asFloat(other);
    return b === undefined ? NotImplemented : op(b, selfFloat(self));
  };
  return { [`__${name}__`]: builtin(`__${name}__`, fwd), [`__r${name}__`]: builtin(`__r${name}__`, rev) };
}

/** Comparisons: an int operand is compared exactly (JS compares bigint and number exactly). */
function cmpMethod(name: string, cmp: (a: number, b: any) => boolean): any {
  return builtin(name, (self: any, other: any): any => {
    const a = selfFloat(self);
    if (other instanceof PyFloat) return cmp(a, other.$v);
    const i = asInt(other);
    return i === undefined ? NotImplemented : cmp(a, i);
  });
}

const box = (op: (a: number, b: number) => number): FOp => (a, b) => new PyFloat(op(a, b));

function float_round(self: any, nd: any): any {
  const v = selfFloat(self);
  if (nd === undefined || nd === None) return intFromFloat(roundHalfEven(v));
  const n = asInt(nd);
  if (n === undefined) throw typeError(`can't convert ${typeOf(nd).$name} to int`);
  const mult = Math.pow(10, Number(n));
  return new PyFloat(roundHalfEven(v * mult) / mult);
}

addMethods(floatType, {
  ...opPair("add", box((a, b) => a + b)),
  ...opPair("sub", box((a, b) => a - b)),
  ...opPair("mul", box((a, b) => a * b)),
  ...opPair("truediv", fTrueDiv),
  ...opPair("floordiv", fFloorDiv),
  ...opPair("mod", fMod),
  ...opPair("pow", fPow),
  ...opPair("divmod", fDivmod),
  __eq__: cmpMethod("__eq__", (a, b) => a == b),
  __ne__: cmpMethod("__ne__", (a, b) => a != b),
  __lt__: cmpMethod("__lt__", (a, b) => a < b),
  __le__: cmpMethod("__le__", (a, b) => a <= b),
  __gt__: cmpMethod("__gt__", (a, b) => a > b),
  __ge__: cmpMethod("__ge__", (a, b) => a >= b),
  __neg__: builtin("__neg__", (self: any) => new PyFloat(-selfFloat(self))),
  __pos__: builtin("__pos__", (self: any) => (self.$cls === floatType ? self : new PyFloat(selfFloat(self)))),
  __abs__: builtin("__abs__", (self: any) => new PyFloat(Math.abs(selfFloat(self)))),
  __bool__: builtin("__bool__", (self: any) => selfFloat(self) !== 0),
  __hash__: builtin("__hash__", (self: any) => floatHash(selfFloat(self))),
  __int__: builtin("__int__", (self: any) => intFromFloat(selfFloat(self))),
  __float__: builtin("__float__", (self: any) => (self.$cls === floatType ? self : new PyFloat(selfFloat(self)))),
  __repr__: builtin("__repr__", (self: any) => floatRepr(selfFloat(self))),
  __round__: builtin("__round__", float_round),
  conjugate: builtin("conjugate", (self: any) => new PyFloat(selfFloat(self))),
  real: new PyProperty(builtin("real", (self: any) => new PyFloat(selfFloat(self))), None, None),
  imag: new PyProperty(builtin("imag", (_self: any) => new PyFloat(0)), None, None),
});
