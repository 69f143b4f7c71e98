// array: https://docs.micropython.org/en/latest/library/array.html (MicroPython's objarray.c)
//
// An array keeps its items in machine layout (little-endian, native sizes) in a Uint8Array
// `$b` of capacity >= `$n` * `$sz` bytes; appends grow it geometrically. MicroPython's
// extension typecodes: 'P' and 'S' (pointer-sized unsigned ints here) and 'O' (any objects,
// kept in `$objs`, with zero bytes in `$b`). Like MicroPython v1, storing an int that does not
// fit its item truncates it.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf } from "../runtime/object.ts";
import { typeError, valueError, notImplementedError, newExc, StopIteration } from "../runtime/exceptions.ts";
import { getIter, iterNext, repr, eqBool } from "../runtime/ops.ts";
import { hasKeys } from "../runtime/call.ts";
import { PyList } from "../runtime/types/list.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { PySlice, sliceIndices } from "../runtime/types/slice.ts";
import { PyBytes, PyByteArray, itemIndex } from "../runtime/types/bytes.ts";
import { PyMemoryView, arrayCompare } from "../runtime/types/memoryview.ts";
import { S } from "../runtime/types/str.ts";
import { getBuffer, getBufferOrNull, itemSize, readItem, writeItem, type BufferInfo } from "../runtime/buffer.ts";

export class PyArray extends PyObject {
  /** Items of an 'O' array (null for the others). */
  $objs: any[] | null;
  constructor(public $tc: string, public $sz: number, public $b: Uint8Array, public $n: number) {
    super();
    this.$objs = $tc === "O" ? new Array($n).fill(None) : null;
  }
  $getBuffer(): BufferInfo {
    return { bytes: this.$b.subarray(0, this.$n * this.$sz), readonly: false, typecode: this.$tc };
  }
}
export const arrayType = defineBuiltinType("array", PyArray.prototype);
arrayType.$module = "array";
(PyArray.prototype as any).$hk = 2;
// `$b` holds the items from offset 0 (memoryview reads it directly).
(PyArray.prototype as any).$rawB = true;

const TYPECODES = "bBhHiIlLqQfdPSO";

function checkTypecode(tc: any): string {
  const s = S(tc);
  if (s.length !== 1 || !TYPECODES.includes(s)) throw valueError("bad typecode");
  return s;
}

export function mkArray(tc: string, n: number): PyArray {
  const sz = itemSize(tc);
  return new PyArray(tc, sz, new Uint8Array(n * sz), n);
}

// ---------------------------------------------------------------- items

function getAt(a: PyArray, i: number): any {
  if (a.$objs !== null) return a.$objs[i];
  return readItem(a.$tc, a.$b, i * a.$sz, a.$sz);
}

function setAt(a: PyArray, i: number, v: any): void {
  if (a.$objs !== null) {
    a.$objs[i] = v;
    return;
  }
  writeItem(a.$tc, a.$b, i * a.$sz, a.$sz, v);
}

/** Makes room for `n` items (geometric growth). */
function ensureItems(a: PyArray, n: number): void {
  const need = n * a.$sz;
  const cap = a.$b.length;
  if (need <= cap) return;
  const nb = new Uint8Array(Math.max(need, cap * 2, 8 * a.$sz));
  nb.set(a.$b.subarray(0, a.$n * a.$sz));
  a.$b = nb;
}

function array_append(a: PyArray, v: any): any {
  const n = a.$n;
  ensureItems(a, n + 1);
  if (a.$objs !== null) a.$objs.push(v);
  else setAt(a, n, v);
  a.$n = n + 1;
  return None;
}

/** Appends raw bytes (rounded down to whole items). */
function appendRaw(a: PyArray, src: Uint8Array): void {
  const count = Math.floor(src.length / a.$sz);
  if (src.buffer === a.$b.buffer) src = src.slice();
  ensureItems(a, a.$n + count);
  a.$b.set(src.subarray(0, count * a.$sz), a.$n * a.$sz);
  if (a.$objs !== null) for (let i = 0; i < count; i++) a.$objs.push(None);
  a.$n += count;
}

/** extend: raw bytes from a buffer object (an extension to CPython), else items. */
function array_extend(a: PyArray, x: any): any {
  const buf = getBufferOrNull(x);
  if (buf !== null) {
    appendRaw(a, buf.bytes);
    return None;
  }
  return appendItems(a, x);
}

/** Appends the items of an iterable. */
function appendItems(a: PyArray, x: any): any {
  if (x instanceof PyList || x instanceof PyTuple) {
    const items = x.$a.slice();
    ensureItems(a, a.$n + items.length);
    for (const v of items) array_append(a, v);
    return None;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) array_append(a, v);
  return None;
}

// ---------------------------------------------------------------- construction

