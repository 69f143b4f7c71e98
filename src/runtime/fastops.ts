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
import { strType } from "./object.ts";
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
  const f = strProto[name];
  return typeof f === "function" && f.$sig === undefined && n < f.length ? f : null;
}

function moduleFn(m: PyModule, name: string, n: number): any {
  const d = m.$d;
  const f = d[name];
  // A builtin with a FunctionSig may count keyword-only parameters in its length: bindArgs.
  return typeof f === "function" && f.length >= n && (f.$builtin !== true || f.$sig === undefined) && hasOwn.call(d, name) ? f : null;
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
