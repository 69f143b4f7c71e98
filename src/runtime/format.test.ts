import { describe, it, expect } from "vitest";
import { typeOf } from "./object.ts";
import { callMethod } from "./attr.ts";
import { mod } from "./ops.ts";
import { mkTuple } from "./types/tuple.ts";
import { mkList } from "./types/list.ts";
import { mkFloat } from "./types/float.ts";
import { mkDict } from "./types/dict.ts";
import { formatValue, strFormat, strMod } from "./format.ts";
import "./types/str.ts";

const fmt = (tpl: string, ...args: any[]) => strFormat(tpl, args, null);
const errName = (f: () => any): string => {
  try {
    f();
  } catch (e: any) {
    return `${typeOf(e).$name}: ${e.args?.$a?.[0] ?? ""}`;
  }
  return "no error";
};
const dict = (o: Record<string, any>) => {
  const d = mkDict();
  for (const k of Object.keys(o)) d.$t.set(k, o[k]);
  return d;
};

describe("format(value, spec)", () => {
  it("formats str", () => {
    expect(formatValue("ab", "")).toBe("ab");
    expect(formatValue("ab", "5")).toBe("ab   ");
    expect(formatValue("ab", ">5")).toBe("   ab");
    expect(formatValue("ab", "*^6")).toBe("**ab**");
    expect(formatValue("abc", "^6")).toBe(" abc  ");
    expect(formatValue("abcdef", ".2")).toBe("ab");
    expect(formatValue("a😀", ">4")).toBe("  a😀");
    expect(errName(() => formatValue("a", "d"))).toBe("ValueError: unknown format code 'd' for object of type 'str'");
    expect(errName(() => formatValue("a", "+"))).toBe("ValueError: sign not allowed in string format specifier");
    expect(errName(() => formatValue("a", "="))).toBe("ValueError: '=' alignment not allowed in string format specifier");
  });
  it("formats int and bool", () => {
    expect(formatValue(42, "")).toBe("42");
    expect(formatValue(42, "5")).toBe("   42");
    expect(formatValue(-42, "05")).toBe("-0042");
    expect(formatValue(255, "#x")).toBe("0xff");
    expect(formatValue(255, "X")).toBe("FF");
    expect(formatValue(5, "b")).toBe("101");
    expect(formatValue(1234567, ",")).toBe("1,234,567");
    expect(formatValue(65, "c")).toBe("A");
    expect(formatValue(true, "")).toBe("True");
    expect(formatValue(true, "d")).toBe("1");
    expect(formatValue(2n ** 70n, "")).toBe("1180591620717411303424");
    expect(errName(() => formatValue(0x110000, "c"))).toBe("OverflowError: char not in range(0x110000)");
  });
  it("formats float", () => {
    expect(formatValue(mkFloat(1.5), ".2f")).toBe("1.50");
    expect(formatValue(mkFloat(1.5), "8.3f")).toBe("   1.500");
    expect(formatValue(mkFloat(0.25), "%")).toBe("25.000000%");
    expect(formatValue(mkFloat(12345.678), "e")).toBe("1.234568e+04");
    expect(formatValue(3, ".1f")).toBe("3.0");
  });
});