arrayType.$new = (cls: PyType, args: any[], kw: any) => {
  if (kw !== null && kw !== undefined && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
  if (args.length < 1 || args.length > 2)
    throw typeError(`function takes ${args.length < 1 ? "at least 1" : "at most 2"} positional arguments but ${args.length} were given`);
  const tc = checkTypecode(args[0]);
  const a = mkArray(tc, 0);
  if (args.length === 2) {
    const init = args[1];
    // Only bytes and bytearray initialise the raw memory; other objects give items.
    if (init instanceof PyBytes || init instanceof PyByteArray) appendRaw(a, getBuffer(init).bytes);
    else appendItems(a, init);
  }
  if (cls !== arrayType) Object.setPrototypeOf(a, cls.$proto);
  return a;
};

// ---------------------------------------------------------------- subscripts

function array_getitem(a: PyArray, k: any): any {
  if (typeof k === "number" && k >= 0 && k < a.$n) return getAt(a, k);
  if (k instanceof PySlice) {
    const [start, , step, count] = sliceIndices(k, a.$n);
    if (step !== 1) throw notImplementedError("only slices with step=1 (aka None) are supported");
    const r = mkArray(a.$tc, count);
    r.$b.set(a.$b.subarray(start * a.$sz, (start + count) * a.$sz));
    if (a.$objs !== null) r.$objs = a.$objs.slice(start, start + count);
    return r;
  }
  return getAt(a, itemIndex("array", k, a.$n));
}

/** Right side of a slice assignment: array/bytearray/memoryview of the same item size, or bytes. */
function sliceSource(a: PyArray, v: any): Uint8Array {
  if (v instanceof PyBytes) {
    if (a.$sz !== 1) throw valueError("lhs and rhs should be compatible");
    return v.$b;
  }
  if (v instanceof PyArray || v instanceof PyByteArray || v instanceof PyMemoryView) {
    const buf: BufferInfo = v.$getBuffer();
    if (itemSize(buf.typecode) !== a.$sz) throw valueError("lhs and rhs should be compatible");
    return buf.bytes;
  }
  throw notImplementedError("array/bytes required on right side");
}

function array_setitem(a: PyArray, k: any, v: any): any {
  if (!(k instanceof PySlice)) {
    setAt(a, itemIndex("array", k, a.$n), v);
    return None;
  }
  const [start, , step, count] = sliceIndices(k, a.$n);
  if (step !== 1) throw notImplementedError("only slices with step=1 (aka None) are supported");
  let src = sliceSource(a, v);
  if (src.buffer === a.$b.buffer) src = src.slice();
  const sz = a.$sz;
  const srcItems = src.length / sz;
  const newN = a.$n - count + srcItems;
  ensureItems(a, newN);
  const b = a.$b;
  b.copyWithin((start + srcItems) * sz, (start + count) * sz, a.$n * sz);
  b.set(src, start * sz);
  if (newN < a.$n) b.fill(0, newN * sz, a.$n * sz);
  if (a.$objs !== null) a.$objs.splice(start, count, ...new Array(srcItems).fill(None));
  a.$n = newN;
  return None;
}

// ---------------------------------------------------------------- operators

function array_add(a: PyArray, other: any): any {
  const rb = getBuffer(other).bytes;
  const r = mkArray(a.$tc, 0);
  appendRaw(r, a.$getBuffer().bytes);
  appendRaw(r, rb);
  if (a.$objs !== null) r.$objs = a.$objs.concat(r.$objs!.slice(a.$n));
  return r;
}

function array_contains(a: PyArray, x: any): boolean {
  const t = typeof x;
  if (t === "number" || t === "boolean" || t === "bigint" || typeOf(x).$name === "float" || a.$tc === "O") {
    for (let i = 0; i < a.$n; i++) if (eqBool(getAt(a, i), x)) return true;
  }
  return false;
}

function array_repr(a: PyArray): string {
  let s = `array('${a.$tc}'`;
  if (a.$n > 0) {
    const parts: string[] = new Array(a.$n);
    for (let i = 0; i < a.$n; i++) parts[i] = repr(getAt(a, i));
    s += ", [" + parts.join(", ") + "]";
  }
  return s + ")";
}

export class PyArrayIter extends PyObject {
  constructor(public $a: PyArray, public $i: number) {
    super();
  }
  $next(): any {
    const a = this.$a;
    return this.$i < a.$n ? getAt(a, this.$i++) : STOP;
  }
}
const arrayIterType = defineBuiltinType("iterator", PyArrayIter.prototype);
addMethods(arrayIterType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyArrayIter) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});

// ---------------------------------------------------------------- method table

const fn = builtin;

addMethods(arrayType, {
  __len__: fn("__len__", (a: PyArray) => a.$n),
  __getitem__: fn("__getitem__", array_getitem),
  __setitem__: fn("__setitem__", array_setitem),
  __iter__: fn("__iter__", (a: PyArray) => new PyArrayIter(a, 0)),
  __contains__: fn("__contains__", array_contains),
  __add__: fn("__add__", array_add),
  __iadd__: fn("__iadd__", (a: PyArray, x: any) => {
    array_extend(a, x);
    return a;
  }),
  // == with another type is left to that type (bytearray and memoryview compare, bytes not).
  __eq__: fn("__eq__", (a: PyArray, o: any) => (o instanceof PyArray ? arrayCompare(a.$getBuffer(), o, 0) : NotImplemented)),
  __lt__: fn("__lt__", (a: PyArray, o: any) => arrayCompare(a.$getBuffer(), o, 1)),
  __le__: fn("__le__", (a: PyArray, o: any) => arrayCompare(a.$getBuffer(), o, 2)),
  __gt__: fn("__gt__", (a: PyArray, o: any) => arrayCompare(a.$getBuffer(), o, 3)),
  __ge__: fn("__ge__", (a: PyArray, o: any) => arrayCompare(a.$getBuffer(), o, 4)),
  __hash__: None,
  __repr__: fn("__repr__", array_repr),
  append: fn("append", array_append),
  extend: fn("extend", array_extend),
});

export function makeModule(): Record<string, any> {
  return { array: arrayType };
}
