// Generic operations: the verbs generated code and builtins use on any Python value
// (MicroPython's mp_binary_op, mp_unary_op, mp_obj_is_true, mp_getiter, mp_iternext, ...).
// Each starts with the fast cases (small ints as JS numbers, JS strings, exact builtin types)
// and falls back to special-method lookup on the value's type, out of line.

import {
  PyType, typeOf, protoOf, None, NotImplemented, STOP, Ellipsis, isSubtype,
} from "./object.ts";
import {
  newExc, typeError, StopIteration, isStopIteration, TypeError as TypeErrorT, IndexError, isPyException,
} from "./exceptions.ts";
import { PyFloat, floatType, fPow, fFloorDiv, fMod } from "./types/float.ts";
import { growthCheck } from "./memguard.ts";
import { PyList } from "./types/list.ts";
import { PyTuple, tupleType } from "./types/tuple.ts";
import { PyDict, dictType } from "./types/dict.ts";
import { PyComplex, complexFast } from "./types/complex.ts";
import { bytesType, bytearrayType } from "./types/bytes.ts";
import { normBig, intFloorDiv, intMod, intPow, intLshift, intRshift, intAdd, intSub, intMul } from "./types/int.ts";
import { call } from "./call.ts";
import { strGetItem } from "./types/str.ts";
import { PyStaticMethod, PyClassMethod } from "./types/function.ts";
import { hashHooks, strHash, bigHash } from "./hashtable.ts";

// ---------------------------------------------------------------- calling special methods

/** Calls a special method found on a type with self first (functions directly, else generally). */
export function callSpecial(f: any, self: any, a?: any, b?: any): any {
  // Python values are never undefined: `a`/`b` undefined means not passed (no rest/spread).
  if (typeof f === "function") return a === undefined ? f(self) : b === undefined ? f(self, a) : f(self, a, b);
  const args = a === undefined ? [] : b === undefined ? [a] : [a, b];
  // A special method defined as a staticmethod/classmethod (see class_staticclassmethod.py).
  if (f instanceof PyStaticMethod) return call(f.$f, args, null);
  if (f instanceof PyClassMethod) return call(f.$f, [typeOf(self), ...args], null);
  return call(f, [self, ...args], null);
}

function special(x: any, name: string): any {
  return protoOf(x)[name];
}

// ---------------------------------------------------------------- truth, repr, str, hash

export function isTrue(x: any): boolean {
  switch (typeof x) {
    case "boolean":
      return x;
    case "number":
      return x !== 0;
    case "string":
      return x.length !== 0;
    case "bigint":
      return true; // normalised: a bigint is never zero
    case "function":
      return true;
  }
  if (x === None) return false;
  if (x instanceof PyList || x instanceof PyTuple) return x.$a.length !== 0;
  if (x instanceof PyFloat) return x.$v !== 0;
  if (x instanceof PyDict) return x.$t.size !== 0;
  const b = x.__bool__;
  if (b !== undefined) {
    const r = callSpecial(b, x);
    if (typeof r !== "boolean") throw typeError("__bool__ should return bool");
    return r;
  }
  const l = x.__len__;
  if (l !== undefined) return toIndex(callSpecial(l, x)) !== 0;
  return true;
}

export function not(x: any): boolean {
  return !isTrue(x);
}

export function repr(x: any): string {
  if (typeof x === "string") return strRepr(x);
  if (typeof x === "number" || typeof x === "bigint") return String(x);
  if (typeof x === "boolean") return x ? "True" : "False";
  const f = special(x, "__repr__");
  const r = callSpecial(f, x);
  if (typeof r !== "string") throw typeError("__repr__ returned non-string");
  return r;
}

export function str(x: any): string {
  if (typeof x === "string") return x;
  if (typeof x === "number" || typeof x === "bigint") return String(x);
  if (typeof x === "boolean") return x ? "True" : "False";
  const f = special(x, "__str__");
  const r = f === undefined ? repr(x) : callSpecial(f, x);
  if (typeof r !== "string") throw typeError("__str__ returned non-string");
  return r;
}

