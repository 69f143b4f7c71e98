// bytes and bytearray (MicroPython's objstr.c for bytes, objarray.c for bytearray).
//
//   bytes      PyBytes      `$b`: a Uint8Array holding exactly the contents (never written to)
//   bytearray  PyByteArray  `$b`: a Uint8Array of capacity >= `$n`, the length; appends grow
//                           the capacity geometrically (amortised O(1))
//
// Both offer the buffer protocol (`$getBuffer`, see ../buffer.ts) and share their str-like
// methods (find, split, strip, ...): each takes `self` of either type and returns a result of
// self's kind. MicroPython gives bytearray all of bytes' methods plus append and extend.

import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf,
  objectType, objectProto,
} from "../object.ts";
import {
  typeError, valueError, indexError, newExc, ValueError, UnicodeError, LookupError,
  notImplementedError, overflowError, StopIteration,
} from "../exceptions.ts";
import { getIter, iterNext, toIndex, toArray, isTrue, mod as opsMod } from "../ops.ts";
import { callType, hasKeys } from "../call.ts";
import { callMethod } from "../attr.ts";
import { PyClassMethod, type FunctionSig } from "./function.ts";
import { langHooks } from "../hooks.ts";
import { host } from "../host.ts";
import { bytesHash as mpBytesHash } from "../hashtable.ts";
import { bigAlloc } from "../memguard.ts";
import { PyList } from "./list.ts";
import { PyTuple } from "./tuple.ts";
import { PySlice, sliceIndices } from "./slice.ts";
import { isStr, S, strHooks } from "./str.ts";
import { getBufferOrNull, getBuffer, itemSize, writeItem, type BufferInfo } from "../buffer.ts";

// ---------------------------------------------------------------- the types

export class PyBytes extends PyObject {
  /** Cached hash (-1: not computed yet). */
  $h: number;
  constructor(public $b: Uint8Array) {
    super();
    this.$h = -1;
  }
  $getBuffer(): BufferInfo {
    return { bytes: this.$b, readonly: true, typecode: "B" };
  }
}
export const bytesType = defineBuiltinType("bytes", PyBytes.prototype);
(PyBytes.prototype as any).$hk = 1;

export class PyByteArray extends PyObject {
  constructor(public $b: Uint8Array, public $n: number) {
    super();
  }
  $getBuffer(): BufferInfo {
    return { bytes: this.$b.subarray(0, this.$n), readonly: false, typecode: "B" };
  }
}
export const bytearrayType = defineBuiltinType("bytearray", PyByteArray.prototype);
(PyByteArray.prototype as any).$hk = 2;

export const emptyBytes = new PyBytes(new Uint8Array(0));

/** A bytes object owning `u8` (the caller must not change it afterwards). */
export function mkBytes(u8: Uint8Array): PyBytes {
  return u8.length === 0 ? emptyBytes : new PyBytes(u8);
}

/** A bytearray owning `u8`. */
export function mkByteArray(u8: Uint8Array): PyByteArray {
  return new PyByteArray(u8, u8.length);
}

/** bytes from a latin-1 JS string (each char code is a byte): bytes literals. */
export function bytesFromLatin1(s: string): PyBytes {
  const n = s.length;
  const u = new Uint8Array(n);
  for (let i = 0; i < n; i++) u[i] = s.charCodeAt(i);
  return mkBytes(u);
}
langHooks.mkBytes = bytesFromLatin1;

/** The bytes as a latin-1 JS string. */
export function latin1(b: Uint8Array): string {
  if (b.length < 1024) return String.fromCharCode.apply(null, b as any);
  let out = "";
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as any);
  return out;
}

/** A JS string of chars < 256 as bytes; other chars become their UTF-8 encoding. */
export function latin1OrUtf8(s: string): Uint8Array {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) return mixedToBytes(s);
  }
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

function mixedToBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c <= 0xff) out.push(c);
    else for (const b of utf8Encoder.encode(ch)) out.push(b);
  }
  return Uint8Array.from(out);
}

/** Contents of a bytes or bytearray object (a view, no copy), or null for other values. */
export function bytesData(o: any): Uint8Array | null {
  if (o instanceof PyBytes) return o.$b;
  if (o instanceof PyByteArray) return o.$b.subarray(0, o.$n);
  return null;
}

/** Contents of `self` for a method of bytes/bytearray. */
export function D(self: any): Uint8Array {
  if (self instanceof PyBytes) return self.$b;
  if (self instanceof PyByteArray) return self.$b.subarray(0, self.$n);
  throw typeError(`descriptor requires a 'bytes' object but received a '${typeOf(self).$name}'`);
}

/** A new object of self's kind (bytes or bytearray) owning `u8`. */
export function mkLike(self: any, u8: Uint8Array): PyBytes | PyByteArray {
  return self instanceof PyByteArray ? new PyByteArray(u8, u8.length) : mkBytes(u8);
}

strHooks.bytesData = (x: any) => {
  if (x instanceof Uint8Array) return x;
  const b = getBufferOrNull(x);
  return b === null || typeof x === "string" ? null : b.bytes;
};

// ---------------------------------------------------------------- UTF-8

const utf8Encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** str → bytes (UTF-8). */
export function encodeUtf8(s: string): PyBytes {
  return mkBytes(utf8Encoder.encode(s));
}

/**
 * UTF-8 bytes → str. Invalid data raises UnicodeError unless `errors` is "ignore" or "replace".
 * Like MicroPython, only the byte structure is checked: overlong forms and encoded surrogates
 * are accepted.
 */
