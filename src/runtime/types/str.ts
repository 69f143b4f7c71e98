// str: a JS string (see object.ts). Python indexes strings by code point while JS strings are
// UTF-16, so every index/length goes through the helpers below; they take a fast path when the
// string has no surrogate pairs (the common case), where code points and code units coincide.
// Instances of str subclasses are objects holding the JS string in `$v` (unwrapped by `S()`).
//
// Formatting (str.format, %, __format__, the format() hook) lives in ../format.ts, which adds
// its methods to this type's table.
//
// https://docs.python.org/3/library/stdtypes.html#string-methods

import {
  PyObject, strType, typeOf, isSubtype, addMethods, builtin, None, NotImplemented, STOP, defineBuiltinType,
} from "../object.ts";
import {
  typeError, valueError, indexError, newExc, UnicodeError, LookupError, OverflowError, StopIteration,
} from "../exceptions.ts";
import { strHash, str as pyStr, toIndex, getIter, iterNext, strRepr } from "../ops.ts";
import { PyList, mkList, clampIdx } from "./list.ts";
import { PyTuple, mkTuple } from "./tuple.ts";
import { PySlice, sliceIndices } from "./slice.ts";
import { langHooks } from "../hooks.ts";
import type { FunctionSig } from "./function.ts";
import "../format.ts";

export { strType };

// ---------------------------------------------------------------- unwrapping arguments

/** The JS string of a str or str-subclass instance `self` (TypeError otherwise). */
export function S(self: any): string {
  if (typeof self === "string") return self;
  if (typeof self === "object" && typeof self.$v === "string" && isSubtype(typeOf(self), strType)) return self.$v;
  throw typeError(`descriptor requires a 'str' object but received a '${typeOf(self).$name}'`);
}

/** A str argument (e.g. a separator) as a JS string, with MicroPython's error otherwise. */
export function argStr(x: any): string {
  if (typeof x === "string") return x;
  if (typeof x === "object" && typeof x.$v === "string" && isSubtype(typeOf(x), strType)) return x.$v;
  throw badImplicit(x);
}

export function badImplicit(x: any) {
  return typeError(`can't convert '${typeOf(x).$name}' object to str implicitly`);
}

/** Is x a str (or str subclass instance)? */
export function isStr(x: any): boolean {
  return typeof x === "string" || (typeof x === "object" && typeof x.$v === "string" && isSubtype(typeOf(x), strType));
}

// ---------------------------------------------------------------- code points

let lastS = "";
let lastAstral = false;

/**
 * Does s hold a surrogate pair (a code point above U+FFFF)? Short strings are scanned; longer
 * ones are checked by a regex, remembered for the last string (loops index the same string).
 */
export function hasAstral(s: string): boolean {
  const n = s.length;
  if (n < 24) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return true;
    }
    return false;
  }
  if (s === lastS) return lastAstral;
  lastAstral = /[\ud800-\udfff]/.test(s);
  lastS = s;
  return lastAstral;
}

