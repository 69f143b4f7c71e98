// The DEFLATE codec (RFC 1951) behind the deflate module, plus the zlib (RFC 1950) and gzip
// (RFC 1952) headers and checksums. Pure TypeScript, no host APIs.
//
// Inflater is resumable and pulls its input one byte at a time, only when it needs another bit
// (as MicroPython's uzlib does): a DeflateIO reading 1 byte consumes no more of the underlying
// stream than that byte requires. Back-references go through a ring window of 2**wbits bytes;
// a distance beyond the window is an error, so data needing a larger window is rejected.
//
// Deflater produces one fixed-Huffman block with LZ77 matching like uzlib's compressor: at each
// position the longest match within the window (ties: the most recent), lengths up to 259 split
// as uzlib splits them, so the output is byte-for-byte MicroPython's.

/** Corrupt or unsupported compressed data (the module raises OSError(EINVAL)). */
export class InflateError extends Error {}

// ---------------------------------------------------------------- shared tables

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which code-length code lengths are sent in a dynamic block header. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// ---------------------------------------------------------------- checksums

let crcTable: Int32Array | null = null;

/** CRC-32 (gzip): `crc` is the running value before inversion (start with 0). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** Adler-32 (zlib), starting from `adler` (1 for a new stream). */
export function adler32(data: Uint8Array, adler = 1): number {
  let a = adler & 0xffff;
  let b = adler >>> 16;
  for (let i = 0; i < data.length; ) {
    // 3800 bytes keep the sums below 2**31 between reductions.
    const end = Math.min(data.length, i + 3800);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// ---------------------------------------------------------------- Huffman decoding tables

/** A canonical Huffman code: how many codes of each length, and the symbols in code order. */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function buildHuffman(lengths: Uint8Array, n: number): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < n; i++) counts[lengths[i]]++;
  counts[0] = 0;
  const offs = new Uint16Array(16);
  for (let i = 1; i < 16; i++) offs[i] = offs[i - 1] + counts[i - 1];
  const symbols = new Uint16Array(n);
  for (let i = 0; i < n; i++) if (lengths[i] !== 0) symbols[offs[lengths[i]]++] = i;
  return { counts, symbols };
}

let fixedLit: Huffman | null = null;
let fixedDist: Huffman | null = null;

function fixedTables(): [Huffman, Huffman] {
  if (fixedLit === null || fixedDist === null) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    fixedLit = buildHuffman(l, 288);
    fixedDist = buildHuffman(new Uint8Array(32).fill(5), 32);
  }
  return [fixedLit, fixedDist];
}

// ---------------------------------------------------------------- Inflater

export const enum Container {
  Raw = 0,
  Zlib = 1,
  Gzip = 2,
}

/**
 * Decompresses from a byte source. `readByte` returns the next input byte (it raises when the
 * input ends: a truncated stream is the source's error, EOFError in the module).
 */
export class Inflater {
  private bitBuf = 0;
  private bitCount = 0;
  private final = false;
  /** -1: at a block header; 0 stored, 1 fixed, 2 dynamic. */
  private btype = -1;
  private lit: Huffman | null = null;
  private dist: Huffman | null = null;
  /** Bytes left of the current back-reference (or, in a stored block, of the block). */
  private curLen = 0;
  private curDist = 0;
  private window: Uint8Array;
  private wpos = 0;
  private check: Container = Container.Raw;
  private sum = 0;
  done = false;

  constructor(private readByte: () => number, windowBits: number) {
    this.window = new Uint8Array(1 << windowBits);
  }

  /** Reads a zlib or gzip header; returns its kind and window bits, or null if invalid. */
  static readHeader(readByte: () => number): { kind: Container; wbits: number } | null {
    const cmf = readByte();
    let flg = readByte();
    if (cmf === 0x1f && flg === 0x8b) {
      if (readByte() !== 8) return null;
      flg = readByte();
      if (flg & 0xe0) return null;
      for (let i = 0; i < 6; i++) readByte(); // mtime, xfl, os
      if (flg & 4) {
        const xlen = readByte() | (readByte() << 8);
        for (let i = 0; i < xlen; i++) readByte();
      }
      if (flg & 8) while (readByte() !== 0);
      if (flg & 16) while (readByte() !== 0);
      if (flg & 2) readByte(), readByte(); // header CRC (not checked)
      return { kind: Container.Gzip, wbits: 15 };
    }
    if ((cmf * 256 + flg) % 31 !== 0 || (cmf & 0x0f) !== 8 || cmf >> 4 > 7 || flg & 0x20) return null;
    return { kind: Container.Zlib, wbits: (cmf >> 4) + 8 };
  }