export function decodeUtf8(b: Uint8Array, errors = "strict"): string {
  let i = 0;
  while (i < b.length && b[i] < 0x80) i++;
  if (i === b.length) return latin1(b);
  try {
    return strictDecoder.decode(b);
  } catch {
    if (utf8Structured(b)) return decodeLoose(b, true, false);
    if (errors === "ignore" || errors === "replace") return decodeLoose(b, true, errors === "replace");
    throw newExc(UnicodeError);
  }
}

/** MicroPython's unicode_encoding_check for UTF-8. */
function utf8Structured(b: Uint8Array): boolean {
  let need = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (need > 0) {
      if ((c & 0xc0) !== 0x80) return false;
      need--;
    } else if (c >= 0xc0) {
      if (c >= 0xf8) return false;
      need = (0xe5 >> ((c >> 3) & 6)) & 3;
    } else if (c >= 0x80) return false;
  }
  return need === 0;
}

/** Decodes sequence by sequence; invalid bytes are skipped or replaced by U+FFFD. */
function decodeLoose(b: Uint8Array, utf8: boolean, replace: boolean): string {
  const parts: string[] = [];
  let p = 0;
  while (p < b.length) {
    const c = b[p];
    if (c < 0x80) {
      parts.push(String.fromCharCode(c));
      p++;
    } else if (utf8 && c >= 0xc0 && c < 0xf8) {
      const need = (0xe5 >> ((c >> 3) & 6)) & 3;
      const start = p++;
      let got = 0;
      while (got < need && p < b.length && (b[p] & 0xc0) === 0x80) {
        got++;
        p++;
      }
      if (got === need) {
        let ch = c & (0x7f >> need);
        for (let k = 1; k <= need; k++) ch = (ch << 6) | (b[start + k] & 0x3f);
        parts.push(ch > 0x10ffff ? "\ufffd" : String.fromCodePoint(ch));
      } else if (replace) parts.push("\ufffd");
    } else {
      if (replace) parts.push("\ufffd");
      p++;
    }
  }
  return parts.join("");
}

/**
 * Normalises an encoding name: "utf8" or "ascii", the two MicroPython knows (any letter case is
 * accepted here); LookupError otherwise.
 */
export function parseEncoding(enc: any): string {
  if (enc === undefined || enc === None) return "utf8";
  const name = S(enc);
  const e = name.toLowerCase();
  if (e === "utf-8" || e === "utf8" || e === "utf_8") return "utf8";
  if (e === "ascii") return "ascii";
  throw newExc(LookupError, `unknown encoding: ${name}`);
}

/** bytes.decode / str(b, encoding, errors). */
export function decodeBytes(b: Uint8Array, encoding: any, errors: any): string {
  const enc = parseEncoding(encoding);
  const err = errors === undefined || errors === None ? "strict" : S(errors);
  if (enc === "utf8") return decodeUtf8(b, err);
  let i = 0;
  while (i < b.length && b[i] < 0x80) i++;
  if (i === b.length) return latin1(b);
  if (err === "ignore" || err === "replace") return decodeLoose(b, false, err === "replace");
  throw newExc(UnicodeError);
}

/** str.encode / bytes(str, encoding). */
export function encodeStr(s: string, encoding: any, errors: any): Uint8Array {
  const enc = parseEncoding(encoding);
  if (enc === "utf8") return utf8Encoder.encode(s);
  const limit = 0x80;
  const err = errors === undefined || errors === None ? "strict" : S(errors);
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < limit) out.push(c);
    else if (err === "replace") out.push(0x3f);
    else if (err !== "ignore") throw newExc(UnicodeError);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- repr and hash

/** b'...' as MicroPython prints it (mp_str_print_quoted). */
export function bytesRepr(b: Uint8Array): string {
  let sq = false;
  let dq = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) sq = true;
    else if (b[i] === 0x22) {
      dq = true;
      break;
    }
  }
  const q = sq && !dq ? '"' : "'";
  const qc = q.charCodeAt(0);
  let out = "b" + q;
  let run = 0; // start of a run of printable chars, copied in one go
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c >= 0x20 && c < 0x7f && c !== qc && c !== 0x5c) continue;
    if (run < i) out += latin1(b.subarray(run, i));
    run = i + 1;
    if (c === qc) out += "\\" + q;
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else out += "\\x" + (c < 16 ? "0" : "") + c.toString(16);
  }
  if (run < b.length) out += latin1(b.subarray(run));
  return out + q;
}

/** The hash of a byte string: equal to str's hash for the same ASCII text, as in MicroPython. */
/** MicroPython's bytes hash, the same as its str hash (hashtable.ts). */
export function bytesHash(b: Uint8Array): number {
  return mpBytesHash(b);
}

// ---------------------------------------------------------------- construction

function checkNoKw(kw: any): void {
  if (kw !== null && kw !== undefined && hasKeys(kw))
    throw notImplementedError("keyword argument(s) not implemented - use normal args");
}

/** A byte value for bytes(): an int in range(256). */
function byteValue(v: any): number {
  if (typeof v === "number" && v >= 0 && v <= 255) return v;
  const n = typeof v === "bigint" ? v : toIndex(v);
  if (n < 0 || n > 255) throw valueError("bytes value out of range");
  return Number(n);
}