/** len(s) in code points. */
export function strLen(s: string): number {
  if (!hasAstral(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Code units in the code point starting at unit offset u (1 or 2). */
function cpUnits(s: string, u: number): number {
  const c = s.charCodeAt(u);
  return c >= 0xd800 && c <= 0xdbff && u + 1 < s.length && isLow(s.charCodeAt(u + 1)) ? 2 : 1;
}

/** Unit offset of code point index cp (0 <= cp <= len), for strings with astral chars. */
export function cpToUnit(s: string, cp: number): number {
  let u = 0;
  for (let i = 0; i < cp && u < s.length; i++) u += cpUnits(s, u);
  return u;
}

/** Code point index of unit offset u. */
export function unitToCp(s: string, u: number): number {
  let n = 0;
  for (let i = 0; i < u; n++) i += cpUnits(s, i);
  return n;
}

let lastArrS = "";
let lastArr: string[] = [];

/** The code points of s as one-character strings (remembered for the last string: loops). */
function cpArray(s: string): string[] {
  if (s === lastArrS) return lastArr;
  lastArr = Array.from(s);
  lastArrS = s;
  return lastArr;
}

// ---------------------------------------------------------------- subscripts

/** s[k] for a JS string s: int index (code points) or slice. */
export function strGetItem(s: string, k: any): string {
  if (typeof k === "number") {
    if (!hasAstral(s)) {
      const i = k < 0 ? k + s.length : k;
      if (i >= 0 && i < s.length) return s[i];
      throw indexError("string index out of range");
    }
    return astralIndex(s, k);
  }
  if (k instanceof PySlice) return strSlice(s, k);
  if (typeof k === "boolean" || typeof k === "bigint" || (typeof k === "object" && k.__index__ !== undefined))
    return strGetItem(s, bigIndex(k));
  throw typeError(`string indices must be integers, not ${typeOf(k).$name}`);
}

function bigIndex(k: any): number {
  const i = toIndex(k);
  return Number.isSafeInteger(i) ? i : i < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
}

function astralIndex(s: string, k: number): string {
  const a = cpArray(s);
  const i = k < 0 ? k + a.length : k;
  if (i >= 0 && i < a.length) return a[i];
  throw indexError("string index out of range");
}

export function strSlice(s: string, k: PySlice): string {
  const astral = hasAstral(s);
  if (astral) {
    const a = cpArray(s);
    const r = sliceIndices(k, a.length);
    const start = r[0], step = r[2], count = r[3];
    if (step === 1) return a.slice(start, start + count).join("");
    let out = "";
    for (let i = 0, j = start; i < count; i++, j += step) out += a[j];
    return out;
  }
  if (k.step === None) {
    const n = s.length;
    const start = k.start === None ? 0 : typeof k.start === "number" ? clampIdx(k.start, n) : -1;
    const stop = k.stop === None ? n : typeof k.stop === "number" ? clampIdx(k.stop, n) : -1;
    if (start >= 0 && stop >= 0) return stop > start ? s.slice(start, stop) : "";
  }
  const r = sliceIndices(k, s.length);
  const start = r[0], step = r[2], count = r[3];
  if (step === 1) return s.slice(start, start + count);
  let out = "";
  for (let i = 0, j = start; i < count; i++, j += step) out += s[j];
  return out;
}

// ---------------------------------------------------------------- iteration

export class PyStrIter extends PyObject {
  constructor(public $s: string, public $i: number) {
    super();
  }
  /** Next code point, or STOP; a surrogate pair comes out as one string. */
  $next(): any {
    const s = this.$s;
    const i = this.$i;
    if (i >= s.length) return STOP;
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length || !isLow(s.charCodeAt(i + 1))) {
      this.$i = i + 1;
      return s[i];
    }
    this.$i = i + 2;
    return s.slice(i, i + 2);
  }
}
export const strIterType = defineBuiltinType("str_iterator", PyStrIter.prototype);

export function strIter(s: string): PyStrIter {
  return new PyStrIter(s, 0);
}

addMethods(strIterType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyStrIter) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});


// ---------------------------------------------------------------- repr, ord, chr

/** Python's repr of a str, with MicroPython's escapes (implemented in ops.ts). */
export { strRepr };

/** ord(c): the code point of a one-character str (bytes are handled by their own type). */
export function ord(x: any): number {
  if (typeof x === "string" && x.length === 1) return x.charCodeAt(0);
  const s = argStr(x);
  const n = s.length;
  if (n === 1) return s.charCodeAt(0);
  if (n === 2 && cpUnits(s, 0) === 2) return s.codePointAt(0)!;
  throw typeError(`ord() expected a character, but string of length ${strLen(s)} found`);
}

/** chr(i): the one-character str of code point i. */
export function chr(x: any): string {
  if (typeof x === "number" && x >= 0 && x < 0xd800) return String.fromCharCode(x);
  const i = toIndex(x);
  if (i < 0 || i >= 0x110000) throw valueError("chr() arg not in range(0x110000)");
  return String.fromCodePoint(i);
}

