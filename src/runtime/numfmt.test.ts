import { describe, it, expect } from "vitest";
import { floatRepr, formatFloatRaw, parseSpec, formatInt, formatFloat, percentInt, percentFloat } from "./numfmt.ts";

const fmt = (spec: string, v: number | bigint, isFloat = false): string =>
  isFloat ? formatFloat(Number(v), parseSpec(spec)) : formatInt(v, parseSpec(spec));
const pspec = (o: Partial<{ left: boolean; plus: boolean; space: boolean; alt: boolean; zero: boolean; width: number; prec: number }>) => ({
  left: false, plus: false, space: false, alt: false, zero: false, width: -1, prec: -1, ...o,
});

describe("float repr (MicroPython)", () => {
  it.each([
    [0.1, "0.1"], [1 / 3, "0.3333333333333333"], [1e16, "1e+16"], [1e15, "1000000000000000.0"],
    [1.5e-7, "1.5e-07"], [0.1 + 0.2, "0.30000000000000004"], [8640.12, "8640.120000000001"],
    [1e23, "9.999999999999999e+22"], [5e-324, "4.940656458412465e-324"], [1.7976931348623157e308, "1.7976931348623157e+308"],
    [-0, "-0.0"], [0, "0.0"], [1e-5, "1e-05"], [0.0001, "0.0001"], [100, "100.0"], [1e22, "1e+22"],
    [NaN, "nan"], [-Infinity, "-inf"], [Infinity, "inf"], [123456789.123, "123456789.123"], [-2.5, "-2.5"],
  ])("repr(%s) = %s", (v, s) => {
    expect(floatRepr(v)).toBe(s);
  });
});

describe("mp_format_float", () => {
  it.each([
    [0.116, "e", 5, "1.16000e-01"], [0.116, "f", 0, "0"], [0.116, "g", 0, "0.1"], [9.9994, "g", 3, "10"],
    [9.9994, "f", 1, "10.0"], [0.0099994, "f", 1, "0.0"], [0.00099994, "f", 3, "0.001"], [1e19, "f", 0, "10000000000000000000"],
    [1e19, "f", 7, "10000000000000000000.0000000"], [1e30, "f", 6, "1e+30"], [0.1, "f", 20, "0.10000000000000000000"],
    [0.125, "f", 2, "0.13"], [1e12, "e", 2, "1.00e+12"], [0, "f", 6, "0.000000"], [0, "e", 3, "0.000e+00"],
    [0, "g", -1, "0"], [6e-5, "f", 5, "0.00006"], [6e-5, "f", 7, "0.0000600"], [11.111, "g", 1, "1e+01"],
    [1.5, "e", 0, "2e+00"], [Infinity, "F", 2, "INF"], [-1.5, "G", 3, "-1.5"], [1e100, "e", 2, "1.00e+100"],
  ])("%s %s.%s", (v, t, p, s) => {
    expect(formatFloatRaw(v, t, p, "")).toBe(s);
  });
});

describe("format specs", () => {
  it("formats ints", () => {
    expect(fmt("5d", 42)).toBe("   42");
    expect(fmt("<5", 42)).toBe("42   ");
    expect(fmt("^6", 42)).toBe("  42  ");
    expect(fmt("+d", 42)).toBe("+42");
    expect(fmt("05", -42)).toBe("-0042");
    expect(fmt("#x", 255)).toBe("0xff");
    expect(fmt("#X", 255)).toBe("0XFF");
    expect(fmt("#010b", 5)).toBe("0b00000101");
    expect(fmt("o", 8)).toBe("10");
    expect(fmt(",", 1234567)).toBe("1,234,567");
    expect(fmt("_x", 0xffffffff)).toBe("ffff_ffff");
    expect(fmt("010,", 1234)).toBe("00,001,234");
    expect(fmt(",", 2n ** 64n)).toBe("18,446,744,073,709,551,616");
    expect(fmt("*>8", 7)).toBe("*******7");
    expect(fmt("=+8", 7)).toBe("+      7");
    expect(fmt(".2f", 3)).toBe("3.00");
    expect(fmt("c", 65)).toBe("A");
  });
  it("formats floats", () => {
    expect(fmt(".2f", 3.14159, true)).toBe("3.14");
    expect(fmt("10.3e", 1234.5, true)).toBe(" 1.235e+03"); // MicroPython rounds ties up
    expect(fmt("", 1 / 3, true)).toBe("0.333333");
    expect(fmt(".1%", 0.25, true)).toBe("25.0%");
    expect(fmt("08.2f", -3.14159, true)).toBe("-0003.14");
    expect(fmt("+.1f", 2, true)).toBe("+2.0");
    expect(fmt("<8.1f", 2, true)).toBe("2.0     ");
    expect(fmt("g", 1e20, true)).toBe("1e+20");
  });
  it("rejects bad specs", () => {
    expect(() => parseSpec("5q")).toThrow();
    expect(() => fmt("s", 5)).toThrow();
  });
});

describe("%-formatting", () => {
  it("formats ints", () => {
    expect(percentInt(42, "d", pspec({ width: 5 }))).toBe("   42");
    expect(percentInt(42, "d", pspec({ width: 5, left: true }))).toBe("42   ");
    expect(percentInt(-42, "d", pspec({ width: 5, zero: true }))).toBe("-0042");
    expect(percentInt(42, "d", pspec({ prec: 4 }))).toBe("0042");
    expect(percentInt(42, "d", pspec({ width: 6, prec: 4 }))).toBe("  0042");
    expect(percentInt(255, "x", pspec({ alt: true }))).toBe("0xff");
    expect(percentInt(8, "o", pspec({ alt: true }))).toBe("0o10");
    expect(percentInt(5, "d", pspec({ plus: true }))).toBe("+5");
  });
  it("formats floats", () => {
    expect(percentFloat(1.5, "f", pspec({}))).toBe("1.500000");
    expect(percentFloat(-1.5, "e", pspec({ prec: 2, width: 12, zero: true }))).toBe("-0001.50e+00");
    expect(percentFloat(1.5, "g", pspec({ width: 6, left: true }))).toBe("1.5   ");
  });
});
