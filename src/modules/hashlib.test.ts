import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { hashBytes } from "./hashlib.ts";

const hex = (u: Uint8Array) => Array.from(u, (b) => b.toString(16).padStart(2, "0")).join("");
const enc = (s: string) => new TextEncoder().encode(s);

describe("hashlib", () => {
  it("computes the standard test vectors", () => {
    expect(hex(hashBytes("sha256", enc("")))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(hashBytes("sha256", enc("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(hashBytes("sha1", enc("abc")))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(hex(hashBytes("md5", enc("")))).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(hex(hashBytes("md5", enc("The quick brown fox jumps over the lazy dog")))).toBe("9e107d9d372bb6826bd81d3542a419d6");
  });
  it("handles block boundaries", () => {
    const a = new Uint8Array(1000).fill(0x61);
    expect(hex(hashBytes("sha1", a))).toBe("291e9a6c66994949b57ba5e650361e98fc36b1ba");
    expect(hex(hashBytes("sha256", new Uint8Array(56).fill(0xff)))).toBe("528ff50ab05e77bbbd224a9ec86165dbb6824a9a9efb544be0a1d57d5b416457");
  });
});
