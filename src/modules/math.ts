// The math module, as MicroPython's py/modmath.c (unix port: special functions, factorial,
// isclose and the tau/inf/nan constants included).
//
// MicroPython's rule for errors: a function whose result is nan for a non-nan argument, or
// infinite for finite arguments, raises ValueError("math domain error") (so math.exp(1000) is a
// ValueError, not CPython's OverflowError).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { builtin, typeOf } from "../runtime/object.ts";
import { valueError, zeroDivisionError, typeError } from "../runtime/exceptions.ts";
import { PyFloat, toFloat, cPow } from "../runtime/types/float.ts";
import { asInt, intFromFloat, intMul, type Int } from "../runtime/types/int.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import type { FunctionSig } from "../runtime/types/function.ts";

const mathError = () => valueError("math domain error");

/** One-argument function with MicroPython's domain check. */
function fun1(name: string, f: (x: number) => number): any {
  return builtin(name, (xo: any) => {
    const x = toFloat(xo);
    const r = f(x);
    if ((r !== r && x === x) || (!Number.isFinite(r) && r === r && Number.isFinite(x))) throw mathError();
    return new PyFloat(r);
  });
}

/** Two-argument function with MicroPython's domain check. */
function fun2(name: string, f: (x: number, y: number) => number): any {
  return builtin(name, (xo: any, yo: any) => {
    const x = toFloat(xo);
    const y = toFloat(yo);
    const r = f(x, y);
    if ((r !== r && x === x && y === y) || (!Number.isFinite(r) && r === r && Number.isFinite(x) && Number.isFinite(y)))
      throw mathError();
    return new PyFloat(r);
  });
}

const toInt = (name: string, f: (x: number) => number): any =>
  builtin(name, (x: any) => {
    const i = asInt(x);
    return i !== undefined ? i : intFromFloat(f(toFloat(x)));
  });

const toBool = (name: string, f: (x: number) => boolean): any => builtin(name, (x: any) => f(toFloat(x)));

function copysign(x: number, y: number): number {
  const neg = y < 0 || (y === 0 && 1 / y < 0) || (y !== y && signBitNaN(y));
  return neg ? -Math.abs(x) : Math.abs(x);
}

function signBitNaN(_y: number): boolean {
  return false; // JS NaNs carry no observable sign
}

// ---------------------------------------------------------------- special functions

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

function gamma(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return NaN;
  if (x === 0) return 1 / x > 0 ? Infinity : -Infinity;
  if (x < 0 && Number.isInteger(x)) return NaN;
  if (Number.isInteger(x) && x <= 171) {
    let r = 1;
    for (let i = 2; i < x; i++) r *= i;
    return r;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  if (x > 171.7) return Infinity;
  x -= 1;
  let a = LANCZOS[0];
  const t = x + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x / 2 + 0.25) * Math.exp(-t) * Math.pow(t, x / 2 + 0.25) * a;
}

