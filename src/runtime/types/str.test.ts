import { describe, it, expect } from "vitest";
import { strType, None, STOP, typeOf } from "../object.ts";
import { callMethod } from "../attr.ts";
import { callType } from "../call.ts";
import { add, mul, repr, str, getItem, contains, getIter, iterNext, eq, lt, hash, isTrue } from "../ops.ts";
import { mkList } from "./list.ts";
import { mkTuple } from "./tuple.ts";
import { mkSlice } from "./slice.ts";
import { strLen, strRepr, ord, chr, strSplit, decodeUtf8, encodeUtf8 } from "./str.ts";
import "./str.ts";

const m = (self: any, name: string, ...args: any[]) => callMethod(self, name, args, null);
const mk = (self: any, name: string, args: any[], kw: Record<string, any>) =>
  callMethod(self, name, args, Object.assign(Object.create(null), kw));
const list = (x: any) => x.$a;
const errName = (f: () => any): string => {
  try {
    f();
  } catch (e: any) {
    return `${typeOf(e).$name}: ${e.args?.$a?.[0] ?? ""}`;
  }
  return "no error";
};

describe("str basics", () => {
  it("len, index and slice with code points", () => {
    expect(strLen("abc")).toBe(3);
    expect(strLen("a😀b")).toBe(3);
    expect(getItem("a😀b", 1)).toBe("😀");
    expect(getItem("a😀b", -1)).toBe("b");
    expect(getItem("abc", -3)).toBe("a");
    expect(errName(() => getItem("abc", 3))).toBe("IndexError: string index out of range");
    expect(getItem("a😀b", mkSlice(1, None, None))).toBe("😀b");
    expect(getItem("abcdef", mkSlice(None, None, -2))).toBe("fdb");
    expect(getItem("a😀bc", mkSlice(None, None, -1))).toBe("cb😀a");
    expect(getItem("abc", true)).toBe("b");
    expect(errName(() => getItem("abc", "x"))).toBe("TypeError: string indices must be integers, not str");
  });
  it("add, mul, contains", () => {
    expect(add("ab", "cd")).toBe("abcd");
    expect(errName(() => add("a", 1))).toBe("TypeError: unsupported types for __add__: 'str', 'int'");
    expect(mul("ab", 3)).toBe("ababab");
    expect(mul("ab", -1)).toBe("");
    expect(mul(2, "ab")).toBe("abab");
    expect(contains("abc", "bc")).toBe(true);
    expect(errName(() => contains("abc", 1))).toBe("TypeError: can't convert 'int' object to str implicitly");
  });
  it("iterates code points", () => {
    const it = getIter("a😀");
    expect(iterNext(it)).toBe("a");
    expect(iterNext(it)).toBe("😀");
    expect(iterNext(it)).toBe(STOP);
  });
  it("compares and hashes", () => {
    expect(eq("a", "a")).toBe(true);
    expect(lt("a", "b")).toBe(true);
    expect(typeof hash("abc")).toBe("number");
    expect(isTrue("")).toBe(false);
  });
  it("repr escapes like MicroPython", () => {
    expect(strRepr("abc")).toBe("'abc'");
    expect(strRepr("a'b")).toBe(`"a'b"`);
    expect(strRepr(`a'b"`)).toBe(`'a\\'b"'`);
    expect(strRepr("\n\t\r\x00\x7f\\")).toBe("'\\n\\t\\r\\x00\\x7f\\\\'");
    expect(strRepr("é😀\x80")).toBe("'é😀\x80'");
    expect(strRepr("\ud800")).toBe("'\\ud800'");
    expect(repr("x")).toBe("'x'");
  });
  it("ord and chr", () => {
    expect(ord("a")).toBe(97);
    expect(ord("😀")).toBe(0x1f600);
    expect(errName(() => ord("ab"))).toBe("TypeError: ord() expected a character, but string of length 2 found");
    expect(chr(0x1f600)).toBe("😀");
    expect(errName(() => chr(0x110000))).toBe("ValueError: chr() arg not in range(0x110000)");
  });
  it("constructs", () => {
    expect(callType(strType, [], null)).toBe("");
    expect(callType(strType, [12], null)).toBe("12");
    expect(callType(strType, ["x"], null)).toBe("x");
    expect(decodeUtf8(encodeUtf8("h€llo😀"))).toBe("h€llo😀");
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]), "ignore")).toBe("ab");
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]), "replace")).toBe("a\ufffdb");
    expect(errName(() => decodeUtf8(new Uint8Array([0xff])))).toBe("UnicodeError: ");
  });
});

