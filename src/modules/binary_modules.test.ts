import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { bytesFromLatin1, bytearrayType } from "../runtime/types/bytes.ts";
import { memoryviewType } from "../runtime/types/memoryview.ts";
import { repr, eq, add, getItem, setItem, toArray, contains } from "../runtime/ops.ts";
import { callMethod } from "../runtime/attr.ts";
import { call } from "../runtime/call.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkSlice } from "../runtime/types/slice.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { None } from "../runtime/object.ts";
import { isPyException } from "../runtime/exceptions.ts";
import * as arrayMod from "./array.ts";
import * as structMod from "./struct.ts";
import * as binasciiMod from "./binascii.ts";
import { pyError } from "../testing.ts";

const b = (s: string) => bytesFromLatin1(s);
const r = (x: any) => repr(x);
const A = arrayMod.makeModule().array;
const st = structMod.makeModule();
const ba = binasciiMod.makeModule();
const arr = (tc: string, items?: any[]) => call(A, items === undefined ? [tc] : [tc, mkList(items)], null);

describe("array", () => {
  it("basics", () => {
    const a = arr("i", [1, 2, -3]);
    expect(r(a)).toBe("array('i', [1, 2, -3])");
    expect(r(arr("h"))).toBe("array('h')");
    callMethod(a, "append", [4], null);
    expect(getItem(a, -1)).toBe(4);
    setItem(a, 0, 7);
    expect(toArray(a)).toEqual([7, 2, -3, 4]);
    expect(r(getItem(a, mkSlice(1, 3, None)))).toBe("array('i', [2, -3])");
    expect(r(arr("B", [256, -1]))).toBe("array('B', [0, 255])");
    expect(r(arr("I", [-1]))).toBe("array('I', [4294967295])");
    expect(r(arr("q", [-(2n ** 63n)]))).toBe("array('q', [-9223372036854775808])");
    expect(r(arr("Q", [2n ** 64n - 1n]))).toBe("array('Q', [18446744073709551615])");
    expect(r(call(A, ["h", b("22")], null))).toBe("array('h', [12850])");
    expect(eq(arr("b", [0x61, 0x62]), b("ab"))).toBe(false); // MicroPython: array == bytes is False
    expect(eq(arr("l", [1, 2]), arr("L", [1, 2]))).toBe(true);
    expect(pyError(() => eq(arr("f"), arr("f")))).toMatch(/NotImplementedError/);
    expect(pyError(() => call(A, ["X"], null))).toBe("ValueError: bad typecode");
    expect(r(add(arr("I", [1]), arr("I", [2, 3])))).toBe("array('I', [1, 2, 3])");
    expect(contains(arr("B", [1, 2]), "12")).toBe(false);
    const o = arr("O");
    callMethod(o, "append", ["x"], null);
    expect(getItem(o, 0)).toBe("x");
  });
  it("floats and memoryview", () => {
    const f = arr("f", [mkFloat(1.5), 2]);
    expect(r(f)).toBe("array('f', [1.5, 2.0])");
    const a = arr("i", [1, 2, 3, 4]);
    const v = call(memoryviewType, [a], null);
    expect(toArray(getItem(v, mkSlice(1, -1, None)))).toEqual([2, 3]);
    setItem(v, 2, 6);
    expect(r(a)).toBe("array('i', [1, 2, 6, 4])");
    const u = arr("I", [0, 1, 2, 3]);
    const mu = call(memoryviewType, [u], null);
    setItem(mu, mkSlice(1, None, None), getItem(mu, mkSlice(None, -1, None)));
    expect(r(u)).toBe("array('I', [0, 0, 1, 2])");
    expect(pyError(() => setItem(mu, mkSlice(0, 2, None), b("12345678")))).toBe("ValueError: lhs and rhs should be compatible");
  });
});

describe("struct", () => {
  it("pack and unpack", () => {
    expect(st.calcsize("<bI")).toBe(5);
    expect(st.calcsize("bI")).toBe(8);
    expect(st.calcsize(">bxI3xH")).toBe(11);
    expect(r(st.unpack("<bI", b("\x80\0\0\x01\0")))).toBe("(-128, 65536)");
    expect(r(st.pack(">bI", -128, 256))).toBe("b'\\x80\\x00\\x00\\x01\\x00'");
    expect(r(st.pack("<6sH", b("foo"), 10000))).toBe(`b"foo\\x00\\x00\\x00\\x10'"`);
    expect(r(st.unpack("<6sH", b("foo\0\0\0\x12\x34")))).toBe("(b'foo\\x00\\x00\\x00', 13330)");
    expect(r(st.pack("<Q", 2n ** 64n - 1n))).toBe("b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff'");
    expect(r(st.unpack("<q", b("\x12\x34\x56\x78\x90\x12\x34\xf6")))).toBe("(-705918829886819310,)");
    expect(r(st.unpack("<d", st.pack("<d", mkFloat(0.1))))).toBe("(0.1,)");
    expect(r(st.pack("<e", mkFloat(1.5)))).toBe("b'\\x00>'");
    expect(r(st.unpack_from("@ii", b("0123456789"), 1))).toBe("(875770417, 943142453)");
    const buf = call(bytearrayType, [b(">>>123<<<")], null);
    st.pack_into("<bbb", buf, -6, 0x44, 0x45, 0x46);
    expect(r(buf)).toBe("bytearray(b'>>>DEF<<<')");
    expect(pyError(() => st.unpack("I", b("\0\0\0")))).toBe("ValueError: buffer too small");
    expect(pyError(() => st.pack("z", 1))).toBe("ValueError: bad typecode");
    expect(pyError(() => st.pack(1, 2))).toMatch(/^TypeError/);
  });
});

describe("binascii", () => {
  it("conversions", () => {
    expect(r(ba.hexlify(b("\x7f\x80\xff")))).toBe("b'7f80ff'");
    expect(r(ba.hexlify(b("123"), ":"))).toBe("b'31:32:33'");
    expect(r(ba.unhexlify(b("7f80ff")))).toBe("b'\\x7f\\x80\\xff'");
    expect(pyError(() => ba.unhexlify(b("0")))).toBe("ValueError: non-hex digit");
    expect(r(ba.b2a_base64(b("foob")))).toBe("b'Zm9vYg==\\n'");
    expect(r(call(ba.b2a_base64, [b("foobar")], Object.assign(Object.create(null), { newline: false })))).toBe("b'Zm9vYmFy'");
    expect(r(ba.a2b_base64(b("Zm9vYmE=")))).toBe("b'fooba'");
    expect(r(ba.a2b_base64(b("Zm9v===YmFy")))).toBe("b'foobar'");
    expect(pyError(() => ba.a2b_base64(b("abc")))).toBe("ValueError: incorrect padding");
    expect(ba.crc32(b("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });
});