  /** Enables the checksum trailer check of a zlib or gzip stream. */
  setContainer(kind: Container): void {
    this.check = kind;
    this.sum = kind === Container.Zlib ? 1 : 0;
  }

  private bit(): number {
    if (this.bitCount === 0) {
      this.bitBuf = this.readByte();
      this.bitCount = 8;
    }
    const b = this.bitBuf & 1;
    this.bitBuf >>= 1;
    this.bitCount--;
    return b;
  }

  /** `n` bits, least significant first, fetched bit by bit (no byte is read early). */
  private bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v |= this.bit() << i;
    return v;
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= this.bit();
      const count = h.counts[len];
      if (code - first < count) return h.symbols[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError("bad code");
  }

  private readDynamicTables(): void {
    const hlit = this.bits(5) + 257;
    const hdist = this.bits(5) + 1;
    const hclen = this.bits(4) + 4;
    const lengths = new Uint8Array(320);
    for (let i = 0; i < hclen; i++) lengths[CLEN_ORDER[i]] = this.bits(3);
    const clen = buildHuffman(lengths, 19);
    lengths.fill(0, 0, 19);
    const total = hlit + hdist;
    for (let n = 0; n < total; ) {
      const sym = this.decode(clen);
      if (sym < 16) {
        lengths[n++] = sym;
        continue;
      }
      let fill = 0;
      let rep: number;
      if (sym === 16) {
        if (n === 0) throw new InflateError("repeat with no length");
        fill = lengths[n - 1];
        rep = this.bits(2) + 3;
      } else if (sym === 17) rep = this.bits(3) + 3;
      else rep = this.bits(7) + 11;
      if (n + rep > total) throw new InflateError("too many lengths");
      lengths.fill(fill, n, n + rep);
      n += rep;
    }
    this.lit = buildHuffman(lengths, hlit);
    this.dist = buildHuffman(lengths.subarray(hlit), hdist);
  }

  private startBlock(): void {
    this.final = this.bit() === 1;
    this.btype = this.bits(2);
    if (this.btype === 1) [this.lit, this.dist] = fixedTables();
    else if (this.btype === 2) this.readDynamicTables();
    else if (this.btype === 0) {
      this.bitCount = 0; // stored data starts on a byte boundary
      const len = this.readByte() | (this.readByte() << 8);
      const nlen = this.readByte() | (this.readByte() << 8);
      if (len !== (~nlen & 0xffff)) throw new InflateError("bad stored length");
      this.curLen = len;
    } else throw new InflateError("bad block type");
  }

  private put(out: Uint8Array, p: number, b: number): void {
    out[p] = b;
    const w = this.window;
    w[this.wpos] = b;
    this.wpos = (this.wpos + 1) & (w.length - 1);
  }

  /**
   * Produces the next output byte into out[p]; returns false at the end of a block (nothing
   * produced). Back-references are copied one byte per call so output can stop anywhere.
   */
  private step(out: Uint8Array, p: number): boolean {
    if (this.btype === 0) {
      if (this.curLen === 0) return false;
      this.curLen--;
      this.put(out, p, this.readByte());
      return true;
    }
    if (this.curLen === 0) {
      const sym = this.decode(this.lit!);
      if (sym < 256) {
        this.put(out, p, sym);
        return true;
      }
      if (sym === 256) return false;
      if (sym - 257 >= 29) throw new InflateError("bad length code");
      this.curLen = LEN_BASE[sym - 257] + this.bits(LEN_EXTRA[sym - 257]);
      const dsym = this.decode(this.dist!);
      if (dsym >= 30) throw new InflateError("bad distance code");
      const d = DIST_BASE[dsym] + this.bits(DIST_EXTRA[dsym]);
      if (d > this.window.length) throw new InflateError("distance beyond window");
      this.curDist = d;
    }
    const w = this.window;
    this.put(out, p, w[(this.wpos - this.curDist) & (w.length - 1)]);
    this.curLen--;
    return true;
  }

