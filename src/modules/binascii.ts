// binascii: https://docs.micropython.org/en/latest/library/binascii.html
// (MicroPython's extmod/modbinascii.c): hex and base64 conversions and CRC-32.

import { builtin } from "../runtime/object.ts";
import { valueError } from "../runtime/exceptions.ts";
import { isTrue, toIndex } from "../runtime/ops.ts";
import { mkBytes, hexOf, fromHex } from "../runtime/types/bytes.ts";
import type { FunctionSig } from "../runtime/types/function.ts";
import { getBuffer } from "../runtime/buffer.ts";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

function latin1Bytes(s: string): Uint8Array {
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

/** hexlify(data[, sep]) → bytes of hex digits. */
function binascii_hexlify(data: any, sep: any): any {
  return mkBytes(latin1Bytes(hexOf(getBuffer(data).bytes, sep)));
}

function binascii_unhexlify(data: any): any {
  return mkBytes(fromHex(getBuffer(data).bytes));
}

/**
 * Decodes base64, skipping characters outside the alphabet; padding ends the data once it
 * completes a group (as MicroPython does), and leftover bits are an "incorrect padding".
 */
function binascii_a2b_base64(data: any): any {
  const inp = getBuffer(data).bytes;
  const out = new Uint8Array(Math.floor((inp.length * 3) / 4) + 1);
  let w = 0;
  let shift = 0;
  let nbits = 0;
  let hadPad = false;
  for (let i = 0; i < inp.length; i++) {
    const c = inp[i];
    if (c === 0x3d /* = */) {
      if (nbits === 2 || (nbits === 4 && hadPad)) {
        nbits = 0;
        break;
      }
      hadPad = true;
    }
    const v = B64_VALUE[c];
    if (v < 0) continue;
    hadPad = false;
    shift = ((shift << 6) | v) & 0xffffff;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[w++] = (shift >> nbits) & 0xff;
    }
  }
  if (nbits !== 0) throw valueError("incorrect padding");
  return mkBytes(out.slice(0, w));
}

function binascii_b2a_base64(data: any, newline: any): any {
  const inp = getBuffer(data).bytes;
  const nl = newline === undefined || isTrue(newline);
  const n = inp.length;
  const out = new Uint8Array((n > 0 ? Math.floor((n - 1) / 3 + 1) * 4 : 0) + (nl ? 1 : 0));
  let w = 0;
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (inp[i] << 16) | (inp[i + 1] << 8) | inp[i + 2];
    out[w++] = B64.charCodeAt(v >> 18);
    out[w++] = B64.charCodeAt((v >> 12) & 63);
    out[w++] = B64.charCodeAt((v >> 6) & 63);
    out[w++] = B64.charCodeAt(v & 63);
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (inp[i] << 16) | (two ? inp[i + 1] << 8 : 0);
    out[w++] = B64.charCodeAt(v >> 18);
    out[w++] = B64.charCodeAt((v >> 12) & 63);
    out[w++] = two ? B64.charCodeAt((v >> 6) & 63) : 0x3d;
    out[w++] = 0x3d;
  }
  if (nl) out[w] = 0x0a;
  return mkBytes(out);
}
(binascii_b2a_base64 as any).$sig = {
  names: ["data"], posonly: 1, defaults: [], kwonly: ["newline"], kwDefaults: [true], varargs: false, varkw: false,
} satisfies FunctionSig;

let crcTable: Uint32Array | null = null;

function makeCrcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** CRC-32 (the zlib polynomial) of bytes, continuing from `crc`. */
export function crc32(b: Uint8Array, crc = 0): number {
  const t = (crcTable ??= makeCrcTable());
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < b.length; i++) c = t[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function binascii_crc32(data: any, value: any): number {
  const bytes = getBuffer(data).bytes;
  let start = 0;
  if (value !== undefined) {
    // Any int: keep its low 32 bits (mp_obj_get_int_truncated).
    const v = typeof value === "bigint" ? value : BigInt(typeof value === "number" ? value : toIndex(value));
    start = Number(BigInt.asUintN(32, v));
  }
  return crc32(bytes, start);
}

export function makeModule(): Record<string, any> {
  return {
    hexlify: builtin("hexlify", binascii_hexlify),
    unhexlify: builtin("unhexlify", binascii_unhexlify),
    a2b_base64: builtin("a2b_base64", binascii_a2b_base64),
    b2a_base64: builtin("b2a_base64", binascii_b2a_base64),
    crc32: builtin("crc32", binascii_crc32),
  };
}

