import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { repr, getItem } from "../runtime/ops.ts";
import { loadAttr, storeAttr } from "../runtime/attr.ts";
import { call } from "../runtime/call.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import { mkDict, dictSet } from "../runtime/types/dict.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { makeModule, memAt, addressOfBytes } from "./uctypes.ts";

const u = makeModule();

describe("uctypes address space", () => {
  it("maps a buffer's address back to its memory", () => {
    const b = new Uint8Array(8);
    const a = addressOfBytes(b.subarray(2));
    expect(addressOfBytes(b)).toBe(a - 2);
    memAt(a, 2)[1] = 7;
    expect(b[3]).toBe(7);
  });
  it("backs unowned addresses with zeroed memory that keeps its contents", () => {
    memAt(0x100, 4)[0] = 9;
    expect(memAt(0x100, 1)[0]).toBe(9);
    expect(addressOfBytes(memAt(0x104, 2))).toBe(0x104);
  });
});

describe("uctypes.struct", () => {
  const desc = mkDict();
  dictSet(desc, "w", u.UINT16 | 0);
  dictSet(desc, "arr", mkTuple([u.ARRAY | 2, u.UINT8 | 2]));
  it("reads and writes fields in the chosen byte order", () => {
    const ba = mkByteArray(new Uint8Array([1, 2, 3, 4]));
    const addr = call(u.addressof, [ba], null);
    const le = call(u.struct, [addr, desc, u.LITTLE_ENDIAN], null);
    const be = call(u.struct, [addr, desc, u.BIG_ENDIAN], null);
    expect(loadAttr(le, "w")).toBe(0x0201);
    expect(loadAttr(be, "w")).toBe(0x0102);
    storeAttr(le, "w", 0xabcd);
    expect([ba.$b[0], ba.$b[1]]).toEqual([0xcd, 0xab]);
    expect(getItem(loadAttr(le, "arr"), 1)).toBe(4);
    expect(call(u.sizeof, [desc], null)).toBe(4);
  });
  it("prints like MicroPython", () => {
    expect(repr(call(u.struct, [0x10, desc], null))).toBe("<struct STRUCT 10>");
  });
});
