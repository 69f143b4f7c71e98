import { describe, it, expect } from "vitest";
import "./index.ts";
import * as ops from "../ops.ts";
import { intType, boolType } from "../object.ts";
import { callType } from "../call.ts";
import {
  normBig, intFloorDiv, intMod, intPow, intLshift, intRshift, intAnd, intInvert, parseIntStr, intBitLength,
} from "./int.ts";
import { PyFloat } from "./float.ts";

const exc = (f: () => unknown): string => {
  try {
    f();
  } catch (e: any) {
    return `${e.$cls.$name}: ${e.args?.$a?.[0] ?? ""}`;
  }
  return "no error";
};

describe("int normalisation", () => {
  it("keeps safe integers as numbers", () => {
    expect(normBig(5n)).toBe(5);
    expect(normBig(2n ** 53n)).toBe(2n ** 53n);
    expect(ops.add(2 ** 53 - 1, 1)).toBe(2n ** 53n);
    expect(ops.sub(2n ** 53n, 1)).toBe(2 ** 53 - 1);
    expect(Object.is(ops.mul(-5, 0), 0)).toBe(true);
    expect(ops.mul(2 ** 40, 2 ** 40)).toBe(2n ** 80n);
  });
});

describe("floor division and modulo", () => {
  it("follow Python's signs", () => {
    const cases: [number, number, number, number][] = [
      [7, 2, 3, 1], [-7, 2, -4, 1], [7, -2, -4, -1], [-7, -2, 3, -1], [6, 3, 2, 0], [-6, 3, -2, 0],
    ];
    for (const [a, b, q, r] of cases) {
      expect(intFloorDiv(a, b)).toBe(q);
      expect(Object.is(intMod(a, b), r)).toBe(true);
      expect(intFloorDiv(BigInt(a) * 2n ** 60n, BigInt(b) * 2n ** 60n)).toBe(q);
    }
    expect(intMod(-(2n ** 70n), 3)).toBe(2);
    expect(exc(() => intFloorDiv(1, 0))).toBe("ZeroDivisionError: divide by zero");
    expect(exc(() => intMod(1n << 80n, 0))).toBe("ZeroDivisionError: divide by zero");
  });
  it("is exact near 2**53", () => {
    expect(intFloorDiv(2 ** 53 - 1, 2 ** 53 - 2)).toBe(1);
    expect(intFloorDiv(-(2 ** 53 - 1), 3)).toBe(-3002399751580331);
  });
});

describe("pow, shifts, bitwise", () => {
  it("computes powers", () => {
    expect(intPow(2, 10)).toBe(1024);
    expect(intPow(3, 40)).toBe(3n ** 40n);
    expect((intPow(2, -1) as PyFloat).$v).toBe(0.5);
    expect(intPow(3, 4, 5)).toBe(1);
    expect(intPow(-3, 3, 5)).toBe(3);
    expect(intPow(3, 3, -5)).toBe(-3);
    expect(exc(() => intPow(0, -1))).toBe("ZeroDivisionError: divide by zero");
  });
  it("shifts", () => {
    expect(intLshift(1, 100)).toBe(1n << 100n);
    expect(intRshift(-1, 100)).toBe(-1);
    expect(intRshift(-5, 1)).toBe(-3);
    expect(intRshift(1n << 100n, 99)).toBe(2);
    expect(exc(() => intLshift(1, -1))).toBe("ValueError: negative shift count");
  });
  it("does bitwise ops beyond int32", () => {
    expect(intAnd(2 ** 40 + 3, -1)).toBe(2 ** 40 + 3);
    expect(intAnd(-(2n ** 70n), 2n ** 71n - 1n)).toBe(2n ** 70n);
    expect(intInvert(2 ** 53 - 1)).toBe(-(2n ** 53n));
    expect(intBitLength(255)).toBe(8);
    expect(intBitLength(2 ** 40)).toBe(41);
    expect(intBitLength(-(2n ** 80n))).toBe(81);
  });
});

describe("int parsing", () => {
  it("parses like MicroPython", () => {
    expect(parseIntStr("  -12  ", 10)).toBe(-12);
    expect(parseIntStr("0x1F", 16)).toBe(31);
    expect(parseIntStr("0x1F", 0)).toBe(31);
    expect(parseIntStr("0o17", 0)).toBe(15);
    expect(parseIntStr("0b101", 0)).toBe(5);
    expect(parseIntStr("1_000", 10)).toBe(1000);
    expect(parseIntStr("z", 36)).toBe(35);
    expect(parseIntStr("123456789012345678901234567890", 10)).toBe(123456789012345678901234567890n);
    expect(parseIntStr("00", 0)).toBe(0);
    expect(exc(() => parseIntStr("010", 0))).toBe("ValueError: invalid syntax for integer with base 0: '010'");
    expect(exc(() => parseIntStr("abc", 10))).toBe("ValueError: invalid syntax for integer with base 10: 'abc'");
    expect(exc(() => parseIntStr("", 10))).toMatch(/^ValueError/);
    expect(exc(() => parseIntStr("1", 1))).toBe("ValueError: int() arg 2 must be >= 2 and <= 36");
  });
  it("constructs ints", () => {
    expect(callType(intType, [], null)).toBe(0);
    expect(callType(intType, [new PyFloat(-2.7)], null)).toBe(-2);
    expect(callType(intType, [new PyFloat(1e20)], null)).toBe(100000000000000000000n);
    expect(callType(intType, ["ff", 16], null)).toBe(255);
    expect(callType(intType, [true], null)).toBe(1);
    expect(exc(() => callType(intType, [new PyFloat(Infinity)], null))).toBe("OverflowError: can't convert inf to int");
    expect(exc(() => callType(intType, [new PyFloat(NaN)], null))).toBe("ValueError: can't convert NaN to int");
  });
});

describe("mixed operands", () => {
  it("handles bools and floats", () => {
    expect(ops.add(true, true)).toBe(2);
    expect(ops.and(true, true)).toBe(true);
    expect(ops.or(true, false)).toBe(true);
    expect(ops.xor(true, true)).toBe(false);
    expect(ops.and(true, 3)).toBe(1);
    expect((ops.add(1, new PyFloat(0.5)) as PyFloat).$v).toBe(1.5);
    expect((ops.truediv(1, 4) as PyFloat).$v).toBe(0.25);
    expect((ops.mul(2n ** 60n, new PyFloat(0.5)) as PyFloat).$v).toBe(2 ** 59);
    expect(ops.lt(2n ** 60n, new PyFloat(2 ** 61))).toBe(true);
    expect(ops.eq(2n ** 60n, new PyFloat(2 ** 60))).toBe(true);
    expect(ops.eq(1, "1")).toBe(false);
    expect(ops.repr(callType(boolType, [0], null))).toBe("False");
    expect(ops.hash(new PyFloat(3.0))).toBe(3);
  });
});