/**
 * Python's repr of a str: prefers single quotes, escapes like MicroPython's uni_print_quoted
 * (\\n \\r \\t, \\xNN for other ASCII controls, \\uXXXX for lone surrogates, the rest as is).
 */
export function strRepr(s: string): string {
  // Fast path: printable ASCII without a quote or backslash to escape.
  if (!/[^\x20-\x26\x28-\x5b\x5d-\x7e]/.test(s)) return "'" + s + "'";
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const qc = q.charCodeAt(0);
  let out = q;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string;
    if (c >= 0x20 && c < 0xd800 && c !== 0x7f) {
      if (c !== 0x5c && c !== qc) continue;
      esc = "\\" + s[i];
    } else if (c >= 0xe000) continue;
    else if (c === 10) esc = "\\n";
    else if (c === 13) esc = "\\r";
    else if (c === 9) esc = "\\t";
    else if (c < 0x80) esc = (c < 16 ? "\\x0" : "\\x") + c.toString(16);
    else if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    } else esc = "\\u" + c.toString(16).padStart(4, "0");
    out += s.slice(run, i) + esc;
    run = i + 1;
  }
  return out + s.slice(run) + q;
}

/** hash(x), as MicroPython's (which dict/set order follows, see hashtable.ts): an int is itself
 *  as a 63-bit small int, a str its 16-bit qstr hash, None 6. */
export function hash(x: any): number | bigint {
  switch (typeof x) {
    case "number":
      return x;
    case "bigint":
      return bigHash(x);
    case "boolean":
      return x ? 1 : 0;
    case "string":
      return strHash(x);
  }
  if (x === None) return 6;
  const f = special(x, "__hash__");
  if (f === undefined || f === None) throw typeError(`unhashable type: '${typeOf(x).$name}'`);
  const h = callSpecial(f, x);
  if (typeof h === "number") return h;
  if (typeof h === "boolean") return h ? 1 : 0;
  if (typeof h !== "bigint") throw typeError("__hash__ should return an int");
  return bigHash(h);
}

export { strHash };

// ---------------------------------------------------------------- comparisons

/** Python == as a JS boolean (containers, `in`, dict keys). */
export function eqBool(a: any, b: any): boolean {
  if (a === b) return !(a instanceof PyFloat && a.$v !== a.$v);
  const ta = typeof a;
  if (ta === "number" || ta === "bigint") {
    // Different ints (normalised: a number never equals a bigint), or an int and a str: no
    // __eq__ to ask. (`x in list_of_ints` and `list.index` land here for every miss.)
    const tb = typeof b;
    if (tb === "number" || tb === "bigint" || tb === "string") return false;
    if (tb === "boolean") return a === (b ? 1 : 0);
  }
  if (ta === "string" || typeof b === "string") {
    if (ta === typeof b) return false;
    // str never equals a non-str builtin; a user object may still define __eq__
    if (ta === "string" && typeof b !== "object") return false;
    if (ta !== "string" && typeof a !== "object") return false;
  }
  return isTrue(richCompare("__eq__", "__eq__", a, b, true));
}

export function eq(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a === b;
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v === b.$v;
  if (bigPair(a, b)) return a == b;
  return richCompare("__eq__", "__eq__", a, b, true);
}

/** Both operands plain ints, at least one a bigint (callers test number/number first). */
function bigPair(a: any, b: any): boolean {
  const ta = typeof a;
  const tb = typeof b;
  return ta === "bigint" ? tb === "bigint" || tb === "number" : tb === "bigint" && ta === "number";
}

export function ne(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a !== b;
  if (typeof a === "string" && typeof b === "string") return a !== b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v !== b.$v;
  if (bigPair(a, b)) return a != b;
  return neSlow(a, b);
}