/** bytes(x) for an iterable of ints. */
function bytesFromIterable(x: any, check: boolean): Uint8Array {
  if (x instanceof PyList || x instanceof PyTuple) {
    const a = x.$a;
    const u = new Uint8Array(a.length);
    if (check) for (let i = 0; i < a.length; i++) u[i] = byteValue(a[i]);
    else for (let i = 0; i < a.length; i++) writeItem("B", u, i, 1, a[i]);
    return u;
  }
  const out: number[] = [];
  const it = getIter(x);
  const one = new Uint8Array(1);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) {
    if (check) out.push(byteValue(v));
    else {
      writeItem("B", one, 0, 1, v);
      out.push(one[0]);
    }
  }
  return Uint8Array.from(out);
}

function bytesNew(args: any[]): PyBytes {
  const n = args.length;
  if (n === 0) return emptyBytes;
  const x = args[0];
  if (x instanceof PyBytes && n === 1 && typeOf(x) === bytesType) return x;
  if (isStr(x)) {
    if (n < 2 || n > 3) throw typeError("string argument without an encoding");
    return mkBytes(encodeStr(S(x), args[1], args[2]));
  }
  if (n > 1) throw typeError("wrong number of arguments");
  if (typeof x === "number") {
    if (x < 0) throw newExc(ValueError);
    bigAlloc(x);
    return mkBytes(new Uint8Array(x));
  }
  const buf = getBufferOrNull(x);
  if (buf !== null) return mkBytes(buf.bytes.slice());
  return mkBytes(bytesFromIterable(x, true));
}

bytesType.$new = (cls: PyType, args: any[], kw: any) => {
  checkNoKw(kw);
  const r = bytesNew(args);
  if (cls === bytesType) return r;
  const o = new PyBytes(r.$b);
  Object.setPrototypeOf(o, cls.$proto);
  return o;
};

function bytearrayNew(args: any[]): PyByteArray {
  const n = args.length;
  if (n === 0) return new PyByteArray(new Uint8Array(0), 0);
  if (n > 3) throw typeError(`function expected at most 3 arguments, got ${n}`);
  const x = args[0];
  if (typeof x === "bigint") throw overflowError("overflow converting long int to machine word");
  if (typeof x === "number") {
    const len = x;
    if (len < 0) throw valueError("negative count");
    bigAlloc(len);
    return new PyByteArray(new Uint8Array(len), len);
  }
  if (isStr(x)) {
    if (n === 1) throw typeError("string argument without an encoding");
    return mkByteArray(encodeStr(S(x), args[1], args[2]));
  }
  const buf = getBufferOrNull(x);
  if (buf !== null) return mkByteArray(buf.bytes.slice());
  return mkByteArray(bytesFromIterable(x, false));
}

bytearrayType.$new = (cls: PyType, args: any[], kw: any) => {
  checkNoKw(kw);
  const r = bytearrayNew(args);
  if (cls !== bytearrayType) Object.setPrototypeOf(r, cls.$proto);
  return r;
};

// ---------------------------------------------------------------- indexing

/** An index argument as a number; TypeError naming the type otherwise. */
export function indexArg(tname: string, k: any): number {
  if (typeof k === "number") return k;
  if (typeof k === "boolean") return k ? 1 : 0;
  if (typeof k === "bigint") return Number(k);
  if (typeof k === "object" && typeof k.$v !== "object" && k.$v !== undefined && typeof k.$v !== "string")
    return toIndex(k);
  throw typeError(`${tname} indices must be integers, not ${typeOf(k).$name}`);
}

/** Resolves an item index against a length (IndexError "<type> index out of range"). */
export function itemIndex(tname: string, k: any, len: number): number {
  let i = indexArg(tname, k);
  if (i < 0) i += len;
  if (i < 0 || i >= len) throw indexError(`${tname} index out of range`);
  return i;
}

/** The bytes selected by a slice (a copy). */
export function sliceBytes(b: Uint8Array, k: PySlice): Uint8Array {
  const [start, , step, count] = sliceIndices(k, b.length);
  if (step === 1) return b.slice(start, start + count);
  const out = new Uint8Array(count);
  for (let i = 0, j = start; i < count; i++, j += step) out[i] = b[j];
  return out;
}

function bytes_getitem(self: any, k: any): any {
  const b = D(self);
  if (typeof k === "number") {
    const i = k < 0 ? k + b.length : k;
    if (i >= 0 && i < b.length) return b[i];
  }
  if (k instanceof PySlice) return mkLike(self, sliceBytes(b, k));
  return b[itemIndex(typeOf(self).$name, k, b.length)];
}

// ---------------------------------------------------------------- bytearray mutation

/** Makes room for `need` bytes in a bytearray (geometric growth). */
export function ensureCapacity(self: PyByteArray, need: number): void {
  const cap = self.$b.length;
  if (need <= cap) return;
  const size = Math.max(need, cap * 2, 8);
  bigAlloc(size);
  const nb = new Uint8Array(size);
  nb.set(self.$b.subarray(0, self.$n));
  self.$b = nb;
}

/** Replaces bytes [a, b) of a bytearray by `src` (which may be a view of the same buffer). */
export function replaceRange(self: PyByteArray, a: number, b: number, src: Uint8Array): void {
  if (src.buffer === self.$b.buffer) src = src.slice();
  const n = self.$n;
  const newN = n - (b - a) + src.length;
  ensureCapacity(self, newN);
  const buf = self.$b;
  if (b !== a + src.length) buf.copyWithin(a + src.length, b, n);
  buf.set(src, a);
  if (newN < n) buf.fill(0, newN, n);
  self.$n = newN;
}

