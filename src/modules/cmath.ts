// The cmath module, as MicroPython's py/modcmath.c (the same formulas, so the same rounding).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { builtin } from "../runtime/object.ts";
import { PyFloat, toFloat, cPow } from "../runtime/types/float.ts";
import { PyComplex, toComplex } from "../runtime/types/complex.ts";
import { mkTuple } from "../runtime/types/tuple.ts";

/** A cmath function of z = re + im j returning a complex [re, im]. */
function cfun(name: string, f: (re: number, im: number) => [number, number]): any {
  return builtin(name, (z: any) => {
    const [re, im] = toComplex(z);
    const [a, b] = f(re, im);
    return new PyComplex(a, b);
  });
}

export function makeModule(): Record<string, any> {
  return {
    __name__: "cmath",
    e: new PyFloat(Math.E),
    pi: new PyFloat(Math.PI),
    phase: builtin("phase", (z: any) => {
      const [re, im] = toComplex(z);
      return new PyFloat(Math.atan2(im, re));
    }),
    polar: builtin("polar", (z: any) => {
      const [re, im] = toComplex(z);
      return mkTuple([new PyFloat(Math.sqrt(re * re + im * im)), new PyFloat(Math.atan2(im, re))]);
    }),
    rect: builtin("rect", (ro: any, phio: any) => {
      const r = toFloat(ro);
      const phi = toFloat(phio);
      return new PyComplex(r * Math.cos(phi), r * Math.sin(phi));
    }),
    exp: cfun("exp", (re, im) => {
      const e = Math.exp(re);
      return [e * Math.cos(im), e * Math.sin(im)];
    }),
    log: cfun("log", (re, im) => [0.5 * Math.log(re * re + im * im), Math.atan2(im, re)]),
    log10: cfun("log10", (re, im) => [0.5 * Math.log10(re * re + im * im), 0.4342944819032518 * Math.atan2(im, re)]),
    sqrt: cfun("sqrt", (re, im) => {
      const sqrtAbs = cPow(re * re + im * im, 0.25);
      const theta = 0.5 * Math.atan2(im, re);
      return [sqrtAbs * Math.cos(theta), sqrtAbs * Math.sin(theta)];
    }),
    cos: cfun("cos", (re, im) => [Math.cos(re) * Math.cosh(im), -Math.sin(re) * Math.sinh(im)]),
    sin: cfun("sin", (re, im) => [Math.sin(re) * Math.cosh(im), Math.cos(re) * Math.sinh(im)]),
  };
}
