import { describe, it, expect } from "vitest";
import "./index.ts";
import * as ops from "../ops.ts";
import { callType } from "../call.ts";
import { None } from "../object.ts";
import { PyFloat, floatType, parseFloatStr, floatFloorDiv, floatMod, roundHalfEven } from "./float.ts";
import { PyComplex, complexType, complexRepr, parseComplexStr } from "./complex.ts";
import { makeModule as mathModule } from "../../modules/math.ts";

const F = (v: number) => new PyFloat(v);
const v = (x: any): number => (x as PyFloat).$v;
const exc = (f: () => unknown): string => {
  try {
    f();
  } catch (e: any) {
    return `${e.$cls.$name}: ${e.args?.$a?.[0] ?? ""}`;
  }
  return "no error";
};

describe("float arithmetic", () => {
  it("floor division and modulo", () => {
    expect(floatFloorDiv(7.5, 2)).toBe(3);
    expect(floatFloorDiv(-7.5, 2)).toBe(-4);
    expect(floatMod(-7.5, 2)).toBe(0.5);
    expect(floatMod(7.5, -2)).toBe(-0.5);
    expect(Object.is(floatMod(-4, 2), 0)).toBe(true);
    expect(Object.is(floatMod(4, -2), -0)).toBe(true);
    expect(exc(() => ops.truediv(F(1), 0))).toBe("ZeroDivisionError: divide by zero");
    expect(exc(() => ops.mod(F(1), F(0)))).toBe("ZeroDivisionError: divide by zero");
    expect(exc(() => ops.pow(F(0), -1))).toBe("ZeroDivisionError: divide by zero");
  });
  it("mixes with ints both ways", () => {
    expect(v(ops.add(F(1.5), 1))).toBe(2.5);
    expect(v(ops.sub(1, F(0.25)))).toBe(0.75);
    expect(v(ops.floordiv(7, F(2)))).toBe(3);
    expect(v(ops.pow(F(2), 10))).toBe(1024);
    expect(ops.pow(F(-8), F(1 / 3))).toBeInstanceOf(PyComplex);
    expect(ops.lt(F(1.5), 2)).toBe(true);
    expect(ops.eq(F(2 ** 60), 2n ** 60n)).toBe(true);
    expect(ops.eq(F(NaN), F(NaN))).toBe(false);
  });
  it("rounds half to even", () => {
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-2.5)).toBe(-2);
    expect(ops.callSpecial(floatType.$proto.__round__, F(2.675), 2).$v).toBe(2.68);
  });
});

describe("float parsing and construction", () => {
  it("parses like MicroPython", () => {
    expect(parseFloatStr(" 1.5 ")).toBe(1.5);
    expect(parseFloatStr("1e5")).toBe(1e5);
    expect(parseFloatStr("-.5")).toBe(-0.5);
    expect(parseFloatStr("1_0.5")).toBe(10.5);
    expect(parseFloatStr("INF")).toBe(Infinity);
    expect(parseFloatStr("-infinity")).toBe(-Infinity);
    expect(parseFloatStr("nan")).toBeNaN();
    for (const s of ["", "abc", "1.5x", "1e", "--1"]) expect(exc(() => parseFloatStr(s))).toBe("ValueError: invalid syntax for number");
  });
  it("constructs", () => {
    expect(v(callType(floatType, [], null))).toBe(0);
    expect(v(callType(floatType, [3], null))).toBe(3);
    expect(v(callType(floatType, [2n ** 70n], null))).toBe(2 ** 70);
    expect(v(callType(floatType, ["2.5"], null))).toBe(2.5);
    expect(exc(() => callType(floatType, [None], null))).toBe("TypeError: can't convert NoneType to float");
  });
  it("hashes integral floats like ints", () => {
    expect(ops.hash(F(12345))).toBe(12345);
    expect(ops.hash(F(-0))).toBe(0);
    expect(typeof ops.hash(F(0.5))).toBe("number");
  });
});

describe("complex", () => {
  it("prints like MicroPython", () => {
    expect(complexRepr(1, 2)).toBe("(1+2j)");
    expect(complexRepr(0, 2)).toBe("2j");
    expect(complexRepr(1.5, -0.5)).toBe("(1.5-0.5j)");
    expect(complexRepr(1, NaN)).toBe("(1+nanj)");
  });
  it("computes", () => {
    const a = new PyComplex(1, 2);
    const b = new PyComplex(3, -4);
    expect(ops.repr(ops.mul(a, b))).toBe("(11+2j)");
    expect(ops.repr(ops.truediv(a, b))).toBe("(-0.2+0.4j)");
    expect(ops.repr(ops.add(1, a))).toBe("(2+2j)");
    expect(ops.eq(new PyComplex(2, 0), 2)).toBe(true);
    expect(exc(() => ops.floordiv(a, b))).toBe("TypeError: can't truncate-divide a complex number");
    expect(exc(() => ops.truediv(a, 0))).toBe("ZeroDivisionError: complex divide by zero");
    expect(ops.repr(parseComplexStr("1-2j"))).toBe("(1-2j)");
    expect(ops.repr(parseComplexStr(" j "))).toBe("1j");
    expect(ops.repr(callType(complexType, [1, new PyComplex(0, 1)], null))).toBe("0j");
  });
});

describe("math", () => {
  const m = mathModule();
  it("raises MicroPython's errors", () => {
    expect(exc(() => m.sqrt(-1))).toBe("ValueError: math domain error");
    expect(exc(() => m.exp(1000))).toBe("ValueError: math domain error");
    expect(exc(() => m.log(10, 1))).toBe("ZeroDivisionError: divide by zero");
    expect(exc(() => m.factorial(-1))).toBe("ValueError: negative factorial");
    expect(exc(() => m.floor(F(Infinity)))).toBe("OverflowError: can't convert inf to int");
    expect(exc(() => m.gamma(0))).toBe("ValueError: math domain error");
  });
  it("computes", () => {
    expect(m.floor(F(-2.5))).toBe(-3);
    expect(m.factorial(25)).toBe(15511210043330985984000000n);
    expect(v(m.gamma(F(5)))).toBe(24);
    expect(v(m.gamma(F(0.5)))).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(v(m.lgamma(F(-2.5)))).toBeCloseTo(-0.05624371649767405, 12);
    expect(v(m.erf(F(0.5)))).toBeCloseTo(0.5204998778130465, 14);
    expect(v(m.erfc(F(3)))).toBeCloseTo(2.209049699858544e-05, 17);
    expect(ops.repr(m.frexp(F(8)))).toBe("(0.5, 4)");
    expect(ops.repr(m.modf(F(-2.5)))).toBe("(-0.5, -2.0)");
    expect(v(m.ldexp(F(0.5), 4))).toBe(8);
    expect(v(m.copysign(1, F(-0)))).toBe(-1);
  });
});