/** The bytes of a slice assignment's right side (MicroPython: array, bytes, memoryview). */
function assignedBytes(v: any): Uint8Array {
  const d = bytesData(v);
  if (d !== null) return d;
  if (typeof v === "object" && v.$getBuffer !== undefined) {
    const buf: BufferInfo = v.$getBuffer();
    if (itemSize(buf.typecode) !== 1) throw valueError("lhs and rhs should be compatible");
    return buf.bytes;
  }
  if (typeof v === "string" || typeof v === "number" || v === None)
    throw notImplementedError("array/bytes required on right side");
  return bytesFromIterable(v, true);
}

function bytearray_setitem(self: PyByteArray, k: any, v: any): any {
  if (typeof k === "number" && k >= 0 && k < self.$n && typeof v === "number") {
    self.$b[k] = v;
    return None;
  }
  if (k instanceof PySlice) {
    const [start, , step, count] = sliceIndices(k, self.$n);
    if (step !== 1) throw notImplementedError("only slices with step=1 (aka None) are supported");
    replaceRange(self, start, start + count, assignedBytes(v));
    return None;
  }
  const i = itemIndex("bytearray", k, self.$n);
  writeItem("B", self.$b, i, 1, v);
  return None;
}

function bytearray_delitem(self: PyByteArray, k: any): any {
  if (k instanceof PySlice) {
    const [start, , step, count] = sliceIndices(k, self.$n);
    if (step === 1 || count <= 1) {
      replaceRange(self, start, start + count, new Uint8Array(0));
      return None;
    }
    // Extended slice: keep the bytes not selected.
    const b = self.$b;
    const drop = new Set<number>();
    for (let i = 0, j = start; i < count; i++, j += step) drop.add(j);
    let w = 0;
    for (let r = 0; r < self.$n; r++) if (!drop.has(r)) b[w++] = b[r];
    b.fill(0, w, self.$n);
    self.$n = w;
    return None;
  }
  const i = itemIndex("bytearray", k, self.$n);
  replaceRange(self, i, i + 1, new Uint8Array(0));
  return None;
}

function bytearray_append(self: PyByteArray, v: any): any {
  const n = self.$n;
  if (n === self.$b.length) ensureCapacity(self, n + 1);
  if (typeof v === "number") self.$b[n] = v;
  else writeItem("B", self.$b, n, 1, v);
  self.$n = n + 1;
  return None;
}

/** Appends raw bytes to a bytearray. */
export function bytearrayAppendBytes(self: PyByteArray, src: Uint8Array): void {
  if (src.buffer === self.$b.buffer) src = src.slice();
  const n = self.$n;
  ensureCapacity(self, n + src.length);
  self.$b.set(src, n);
  self.$n = n + src.length;
}

function bytearray_extend(self: PyByteArray, x: any): any {
  const buf = getBufferOrNull(x);
  if (buf !== null) {
    bytearrayAppendBytes(self, buf.bytes);
    return None;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) bytearray_append(self, v);
  return None;
}

// ---------------------------------------------------------------- operators

/** Lexicographic comparison of byte strings: <0, 0, >0. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Printed (to stderr) when bytes are compared with str, as MicroPython does. */
export function warnBytesStr(): void {
  host.write(2, "Warning: Comparison between bytes and str\n");
}

export type CmpOp = 0 | 1 | 2 | 3 | 4; // == < <= > >=