describe("str.format", () => {
  it("substitutes fields", () => {
    expect(fmt("no fields")).toBe("no fields");
    expect(fmt("{} {}", 1, "a")).toBe("1 a");
    expect(fmt("{1}{0}", 1, 2)).toBe("21");
    expect(fmt("{{}} {{{}}}", 5)).toBe("{} {5}");
    expect(fmt("{!r}", "a")).toBe("'a'");
    expect(fmt("{:>{}}", "a", 3)).toBe("  a");
    expect(fmt("{0[1]}", mkList([1, 2]))).toBe("2");
    expect(strFormat("{a}-{b[1]}", [], dict({ a: 1, b: mkList(["u", "v"]) }))).toBe("1-v");
    expect(fmt("{:}", true)).toBe("True");
  });
  it("raises MicroPython's errors", () => {
    expect(errName(() => fmt("}"))).toBe("ValueError: single '}' encountered in format string");
    expect(errName(() => fmt("{!"))).toBe("ValueError: end of format while looking for conversion specifier");
    expect(errName(() => fmt("{!d}", 1))).toBe("ValueError: unknown conversion specifier d");
    expect(errName(() => fmt("{abc", 1))).toBe("ValueError: unmatched '{' in format");
    expect(errName(() => fmt("{!s :}", 1))).toBe("ValueError: expected ':' after format specifier");
    expect(errName(() => fmt("{}{0}", 1, 2))).toBe(
      "ValueError: can't switch from automatic field numbering to manual field specification");
    expect(errName(() => fmt("{0}{}", 1, 2))).toBe(
      "ValueError: can't switch from manual field specification to automatic field numbering");
    expect(errName(() => fmt("{1}", 1))).toBe("IndexError: tuple index out of range");
    expect(errName(() => fmt("{x}", 1))).toBe("KeyError: x");
    expect(errName(() => fmt("{:q}", 1))).toBe("ValueError: invalid format specifier");
  });
  it("is callable as a method with keywords", () => {
    const kw = Object.assign(Object.create(null), { x: 3 });
    expect(callMethod("{x}{}", "format", [7], kw)).toBe("37");
  });
});

describe("str % args", () => {
  it("formats", () => {
    expect(strMod("%%", mkTuple([]))).toBe("%");
    expect(strMod("=%s=", 1)).toBe("=1=");
    expect(strMod("%s %r", mkTuple(["a", "a"]))).toBe("a 'a'");
    expect(strMod("%5d|%-5d|%05d", mkTuple([1, 2, -3]))).toBe("    1|2    |-0003");
    expect(strMod("%x %X %#x %o %#o", mkTuple([255, 255, 255, 8, 8]))).toBe("ff FF 0xff 10 0o10");
    expect(strMod("%.3d", 5)).toBe("005");
    expect(strMod("%+d % d", mkTuple([5, 5]))).toBe("+5  5");
    expect(strMod("%.2f %e %g", mkTuple([mkFloat(1.005), mkFloat(1234.5), mkFloat(0.0001)]))).toBe(
      "1.00 1.234500e+03 0.0001");
    expect(strMod("%d", mkFloat(3.9))).toBe("3");
    expect(strMod("%c%c", mkTuple([65, "b"]))).toBe("Ab");
    expect(strMod("%*s|%-*s", mkTuple([3, "a", 3, "b"]))).toBe("  a|b  ");
    expect(strMod("%.1s", "ab")).toBe("a");
    expect(strMod("%(a)s-%(b)d", dict({ a: "x", b: 2 }))).toBe("x-2");
    expect(strMod("foo", dict({}))).toBe("foo");
    expect(mod("%s", mkTuple([1]))).toBe("1");
  });
  it("raises MicroPython's errors", () => {
    expect(errName(() => strMod("%s %s", 1))).toBe("TypeError: format string needs more arguments");
    expect(errName(() => strMod("%s", mkTuple([1, 2])))).toBe("TypeError: format string didn't convert all arguments");
    expect(errName(() => strMod("%", mkTuple([])))).toBe("ValueError: incomplete format");
    expect(errName(() => strMod("%(a)s", 1))).toBe("TypeError: format needs a dict");
    expect(errName(() => strMod("%(a", dict({})))).toBe("ValueError: incomplete format key");
    expect(errName(() => strMod("%y", 1))).toBe("ValueError: unsupported format character 'y' (0x79) at index 1");
    expect(errName(() => strMod("%c", "ab"))).toBe("TypeError: %c needs int or char");
    expect(errName(() => strMod("%c", 0x110000))).toBe("OverflowError: char not in range(0x110000)");
  });
});
