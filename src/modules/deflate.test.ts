import { describe, it, expect } from "vitest";
import { inflateBytes, deflateRaw, Container, adler32, crc32, InflateError } from "./deflate_codec.ts";

const b = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const s = (u: Uint8Array) => Array.from(u, (c) => String.fromCharCode(c)).join("");

describe("deflate codec", () => {
  it("inflates raw, zlib and gzip streams", () => {
    const raw = b('\xcb\xcdL.\xca/\xa8,\xc9\xc8\xcfS\xc8H\xcd\xc9\xc9W(\xcf/\xcaIAa\xe7"\xd4\x00\x00');
    const text = "micropython hello world hello world micropython";
    expect(s(inflateBytes(raw, Container.Raw))).toBe(text);
    const zlib = b('\x18\x95' + s(raw) + '\xbc\xfa\x12\x91');
    expect(s(inflateBytes(zlib))).toBe(text);
    // dynamic Huffman block
    const dyn = b("x\x9c\x05\xc1\x81\x01\x000\x04\x04\xb1\x95\\\x1f\xcfn\x86o\x82d\x06Qq\xc8\x9d\xc5X}<e\xb5g\x83\x0f\x89X\x07\xab");
    expect(s(inflateBytes(dyn))).toBe("13371813150|13764518736|12345678901");
  });
  it("rejects bad data", () => {
    expect(() => inflateBytes(b("\x07"), Container.Raw)).toThrow(InflateError);
    expect(() => inflateBytes(b("abcef"), Container.Raw)).toThrow(InflateError);
  });
  it("compresses like uzlib", () => {
    expect(s(deflateRaw(b("0")))).toBe("3\x00\x00");
    expect(s(deflateRaw(b("0".repeat(100))))).toBe("3\xa0\x03\x00\x00");
    expect(s(deflateRaw(b("hello")))).toBe("\xcbH\xcd\xc9\xc9\x07\x00");
    const c = deflateRaw(b("1234567890abcdefghijklmnopqrstuvwxyz123123"));
    expect(s(c)).toBe('3426153\xb7\xb04HLJNIMK\xcf\xc8\xcc\xca\xce\xc9\xcd\xcb/(,*.)-+\xaf\xa8\xac\x02\xaa\x01"\x00');
  });
  it("round-trips", () => {
    const data = new Uint8Array(50000);
    let x = 12345;
    for (let i = 0; i < data.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      data[i] = i % 700 < 350 ? 65 + ((x >> 16) % 4) : (x >> 8) & 0xff;
    }
    for (const w of [5, 8, 10, 15]) {
      expect(s(inflateBytes(deflateRaw(data, w), Container.Raw, w)) === s(data)).toBe(true);
    }
  });
  it("computes checksums", () => {
    expect(adler32(b("hello"))).toBe(0x062c0215);
    expect(crc32(b("hello"))).toBe(0x3610a686);
  });
});