/** The comparison `op` applied to a three-way result c (<0, 0, >0). */
export function cmpResult(op: CmpOp, c: number): boolean {
  switch (op) {
    case 0:
      return c === 0;
    case 1:
      return c < 0;
    case 2:
      return c <= 0;
    case 3:
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Comparisons (MicroPython's rules). bytearray, like memoryview, compares with any object that
 * has the buffer protocol and a compatible typecode, and is False against other objects. bytes
 * orders against any buffer object (an extension to CPython), but for == it only handles bytes
 * and bytearray itself, leaving the rest to the other operand (memoryview compares equal;
 * array.array does not), and it warns when compared with a str.
 */
function bytesCompare(self: any, other: any, op: CmpOp): any {
  const a = D(self);
  const od = bytesData(other);
  if (od !== null) return cmpResult(op, compareBytes(a, od));
  if (self instanceof PyByteArray) {
    const buf = getBufferOrNull(other);
    if (buf === null) return false;
    if (buf.typecode !== "B" && buf.typecode !== "b") throw notImplementedError("");
    return cmpResult(op, compareBytes(a, buf.bytes));
  }
  if (op === 0) {
    if (isStr(other)) warnBytesStr();
    return NotImplemented;
  }
  const buf = getBufferOrNull(other);
  if (buf === null) return NotImplemented;
  return cmpResult(op, compareBytes(a, buf.bytes));
}

function bytes_add(self: any, other: any): any {
  const a = D(self);
  let b = bytesData(other);
  if (b === null) {
    const buf = getBufferOrNull(other);
    if (buf === null) {
      if (self instanceof PyByteArray) throw typeError("object with buffer protocol required");
      return NotImplemented;
    }
    b = buf.bytes;
  }
  if (!(self instanceof PyByteArray)) {
    if (a.length === 0 && other instanceof PyBytes && typeOf(other) === bytesType) return other;
    if (b.length === 0 && typeOf(self) === bytesType) return self;
  }
  bigAlloc(a.length + b.length);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return mkLike(self, out);
}

function bytes_mul(self: any, n: any): any {
  if (typeof n !== "number") {
    if (typeof n !== "boolean" && typeof n !== "bigint" && !(typeof n === "object" && typeof n.$v === "number"))
      return NotImplemented;
    n = toIndex(n);
  }
  const a = D(self);
  if (n <= 0 || a.length === 0) return mkLike(self, new Uint8Array(0));
  bigAlloc(a.length * n);
  const out = new Uint8Array(a.length * n);
  out.set(a);
  // Double the filled part each step.
  for (let filled = a.length; filled < out.length; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
  return mkLike(self, out);
}

/** Finds `needle` in h[start:end]; `dir` > 0 searches forward. Returns the index or -1. */
export function findBytes(h: Uint8Array, needle: Uint8Array, start: number, end: number, dir: number): number {
  const m = needle.length;
  if (end - start < m) return -1;
  if (m === 0) return dir > 0 ? start : end;
  const first = needle[0];
  if (dir > 0) {
    for (let i = h.indexOf(first, start); i >= 0 && i <= end - m; i = h.indexOf(first, i + 1)) {
      let k = 1;
      while (k < m && h[i + k] === needle[k]) k++;
      if (k === m) return i;
    }
    return -1;
  }
  for (let i = end - m; i >= start; i--) {
    if (h[i] !== first) continue;
    let k = 1;
    while (k < m && h[i + k] === needle[k]) k++;
    if (k === m) return i;
  }
  return -1;
}

function isIntLike(x: any): boolean {
  const t = typeof x;
  return t === "number" || t === "boolean" || t === "bigint" ||
    (t === "object" && (typeof x.$v === "number" || typeof x.$v === "bigint") && typeOf(x).$name !== "float");
}

function bytes_contains(self: any, x: any): boolean {
  const h = D(self);
  if (isIntLike(x)) {
    const v = toIndex(x);
    return v >= 0 && v <= 255 && h.indexOf(v) >= 0;
  }
  const buf = getBufferOrNull(x);
  if (buf === null) return false;
  return findBytes(h, buf.bytes, 0, h.length, 1) >= 0;
}

// %-formatting reuses str's: bytes arguments of %s appear undecorated (MicroPython prints them
// raw), so they are passed as wrappers whose str is the raw text and whose repr is b'...'.
class PyBytesFmtArg extends PyObject {
  constructor(public $o: any) {
    super();
  }
}
// Not registered as a subclass of object: builtins finds types by name, and this one shares bytes'.
const bytesFmtArgType = new PyType("bytes", [objectType], PyBytesFmtArg.prototype);
Object.setPrototypeOf(PyBytesFmtArg.prototype, objectProto);
bytesFmtArgType.$mro = [bytesFmtArgType, objectType];
addMethods(bytesFmtArgType, {
  __str__: builtin("__str__", (self: PyBytesFmtArg) => latin1(D(self.$o))),
  __repr__: builtin("__repr__", (self: PyBytesFmtArg) => bytesRepr(D(self.$o))),
});

function bytes_mod(self: any, args: any): any {
  if (self instanceof PyByteArray) return NotImplemented;
  const wrap = (v: any) => (v instanceof PyBytes ? new PyBytesFmtArg(v) : v);
  const a = args instanceof PyTuple ? new PyTuple(args.$a.map(wrap)) : wrap(args);
  const r = opsMod(latin1(D(self)), a);
  return mkBytes(latin1OrUtf8(S(r)));
}

// ---------------------------------------------------------------- iteration

export class PyBytesIter extends PyObject {
  constructor(public $o: PyBytes | PyByteArray, public $i: number) {
    super();
  }
  $next(): any {
    const o = this.$o;
    const n = o instanceof PyByteArray ? o.$n : o.$b.length;
    return this.$i < n ? o.$b[this.$i++] : STOP;
  }
}
export const bytesIterType = defineBuiltinType("iterator", PyBytesIter.prototype);
addMethods(bytesIterType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyBytesIter) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});

// ---------------------------------------------------------------- str-like methods

const fn = builtin;

/** The data of a bytes-like argument (bytes or bytearray), with MicroPython's error otherwise. */
function argData(x: any): Uint8Array {
  const d = bytesData(x);
  if (d !== null) return d;
  const t = typeOf(x).$name;
  throw typeError(`can't convert '${t}' object to ${t === "str" ? "bytes" : "str"} implicitly`);
}

/** Optional start/end arguments resolved like slice bounds. */
function rangeArgs(len: number, start: any, end: any): [number, number] {
  return [bound(start, len, 0), bound(end, len, len)];
}

function bound(x: any, len: number, dflt: number): number {
  if (x === undefined || x === None) return dflt;
  let i = indexArg("bytes", x);
  if (i < 0) i += len;
  return i < 0 ? 0 : i > len ? len : i;
}

/** A needle: bytes-like, or an int (a single byte) as MicroPython allows for find/index. */
function needleOf(sub: any): Uint8Array {
  if (isIntLike(sub)) {
    const v = toIndex(sub);
    if (v < 0 || v > 255) throw valueError("bytes value out of range");
    return Uint8Array.of(v);
  }
  return argData(sub);
}

function finder(self: any, sub: any, start: any, end: any, dir: number, isIndex: boolean): number {
  const h = D(self);
  const needle = needleOf(sub);
  const [s, e] = rangeArgs(h.length, start, end);
  const r = e < s ? -1 : findBytes(h, needle, s, e, dir);
  if (r < 0 && isIndex) throw valueError("substring not found");
  return r;
}

function bytes_count(self: any, sub: any, start: any, end: any): number {
  const h = D(self);
  const needle = needleOf(sub);
  const [s, e] = rangeArgs(h.length, start, end);
  if (e < s) return 0;
  if (needle.length === 0) return e - s + 1;
  let n = 0;
  for (let i = findBytes(h, needle, s, e, 1); i >= 0; i = findBytes(h, needle, i + needle.length, e, 1)) n++;
  return n;
}

const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]) SPACE[c] = 1;
const isSpace = (c: number) => SPACE[c] === 1;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAlpha = (c: number) => isUpper(c) || isLower(c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function splitArgCount(maxsplit: any): number {
  return maxsplit === undefined || maxsplit === None ? -1 : toIndex(maxsplit);
}

function bytes_split(self: any, sep: any, maxsplit: any): PyList {
  const b = D(self);
  let splits = splitArgCount(maxsplit);
  const out: any[] = [];
  if (sep === undefined || sep === None) {
    let i = 0;
    const n = b.length;
    while (i < n && isSpace(b[i])) i++;
    while (i < n && splits !== 0) {
      const start = i;
      while (i < n && !isSpace(b[i])) i++;
      out.push(mkLike(self, b.slice(start, i)));
      while (i < n && isSpace(b[i])) i++;
      if (splits > 0) splits--;
    }
    if (i < n) out.push(mkLike(self, b.slice(i)));
    return new PyList(out);
  }
  const sp = argData(sep);
  if (sp.length === 0) throw valueError("empty separator");
  let start = 0;
  for (;;) {
    const i = splits === 0 ? -1 : findBytes(b, sp, start, b.length, 1);
    if (i < 0) break;
    out.push(mkLike(self, b.slice(start, i)));
    start = i + sp.length;
    if (splits > 0) splits--;
  }
  out.push(mkLike(self, b.slice(start)));
  return new PyList(out);
}

function bytes_rsplit(self: any, sep: any, maxsplit: any): PyList {
  let splits = splitArgCount(maxsplit);
  if (splits < 0) return bytes_split(self, sep, maxsplit);
  const b = D(self);
  const out: any[] = [];
  if (sep === undefined || sep === None) {
    let i = b.length;
    while (i > 0 && isSpace(b[i - 1])) i--;
    while (i > 0 && splits !== 0) {
      const end = i;
      while (i > 0 && !isSpace(b[i - 1])) i--;
      out.push(mkLike(self, b.slice(i, end)));
      while (i > 0 && isSpace(b[i - 1])) i--;
      splits--;
    }
    if (i > 0) out.push(mkLike(self, b.slice(0, i)));
    return new PyList(out.reverse());
  }
  const sp = argData(sep);
  if (sp.length === 0) throw valueError("empty separator");
  let end = b.length;
  while (splits !== 0) {
    const i = findBytes(b, sp, 0, end, -1);
    if (i < 0) break;
    out.push(mkLike(self, b.slice(i + sp.length, end)));
    end = i;
    splits--;
  }
  out.push(mkLike(self, b.slice(0, end)));
  return new PyList(out.reverse());
}

function bytes_splitlines(self: any, keepends: any): PyList {
  const b = D(self);
  const keep = keepends !== undefined && isTrue(keepends);
  const out: any[] = [];
  let i = 0;
  while (i < b.length) {
    const start = i;
    let match = 0;
    while (i < b.length) {
      if (b[i] === 0x0a) {
        match = 1;
        break;
      }
      if (b[i] === 0x0d) {
        match = b[i + 1] === 0x0a ? 2 : 1;
        break;
      }
      i++;
    }
    out.push(mkLike(self, b.slice(start, keep ? i + match : i)));
    i += match;
  }
  return new PyList(out);
}

function startEnd(self: any, prefix: any, start: any, end: any, ends: boolean): boolean {
  const h = D(self);
  const [s, e] = rangeArgs(h.length, start, end);
  const list = prefix instanceof PyTuple ? prefix.$a : [prefix];
  for (const p of list) {
    const d = bytesData(p) ?? getBuffer(p).bytes;
    if (e - s < d.length) continue;
    const at = ends ? e - d.length : s;
    let k = 0;
    while (k < d.length && h[at + k] === d[k]) k++;
    if (k === d.length) return true;
  }
  return false;
}

const LSTRIP = 1;
const RSTRIP = 2;

function stripper(self: any, chars: any, which: number): any {
  const b = D(self);
  let del: (c: number) => boolean = isSpace;
  if (chars !== undefined && chars !== None) {
    const set = argData(chars);
    del = (c: number) => set.indexOf(c) >= 0;
  }
  let i = 0;
  let j = b.length;
  if (which & LSTRIP) while (i < j && del(b[i])) i++;
  if (which & RSTRIP) while (j > i && del(b[j - 1])) j--;
  if (i === 0 && j === b.length && self instanceof PyBytes) return self;
  return mkLike(self, b.slice(i, j));
}

function bytes_replace(self: any, old: any, rep: any, count: any): any {
  let max = count === undefined || count === None ? -1 : toIndex(count);
  if (max === 0) return self;
  if (max < 0) max = -1;
  const b = D(self);
  const o = argData(old);
  const r = argData(rep);
  if (o.length > b.length) return self;
  const parts: Uint8Array[] = [];
  let pos = 0;
  let done = 0;
  let total = 0;
  if (o.length === 0) {
    // Insert before every byte and at the end.
    for (; pos <= b.length && done !== max; done++) {
      parts.push(r);
      if (pos < b.length) parts.push(b.subarray(pos, pos + 1));
      pos++;
    }
    if (pos <= b.length) parts.push(b.subarray(pos));
  } else {
    for (; done !== max; done++) {
      const i = findBytes(b, o, pos, b.length, 1);
      if (i < 0) break;
      parts.push(b.subarray(pos, i), r);
      pos = i + o.length;
    }
    if (done === 0) return self instanceof PyBytes ? self : mkLike(self, b.slice());
    parts.push(b.subarray(pos));
  }
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let w = 0;
  for (const p of parts) {
    out.set(p, w);
    w += p.length;
  }
  return mkLike(self, out);
}

function partitioner(self: any, sep: any, dir: number): PyTuple {
  const b = D(self);
  const sp = argData(sep);
  if (sp.length === 0) throw valueError("empty separator");
  const i = findBytes(b, sp, 0, b.length, dir);
  const empty = () => mkLike(self, new Uint8Array(0));
  if (i < 0) {
    const whole = mkLike(self, b.slice());
    return new PyTuple(dir > 0 ? [whole, empty(), empty()] : [empty(), empty(), whole]);
  }
  return new PyTuple([
    mkLike(self, b.slice(0, i)), mkLike(self, sp.slice()), mkLike(self, b.slice(i + sp.length)),
  ]);
}

function bytes_center(self: any, width: any): any {
  const b = D(self);
  const w = toIndex(width);
  if (b.length >= w) return self;
  const out = new Uint8Array(w).fill(0x20);
  out.set(b, (w - b.length) >> 1);
  return mkLike(self, out);
}

function caseConv(self: any, upper: boolean): any {
  const b = D(self);
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    out[i] = upper ? (isLower(c) ? c - 32 : c) : isUpper(c) ? c + 32 : c;
  }
  return mkLike(self, out);
}