// ---------------------------------------------------------------- construction, bytes

/** Hooks the bytes type may set; the default finds a Uint8Array payload on the object. */
export const strHooks = {
  bytesData: (x: any): Uint8Array | null => {
    if (x instanceof Uint8Array) return x;
    if (typeof x !== "object" || x === null) return null;
    for (const k of ["$b", "$a", "$v", "$d", "$buf"]) {
      const v = x[k];
      if (v instanceof Uint8Array) {
        const n = x.$n ?? x.$len;
        return typeof n === "number" && n < v.length ? v.subarray(0, n) : v;
      }
    }
    return null;
  },
  /** bytes → str for str(b, encoding, errors); bytes.ts may install its own decoder. */
  decode: (data: Uint8Array, encoding: any, errors: any): string => {
    const err = errors === undefined || errors === None ? "strict" : argStr(errors);
    return checkEncoding(encoding) === "ascii" ? decodeAscii(data, err) : decodeUtf8(data, err);
  },
};

/** UTF-8 bytes → str with an error mode ("strict", "ignore", "replace"). */
export function decodeUtf8(b: Uint8Array, errors = "strict"): string {
  let ascii = true;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) {
    ascii = false;
    break;
  }
  if (ascii) return latin1Of(b);
  if (errors === "strict") {
    try {
      return strictDecoder.decode(b);
    } catch {
      throw newExc(UnicodeError);
    }
  }
  const r = lenientDecoder.decode(b);
  if (errors === "replace") return r;
  // "ignore": drop the replacement characters the decoder inserted (a genuine U+FFFD in the
  // input is the byte sequence EF BF BD; decode piecewise then).
  if (!r.includes("\ufffd")) return r;
  if (!hasFffd(b)) return r.replace(/\ufffd/g, "");
  let out = "";
  let start = 0;
  for (let i = 0; i + 2 < b.length; i++) {
    if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) {
      out += lenientDecoder.decode(b.subarray(start, i)).replace(/\ufffd/g, "") + "\ufffd";
      start = i + 3;
      i += 2;
    }
  }
  return out + lenientDecoder.decode(b.subarray(start)).replace(/\ufffd/g, "");
}

function hasFffd(b: Uint8Array): boolean {
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) return true;
  return false;
}

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
const encoder = new TextEncoder();

function latin1Of(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as any);
  return out;
}

/** str → UTF-8 bytes. */
export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** MicroPython knows "utf-8"/"utf8" and "ascii" only (exact names); else LookupError. */
function checkEncoding(enc: any): "utf8" | "ascii" {
  if (enc === undefined || enc === None) return "utf8";
  const e = argStr(enc);
  if (e === "utf-8" || e === "utf8") return "utf8";
  if (e === "ascii") return "ascii";
  throw newExc(LookupError, `unknown encoding: ${e}`);
}

/** ASCII bytes → str: bytes >= 0x80 are errors (strict), dropped (ignore) or U+FFFD (replace). */
function decodeAscii(b: Uint8Array, errors: string): string {
  let out = "";
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) out += String.fromCharCode(c);
    else if (errors === "replace") out += "\ufffd";
    else if (errors !== "ignore") throw newExc(UnicodeError);
  }
  return out;
}

/** str(), str(x), str(bytes, encoding[, errors]). */
function strNew(args: any[], kw: any): string {
  let x = args[0];
  let encoding = args[1];
  let errors = args[2];
  if (kw !== null && kw !== undefined) {
    for (const k in kw) {
      if (k === "object") x = kw[k];
      else if (k === "encoding") encoding = kw[k];
      else if (k === "errors") errors = kw[k];
      else throw typeError(`unexpected keyword argument '${k}'`);
    }
  }
  if (args.length > 3) throw typeError("function takes at most 3 arguments");
  if (x === undefined) return "";
  if (encoding === undefined && errors === undefined) return pyStr(x);
  const data = strHooks.bytesData(x);
  if (data === null) {
    if (isStr(x)) throw typeError("decoding str is not supported");
    throw typeError("object with buffer protocol required");
  }
  return strHooks.decode(data, encoding, errors);
}

