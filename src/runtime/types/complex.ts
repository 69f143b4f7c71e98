// complex: a boxed pair of JS numbers ($re, $im), as MicroPython's py/objcomplex.c.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyObject, PyType, defineBuiltinType, addMethods, builtin, NotImplemented, None, typeOf } from "../object.ts";
import { typeError, zeroDivisionError, valueError } from "../exceptions.ts";
import { callSpecial } from "../ops.ts";
import { formatFloatRaw, REPR_PREC } from "../numfmt.ts";
import { langHooks } from "../hooks.ts";
import { PyFloat, floatType, asFloat, toFloat, scanUnsignedFloat, floatHash } from "./float.ts";
import { intXor } from "./int.ts";
import { PyProperty } from "./function.ts";

export class PyComplex extends PyObject {
  constructor(public $re: number, public $im: number) {
    super();
  }
}
export const complexType = defineBuiltinType("complex", PyComplex.prototype);
(PyComplex.prototype as any).$hk = 1;

export function mkComplex(re: number, im: number): PyComplex {
  return new PyComplex(re, im);
}
langHooks.mkComplex = mkComplex;

/** A complex operand as [re, im]: complex, float, int-like; else null. */
export function asComplex(x: any): [number, number] | null {
  if (x instanceof PyComplex) return [x.$re, x.$im];
  const f = asFloat(x);
  return f === undefined ? null : [f, 0];
}

/** complex(x) for any object (mp_obj_get_complex): TypeError "can't convert X to complex". */
export function toComplex(x: any): [number, number] {
  const c = asComplex(x);
  if (c !== null) return c;
  if (typeof x === "object") {
    const f = x.__complex__;
    if (f !== undefined && f !== None) {
      const r = callSpecial(f, x);
      if (r instanceof PyComplex) return [r.$re, r.$im];
    }
    if (x.__float__ !== undefined || x.__index__ !== undefined) return [toFloat(x), 0];
  }
  throw typeError(`can't convert ${typeOf(x).$name} to complex`);
}

// ---------------------------------------------------------------- arithmetic

export function cMul(a: number, b: number, c: number, d: number): PyComplex {
  return new PyComplex(a * c - b * d, a * d + b * c);
}

export function cDiv(a: number, b: number, c: number, d: number): PyComplex {
  if (d === 0) {
    if (c === 0) throw zeroDivisionError("complex divide by zero");
    return new PyComplex(a / c, b / c);
  }
  if (c === 0) return new PyComplex(b / d, -a / d);
  const len = c * c + d * d;
  return cMul(a, b, c / len, d / -len);
}

/** (a+bj) ** (c+dj), as MicroPython computes it (through log and exp). */
export function complexPow(a: number, b: number, c: number, d: number): PyComplex {
  const abs1 = Math.sqrt(a * a + b * b);
  if (abs1 === 0) {
    if (d === 0 && c >= 0) return new PyComplex(c === 0 ? 1 : 0, b);
    throw zeroDivisionError("0.0 to a complex power");
  }
  const ln1 = Math.log(abs1);
  const arg1 = Math.atan2(b, a);
  const x3 = c * ln1 - d * arg1;
  const y3 = d * ln1 + c * arg1;
  const e = Math.exp(x3);
  return new PyComplex(e * Math.cos(y3), e * Math.sin(y3));
}

type COp = (a: number, b: number, c: number, d: number) => any;

// ---------------------------------------------------------------- fast paths for ops.ts

/** The real part of an operand of complex arithmetic (an exact complex, a small int or an exact float), else undefined. */
function reOf(x: any): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x === "object") {
    const c = x.$cls;
    if (c === complexType) return x.$re;
    if (c === floatType) return x.$v;
  }
  return undefined;
}

/** The imaginary part of an operand reOf accepted. */
const imOf = (x: any): number => (typeof x === "object" && x.$cls === complexType ? x.$im : 0);

/**
 * a OP b when one operand is an exact complex and the other a complex, small int or exact
 * float (the same result as complex.__op__/__rop__); undefined otherwise. op: 0 add, 1 sub,
 * 2 mul, 3 truediv. (Plain locals: doubles kept in module variables would be boxed per write.)
 */
export function complexFast(op: number, a: any, b: any): PyComplex | undefined {
  const ar = reOf(a);
  if (ar === undefined) return undefined;
  const br = reOf(b);
  if (br === undefined) return undefined;
  const ai = imOf(a), bi = imOf(b);
  switch (op) {
    case 0:
      return new PyComplex(ar + br, ai + bi);
    case 1:
      return new PyComplex(ar - br, ai - bi);
    case 2:
      return cMul(ar, ai, br, bi);
    default:
      return cDiv(ar, ai, br, bi);
  }
}

/** abs() of an exact complex (a float); undefined for anything else. */
export function complexAbs(x: any): PyFloat | undefined {
  if (x instanceof PyComplex && x.$cls === complexType) return new PyFloat(Math.sqrt(x.$re * x.$re + x.$im * x.$im));
  return undefined;
}

function selfComplex(x: any): PyComplex {
  if (x instanceof PyComplex) return x;
  throw typeError(`descriptor requires a 'complex' object but received '${typeOf(x).$name}'`);
}