/**
 * `a != b` in general, as MicroPython's mp_obj_equal_not_equal: each side in turn (a subclass
 * first) tries its __ne__, then its negated __eq__; failing both, identity decides.
 */
function neSlow(a: any, b: any): any {
  let x = a;
  let y = b;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (tb !== ta && isStrictSub(tb, ta)) {
    x = b;
    y = a;
  }
  let r = neOneSide(x, y);
  if (r === NotImplemented) r = neOneSide(y, x);
  return r === NotImplemented ? a !== b : r;
}

function neOneSide(x: any, y: any): any {
  const f = special(x, "__ne__");
  if (f !== undefined) {
    const r = callSpecial(f, x, y);
    if (r !== NotImplemented) return r;
  }
  const g = special(x, "__eq__");
  if (g !== undefined) {
    const r = callSpecial(g, x, y);
    if (r !== NotImplemented) return !isTrue(r);
  }
  return NotImplemented;
}

export function lt(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return a < b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v < b.$v;
  if (bigPair(a, b)) return a < b;
  return richCompare("__lt__", "__gt__", a, b, false);
}
export function le(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a <= b;
  if (typeof a === "string" && typeof b === "string") return a <= b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v <= b.$v;
  if (bigPair(a, b)) return a <= b;
  return richCompare("__le__", "__ge__", a, b, false);
}
export function gt(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a > b;
  if (typeof a === "string" && typeof b === "string") return a > b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v > b.$v;
  if (bigPair(a, b)) return a > b;
  return richCompare("__gt__", "__lt__", a, b, false);
}
export function ge(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return a >= b;
  if (typeof a === "string" && typeof b === "string") return a >= b;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && a.$cls === floatType && b.$cls === floatType) return a.$v >= b.$v;
  if (bigPair(a, b)) return a >= b;
  return richCompare("__ge__", "__le__", a, b, false);
}