strType.$new = (cls: any, args: any[], kw: any): any => {
  const s = strNew(args, kw);
  if (cls === strType) return s;
  const o = Object.create(cls.$proto);
  o.$v = s;
  return o;
};
strType.$new1 = (x: any): any => pyStr(x);
(strType.$proto as any).$hk = 1;

// ---------------------------------------------------------------- special methods

function str_add(self: any, other: any): any {
  const a = S(self);
  if (typeof other === "string") return a + other;
  if (isStr(other)) return a + other.$v;
  return NotImplemented;
}

function str_mul(self: any, n: any): any {
  const s = S(self);
  if (typeof n !== "number") {
    if (typeof n === "boolean") n = n ? 1 : 0;
    else if (typeof n === "bigint") {
      if (n <= 0n || s.length === 0) return "";
      throw newExc(OverflowError, "overflow converting long int to machine word");
    } else if (typeof n === "object" && n.__index__ !== undefined) n = toIndex(n);
    else return NotImplemented;
  }
  if (n <= 0 || s.length === 0) return "";
  return s.repeat(n);
}

/** Code-point comparisons are the same as UTF-16 ones except across surrogates vs U+E000..FFFF. */
function cmp(a: string, b: string): number {
  if (a === b) return 0;
  if (!hasAstral(a) && !hasAstral(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

function compareOp(test: (c: number) => boolean) {
  return (self: any, other: any): any => {
    if (!isStr(other)) return NotImplemented;
    return test(cmp(S(self), typeof other === "string" ? other : other.$v));
  };
}

export function strContains(s: string, item: any): boolean {
  if (typeof item === "string") return s.includes(item);
  return s.includes(argStr(item));
}

// ---------------------------------------------------------------- searching

/** Resolves optional start/end (code points, Python clamping) to unit offsets [u0, u1]. */
function range(s: string, start: any, end: any): [number, number] {
  const astral = hasAstral(s);
  const len = astral ? strLen(s) : s.length;
  let a = start === undefined || start === None ? 0 : bigIndex(start);
  let b = end === undefined || end === None ? len : bigIndex(end);
  if (a < 0) a = Math.max(0, a + len);
  if (b < 0) b = Math.max(0, b + len);
  if (b > len) b = len;
  if (!astral) return [a, b];
  return [a > len ? s.length + 1 : cpToUnit(s, a), cpToUnit(s, b)];
}

function toCp(s: string, u: number): number {
  return u < 0 || !hasAstral(s) ? u : unitToCp(s, u);
}

function findIn(s: string, sub: string, start: any, end: any, fromRight: boolean): number {
  const [a, b] = range(s, start, end);
  if (b - a < sub.length || a > s.length) return -1;
  if (a === 0 && b === s.length) return toCp(s, fromRight ? s.lastIndexOf(sub) : s.indexOf(sub));
  let i: number;
  if (fromRight) {
    i = s.lastIndexOf(sub, b - sub.length);
    if (i < a) i = -1;
  } else {
    i = s.indexOf(sub, a);
    if (i + sub.length > b) i = -1;
  }
  return toCp(s, i);
}

function str_find(self: any, sub: any, start: any, end: any): number {
  return findIn(S(self), argStr(sub), start, end, false);
}
function str_rfind(self: any, sub: any, start: any, end: any): number {
  return findIn(S(self), argStr(sub), start, end, true);
}
function str_index(self: any, sub: any, start: any, end: any): number {
  const i = findIn(S(self), argStr(sub), start, end, false);
  if (i < 0) throw valueError("substring not found");
  return i;
}
function str_rindex(self: any, sub: any, start: any, end: any): number {
  const i = findIn(S(self), argStr(sub), start, end, true);
  if (i < 0) throw valueError("substring not found");
  return i;
}

function str_count(self: any, sub: any, start: any, end: any): number {
  const s = S(self);
  const t = argStr(sub);
  if (start === undefined && end === undefined && t.length > 0) {
    let n = 0;
    for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + t.length)) n++;
    return n;
  }
  const [a, b] = range(s, start, end);
  if (a > s.length || b < a) return 0;
  if (t.length === 0) return (hasAstral(s) ? strLen(s.slice(a, b)) : b - a) + 1;
  let n = 0;
  for (let i = s.indexOf(t, a); i >= 0 && i + t.length <= b; i = s.indexOf(t, i + t.length)) n++;
  return n;
}

function affix(self: any, x: any, start: any, end: any, atEnd: boolean): boolean {
  const s = S(self);
  let [a, b] = range(s, start, end);
  if (a > s.length) return false;
  if (b < a) b = a;
  const test = (p: string) => (atEnd ? b - a >= p.length && s.startsWith(p, b - p.length) : b - a >= p.length && s.startsWith(p, a));
  if (x instanceof PyTuple) {
    for (const p of x.$a) if (test(argStr(p))) return true;
    return false;
  }
  if (!isStr(x)) throw badImplicit(x);
  return test(argStr(x));
}

function str_startswith(self: any, x: any, start: any, end: any): boolean {
  return affix(self, x, start, end, false);
}
function str_endswith(self: any, x: any, start: any, end: any): boolean {
  return affix(self, x, start, end, true);
}

// ---------------------------------------------------------------- splitting and joining

/** MicroPython's whitespace: ASCII space, \t \n \v \f \r. */
function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function maxSplit(n: any): number {
  return n === undefined || n === None ? -1 : toIndex(n);
}

const WS_RUN = /[ \t\n\v\f\r]+/;

/** Splits on runs of whitespace (sep=None). Unlimited: the native regex split is fastest. */
function splitWs(s: string, max: number): string[] {
  if (max < 0) {
    const p = s.split(WS_RUN);
    if (p[p.length - 1] === "") p.pop();
    if (p.length > 0 && p[0] === "") p.shift();
    return p;
  }
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    while (i < n && isWs(s.charCodeAt(i))) i++;
    if (i >= n) return out;
    if (max >= 0 && out.length >= max) {
      out.push(s.slice(i)); // the remainder keeps its trailing whitespace
      return out;
    }
    const start = i;
    while (i < n && !isWs(s.charCodeAt(i))) i++;
    out.push(s.slice(start, i));
  }
}

