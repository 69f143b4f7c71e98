// struct: https://docs.micropython.org/en/latest/library/struct.html (MicroPython's modstruct.c)
//
// Formats: an optional byte order ('@' native with alignment, '<' little, '>' and '!' big), then
// fields, each with an optional count: x (pad byte), s (bytes of that length), b B h H i I l L
// q Q e f d, and MicroPython's pointer-sized extensions P, S (unsigned ints here) and O (an
// object, stored as a handle: see objectHandle). Like MicroPython: unpack accepts a buffer that
// is longer than needed, pack ignores surplus arguments and zero-fills missing ones, and errors
// are ValueError / TypeError (there is no struct.error).

import { builtin, None } from "../runtime/object.ts";
import { valueError } from "../runtime/exceptions.ts";
import { toIndex } from "../runtime/ops.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { mkBytes, bytesData, latin1 } from "../runtime/types/bytes.ts";
import { argStr } from "../runtime/types/str.ts";
import { getBuffer, getWritableBuffer, fieldSize, readItem, writeItem } from "../runtime/buffer.ts";

interface Field {
  count: number;
  code: string;
}

interface Format {
  /** '@', '<' or '>' ('!' becomes '>'; '=' is kept and rejected as a bad typecode). */
  order: string;
  fields: Field[];
  /** Total size in bytes and number of values. */
  size: number;
  items: number;
}

const cache = new Map<string, Format>();

/** Alignment of a native field: its size (MicroPython's unix port on a 64-bit machine). */
function alignOf(order: string, size: number): number {
  return order === "@" ? size : 1;
}

function parseFormat(fmtIn: any): Format {
  const d = bytesData(fmtIn);
  const fmt = d !== null ? latin1(d) : argStr(fmtIn);
  const hit = cache.get(fmt);
  if (hit !== undefined) return hit;
  let i = 0;
  let order = "@";
  const c0 = fmt[0];
  if (c0 === "!") order = ">";
  else if (c0 === "@" || c0 === "=" || c0 === "<" || c0 === ">") order = c0;
  if (order !== "@" || c0 === "@") i = 1;
  const fields: Field[] = [];
  let size = 0;
  let items = 0;
  while (i < fmt.length) {
    let count = 1;
    if (fmt[i] >= "0" && fmt[i] <= "9") {
      let j = i;
      while (j < fmt.length && fmt[j] >= "0" && fmt[j] <= "9") j++;
      count = parseInt(fmt.slice(i, j), 10);
      i = j;
    }
    const code = i < fmt.length ? fmt[i++] : "";
    if (code === "x") size += count;
    else if (code === "s") {
      items++;
      size += count;
    } else {
      const sz = fieldSize(order, code);
      const al = alignOf(order, sz);
      items += count;
      for (let k = 0; k < count; k++) size = Math.ceil(size / al) * al + sz;
    }
    fields.push({ count, code });
  }
  const f: Format = { order, fields, size, items };
  if (cache.size > 256) cache.clear();
  cache.set(fmt, f);
  return f;
}

// ---------------------------------------------------------------- 'O' fields

// An 'O' field holds a handle for an object; unpacking it gives the object back. As in
// MicroPython, the program must keep the object alive meanwhile (objects are held weakly).
const handles = new WeakMap<object, number>();
const byHandle = new Map<number, WeakRef<object> | { v: any }>();
let nextHandle = 1;

function objectHandle(o: any): number {
  const isObj = (typeof o === "object" || typeof o === "function") && o !== null;
  if (isObj) {
    const h = handles.get(o);
    if (h !== undefined) return h;
  }
  const h = nextHandle++;
  if (isObj) {
    handles.set(o, h);
    byHandle.set(h, new WeakRef(o));
  } else byHandle.set(h, { v: o });
  return h;
}

function objectOfHandle(h: any): any {
  const r = byHandle.get(Number(h));
  if (r === undefined) return None;
  const v = r instanceof WeakRef ? r.deref() : r.v;
  return v === undefined ? None : v;
}

function readField(code: string, u8: Uint8Array, p: number, sz: number, le: boolean): any {
  if (code === "O") return objectOfHandle(readItem("Q", u8, p, sz, le));
  return readItem(code, u8, p, sz, le);
}

function writeField(code: string, u8: Uint8Array, p: number, sz: number, v: any, le: boolean): void {
  if (code === "O") writeItem("Q", u8, p, sz, objectHandle(v), le);
  else writeItem(code, u8, p, sz, v, le);
}

function struct_calcsize(fmt: any): number {
  return parseFormat(fmt).size;
}

/** Resolves an offset argument (negative counts from the end). */
function offsetArg(off: any, len: number): number {
  let o = toIndex(off);
  if (o < 0) {
    o += len;
    if (o < 0) throw valueError("buffer too small");
  }
  return o;
}

function struct_unpack_from(fmtIn: any, buffer: any, offset?: any): PyTuple {
  const f = parseFormat(fmtIn);
  const u8 = getBuffer(buffer).bytes;
  const base = offset === undefined ? 0 : offsetArg(offset, u8.length);
  if (base + f.size > u8.length) throw valueError("buffer too small");
  const le = f.order !== ">";
  const out: any[] = new Array(f.items);
  let p = base;
  let n = 0;
  for (const { count, code } of f.fields) {
    if (code === "x") p += count;
    else if (code === "s") {
      out[n++] = mkBytes(u8.slice(p, p + count));
      p += count;
    } else {
      const sz = fieldSize(f.order, code);
      const al = alignOf(f.order, sz);
      for (let k = 0; k < count; k++) {
        p = base + Math.ceil((p - base) / al) * al;
        out[n++] = readField(code, u8, p, sz, le);
        p += sz;
      }
    }
  }
  return new PyTuple(out);
}

/** Writes values into u8 from position `base` (assumes there is room). */
function packInto(f: Format, u8: Uint8Array, base: number, args: any[]): void {
  const le = f.order !== ">";
  let p = base;
  let i = 0;
  for (const { count, code } of f.fields) {
    if (i >= args.length) break;
    if (code === "x") {
      u8.fill(0, p, p + count);
      p += count;
    } else if (code === "s") {
      const src = getBuffer(args[i++]).bytes;
      const n = Math.min(count, src.length);
      u8.set(src.subarray(0, n), p);
      u8.fill(0, p + n, p + count);
      p += count;
    } else {
      const sz = fieldSize(f.order, code);
      const al = alignOf(f.order, sz);
      for (let k = 0; k < count && i < args.length; k++) {
        p = base + Math.ceil((p - base) / al) * al;
        writeField(code, u8, p, sz, args[i++], le);
        p += sz;
      }
    }
  }
}

function struct_pack(fmt: any, ...args: any[]): any {
  const f = parseFormat(fmt);
  const u8 = new Uint8Array(f.size);
  packInto(f, u8, 0, args);
  return mkBytes(u8);
}

function struct_pack_into(fmt: any, buffer: any, offset: any, ...args: any[]): any {
  const f = parseFormat(fmt);
  const u8 = getWritableBuffer(buffer).bytes;
  const base = offsetArg(offset, u8.length);
  if (base + f.size > u8.length) throw valueError("buffer too small");
  packInto(f, u8, base, args);
  return None;
}

export function makeModule(): Record<string, any> {
  return {
    calcsize: builtin("calcsize", struct_calcsize),
    pack: builtin("pack", struct_pack),
    pack_into: builtin("pack_into", struct_pack_into),
    unpack: builtin("unpack", struct_unpack_from),
    unpack_from: builtin("unpack_from", struct_unpack_from),
  };
}