function isAll(self: any, f: (c: number) => boolean): boolean {
  const b = D(self);
  if (b.length === 0) return false;
  for (let i = 0; i < b.length; i++) if (!f(b[i])) return false;
  return true;
}

/** isupper/islower: every letter has the case, and there is at least one letter. */
function isCase(self: any, f: (c: number) => boolean): boolean {
  const b = D(self);
  let letters = false;
  for (let i = 0; i < b.length; i++) {
    if (!isAlpha(b[i])) continue;
    letters = true;
    if (!f(b[i])) return false;
  }
  return letters;
}

function bytes_join(self: any, it: any): any {
  const sep = D(self);
  const items = it instanceof PyList || it instanceof PyTuple ? it.$a : toArray(it);
  const datas: Uint8Array[] = new Array(items.length);
  let total = items.length > 0 ? sep.length * (items.length - 1) : 0;
  for (let i = 0; i < items.length; i++) {
    const d = bytesData(items[i]);
    if (d === null) throw typeError("join expects a list of str/bytes objects consistent with self object");
    datas[i] = d;
    total += d.length;
  }
  const out = new Uint8Array(total);
  let w = 0;
  for (let i = 0; i < datas.length; i++) {
    if (i > 0) {
      out.set(sep, w);
      w += sep.length;
    }
    out.set(datas[i], w);
    w += datas[i].length;
  }
  return mkLike(self, out);
}