function richCompare(op: string, rop: string, a: any, b: any, isEq: boolean): any {
  const ta = typeOf(a);
  const tb = typeOf(b);
  // A subclass's reflected method gets the first try (Python's rule).
  if (tb !== ta && isStrictSub(tb, ta)) {
    const rf = tb.$proto[rop];
    if (rf !== undefined) {
      const r = callSpecial(rf, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  const f = ta.$proto[op];
  if (f !== undefined) {
    const r = callSpecial(f, a, b);
    if (r !== NotImplemented) return r;
  }
  const rf = tb.$proto[rop];
  if (rf !== undefined) {
    const r = callSpecial(rf, b, a);
    if (r !== NotImplemented) return r;
  }
  if (isEq) return a === b;
  throw typeError(`unsupported types for ${op}: '${ta.$name}', '${tb.$name}'`);
}

function isStrictSub(t: PyType, base: PyType): boolean {
  const m = t.$mro;
  for (let i = 1; i < m.length; i++) if (m[i] === base) return true;
  return false;
}

export function is(a: any, b: any): boolean {
  return a === b;
}

export function contains(container: any, item: any): boolean {
  if (typeof container === "string") {
    if (typeof item !== "string") throw typeError(`can't convert '${typeOf(item).$name}' object to str implicitly`);
    return container.includes(item);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    const a = container.$a;
    for (let i = 0; i < a.length; i++) if (a[i] === item || eqBool(a[i], item)) return true;
    return false;
  }
  if (container instanceof PyDict) return container.$t.has(item);
  const f = special(container, "__contains__");
  if (f !== undefined) return isTrue(callSpecial(f, container, item));
  const it = getIter(container);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (v === item || eqBool(v, item)) return true;
  return false;
}

export function notContains(container: any, item: any): boolean {
  return !contains(container, item);
}

// ---------------------------------------------------------------- arithmetic

/**
 * Binary operator fallback: a.__op__(b), then b.__rop__(a) (the reflected one first when b's
 * type is a subclass of a's), else TypeError with MicroPython's wording.
 */
export function binaryOp(op: string, rop: string, a: any, b: any): any {
  const ta = typeof a === "object" ? a.$cls : typeOf(a);
  const tb = typeof b === "object" ? b.$cls : typeOf(b);
  if (tb !== ta && isStrictSub(tb, ta)) {
    const rf = tb.$proto[rop];
    if (rf !== undefined) {
      const r = callSpecial(rf, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  const f = ta.$proto[op];
  if (f !== undefined) {
    const r = callSpecial(f, a, b);
    if (r !== NotImplemented) return r;
  }
  if (tb !== ta) {
    const rf = tb.$proto[rop];
    if (rf !== undefined) {
      const r = callSpecial(rf, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  throw typeError(`unsupported types for ${op}: '${ta.$name}', '${tb.$name}'`);
}

/** In-place operator: a.__iop__(b) when defined, else the plain operator. */
function inplaceOp(iop: string, op: string, rop: string, a: any, b: any): any {
  if (typeof a === "object") {
    const f = a[iop];
    if (f !== undefined && typeof f === "function" && !Object.prototype.hasOwnProperty.call(a, iop)) {
      const r = f(a, b);
      if (r !== NotImplemented) return r;
    }
  }
  return binaryOp(op, rop, a, b);
}

// Fast paths: both operands small ints (JS numbers), or both floats, or both strings.
// Int rules: + - * may leave the safe range (redo in bigint); results are never -0.

export function add(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : normBig(BigInt(a) + BigInt(b));
  }
  if (typeof a === "string" && typeof b === "string") return a + b;
  if (bigPair(a, b)) return intAdd(a, b);
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return new PyFloat(x + y);
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const c = complexFast(0, a, b);
    if (c !== undefined) return c;
  }
  return binaryOp("__add__", "__radd__", a, b);
}

// Float fast paths: fnum() is the value of an exact float or a small int, else NaN (a float
// holding NaN also gives NaN and so takes the general path). At least one operand must be a
// float for the result to be one, which is the case when the int/int path was not taken.
function fnum(x: any): number {
  if (typeof x === "number") return x;
  // Only exact floats have floatType as $cls (no instanceof: it is slow before optimisation).
  if (typeof x === "object" && x !== null && x.$cls === floatType) return x.$v;
  return NaN;
}

export function sub(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    return Number.isSafeInteger(r) ? r + 0 : normBig(BigInt(a) - BigInt(b));
  }
  if (bigPair(a, b)) return intSub(a, b);
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return new PyFloat(x - y);
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const c = complexFast(1, a, b);
    if (c !== undefined) return c;
  }
  return binaryOp("__sub__", "__rsub__", a, b);
}

export function mul(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    return Number.isSafeInteger(r) ? r + 0 : normBig(BigInt(a) * BigInt(b));
  }
  if (bigPair(a, b)) return intMul(a, b);
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return new PyFloat(x * y);
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const c = complexFast(2, a, b);
    if (c !== undefined) return c;
  }
  return binaryOp("__mul__", "__rmul__", a, b);
}

export function truediv(a: any, b: any): any {
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y && y !== 0) return new PyFloat(x / y);
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const c = complexFast(3, a, b);
    if (c !== undefined) return c;
  }
  return binaryOp("__truediv__", "__rtruediv__", a, b);
}
export function floordiv(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intFloorDiv(a, b);
  if (bigPair(a, b)) return intFloorDiv(a, b);
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return fFloorDiv(x, y);
  }
  return binaryOp("__floordiv__", "__rfloordiv__", a, b);
}
export function mod(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intMod(a, b);
  if (bigPair(a, b)) return intMod(a, b);
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return fMod(x, y);
  }
  return binaryOp("__mod__", "__rmod__", a, b);
}
export function pow(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intPow(a, b);
  // A float and a float or small int (`b**2`, `x ** 0.5`): float.__pow__'s work, without dispatch.
  const x = fnum(a);
  if (x === x) {
    const y = fnum(b);
    if (y === y) return fPow(x, y);
  }
  return binaryOp("__pow__", "__rpow__", a, b);
}
export const matmul = (a: any, b: any): any => binaryOp("__matmul__", "__rmatmul__", a, b);
export function lshift(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intLshift(a, b);
  return binaryOp("__lshift__", "__rlshift__", a, b);
}
export function rshift(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number") return intRshift(a, b);
  return binaryOp("__rshift__", "__rrshift__", a, b);
}
export function and(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a & b;
  return binaryOp("__and__", "__rand__", a, b);
}
export function or(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a | b;
  return binaryOp("__or__", "__ror__", a, b);
}
export function xor(a: any, b: any): any {
  if (typeof a === "number" && typeof b === "number" && (a | 0) === a && (b | 0) === b) return a ^ b;
  return binaryOp("__xor__", "__rxor__", a, b);
}

