// hashlib: https://docs.micropython.org/en/latest/library/hashlib.html
// (MicroPython's extmod/modhashlib.c): sha256, sha1 and md5 objects with update() and digest().
//
// As in MicroPython, digest() finalises the hash: calling update() or digest() again raises
// ValueError("hash is final"). There is no hexdigest() or copy().
//
// The three algorithms share one Merkle-Damgard driver (64-byte blocks, a 64-bit bit count in
// the last block); they differ in their compression function and byte order.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { typeError, valueError } from "../runtime/exceptions.ts";
import { getBuffer } from "../runtime/buffer.ts";
import { mkBytes } from "../runtime/types/bytes.ts";

interface Algorithm {
  name: string;
  /** Initial state words. */
  init: number[];
  /** Number of state words in the digest. */
  outWords: number;
  /** Byte order of words (and of the length field): md5 is little-endian. */
  littleEndian: boolean;
  /** Compresses one 64-byte block at `p` of `b` into `h`; `w` is scratch space. */
  block(h: Int32Array, b: Uint8Array, p: number, w: Int32Array): void;
}

// ---------------------------------------------------------------- sha256

const K256 = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

function loadBE(w: Int32Array, b: Uint8Array, p: number): void {
  for (let i = 0; i < 16; i++, p += 4) w[i] = (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];
}

