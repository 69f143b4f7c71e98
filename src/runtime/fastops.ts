// Out-of-line fast paths for generated code (see compiler/codegen_expr.ts): the compiler inlines
// only the int/int case of an operator and sends everything else here. These helpers handle the
// next most common cases (exact floats, int/float mixes, strings) before the generic verbs of
// ops.ts, and give JS booleans where the compiler needs a truth value.
//
// Also installs `$desc === true` on Function.prototype (non-enumerable, in this realm only), so
// the attribute fast path `(t = o.x) === undefined || t.$desc === true ? loadAttr(o, "x") : t`
// needs one test to send both descriptors and methods found on the class (JS functions, which
// must be bound) to loadAttr. Embedders sharing the realm see one extra, `$`-prefixed,
// non-enumerable property on functions; nothing in the runtime reads `$desc` from a function
// without first testing `typeof v === "function"` (attr.ts bindClassAttr).

import { PyFloat, floatType } from "./types/float.ts";
import * as ops from "./ops.ts";
import { strType, None } from "./object.ts";
import { PyList, listType, mkList } from "./types/list.ts";
import { mkSlice } from "./types/slice.ts";
import { hasAstral } from "./types/str.ts";
import { PyModule } from "./types/module.ts";
import { callMethod } from "./attr.ts";

Object.defineProperty(Function.prototype, "$desc", { value: true, writable: true, enumerable: false, configurable: true });

/** The double of an exact float or a (small) int, else NaN (a NaN float also gives NaN). */
function num(x: any): number {
  if (typeof x === "number") return x;
  if (x instanceof PyFloat && x.$cls === floatType) return x.$v;
  return NaN;
}

// Comparisons as JS booleans (conditions of if/while/and/or/not). The int/int case is inline at
// the call site; a safe int compared with a double is exact in JS. NaN operands (or NaN floats)
// fall through to the generic path, which gives the same answer.

export function ltB(a: any, b: any): boolean {
  const x = num(a), y = num(b);
  if (x < y) return true;
  if (x >= y) return false;
  if (typeof a === "string" && typeof b === "string") return a < b;
  return ops.isTrue(ops.lt(a, b));
}

export function leB(a: any, b: any): boolean {
  const x = num(a), y = num(b);
  if (x <= y) return true;
  if (x > y) return false;
  if (typeof a === "string" && typeof b === "string") return a <= b;
  return ops.isTrue(ops.le(a, b));
}

export function gtB(a: any, b: any): boolean {
  const x = num(a), y = num(b);
  if (x > y) return true;
  if (x <= y) return false;
  if (typeof a === "string" && typeof b === "string") return a > b;
  return ops.isTrue(ops.gt(a, b));
}

export function geB(a: any, b: any): boolean {
  const x = num(a), y = num(b);
  if (x >= y) return true;
  if (x < y) return false;
  if (typeof a === "string" && typeof b === "string") return a >= b;
  return ops.isTrue(ops.ge(a, b));
}

export function eqB(a: any, b: any): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  const x = num(a), y = num(b);
  if (x === y) return true;
  if (x === x && y === y) return false;
  return ops.isTrue(ops.eq(a, b));
}

export function neB(a: any, b: any): boolean {
  if (typeof a === "string" && typeof b === "string") return a !== b;
  const x = num(a), y = num(b);
  if (x === y) return false;
  if (x === x && y === y) return true;
  return ops.isTrue(ops.ne(a, b));
}

// Method calls `o.m(a, ...)` whose inline path (a method found on an object's class) was not
// taken: strings and modules without an argument array, anything else through attr.callMethod.
// A str method is called as callMethod would call it (a builtin without keyword binding that
// takes the arguments); a module's function as call() would without binding (enough parameters,
// and no builtin FunctionSig).

const strProto: any = strType.$proto;
const hasOwn = Object.prototype.hasOwnProperty;

function strMethod(name: string, n: number): any {
  let f = strProto[name];
  if (typeof f === "function" && f.$sig !== undefined) f = f.$pos; // a positional-only entry (str.format)
  return typeof f === "function" && f.$sig === undefined && n < (f.$n ?? f.length) ? f : null;
}

