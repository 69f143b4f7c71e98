import { describe, it, expect } from "vitest";
import "./index.ts";
import { bytesFromLatin1, bytesType, bytearrayType, PyBytes, decodeUtf8, encodeUtf8, bytesRepr, latin1 } from "./bytes.ts";
import { mkMemoryView, memoryviewType } from "./memoryview.ts";
import { repr, eq, ne, lt, add, mul, getItem, setItem, delItem, contains, toArray, hash, iadd } from "../ops.ts";
import { callMethod, loadAttr } from "../attr.ts";
import { call } from "../call.ts";
import { mkList } from "./list.ts";
import { mkTuple } from "./tuple.ts";
import { mkSlice } from "./slice.ts";
import { None } from "../object.ts";
import { isPyException } from "../exceptions.ts";
import { pyError } from "../../testing.ts";

const b = (s: string) => bytesFromLatin1(s);
const m = (o: any, name: string, ...args: any[]) => callMethod(o, name, args, null);
const r = (x: any) => repr(x);

describe("bytes", () => {
  it("repr", () => {
    expect(r(b("\x00abc\n"))).toBe("b'\\x00abc\\n'");
    expect(r(b("it's"))).toBe(`b"it's"`);
    expect(r(b(`'"`))).toBe(`b'\\'"'`);
    expect(r(b("\\\xff\x7f\t\r"))).toBe("b'\\\\\\xff\\x7f\\t\\r'");
    expect(bytesRepr(new Uint8Array(0))).toBe("b''");
  });
  it("construct", () => {
    expect(r(call(bytesType, [], null))).toBe("b''");
    expect(r(call(bytesType, [3], null))).toBe("b'\\x00\\x00\\x00'");
    expect(r(call(bytesType, [mkList([1, 2, 255])], null))).toBe("b'\\x01\\x02\\xff'");
    expect(r(call(bytesType, ["abé", "utf-8"], null))).toBe("b'ab\\xc3\\xa9'");
    expect(pyError(() => call(bytesType, ["abc"], null))).toBe("TypeError: string argument without an encoding");
    expect(pyError(() => call(bytesType, [mkList([256])], null))).toBe("ValueError: bytes value out of range");
    expect(pyError(() => call(bytesType, [-1], null))).toBe("ValueError: ");
    const x = b("abc");
    expect(call(bytesType, [x], null)).toBe(x);
  });
  it("index and slice", () => {
    const x = b("hello");
    expect(getItem(x, 0)).toBe(104);
    expect(getItem(x, -1)).toBe(111);
    expect(r(getItem(x, mkSlice(1, 3, None)))).toBe("b'el'");
    expect(r(getItem(x, mkSlice(None, None, -1)))).toBe("b'olleh'");
    expect(pyError(() => getItem(x, 5))).toBe("IndexError: bytes index out of range");
    expect(pyError(() => getItem(x, "a"))).toBe("TypeError: bytes indices must be integers, not str");
    expect(pyError(() => setItem(x, 0, 1))).toMatch(/^TypeError/);
  });
  it("operators", () => {
    expect(r(add(b("ab"), b("cd")))).toBe("b'abcd'");
    expect(r(mul(b("ab"), 3))).toBe("b'ababab'");
    expect(r(mul(3, b("ab")))).toBe("b'ababab'");
    expect(r(mul(b("ab"), -1))).toBe("b''");
    expect(eq(b("ab"), b("ab"))).toBe(true);
    expect(ne(b("ab"), b("ac"))).toBe(true);
    expect(lt(b("ab"), b("ac"))).toBe(true);
    expect(lt(b("ab"), b("a"))).toBe(false);
    expect(contains(b("hello"), b("ell"))).toBe(true);
    expect(contains(b("hello"), 104)).toBe(true);
    expect(contains(b("hello"), b("x"))).toBe(false);
    expect(hash(b("abc"))).toBe(hash("abc"));
    expect(toArray(b("ab"))).toEqual([97, 98]);
    expect(r(callMethod(b("=%d=%s="), "__mod__", [mkTuple([1, b("x")])], null))).toBe("b'=1=x='");
  });
  it("methods", () => {
    expect(m(b("hello"), "find", b("l"))).toBe(2);
    expect(m(b("hello"), "rfind", b("l"))).toBe(3);
    expect(m(b("hello"), "find", 108)).toBe(2);
    expect(m(b("hello"), "find", b("z"))).toBe(-1);
    expect(pyError(() => m(b("hello"), "index", b("z")))).toBe("ValueError: substring not found");
    expect(m(b("aaa"), "count", b("a"))).toBe(3);
    expect(m(b("aaa"), "count", b(""))).toBe(4);
    expect(r(m(b("a,b,,c"), "split", b(",")))).toBe("[b'a', b'b', b'', b'c']");
    expect(r(m(b("  a b  c "), "split"))).toBe("[b'a', b'b', b'c']");
    expect(r(m(b("a,b,c"), "rsplit", b(","), 1))).toBe("[b'a,b', b'c']");
    expect(r(m(b("  x  "), "strip"))).toBe("b'x'");
    expect(r(m(b("xxaxx"), "lstrip", b("x")))).toBe("b'axx'");
    expect(r(m(b("abcabc"), "replace", b("b"), b("XY")))).toBe("b'aXYcaXYc'");
    expect(r(m(b("abc"), "replace", b(""), b("-")))).toBe("b'-a-b-c-'");
    expect(r(m(b("a=b=c"), "partition", b("=")))).toBe("(b'a', b'=', b'b=c')");
    expect(r(m(b("a=b=c"), "rpartition", b("=")))).toBe("(b'a=b', b'=', b'c')");
    expect(r(m(b(","), "join", mkList([b("a"), b("b")])))).toBe("b'a,b'");
    expect(r(m(b("AbC"), "lower"))).toBe("b'abc'");
    expect(r(m(b("AbC"), "upper"))).toBe("b'ABC'");
    expect(m(b("123"), "isdigit")).toBe(true);
    expect(m(b("AB1"), "isupper")).toBe(true);
    expect(r(m(b("foo"), "center", 6))).toBe("b' foo  '");
    expect(m(b("\x01\xab"), "hex")).toBe("01ab");
    expect(m(b("\x01\xab"), "hex", ":")).toBe("01:ab");
    expect(r(call(loadAttr(bytesType, "fromhex"), ["01 ab"], null))).toBe("b'\\x01\\xab'");
    expect(r(call(loadAttr(bytearrayType, "fromhex"), ["01ab"], null))).toBe("bytearray(b'\\x01\\xab')");
    expect(m(b("h\xc3\xa9"), "decode")).toBe("hé");
    expect(m(b("foobar"), "startswith", b("foo"))).toBe(true);
    expect(m(b("foobar"), "endswith", mkTuple([b("x"), b("bar")]))).toBe(true);
    expect(r(m(b("a\nb\r\nc"), "splitlines"))).toBe("[b'a', b'b', b'c']");
  });
  it("utf-8", () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xe2, 0x82, 0xac]))).toBe("a€");
    expect(pyError(() => decodeUtf8(new Uint8Array([0xff])))).toBe("UnicodeError: ");
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]), "replace")).toBe("a\ufffdb");
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]), "ignore")).toBe("ab");
    expect(latin1(encodeUtf8("é").$b)).toBe("\xc3\xa9");
    expect(encodeUtf8("x")).toBeInstanceOf(PyBytes);
  });
});