  /** Fills out[start..end) as far as the stream allows; returns the end of what was written. */
  inflate(out: Uint8Array, start: number, end: number): number {
    if (this.done) return start;
    let p = start;
    do {
      if (this.btype === -1) this.startBlock();
      if (this.step(out, p)) p++;
      else if (this.final) {
        this.finish(out.subarray(start, p));
        return p;
      } else this.btype = -1;
    } while (p < end);
    this.addSum(out.subarray(start, p));
    return p;
  }

  private addSum(data: Uint8Array): void {
    if (this.check === Container.Zlib) this.sum = adler32(data, this.sum);
    else if (this.check === Container.Gzip) this.sum = crc32(data, this.sum);
  }

  /** The last block ended: check the trailer of a zlib/gzip stream. */
  private finish(last: Uint8Array): void {
    this.addSum(last);
    this.done = true;
    const rb = this.readByte;
    if (this.check === Container.Zlib) {
      const v = ((rb() << 24) | (rb() << 16) | (rb() << 8) | rb()) >>> 0;
      if (v !== this.sum) throw new InflateError("bad checksum");
    } else if (this.check === Container.Gzip) {
      const v = (rb() | (rb() << 8) | (rb() << 16) | (rb() << 24)) >>> 0;
      if (v !== this.sum) throw new InflateError("bad checksum");
      for (let i = 0; i < 4; i++) rb(); // uncompressed size (not checked)
    }
  }
}

/** Decompresses a whole buffer (raw, zlib or gzip): for TS callers and tests. */
export function inflateBytes(data: Uint8Array, container: Container | "auto" = "auto", wbits = 15): Uint8Array {
  let pos = 0;
  const readByte = () => {
    if (pos >= data.length) throw new InflateError("truncated");
    return data[pos++];
  };
  let inf: Inflater;
  if (container === Container.Raw) inf = new Inflater(readByte, wbits);
  else {
    const h = Inflater.readHeader(readByte);
    if (h === null || (container !== "auto" && h.kind !== container)) throw new InflateError("bad header");
    inf = new Inflater(readByte, Math.min(wbits, h.wbits));
    inf.setContainer(h.kind);
  }
  const chunks: Uint8Array[] = [];
  while (!inf.done) {
    const buf = new Uint8Array(16384);
    const n = inf.inflate(buf, 0, buf.length);
    chunks.push(buf.subarray(0, n));
  }
  return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const c of chunks) {
    out.set(c, n);
    n += c.length;
  }
  return out;
}

// ---------------------------------------------------------------- Deflater

const MIN_MATCH = 3;
/** uzlib's search can return 259 (one more than a deflate match): it is sent as 256 + 3. */
const MAX_SEARCH = 259;
const HASH_BITS = 15;

function hash3(d: Uint8Array, i: number): number {
  return ((d[i] << 10) ^ (d[i + 1] << 5) ^ d[i + 2]) & ((1 << HASH_BITS) - 1);
}

/** Reverses the low `n` bits of `v` (Huffman codes are sent most significant bit first). */
function reverse(v: number, n: number): number {
  let r = 0;
  for (let i = 0; i < n; i++, v >>= 1) r = (r << 1) | (v & 1);
  return r;
}

/** Streaming compressor: one final fixed-Huffman block, started by start() and ended by finish(). */
export class Deflater {
  private out: number[] = [];
  private bitBuf = 0;
  private bitCount = 0;
  /** All data seen, from absolute position `base` (old data beyond the window is dropped). */
  private data = new Uint8Array(1024);
  private base = 0;
  private len = 0;
  /** Positions already entered in the hash chains (absolute, exclusive). */
  private hashed = 0;
  private head = new Int32Array(1 << HASH_BITS).fill(-1);
  private prev: Int32Array;

  constructor(private windowSize: number) {
    this.prev = new Int32Array(windowSize);
  }

  /** Takes the bytes produced so far. */
  take(): number[] {
    const o = this.out;
    this.out = [];
    return o;
  }

  private putBits(v: number, n: number): void {
    this.bitBuf |= v << this.bitCount;
    this.bitCount += n;
    while (this.bitCount >= 8) {
      this.out.push(this.bitBuf & 0xff);
      this.bitBuf >>>= 8;
      this.bitCount -= 8;
    }
  }