export function iadd(a: any, b: any): any {
  if ((typeof a === "number" && typeof b === "number") || typeof a === "bigint" || a instanceof PyFloat) return add(a, b);
  if (typeof a === "string" && typeof b === "string") return a + b;
  return inplaceOp("__iadd__", "__add__", "__radd__", a, b);
}
export const isub = (a: any, b: any): any =>
  typeof a === "number" || typeof a === "bigint" || a instanceof PyFloat ? sub(a, b) : inplaceOp("__isub__", "__sub__", "__rsub__", a, b);
export const imul = (a: any, b: any): any =>
  typeof a === "number" || typeof a === "bigint" || a instanceof PyFloat ? mul(a, b) : inplaceOp("__imul__", "__mul__", "__rmul__", a, b);
export const itruediv = (a: any, b: any): any => a instanceof PyFloat ? truediv(a, b) : inplaceOp("__itruediv__", "__truediv__", "__rtruediv__", a, b);
export const ifloordiv = (a: any, b: any): any => typeof a !== "object" ? floordiv(a, b) : inplaceOp("__ifloordiv__", "__floordiv__", "__rfloordiv__", a, b);
export const imod = (a: any, b: any): any => typeof a !== "object" ? mod(a, b) : inplaceOp("__imod__", "__mod__", "__rmod__", a, b);
export const ipow = (a: any, b: any): any => typeof a !== "object" ? pow(a, b) : inplaceOp("__ipow__", "__pow__", "__rpow__", a, b);
export const imatmul = (a: any, b: any): any => inplaceOp("__imatmul__", "__matmul__", "__rmatmul__", a, b);
export const ilshift = (a: any, b: any): any => typeof a !== "object" ? lshift(a, b) : inplaceOp("__ilshift__", "__lshift__", "__rlshift__", a, b);
export const irshift = (a: any, b: any): any => typeof a !== "object" ? rshift(a, b) : inplaceOp("__irshift__", "__rshift__", "__rrshift__", a, b);
export const iand = (a: any, b: any): any => typeof a !== "object" ? and(a, b) : inplaceOp("__iand__", "__and__", "__rand__", a, b);
export const ior = (a: any, b: any): any => typeof a !== "object" ? or(a, b) : inplaceOp("__ior__", "__or__", "__ror__", a, b);
export const ixor = (a: any, b: any): any => typeof a !== "object" ? xor(a, b) : inplaceOp("__ixor__", "__xor__", "__rxor__", a, b);

/** Set by types/float.ts: the exact float type, for the fast path above. */
export const floatTypeRef: { t: PyType | null } = { t: null };

function unaryOp(name: string, x: any): any {
  const f = special(x, name);
  if (f === undefined) throw typeError(`unsupported type for ${name}: '${typeOf(x).$name}'`);
  return callSpecial(f, x);
}