describe("bytearray", () => {
  it("mutation", () => {
    const a = call(bytearrayType, [mkList([1, 2, 3])], null);
    m(a, "append", 4);
    expect(r(a)).toBe("bytearray(b'\\x01\\x02\\x03\\x04')");
    for (let i = 0; i < 100; i++) m(a, "append", 65);
    expect(m(a, "__len__")).toBe(104);
    setItem(a, mkSlice(4, None, None), b("xy"));
    expect(r(a)).toBe("bytearray(b'\\x01\\x02\\x03\\x04xy')");
    setItem(a, 0, 255);
    delItem(a, 1);
    expect(r(a)).toBe("bytearray(b'\\xff\\x03\\x04xy')");
    m(a, "extend", b("zz"));
    iadd(a, b("!"));
    expect(r(a)).toBe("bytearray(b'\\xff\\x03\\x04xyzz!')");
    setItem(a, mkSlice(None, None, None), a);
    expect(m(a, "__len__")).toBe(8);
    setItem(a, mkSlice(0, 0, None), a);
    expect(m(a, "__len__")).toBe(16);
    expect(pyError(() => m(a, "append", None))).toBe("TypeError: can't convert NoneType to int");
    expect(pyError(() => hash(a))).toMatch(/unhashable/);
    expect(r(m(call(bytearrayType, [b("  x ")], null), "strip"))).toBe("bytearray(b'x')");
    expect(eq(call(bytearrayType, [b("ab")], null), b("ab"))).toBe(true);
    expect(eq(b("ab"), call(bytearrayType, [b("ab")], null))).toBe(true);
  });
});

describe("memoryview", () => {
  it("shares memory", () => {
    const a = call(bytearrayType, [b("1234")], null);
    const v = call(memoryviewType, [a], null);
    setItem(v, 0, 65);
    expect(r(a)).toBe("bytearray(b'A234')");
    const s = getItem(v, mkSlice(1, 3, None));
    expect(toArray(s)).toEqual([50, 51]);
    setItem(s, mkSlice(None, None, None), b("xy"));
    expect(r(a)).toBe("bytearray(b'Axy4')");
    expect(r(m(s, "tobytes"))).toBe("b'xy'");
    expect(eq(s, b("xy"))).toBe(true);
    for (let i = 0; i < 50; i++) m(a, "append", 0);
    expect(getItem(v, 1)).toBe(120);
    const ro = mkMemoryView(b("abc"));
    expect(pyError(() => setItem(ro, 0, 1))).toBe("TypeError: 'memoryview' object doesn't support item assignment");
    expect(loadAttr(ro, "itemsize")).toBe(1);
  });
});