  /** Block header: final block, fixed Huffman codes. */
  start(): void {
    this.putBits(3, 3);
  }

  /** End-of-block code and padding to a byte boundary (uzlib sends 14 zero bits). */
  finish(): void {
    this.putBits(0, 14);
  }

  private literal(c: number): void {
    if (c <= 143) this.putBits(reverse(0x30 + c, 8), 8);
    else this.putBits(reverse(0x190 + c - 144, 9), 9);
  }

  private lengthCode(sym: number): void {
    if (sym <= 279) this.putBits(reverse(sym - 256, 7), 7);
    else this.putBits(reverse(0xc0 + sym - 280, 8), 8);
  }

  private match(distance: number, len: number): void {
    while (len > 0) {
      const n = len > 260 ? 258 : len <= 258 ? len : len - 3;
      len -= n;
      let lc = 28;
      while (LEN_BASE[lc] > n) lc--;
      this.lengthCode(257 + lc);
      if (LEN_EXTRA[lc] > 0) this.putBits(n - LEN_BASE[lc], LEN_EXTRA[lc]);
      let dc = 29;
      while (DIST_BASE[dc] > distance) dc--;
      this.putBits(reverse(dc, 5), 5);
      if (DIST_EXTRA[dc] > 0) this.putBits(distance - DIST_BASE[dc], DIST_EXTRA[dc]);
    }
  }

  private append(chunk: Uint8Array): void {
    const used = this.len - this.base;
    if (used + chunk.length > this.data.length) {
      // Drop data older than the window (never needed again), growing if still short of room.
      const keepFrom = Math.max(this.base, this.len - this.windowSize);
      const keep = this.data.slice(keepFrom - this.base, used);
      if (keep.length + chunk.length > this.data.length)
        this.data = new Uint8Array((keep.length + chunk.length) * 2);
      this.data.set(keep, 0);
      this.base = keepFrom;
    }
    this.data.set(chunk, this.len - this.base);
    this.len += chunk.length;
  }

  /** Enters positions below `upto` in the hash chains. */
  private hashUpTo(upto: number): void {
    const d = this.data;
    const mask = this.windowSize - 1;
    // Positions older than the window can never be matched: skip them.
    for (let p = Math.max(this.hashed, upto - this.windowSize); p < upto; p++) {
      const h = hash3(d, p - this.base);
      this.prev[p & mask] = this.head[h];
      this.head[h] = p;
    }
    this.hashed = upto;
  }

  /** The longest match for position `cur` (ties: the nearest); [length, distance] or null. */
  private longest(cur: number, end: number): [number, number] | null {
    const d = this.data;
    const b = this.base;
    const maxLen = Math.min(MAX_SEARCH, end - cur);
    const lowest = Math.max(0, cur - this.windowSize);
    let bestLen = 0;
    let bestPos = -1;
    for (let cand = this.head[hash3(d, cur - b)]; cand >= lowest; cand = this.prev[cand & (this.windowSize - 1)]) {
      let n = 0;
      while (n < maxLen && d[cand - b + n] === d[cur - b + n]) n++;
      if (n >= MIN_MATCH && n > bestLen) {
        bestLen = n;
        bestPos = cand;
        if (n === maxLen) break;
      }
    }
    return bestLen === 0 ? null : [bestLen, cur - bestPos];
  }

  /** Compresses a chunk; matches look ahead only within this chunk (as uzlib's do). */
  write(chunk: Uint8Array): void {
    let cur = this.len;
    this.append(chunk);
    const end = this.len;
    while (cur < end) {
      let m: [number, number] | null = null;
      if (end - cur >= MIN_MATCH) {
        this.hashUpTo(cur);
        m = this.longest(cur, end);
      }
      if (m === null) {
        this.literal(this.data[cur - this.base]);
        cur++;
      } else {
        this.match(m[1], m[0]);
        cur += m[0];
      }
    }
  }

}

/** Compresses a whole buffer as a raw deflate stream (for TS callers and tests). */
export function deflateRaw(data: Uint8Array, wbits = 8): Uint8Array {
  const d = new Deflater(1 << wbits);
  d.start();
  d.write(data);
  d.finish();
  return Uint8Array.from(d.take());
}