describe("str methods", () => {
  it("split", () => {
    expect(list(m("  a b  c ", "split"))).toEqual(["a", "b", "c"]);
    expect(list(m("  a b  c ", "split", None, 1))).toEqual(["a", "b  c "]);
    expect(list(m("a,b,,c", "split", ","))).toEqual(["a", "b", "", "c"]);
    expect(list(m("a,b,,c", "split", ",", 2))).toEqual(["a", "b", ",c"]);
    expect(list(m("", "split"))).toEqual([]);
    expect(list(m("", "split", ","))).toEqual([""]);
    expect(errName(() => m("abc", "split", ""))).toBe("ValueError: empty separator");
    expect(strSplit("a b", undefined, undefined)).toEqual(["a", "b"]);
  });
  it("rsplit", () => {
    expect(list(m("a,b,c", "rsplit", ",", 1))).toEqual(["a,b", "c"]);
    expect(list(m("  a   b  c  ", "rsplit", None, 1))).toEqual(["  a   b", "c"]);
    expect(list(m("  a   b  c  ", "rsplit", None, 0))).toEqual(["  a   b  c"]);
    expect(list(m("aaa", "rsplit", "a", 2))).toEqual(["a", "", ""]);
    expect(errName(() => m("a", "rsplit", 1))).toBe("TypeError: can't convert 'int' object to str implicitly");
  });
  it("splitlines", () => {
    expect(list(m("a\nb\r\nc\rd", "splitlines"))).toEqual(["a", "b", "c", "d"]);
    expect(list(mk("a\nb\r\n", "splitlines", [], { keepends: true }))).toEqual(["a\n", "b\r\n"]);
  });
  it("join", () => {
    expect(m(",", "join", mkList(["a", "b"]))).toBe("a,b");
    expect(m(",", "join", "abc")).toBe("a,b,c");
    expect(errName(() => m(",", "join", mkList(["a", 1])))).toBe(
      "TypeError: join expects a list of str/bytes objects consistent with self object");
  });
  it("strip", () => {
    expect(m("  ab \n", "strip")).toBe("ab");
    expect(m("xxabyx", "strip", "xy")).toBe("ab");
    expect(m("xxab", "lstrip", "x")).toBe("ab");
    expect(m("abxx", "rstrip", "x")).toBe("ab");
    expect(m("  ", "strip")).toBe("");
  });
  it("find and friends", () => {
    expect(m("abcabc", "find", "c")).toBe(2);
    expect(m("abcabc", "find", "c", 3)).toBe(5);
    expect(m("abcabc", "find", "c", 3, 5)).toBe(-1);
    expect(m("abcabc", "rfind", "c")).toBe(5);
    expect(m("abcabc", "rfind", "c", 0, 5)).toBe(2);
    expect(m("abc", "find", "", 3)).toBe(3);
    expect(m("abc", "find", "", 4)).toBe(-1);
    expect(m("a😀bc", "find", "b")).toBe(2);
    expect(m("a😀bc😀", "rfind", "😀", -2)).toBe(4);
    expect(errName(() => m("abc", "index", "z"))).toBe("ValueError: substring not found");
    expect(m("abcabc", "rindex", "b")).toBe(4);
    expect(m("aaa", "count", "a")).toBe(3);
    expect(m("aaaa", "count", "aa")).toBe(2);
    expect(m("abc", "count", "")).toBe(4);
    expect(m("abc", "count", "", 1)).toBe(3);
  });
  it("startswith / endswith", () => {
    expect(m("abc", "startswith", "ab")).toBe(true);
    expect(m("abc", "startswith", mkTuple(["x", "a"]))).toBe(true);
    expect(m("abc", "startswith", "b", 1)).toBe(true);
    expect(m("abc", "endswith", "bc")).toBe(true);
    expect(m("abc", "endswith", "b", 0, 2)).toBe(true);
    expect(m("abc", "endswith", "", 4)).toBe(false);
  });
  it("replace", () => {
    expect(m("aaa", "replace", "a", "b")).toBe("bbb");
    expect(m("aaa", "replace", "a", "b", 2)).toBe("bba");
    expect(m("ab", "replace", "", "-")).toBe("-a-b-");
    expect(m("ab", "replace", "", "-", 2)).toBe("-a-b");
  });
  it("case and classification", () => {
    expect(m("aBc", "upper")).toBe("ABC");
    expect(m("aBcé", "lower")).toBe("abcé");
    expect(m("123", "isdigit")).toBe(true);
    expect(m("", "isdigit")).toBe(false);
    expect(m("aB", "isalpha")).toBe(true);
    expect(m(" \t", "isspace")).toBe(true);
    expect(m("AB1", "isupper")).toBe(true);
    expect(m("1", "isupper")).toBe(false);
    expect(m("ab c", "islower")).toBe(true);
    expect(m("hello world", "title")).toBe("Hello World");
    expect(m("hello", "capitalize")).toBe("Hello");
  });
  it("padding and partition", () => {
    expect(m("ab", "center", 5)).toBe(" ab  ");
    expect(m("ab", "ljust", 4, "*")).toBe("ab**");
    expect(m("ab", "rjust", 4)).toBe("  ab");
    expect(m("-5", "zfill", 4)).toBe("-005");
    expect(list(m("a=b=c", "partition", "="))).toEqual(["a", "=", "b=c"]);
    expect(list(m("a=b=c", "rpartition", "="))).toEqual(["a=b", "=", "c"]);
    expect(list(m("abc", "rpartition", "="))).toEqual(["", "", "abc"]);
  });
  it("str subclass instances are unwrapped", () => {
    const sub = Object.create(strType.$proto);
    sub.$v = "a b";
    expect(list(m(sub, "split"))).toEqual(["a", "b"]);
    expect(str(sub)).toBe("a b");
    expect(repr(sub)).toBe("'a b'");
  });
});