const HEX = "0123456789abcdef";

/** The hex digits of a buffer, with an optional one-character separator (bytes.hex, hexlify). */
export function hexOf(b: Uint8Array, sep: any): string {
  let s = "";
  if (sep !== undefined && sep !== None) {
    const sp = typeof sep === "string" ? sep : latin1(argData(sep));
    const sc = sp.length > 0 ? sp[0] : "";
    for (let i = 0; i < b.length; i++) s += (i > 0 ? sc : "") + HEX[b[i] >> 4] + HEX[b[i] & 15];
    return s;
  }
  for (let i = 0; i < b.length; i++) s += HEX[b[i] >> 4] + HEX[b[i] & 15];
  return s;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  c |= 0x20;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/** Parses hex digit pairs (whitespace allowed between pairs): bytes.fromhex, unhexlify. */
export function fromHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length >> 1);
  let w = 0;
  for (let i = 0; i < data.length;) {
    const c1 = data[i++];
    if (isSpace(c1)) continue;
    const h1 = hexDigit(c1);
    const h2 = i < data.length ? hexDigit(data[i++]) : -1;
    if (h1 < 0 || h2 < 0) throw valueError("non-hex digit");
    out[w++] = (h1 << 4) | h2;
  }
  return w === out.length ? out : out.slice(0, w);
}

function bytes_fromhex(cls: any, s: any): any {
  const u = fromHex(getBuffer(s).bytes);
  if (cls === bytearrayType) return mkByteArray(u);
  if (cls === bytesType) return mkBytes(u);
  return callType(cls, [mkBytes(u)], null);
}

function bytes_format(self: any, args: PyTuple, kw: any): any {
  const kwObj: any = Object.create(null);
  let any = false;
  if (kw !== undefined && kw !== null && kw.$t !== undefined) {
    for (const e of kw.$t.entries()) {
      kwObj[e.k] = e.v;
      any = true;
    }
  }
  const r = callMethod(latin1(D(self)), "format", args.$a, any ? kwObj : null);
  return mkLike(self, latin1OrUtf8(S(r)));
}