function moduleFn(m: PyModule, name: string, n: number): any {
  const d = m.$d;
  const f = d[name];
  // A builtin with a FunctionSig may count keyword-only parameters in its length: bindArgs.
  return typeof f === "function" && (f.$n ?? f.length) >= n && (f.$builtin !== true || f.$sig === undefined) && hasOwn.call(d, name) ? f : null;
}

export function callMethod0(o: any, name: string): any {
  if (typeof o === "string") {
    const f = strMethod(name, 0);
    if (f !== null) return f(o);
  } else if (o instanceof PyModule) {
    const f = moduleFn(o, name, 0);
    if (f !== null) return f();
  }
  return callMethod(o, name, [], null);
}

export function callMethod1(o: any, name: string, a: any): any {
  if (typeof o === "string") {
    const f = strMethod(name, 1);
    if (f !== null) return f(o, a);
  } else if (o instanceof PyModule) {
    const f = moduleFn(o, name, 1);
    if (f !== null) return f(a);
  }
  return callMethod(o, name, [a], null);
}

export function callMethod2(o: any, name: string, a: any, b: any): any {
  if (typeof o === "string") {
    const f = strMethod(name, 2);
    if (f !== null) return f(o, a, b);
  } else if (o instanceof PyModule) {
    const f = moduleFn(o, name, 2);
    if (f !== null) return f(a, b);
  }
  return callMethod(o, name, [a, b], null);
}

export function callMethod3(o: any, name: string, a: any, b: any, c: any): any {
  if (typeof o === "string") {
    const f = strMethod(name, 3);
    if (f !== null) return f(o, a, b, c);
  } else if (o instanceof PyModule) {
    const f = moduleFn(o, name, 3);
    if (f !== null) return f(a, b, c);
  }
  return callMethod(o, name, [a, b, c], null);
}

// Slices `o[lo:hi]`, `o[lo:hi:-1]` and `o[lo:hi] = v` of exact lists with int (or omitted)
// bounds, without a slice object; anything else builds the slice and takes getItem/setItem.

/** A bound of a step-1 slice clamped to [0, n]; None gives `dflt`. */
function bound(x: any, n: number, dflt: number): number {
  if (x === None) return dflt;
  if (x < 0) return x + n < 0 ? 0 : x + n;
  return x > n ? n : x;
}

/** A bound of a step -1 slice clamped to [-1, n - 1]; None gives `dflt`. */
function rbound(x: any, n: number, dflt: number): number {
  if (x === None) return dflt;
  if (x < 0) return x + n < 0 ? -1 : x + n;
  return x >= n ? n - 1 : x;
}

const isBound = (x: any): boolean => x === None || typeof x === "number";

export function getSlice(o: any, lo: any, hi: any, st: any): any {
  if (o instanceof PyList && o.$cls === listType && isBound(lo) && isBound(hi)) {
    const a = o.$a, n = a.length;
    if (st === None || st === 1) return mkList(a.slice(bound(lo, n, 0), bound(hi, n, n)));
    if (st === -1) {
      const r: any[] = [];
      for (let i = rbound(lo, n, n - 1), j = rbound(hi, n, -1); i > j; i--) r.push(a[i]);
      return mkList(r);
    }
  }
  if (typeof o === "string" && st === None && isBound(lo) && isBound(hi) && !hasAstral(o)) {
    const n = o.length, i = bound(lo, n, 0), j = bound(hi, n, n);
    return j > i ? o.slice(i, j) : "";
  }
  return ops.getItem(o, mkSlice(lo, hi, st));
}

export function setSlice(o: any, lo: any, hi: any, st: any, v: any): void {
  if (o instanceof PyList && o.$cls === listType && st === None && isBound(lo) && isBound(hi) && v instanceof PyList && v.$cls === listType) {
    const a = o.$a, n = a.length, src = v.$a;
    const i = bound(lo, n, 0);
    let j = bound(hi, n, n);
    if (j < i) j = i;
    if (j - i === src.length && src !== a) {
      for (let k = 0; k < src.length; k++) a[i + k] = src[k];
      return;
    }
    if (src.length < 4096) {
      a.splice(i, j - i, ...(src === a ? src.slice() : src));
      return;
    }
  }
  ops.setItem(o, mkSlice(lo, hi, st), v);
}