export function neg(x: any): any {
  if (typeof x === "number") return x === 0 ? 0 : -x;
  if (typeof x === "object" && x.$cls === floatType) return new PyFloat(-x.$v);
  return unaryOp("__neg__", x);
}
export function pos(x: any): any {
  if (typeof x === "number") return x;
  return unaryOp("__pos__", x);
}
export function invert(x: any): any {
  if (typeof x === "number" && (x | 0) === x) return ~x;
  return unaryOp("__invert__", x);
}

// ---------------------------------------------------------------- ints as indices

/** An int-like value as a JS number (for indices, counts); bools count as ints. */
export function toIndex(x: any): number {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "object" && x.$v !== undefined && typeof x.$v !== "object" && !(x instanceof PyFloat)) return toIndex(x.$v);
  const f = special(x, "__index__");
  if (f !== undefined) return toIndex(callSpecial(f, x));
  throw typeError(`can't convert ${typeOf(x).$name} to int`);
}

// ---------------------------------------------------------------- subscripts

export function getItem(o: any, k: any): any {
  if (typeof o === "string") return strGetItem(o, k);
  // Exact builtin types by their class ($cls is only these types on their own instances).
  const c = o.$cls;
  if (c === listTypeRef.t || c === tupleType) {
    if (typeof k === "number") {
      const a = o.$a;
      const i = k < 0 ? k + a.length : k;
      if (i >= 0 && i < a.length) return a[i];
    }
  } else if (c === dictType) {
    const e = o.$t.get(k);
    if (e !== undefined) return e.v;
  } else if (c === bytearrayType && typeof k === "number") {
    const i = k < 0 ? k + o.$n : k;
    if (i >= 0 && i < o.$n) return o.$b[i];
  } else if (c === bytesType && typeof k === "number") {
    const b = o.$b;
    const i = k < 0 ? k + b.length : k;
    if (i >= 0 && i < b.length) return b[i];
  } else if (typeof o === "object" && c.$user === true) {
    // An instance of a Python class: its class's __getitem__ without the general lookup.
    const g = c.$proto.__getitem__;
    if (typeof g === "function") return g(o, k);
  }
  const f = special(o, "__getitem__");
  if (f === undefined) {
    if (o instanceof PyType) {
      const cg = o.$proto.__class_getitem__;
      if (cg !== undefined) return callSpecial(cg.$f ?? cg, o, k);
    }
    throw typeError(`'${typeOf(o).$name}' object isn't subscriptable`);
  }
  return callSpecial(f, o, k);
}

export function setItem(o: any, k: any, v: any): void {
  const c = o.$cls;
  if (c === listTypeRef.t && typeof k === "number") {
    const a = o.$a;
    const i = k < 0 ? k + a.length : k;
    if (i >= 0 && i < a.length) {
      a[i] = v;
      return;
    }
  } else if (c === dictType) {
    o.$t.set(k, v);
    return;
  } else if (c === bytearrayType && typeof k === "number" && typeof v === "number") {
    const i = k < 0 ? k + o.$n : k;
    if (i >= 0 && i < o.$n && v >= 0 && v < 256) {
      o.$b[i] = v;
      return;
    }
  }
  const f = special(o, "__setitem__");
  if (f === undefined) throw typeError(`'${typeOf(o).$name}' object doesn't support item assignment`);
  callSpecial(f, o, k, v);
}

export function delItem(o: any, k: any): void {
  const f = special(o, "__delitem__");
  if (f === undefined) throw typeError(`'${typeOf(o).$name}' object doesn't support item deletion`);
  callSpecial(f, o, k);
}

/** Set by types/list.ts. */
export const listTypeRef: { t: PyType | null } = { t: null };

// ---------------------------------------------------------------- iteration

/**
 * The iterator protocol inside the runtime: an iterator object may offer `$next()` returning
 * the next value or STOP (builtin iterators and generators do: no exceptions on the fast path);
 * otherwise its Python `__next__` is called and StopIteration ends the iteration.
 */