function sha256Block(h: Int32Array, b: Uint8Array, p: number, w: Int32Array): void {
  loadBE(w, b, p);
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15], c = w[i - 2];
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(c, 17) ^ rotr(c, 19) ^ (c >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (let i = 0; i < 64; i++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0;
    d = c; c = bb; bb = a; a = (t1 + t2) | 0;
  }
  h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

// ---------------------------------------------------------------- sha1

function sha1Block(h: Int32Array, b: Uint8Array, p: number, w: Int32Array): void {
  loadBE(w, b, p);
  for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  let a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
  // Four rounds of 20 steps, each with its own mixing function (one loop each: no branches).
  for (let i = 0; i < 20; i++) {
    const t = (rotl(a, 5) + ((bb & c) | (~bb & d)) + e + 0x5a827999 + w[i]) | 0;
    e = d; d = c; c = rotl(bb, 30); bb = a; a = t;
  }
  for (let i = 20; i < 40; i++) {
    const t = (rotl(a, 5) + (bb ^ c ^ d) + e + 0x6ed9eba1 + w[i]) | 0;
    e = d; d = c; c = rotl(bb, 30); bb = a; a = t;
  }
  for (let i = 40; i < 60; i++) {
    const t = (rotl(a, 5) + ((bb & c) | (bb & d) | (c & d)) + e + 0x8f1bbcdc + w[i]) | 0;
    e = d; d = c; c = rotl(bb, 30); bb = a; a = t;
  }
  for (let i = 60; i < 80; i++) {
    const t = (rotl(a, 5) + (bb ^ c ^ d) + e + 0xca62c1d6 + w[i]) | 0;
    e = d; d = c; c = rotl(bb, 30); bb = a; a = t;
  }
  h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e;
}

// ---------------------------------------------------------------- md5

const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = new Int32Array(64);
for (let i = 0; i < 64; i++) MD5_K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;

function md5Block(h: Int32Array, b: Uint8Array, p: number, w: Int32Array): void {
  for (let i = 0; i < 16; i++, p += 4) w[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
  let a = h[0], bb = h[1], c = h[2], d = h[3];
  for (let i = 0; i < 64; i++) {
    let f: number, g: number;
    const round = i >> 4;
    if (round === 0) { f = (bb & c) | (~bb & d); g = i; }
    else if (round === 1) { f = (d & bb) | (~d & c); g = (5 * i + 1) & 15; }
    else if (round === 2) { f = bb ^ c ^ d; g = (3 * i + 5) & 15; }
    else { f = c ^ (bb | ~d); g = (7 * i) & 15; }
    const t = d;
    d = c;
    c = bb;
    bb = (bb + rotl((a + f + MD5_K[i] + w[g]) | 0, MD5_S[(round << 2) | (i & 3)])) | 0;
    a = t;
  }
  h[0] += a; h[1] += bb; h[2] += c; h[3] += d;
}

const SHA256: Algorithm = {
  name: "sha256",
  init: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  outWords: 8,
  littleEndian: false,
  block: sha256Block,
};
const SHA1: Algorithm = {
  name: "sha1",
  init: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0],
  outWords: 5,
  littleEndian: false,
  block: sha1Block,
};
const MD5: Algorithm = {
  name: "md5",
  init: [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476],
  outWords: 4,
  littleEndian: true,
  block: md5Block,
};

// ---------------------------------------------------------------- the hash object

export class PyHash extends PyObject {
  $alg!: Algorithm;
  $h!: Int32Array;
  /** Pending bytes of the current block. */
  $blk = new Uint8Array(64);
  $n = 0;
  /** Total bytes hashed (a float: exact well beyond any realistic length). */
  $len = 0;
  $final = false;
  $w = new Int32Array(80);

  $update(data: Uint8Array): void {
    const alg = this.$alg;
    let i = 0;
    this.$len += data.length;
    if (this.$n > 0) {
      const take = Math.min(64 - this.$n, data.length);
      this.$blk.set(data.subarray(0, take), this.$n);
      this.$n += take;
      i = take;
      if (this.$n < 64) return;
      alg.block(this.$h, this.$blk, 0, this.$w);
      this.$n = 0;
    }
    for (; i + 64 <= data.length; i += 64) alg.block(this.$h, data, i, this.$w);
    if (i < data.length) {
      this.$blk.set(data.subarray(i), 0);
      this.$n = data.length - i;
    }
  }

  $digest(): Uint8Array {
    const alg = this.$alg;
    const bits = this.$len * 8;
    const pad = new Uint8Array(this.$n < 56 ? 64 - this.$n : 128 - this.$n);
    pad[0] = 0x80;
    const lo = bits >>> 0;
    const hi = Math.floor(bits / 2 ** 32) >>> 0;
    const e = pad.length - 8;
    for (let k = 0; k < 4; k++) {
      if (alg.littleEndian) {
        pad[e + k] = (lo >>> (8 * k)) & 0xff;
        pad[e + 4 + k] = (hi >>> (8 * k)) & 0xff;
      } else {
        pad[e + 7 - k] = (lo >>> (8 * k)) & 0xff;
        pad[e + 3 - k] = (hi >>> (8 * k)) & 0xff;
      }
    }
    this.$update(pad);
    const out = new Uint8Array(alg.outWords * 4);
    for (let j = 0; j < alg.outWords; j++) {
      const v = this.$h[j];
      for (let k = 0; k < 4; k++) out[j * 4 + (alg.littleEndian ? k : 3 - k)] = (v >>> (8 * k)) & 0xff;
    }
    return out;
  }
}

const hashBaseType = defineBuiltinType("hash", PyHash.prototype);

function ensureNotFinal(self: PyHash): void {
  if (self.$final) throw valueError("hash is final");
}

function hash_update(self: PyHash, data: any): any {
  ensureNotFinal(self);
  self.$update(getBuffer(data).bytes);
  return None;
}

function hash_digest(self: PyHash): any {
  ensureNotFinal(self);
  self.$final = true;
  return mkBytes(self.$digest());
}

function defineHash(alg: Algorithm): PyType {
  const t = defineBuiltinType(alg.name, Object.create(PyHash.prototype), hashBaseType);
  t.$new = (cls: PyType, args: any[]) => {
    if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
    const o: PyHash = new PyHash();
    Object.setPrototypeOf(o, cls.$proto);
    o.$alg = alg;
    o.$h = new Int32Array(alg.init);
    if (args.length === 1) hash_update(o, args[0]);
    return o;
  };
  addMethods(t, {
    update: builtin("update", hash_update),
    digest: builtin("digest", hash_digest),
  });
  return t;
}

const sha256Type = defineHash(SHA256);
const sha1Type = defineHash(SHA1);
const md5Type = defineHash(MD5);

/** One-shot hashing for TS callers (tests, other modules). */
export function hashBytes(name: "sha256" | "sha1" | "md5", data: Uint8Array): Uint8Array {
  const o = new PyHash();
  o.$alg = name === "sha256" ? SHA256 : name === "sha1" ? SHA1 : MD5;
  o.$h = new Int32Array(o.$alg.init);
  o.$update(data);
  return o.$digest();
}

export function makeModule(): Record<string, any> {
  return {
    sha256: sha256Type,
    sha1: sha1Type,
    md5: md5Type,
  };
}