function opPair(name: string, op: COp): Record<string, any> {
  const fwd = (self: any, other: any): any => {
    const s = selfComplex(self);
    const o = asComplex(other);
    return o === null ? NotImplemented : op(s.$re, s.$im, o[0], o[1]);
  };
  const rev = (self: any, other: any): any => {
    const s = selfComplex(self);
    const o = asComplex(other);
    return o === null ? NotImplemented : op(o[0], o[1], s.$re, s.$im);
  };
  return { [`__${name}__`]: builtin(`__${name}__`, fwd), [`__r${name}__`]: builtin(`__r${name}__`, rev) };
}

const noFloorDiv: COp = () => {
  throw typeError("can't truncate-divide a complex number");
};

// ---------------------------------------------------------------- repr, parsing, constructor

/** repr of a complex: `(1+2j)`, `2j`, `(1-0j)` as MicroPython prints them. */
export function complexRepr(re: number, im: number): string {
  if (re !== 0) return "(" + formatFloatRaw(re, "g", REPR_PREC, "") + formatFloatRaw(im, "g", REPR_PREC, "+") + "j)";
  return formatFloatRaw(im, "g", REPR_PREC, "") + "j";
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** complex(s): a real part and/or an imaginary part ending in 'j' (mp_parse_num_complex). */
export function parseComplexStr(s: string): PyComplex {
  let i = 0;
  let re = 0;
  let haveReal = false;
  for (;;) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    let neg = false;
    if (s[i] === "+" || s[i] === "-") neg = s[i++] === "-";
    const start = i;
    let [v, end] = scanUnsignedFloat(s, i);
    i = end;
    let imag = false;
    if (i < s.length && (s[i] === "j" || s[i] === "J")) {
      if (i === start) v = 1;
      i++;
      imag = true;
    }
    if (i === start) throw valueError("invalid syntax for number");
    if (neg) v = -v;
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i === s.length) {
      if (imag) return new PyComplex(re, v);
      if (haveReal) throw valueError("invalid syntax for number");
      return new PyComplex(v, 0);
    }
    if (imag || haveReal) throw valueError("invalid syntax for number");
    re = v;
    haveReal = true;
  }
}

complexType.$new = (cls: PyType, args: any[], kw: any): any => {
  if (kw !== null) for (const k in kw) throw typeError(`unexpected keyword argument '${k}'`);
  const n = args.length;
  if (n > 2) throw typeError(`function takes at most 2 arguments (${n} given)`);
  // No destructuring: it is slow before V8 optimises (complex(re, im) in a loop).
  let r: PyComplex;
  const x = n > 0 ? args[0] : undefined;
  if (x === undefined) r = new PyComplex(0, 0);
  else if (n === 1 || args[1] === undefined) {
    if (typeof x === "string") r = parseComplexStr(x);
    else if (x instanceof PyComplex && cls === complexType) return x;
    else {
      const c = toComplex(x);
      r = new PyComplex(c[0], c[1]);
    }
  } else {
    const y = args[1];
    let a: number, b: number;
    if (x instanceof PyComplex) {
      a = x.$re;
      b = x.$im;
    } else {
      a = toFloat(x);
      b = 0;
    }
    if (y instanceof PyComplex) {
      a -= y.$im;
      b += y.$re;
    } else {
      b += toFloat(y);
    }
    r = new PyComplex(a, b);
  }
  if (cls === complexType) return r;
  const o = Object.create(cls.$proto);
  o.$re = r.$re;
  o.$im = r.$im;
  return o;
};

function complex_eq(self: any, other: any): any {
  const s = selfComplex(self);
  const o = asComplex(other);
  return o === null ? NotImplemented : s.$re === o[0] && s.$im === o[1];
}

addMethods(complexType, {
  ...opPair("add", (a, b, c, d) => new PyComplex(a + c, b + d)),
  ...opPair("sub", (a, b, c, d) => new PyComplex(a - c, b - d)),
  ...opPair("mul", cMul),
  ...opPair("truediv", cDiv),
  ...opPair("floordiv", noFloorDiv),
  ...opPair("pow", complexPow),
  __eq__: builtin("__eq__", complex_eq),
  __ne__: builtin("__ne__", (self: any, other: any) => {
    const r = complex_eq(self, other);
    return r === NotImplemented ? r : !r;
  }),
  __neg__: builtin("__neg__", (self: any) => new PyComplex(-selfComplex(self).$re, -selfComplex(self).$im)),
  __pos__: builtin("__pos__", (self: any) => selfComplex(self)),
  __abs__: builtin("__abs__", (self: any) => {
    const s = selfComplex(self);
    return new PyFloat(Math.sqrt(s.$re * s.$re + s.$im * s.$im));
  }),
  __bool__: builtin("__bool__", (self: any) => selfComplex(self).$re !== 0 || selfComplex(self).$im !== 0),
  __hash__: builtin("__hash__", (self: any) => intXor(floatHash(selfComplex(self).$re), floatHash(selfComplex(self).$im))),
  __repr__: builtin("__repr__", (self: any) => complexRepr(selfComplex(self).$re, selfComplex(self).$im)),
  conjugate: builtin("conjugate", (self: any) => new PyComplex(selfComplex(self).$re, -selfComplex(self).$im)),
  real: new PyProperty(builtin("real", (self: any) => new PyFloat(selfComplex(self).$re)), None, None),
  imag: new PyProperty(builtin("imag", (self: any) => new PyFloat(selfComplex(self).$im)), None, None),
});