export function strSplit(s: string, sep: any, maxsplit: any): string[] {
  const max = maxSplit(maxsplit);
  if (sep === undefined || sep === None) return splitWs(s, max);
  const t = argStr(sep);
  if (t.length === 0) throw valueError("empty separator");
  if (max < 0) return s.split(t);
  const out: string[] = [];
  let i = 0;
  for (; out.length < max; ) {
    const j = s.indexOf(t, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + t.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitWs(s: string, max: number): string[] {
  const out: string[] = [];
  let i = s.length;
  for (;;) {
    while (i > 0 && isWs(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (out.length >= max) {
      out.push(s.slice(0, i)); // the remainder keeps its leading whitespace
      break;
    }
    const end = i;
    while (i > 0 && !isWs(s.charCodeAt(i - 1))) i--;
    out.push(s.slice(i, end));
  }
  return out.reverse();
}

function str_rsplit(self: any, sep: any, maxsplit: any): PyList {
  const s = S(self);
  const max = maxSplit(maxsplit);
  if (max < 0) return mkList(strSplit(s, sep, maxsplit));
  if (sep === undefined || sep === None) return mkList(rsplitWs(s, max));
  const t = argStr(sep);
  if (t.length === 0) throw valueError("empty separator");
  const out: string[] = [];
  let end = s.length;
  while (out.length < max) {
    const j = end - t.length < 0 ? -1 : s.lastIndexOf(t, end - t.length);
    if (j < 0) break;
    out.push(s.slice(j + t.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return mkList(out.reverse());
}

function str_split(self: any, sep: any, maxsplit: any): PyList {
  return mkList(strSplit(S(self), sep, maxsplit));
}

function str_splitlines(self: any, keepends: any): PyList {
  const s = S(self);
  const keep = keepends !== undefined && keepends !== false && keepends !== 0 && keepends !== None;
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let m = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) {
        m = 1;
        break;
      }
      if (c === 13) {
        m = i + 1 < n && s.charCodeAt(i + 1) === 10 ? 2 : 1;
        break;
      }
    }
    out.push(s.slice(start, keep ? i + m : i));
    i += m;
  }
  return mkList(out);
}
(str_splitlines as any).$sig = sig(["self", "keepends"], [false]);

/** sep.join(iterable). */
export function strJoin(sep: string, it: any): string {
  let a: any[];
  if (it instanceof PyList || it instanceof PyTuple) a = it.$a;
  else {
    a = [];
    const i = getIter(it);
    for (let v = iterNext(i); v !== STOP; v = iterNext(i)) a.push(v);
  }
  const n = a.length;
  if (n === 0) return "";
  for (let i = 0; i < n; i++) {
    if (typeof a[i] !== "string") return joinSlow(sep, a);
  }
  return n === 1 ? a[0] : a.join(sep);
}

function joinSlow(sep: string, a: any[]): string {
  const parts: string[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    if (!isStr(a[i])) throw typeError("join expects a list of str/bytes objects consistent with self object");
    parts[i] = argStr(a[i]);
  }
  return parts.join(sep);
}

function partition(self: any, sep: any, fromRight: boolean): PyTuple {
  const s = S(self);
  const t = argStr(sep);
  if (t.length === 0) throw valueError("empty separator");
  const i = fromRight ? s.lastIndexOf(t) : s.indexOf(t);
  if (i < 0) return fromRight ? mkTuple(["", "", s]) : mkTuple([s, "", ""]);
  return mkTuple([s.slice(0, i), t, s.slice(i + t.length)]);
}

// ---------------------------------------------------------------- stripping, padding

const WS = " \t\n\r\v\f";

function strip(self: any, chars: any, left: boolean, right: boolean): string {
  const s = S(self);
  const del = chars === undefined || chars === None ? WS : argStr(chars);
  if (hasAstral(del)) return stripAstral(s, del, left, right);
  let i = 0;
  let j = s.length;
  if (left) while (i < j && del.includes(s[i])) i++;
  if (right) while (j > i && del.includes(s[j - 1])) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

function stripAstral(s: string, del: string, left: boolean, right: boolean): string {
  const a = cpArray(s);
  const d = new Set(cpArray(del));
  let i = 0;
  let j = a.length;
  if (left) while (i < j && d.has(a[i])) i++;
  if (right) while (j > i && d.has(a[j - 1])) j--;
  return a.slice(i, j).join("");
}

function fillChar(f: any): string {
  if (f === undefined) return " ";
  const s = argStr(f);
  if (strLen(s) !== 1) throw typeError("The fill character must be exactly one character long");
  return s;
}

function str_center(self: any, width: any, fill: any): string {
  const s = S(self);
  const w = toIndex(width);
  const n = strLen(s);
  if (n >= w) return s;
  const f = fillChar(fill);
  const left = (w - n) >> 1; // MicroPython puts the odd pad character on the right
  return f.repeat(left) + s + f.repeat(w - n - left);
}

function str_ljust(self: any, width: any, fill: any): string {
  const s = S(self);
  const n = toIndex(width) - strLen(s);
  return n > 0 ? s + fillChar(fill).repeat(n) : s;
}

function str_rjust(self: any, width: any, fill: any): string {
  const s = S(self);
  const n = toIndex(width) - strLen(s);
  return n > 0 ? fillChar(fill).repeat(n) + s : s;
}

function str_zfill(self: any, width: any): string {
  const s = S(self);
  const n = toIndex(width) - strLen(s);
  if (n <= 0) return s;
  const sign = s[0] === "+" || s[0] === "-" ? s[0] : "";
  return sign + "0".repeat(n) + s.slice(sign.length);
}

function str_expandtabs(self: any, tabsize: any): string {
  const s = S(self);
  const ts = tabsize === undefined ? 8 : toIndex(tabsize);
  let out = "";
  let col = 0;
  for (const ch of s) {
    if (ch === "\t") {
      const n = ts > 0 ? ts - (col % ts) : 0;
      out += " ".repeat(n);
      col += n;
    } else {
      out += ch;
      col = ch === "\n" || ch === "\r" ? 0 : col + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------- replace

function str_replace(self: any, old: any, rep: any, count: any): string {
  const s = S(self);
  const o = argStr(old);
  const r = argStr(rep);
  let max = count === undefined ? -1 : toIndex(count);
  if (max < 0) {
    if (o.length === 0) return replaceEmpty(s, r, -1);
    return r.indexOf("$") < 0 ? s.replaceAll(o, r) : s.split(o).join(r);
  }
  if (o.length === 0) return replaceEmpty(s, r, max);
  let out = "";
  let i = 0;
  for (; max > 0; max--) {
    const j = s.indexOf(o, i);
    if (j < 0) break;
    out += s.slice(i, j) + r;
    i = j + o.length;
  }
  return i === 0 ? s : out + s.slice(i);
}

/** Replacing "" inserts `r` around every code point (up to max times). */
function replaceEmpty(s: string, r: string, max: number): string {
  const a = cpArray(s);
  let out = "";
  let n = 0;
  for (let i = 0; i <= a.length; i++) {
    if (max < 0 || n < max) {
      out += r;
      n++;
    }
    if (i < a.length) out += a[i];
  }
  return out;
}

// ---------------------------------------------------------------- case and classification

const NON_ASCII = /[^\x00-\x7f]/;

/** MicroPython changes case of ASCII letters only. */
function asciiCase(s: string, upper: boolean): string {
  if (!NON_ASCII.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  return s.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
}

function str_upper(self: any): string {
  return asciiCase(S(self), true);
}
function str_lower(self: any): string {
  return asciiCase(S(self), false);
}

function isUpperC(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLowerC(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isAlphaC(c: number): boolean {
  return isUpperC(c) || isLowerC(c);
}
function isDigitC(c: number): boolean {
  return c >= 48 && c <= 57;
}

function allChars(self: any, f: (c: number) => boolean): boolean {
  const s = S(self);
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!f(s.charCodeAt(i))) return false;
  return true;
}

/** isupper/islower: at least one letter, and every letter of that case. */
function casedTest(self: any, f: (c: number) => boolean): boolean {
  const s = S(self);
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlphaC(c)) {
      if (!f(c)) return false;
      any = true;
    }
  }
  return any;
}

function str_capitalize(self: any): string {
  const s = S(self);
  return s.length === 0 ? s : asciiCase(s[0], true) + asciiCase(s.slice(1), false);
}

function str_title(self: any): string {
  const s = S(self);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    out += isAlphaC(c) ? (prevCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevCased = isAlphaC(c);
  }
  return out;
}

function str_swapcase(self: any): string {
  return S(self).replace(/[A-Za-z]/g, (m) => (m <= "Z" ? m.toLowerCase() : m.toUpperCase()));
}

function str_encode(self: any, encoding: any, errors: any): any {
  const s = S(self);
  if (checkEncoding(encoding) === "ascii" && NON_ASCII.test(s)) throw newExc(UnicodeError);
  void errors;
  const b = encodeUtf8(s);
  return langHooks.mkBytes(latin1Of(b));
}

function sig(names: string[], defaults: any[]): FunctionSig {
  return { names, posonly: 1, defaults, kwonly: [], kwDefaults: [], varargs: false, varkw: false };
}

// ---------------------------------------------------------------- the method table

const fn = builtin;

addMethods(strType, {
  __add__: fn("__add__", str_add),
  __mul__: fn("__mul__", str_mul),
  __rmul__: fn("__rmul__", str_mul),
  __getitem__: fn("__getitem__", (self: any, k: any) => strGetItem(S(self), k)),
  __len__: fn("__len__", (self: any) => strLen(S(self))),
  __contains__: fn("__contains__", (self: any, x: any) => strContains(S(self), x)),
  __iter__: fn("__iter__", (self: any) => strIter(S(self))),
  __eq__: fn("__eq__", (self: any, o: any) => (isStr(o) ? S(self) === argStr(o) : NotImplemented)),
  __ne__: fn("__ne__", (self: any, o: any) => (isStr(o) ? S(self) !== argStr(o) : NotImplemented)),
  __lt__: fn("__lt__", compareOp((c) => c < 0)),
  __le__: fn("__le__", compareOp((c) => c <= 0)),
  __gt__: fn("__gt__", compareOp((c) => c > 0)),
  __ge__: fn("__ge__", compareOp((c) => c >= 0)),
  __hash__: fn("__hash__", (self: any) => strHash(S(self))),
  __repr__: fn("__repr__", (self: any) => strRepr(S(self))),
  __str__: fn("__str__", (self: any) => S(self)),
  find: fn("find", str_find),
  rfind: fn("rfind", str_rfind),
  index: fn("index", str_index),
  rindex: fn("rindex", str_rindex),
  count: fn("count", str_count),
  join: fn("join", (self: any, it: any) => strJoin(S(self), it)),
  split: fn("split", str_split),
  rsplit: fn("rsplit", str_rsplit),
  splitlines: fn("splitlines", str_splitlines),
  startswith: fn("startswith", str_startswith),
  endswith: fn("endswith", str_endswith),
  strip: fn("strip", (self: any, c: any) => strip(self, c, true, true)),
  lstrip: fn("lstrip", (self: any, c: any) => strip(self, c, true, false)),
  rstrip: fn("rstrip", (self: any, c: any) => strip(self, c, false, true)),
  replace: fn("replace", str_replace),
  partition: fn("partition", (self: any, sep: any) => partition(self, sep, false)),
  rpartition: fn("rpartition", (self: any, sep: any) => partition(self, sep, true)),
  center: fn("center", str_center),
  ljust: fn("ljust", str_ljust),
  rjust: fn("rjust", str_rjust),
  zfill: fn("zfill", str_zfill),
  expandtabs: fn("expandtabs", str_expandtabs),
  lower: fn("lower", str_lower),
  upper: fn("upper", str_upper),
  casefold: fn("casefold", str_lower),
  capitalize: fn("capitalize", str_capitalize),
  title: fn("title", str_title),
  swapcase: fn("swapcase", str_swapcase),
  isspace: fn("isspace", (self: any) => allChars(self, isWs)),
  isalpha: fn("isalpha", (self: any) => allChars(self, isAlphaC)),
  isdigit: fn("isdigit", (self: any) => allChars(self, isDigitC)),
  isalnum: fn("isalnum", (self: any) => allChars(self, (c) => isAlphaC(c) || isDigitC(c))),
  isupper: fn("isupper", (self: any) => casedTest(self, isUpperC)),
  islower: fn("islower", (self: any) => casedTest(self, isLowerC)),
  removeprefix: fn("removeprefix", (self: any, p: any) => {
    const s = S(self);
    const t = argStr(p);
    return t.length > 0 && s.startsWith(t) ? s.slice(t.length) : s;
  }),
  removesuffix: fn("removesuffix", (self: any, p: any) => {
    const s = S(self);
    const t = argStr(p);
    return t.length > 0 && s.endsWith(t) ? s.slice(0, s.length - t.length) : s;
  }),
  encode: fn("encode", str_encode),
});