export function getIter(x: any): any {
  if (typeof x === "object") {
    const f = x.__iter__;
    if (f !== undefined) {
      if (typeof f === "function") return f(x);
      return callSpecial(f, x);
    }
    const gi = x.__getitem__;
    if (gi !== undefined) return new SeqIter(x);
  } else {
    const f = special(x, "__iter__");
    if (f !== undefined) return callSpecial(f, x);
  }
  throw typeError(`'${typeOf(x).$name}' object isn't iterable`);
}

export function iterNext(it: any): any {
  const n = it.$next;
  if (n !== undefined) return it.$next();
  const f = typeof it === "object" ? it.__next__ : undefined;
  if (f === undefined) throw typeError(`'${typeOf(it).$name}' object isn't an iterator`);
  try {
    return callSpecial(f, it);
  } catch (e) {
    if (isStopIteration(e)) {
      // Kept for next(), which re-raises it from a builtin iterator over this one (enumerate,
      // map, zip): MicroPython's stop_iteration_arg.
      stopArg = (e as any).args.$a.length > 0 ? (e as any).args.$a[0] : None;
      return STOP;
    }
    throw e;
  }
}

let stopArg: any = None;

/** The value of the last StopIteration iterNext swallowed since the last call (then None). */
export function takeStopArg(): any {
  const v = stopArg;
  stopArg = None;
  return v;
}

/** Iterates an object that only has __getitem__, until IndexError. */
class SeqIter {
  i = 0;
  constructor(public o: any) {}
  $next(): any {
    try {
      return getItem(this.o, this.i++);
    } catch (e) {
      // Python exceptions have null-rooted prototypes (not `instanceof Object`): test the class.
      if (isPyException(e) && (isSubtype(e.$cls, IndexError) || isSubtype(e.$cls, StopIteration))) return STOP;
      throw e;
    }
  }
}
Object.setPrototypeOf(SeqIter.prototype, null);

/** Collects an iterable into a JS array (copy for list/tuple). */
export function toArray(x: any): any[] {
  if (x instanceof PyList || x instanceof PyTuple) return x.$a.slice();
  if (typeof x === "string") return Array.from(x);
  const out: any[] = [];
  const it = getIter(x);
  // Every 65536 items, the heap guard (memguard.ts): list(range(10**10)) is MemoryError.
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if ((out.push(v) & 0xffff) === 0) growthCheck(out.length);
  return out;
}

/** Unpacks exactly n values (a, b = x). */
export function unpack(x: any, n: number): any[] {
  if ((x instanceof PyTuple || x instanceof PyList) && x.$a.length === n) return x.$a;
  const out: any[] = [];
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) {
    if (out.length === n) throw newExc(ValueErrorRef(), `too many values to unpack (expected ${n})`);
    out.push(v);
  }
  if (out.length < n) throw newExc(ValueErrorRef(), `need more than ${out.length} values to unpack`);
  return out;
}

/** Unpacks with a star target: `before` values, a list of the middle, `after` values. */
export function unpackEx(x: any, before: number, after: number, mkList: (a: any[]) => any): any[] {
  const all = toArray(x);
  if (all.length < before + after)
    throw newExc(ValueErrorRef(), `need more than ${all.length} values to unpack`);
  const out = all.slice(0, before);
  out.push(mkList(all.slice(before, all.length - after)));
  for (let i = all.length - after; i < all.length; i++) out.push(all[i]);
  return out;
}

import { ValueError } from "./exceptions.ts";
function ValueErrorRef() {
  return ValueError;
}

/** Raises StopIteration (for __next__ implementations written in TS). */
export function raiseStop(value?: any): never {
  throw value === undefined ? newExc(StopIteration) : newExc(StopIteration, value);
}

hashHooks.hash = hash;
hashHooks.eq = eqBool;

export { None, NotImplemented, Ellipsis, STOP, TypeErrorT };