function sig(names: string[], defaults: any[], varargs = false, varkw = false): FunctionSig {
  return { names, posonly: 1, defaults, kwonly: [], kwDefaults: [], varargs, varkw };
}

function withSig<F>(f: F, s: FunctionSig): F {
  (f as any).$sig = s;
  return f;
}

const strLike = {
  find: fn("find", (self: any, sub: any, s: any, e: any) => finder(self, sub, s, e, 1, false)),
  rfind: fn("rfind", (self: any, sub: any, s: any, e: any) => finder(self, sub, s, e, -1, false)),
  index: fn("index", (self: any, sub: any, s: any, e: any) => finder(self, sub, s, e, 1, true)),
  rindex: fn("rindex", (self: any, sub: any, s: any, e: any) => finder(self, sub, s, e, -1, true)),
  count: fn("count", bytes_count),
  join: fn("join", bytes_join),
  split: withSig(fn("split", bytes_split), sig(["self", "sep", "maxsplit"], [None, -1])),
  rsplit: withSig(fn("rsplit", bytes_rsplit), sig(["self", "sep", "maxsplit"], [None, -1])),
  splitlines: withSig(fn("splitlines", bytes_splitlines), sig(["self", "keepends"], [false])),
  startswith: fn("startswith", (self: any, p: any, s: any, e: any) => startEnd(self, p, s, e, false)),
  endswith: fn("endswith", (self: any, p: any, s: any, e: any) => startEnd(self, p, s, e, true)),
  strip: fn("strip", (self: any, chars: any) => stripper(self, chars, LSTRIP | RSTRIP)),
  lstrip: fn("lstrip", (self: any, chars: any) => stripper(self, chars, LSTRIP)),
  rstrip: fn("rstrip", (self: any, chars: any) => stripper(self, chars, RSTRIP)),
  // *args/**kwargs: length 0 keeps call sites on the general path, which binds by $sig.
  format: withSig(fn("format", (...a: any[]) => bytes_format(a[0], a[1], a[2])), sig(["self"], [], true, true)),
  replace: fn("replace", bytes_replace),
  partition: fn("partition", (self: any, sep: any) => partitioner(self, sep, 1)),
  rpartition: fn("rpartition", (self: any, sep: any) => partitioner(self, sep, -1)),
  center: fn("center", bytes_center),
  lower: fn("lower", (self: any) => caseConv(self, false)),
  upper: fn("upper", (self: any) => caseConv(self, true)),
  isspace: fn("isspace", (self: any) => isAll(self, isSpace)),
  isalpha: fn("isalpha", (self: any) => isAll(self, isAlpha)),
  isdigit: fn("isdigit", (self: any) => isAll(self, isDigit)),
  isupper: fn("isupper", (self: any) => isCase(self, isUpper)),
  islower: fn("islower", (self: any) => isCase(self, isLower)),
  hex: fn("hex", (self: any, sep: any) => hexOf(D(self), sep)),
  fromhex: new PyClassMethod(fn("fromhex", bytes_fromhex)),
  decode: withSig(
    fn("decode", (self: any, enc: any, errors: any) => decodeBytes(D(self), enc, errors)),
    sig(["self", "encoding", "errors"], ["utf-8", None]),
  ),
};

// ---------------------------------------------------------------- method tables

function bytes_hash(self: PyBytes): number {
  let h = self.$h;
  if (h < 0) h = self.$h = bytesHash(self.$b);
  return h;
}

const common = {
  __len__: fn("__len__", (self: any) => (self instanceof PyByteArray ? self.$n : D(self).length)),
  __getitem__: fn("__getitem__", bytes_getitem),
  __iter__: fn("__iter__", (self: any) => {
    D(self);
    return new PyBytesIter(self, 0);
  }),
  __contains__: fn("__contains__", bytes_contains),
  __add__: fn("__add__", bytes_add),
  __mul__: fn("__mul__", bytes_mul),
  __rmul__: fn("__rmul__", bytes_mul),
  __eq__: fn("__eq__", (self: any, o: any) => bytesCompare(self, o, 0)),
  __lt__: fn("__lt__", (self: any, o: any) => bytesCompare(self, o, 1)),
  __le__: fn("__le__", (self: any, o: any) => bytesCompare(self, o, 2)),
  __gt__: fn("__gt__", (self: any, o: any) => bytesCompare(self, o, 3)),
  __ge__: fn("__ge__", (self: any, o: any) => bytesCompare(self, o, 4)),
};

addMethods(bytesType, {
  ...common,
  ...strLike,
  __hash__: fn("__hash__", bytes_hash),
  __repr__: fn("__repr__", (self: any) => bytesRepr(D(self))),
  __mod__: fn("__mod__", bytes_mod),
});

addMethods(bytearrayType, {
  ...common,
  ...strLike,
  __hash__: None,
  __repr__: fn("__repr__", (self: any) => "bytearray(" + bytesRepr(D(self)) + ")"),
  __setitem__: fn("__setitem__", bytearray_setitem),
  __delitem__: fn("__delitem__", bytearray_delitem),
  __iadd__: fn("__iadd__", (self: PyByteArray, x: any) => {
    bytearray_extend(self, x);
    return self;
  }),
  append: fn("append", bytearray_append),
  extend: fn("extend", bytearray_extend),
});