function lgamma(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  if (x === 1 || x === 2) return 0;
  x -= 1;
  let a = LANCZOS[0];
  const t = x + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** erf by its Taylor series near 0, else through erfc. */
function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 2.5) {
    // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 100; n++) {
      term *= -x2 / n;
      const d = term / (2 * n + 1);
      sum += d;
      if (Math.abs(d) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  const r = 1 - erfcLarge(ax);
  return x < 0 ? -r : r;
}

function erfc(x: number): number {
  if (x !== x) return x;
  if (x < 0.5) return 1 - erf(x);
  if (x < 2.5) return 1 - erf(x);
  return erfcLarge(x);
}

/** erfc(x) for x >= 2.5 by its continued fraction (Lentz's method). */
function erfcLarge(x: number): number {
  if (x > 27) return 0;
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 200; n++) {
    const an = n / 2;
    d = x + an * d;
    d = d === 0 ? tiny : d;
    c = x + an / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

// ---------------------------------------------------------------- other functions

function math_log(xo: any, baseo: any): PyFloat {
  const x = toFloat(xo);
  if (x <= 0) throw mathError();
  const l = Math.log(x);
  if (baseo === undefined) return new PyFloat(l);
  const base = toFloat(baseo);
  if (base <= 0) throw mathError();
  if (base === 1) throw zeroDivisionError();
  return new PyFloat(l / Math.log(base));
}

function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * Math.pow(2, -e);
  // Correct rounding of log2 near powers of two.
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

function ldexp(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  if (n > 2100) n = 2100;
  if (n < -2100) n = -2100;
  while (n > 1000) {
    x *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    x *= 2 ** -1000;
    n += 1000;
  }
  // Split to avoid an intermediate underflow of 2**n.
  const h = Math.trunc(n / 2);
  return x * 2 ** h * 2 ** (n - h);
}

function modf(x: number): [number, number] {
  if (x === Infinity || x === -Infinity) return [copysign(0, x), x];
  const ip = Math.trunc(x);
  let fp = x - ip;
  if (fp === 0) fp = copysign(0, x);
  return [fp, ip === 0 ? copysign(0, x) : ip];
}

function factorial(xo: any): Int {
  const i = asInt(xo);
  if (i === undefined) throw typeError(`can't convert ${typeOf(xo).$name} to int`);
  const n = Number(i);
  if (n < 0) throw valueError("negative factorial");
  return rangeProduct(1, Math.max(n, 1));
}

/** Product of start..end by splitting in halves (keeps the bigints balanced). */
function rangeProduct(start: number, end: number): Int {
  if (end - start < 8) {
    let r: Int = start;
    for (let k = start + 1; k <= end; k++) r = intMul(r, k);
    return r;
  }
  const mid = start + Math.floor((end - start) / 2);
  return intMul(rangeProduct(start, mid), rangeProduct(mid + 1, end));
}

/** isclose(a, b, *, rel_tol=1e-9, abs_tol=0) */
function isclose(ao: any, bo: any, relo: any, abso: any): boolean {
  const a = toFloat(ao);
  const b = toFloat(bo);
  const rel = toFloat(relo ?? 1e-9);
  const abs = toFloat(abso);
  if (rel < 0 || abs < 0) throw mathError();
  if (a === b) return true;
  const diff = Math.abs(a - b);
  if (diff === Infinity) return false;
  return diff <= abs || diff <= Math.abs(rel * a) || diff <= Math.abs(rel * b);
}
(isclose as any).$sig = {
  names: ["a", "b"], posonly: 2, defaults: [], kwonly: ["rel_tol", "abs_tol"],
  kwDefaults: [1e-9, 0], varargs: false, varkw: false,
} satisfies FunctionSig;

function atan2(y: number, x: number): number {
  return Math.atan2(y, x);
}

export function makeModule(): Record<string, any> {
  return {
    __name__: "math",
    e: new PyFloat(Math.E),
    pi: new PyFloat(Math.PI),
    tau: new PyFloat(2 * Math.PI),
    inf: new PyFloat(Infinity),
    nan: new PyFloat(NaN),
    sqrt: fun1("sqrt", Math.sqrt),
    pow: fun2("pow", cPow),
    exp: fun1("exp", Math.exp),
    expm1: fun1("expm1", Math.expm1),
    log: builtin("log", math_log),
    log2: fun1("log2", (x) => (x === 0 ? NaN : Math.log2(x))),
    log10: fun1("log10", (x) => (x === 0 ? NaN : Math.log10(x))),
    cosh: fun1("cosh", Math.cosh),
    sinh: fun1("sinh", Math.sinh),
    tanh: fun1("tanh", Math.tanh),
    acosh: fun1("acosh", Math.acosh),
    asinh: fun1("asinh", Math.asinh),
    atanh: fun1("atanh", Math.atanh),
    cos: fun1("cos", Math.cos),
    sin: fun1("sin", Math.sin),
    tan: fun1("tan", Math.tan),
    acos: fun1("acos", Math.acos),
    asin: fun1("asin", Math.asin),
    atan: fun1("atan", Math.atan),
    atan2: fun2("atan2", atan2),
    ceil: toInt("ceil", Math.ceil),
    copysign: fun2("copysign", copysign),
    fabs: fun1("fabs", Math.abs),
    floor: toInt("floor", Math.floor),
    fmod: fun2("fmod", (x, y) => x % y),
    frexp: builtin("frexp", (x: any) => {
      const [m, e] = frexp(toFloat(x));
      return mkTuple([new PyFloat(m), e]);
    }),
    ldexp: builtin("ldexp", (x: any, n: any) => {
      const i = asInt(n);
      if (i === undefined) throw typeError(`can't convert ${typeOf(n).$name} to int`);
      return new PyFloat(ldexp(toFloat(x), Number(i)));
    }),
    modf: builtin("modf", (x: any) => {
      const [f, i] = modf(toFloat(x));
      return mkTuple([new PyFloat(f), new PyFloat(i)]);
    }),
    isfinite: toBool("isfinite", Number.isFinite),
    isinf: toBool("isinf", (x) => x === Infinity || x === -Infinity),
    isnan: toBool("isnan", (x) => x !== x),
    isclose: builtin("isclose", isclose),
    trunc: toInt("trunc", Math.trunc),
    radians: builtin("radians", (x: any) => new PyFloat(toFloat(x) * (Math.PI / 180))),
    degrees: builtin("degrees", (x: any) => new PyFloat(toFloat(x) * (180 / Math.PI))),
    factorial: builtin("factorial", factorial),
    erf: fun1("erf", erf),
    erfc: fun1("erfc", erfc),
    gamma: fun1("gamma", gamma),
    lgamma: fun1("lgamma", lgamma),
  };
}

export { gamma, lgamma, erf, erfc, frexp, ldexp, modf, copysign };
