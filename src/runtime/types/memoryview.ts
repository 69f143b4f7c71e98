// memoryview (MicroPython's objarray.c): a window onto another object's buffer, without copying.
//
// A view keeps its base object (`$o`, never another memoryview) and reads the base's current
// bytes on every access, so it stays valid when a bytearray or array reallocates as it grows.
// `$off` is the byte offset of the first item, `$n` the number of items of `$sz` bytes each
// with typecode `$tc`; `$ro` marks a read-only base (bytes, str).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, STOP } from "../object.ts";
import { typeError, valueError, newExc, notImplementedError, StopIteration } from "../exceptions.ts";
import { hasKeys } from "../call.ts";
import { PySlice, sliceIndices } from "./slice.ts";
import { PyProperty } from "./function.ts";
import { PyBytes, PyByteArray, mkBytes, itemIndex, compareBytes, hexOf, cmpResult, type CmpOp } from "./bytes.ts";
import { mkList } from "./list.ts";
import { getBuffer, getBufferOrNull, itemSize, readItem, writeItem, type BufferInfo } from "../buffer.ts";
import { toIndex } from "../ops.ts";

export class PyMemoryView extends PyObject {
  constructor(
    public $o: any,
    public $off: number,
    public $n: number,
    public $tc: string,
    public $sz: number,
    public $ro: boolean,
  ) {
    super();
  }
  $getBuffer(): BufferInfo {
    const b = baseBytes(this.$o);
    return { bytes: b.subarray(this.$off, this.$off + this.$n * this.$sz), readonly: this.$ro, typecode: this.$tc };
  }
}
export const memoryviewType = defineBuiltinType("memoryview", PyMemoryView.prototype);
(PyMemoryView.prototype as any).$hk = 2;

/**
 * The base's bytes from offset 0. bytes, bytearray and array.array (marked `$rawB`) keep them
 * in `$b`; other buffer objects are asked each time.
 */
function baseBytes(o: any): Uint8Array {
  if (o instanceof PyBytes || o instanceof PyByteArray || o.$rawB === true) return o.$b;
  return o.$getBuffer().bytes;
}

export function mkMemoryView(obj: any): PyMemoryView {
  if (obj instanceof PyMemoryView) return new PyMemoryView(obj.$o, obj.$off, obj.$n, obj.$tc, obj.$sz, obj.$ro);
  const buf = getBuffer(obj);
  const sz = itemSize(buf.typecode);
  // A base without a stable buffer object of its own (a str) is viewed through a copy.
  const base = typeof obj === "object" ? obj : mkBytes(buf.bytes);
  return new PyMemoryView(base, 0, Math.floor(buf.bytes.length / sz), buf.typecode, sz, buf.readonly);
}

memoryviewType.$new = (_cls: PyType, args: any[], kw: any) => {
  if (kw !== null && kw !== undefined && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
  if (args.length !== 1) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
  return mkMemoryView(args[0]);
};

// ---------------------------------------------------------------- items

function mv_getitem(self: PyMemoryView, k: any): any {
  if (k instanceof PySlice) {
    const [start, , step, count] = sliceIndices(k, self.$n);
    if (step !== 1) throw notImplementedError("only slices with step=1 (aka None) are supported");
    return new PyMemoryView(self.$o, self.$off + start * self.$sz, count, self.$tc, self.$sz, self.$ro);
  }
  const i = typeof k === "number" && k >= 0 && k < self.$n ? k : itemIndex("memoryview", k, self.$n);
  const b = baseBytes(self.$o);
  if (self.$sz === 1 && self.$tc === "B") return b[self.$off + i];
  return readItem(self.$tc, b, self.$off + i * self.$sz, self.$sz);
}

function readOnly() {
  return typeError("'memoryview' object doesn't support item assignment");
}

/** Source bytes for a slice assignment: array/bytearray/memoryview with the same item size, or bytes. */
function sourceBytes(v: any, sz: number): Uint8Array {
  if (v instanceof PyBytes) {
    if (sz !== 1) throw valueError("lhs and rhs should be compatible");
    return v.$b;
  }
  if (v instanceof PyByteArray || v instanceof PyMemoryView || (typeof v === "object" && v.$rawB === true)) {
    const buf: BufferInfo = v.$getBuffer();
    if (itemSize(buf.typecode) !== sz) throw valueError("lhs and rhs should be compatible");
    return buf.bytes;
  }
  throw notImplementedError("array/bytes required on right side");
}

function mv_setitem(self: PyMemoryView, k: any, v: any): any {
  if (k instanceof PySlice) {
    const [start, , step, count] = sliceIndices(k, self.$n);
    if (step !== 1) throw notImplementedError("only slices with step=1 (aka None) are supported");
    const src = sourceBytes(v, self.$sz);
    if (self.$ro) throw readOnly();
    if (src.length !== count * self.$sz) throw valueError("lhs and rhs should be compatible");
    // TypedArray.set copies correctly when source and target overlap in one buffer.
    baseBytes(self.$o).set(src, self.$off + start * self.$sz);
    return None;
  }
  const i = itemIndex("memoryview", k, self.$n);
  if (self.$ro) throw readOnly();
  writeItem(self.$tc, baseBytes(self.$o), self.$off + i * self.$sz, self.$sz, v);
  return None;
}

// ---------------------------------------------------------------- iteration

export class PyMemoryViewIter extends PyObject {
  constructor(public $v: PyMemoryView, public $i: number) {
    super();
  }
  $next(): any {
    const m = this.$v;
    if (this.$i >= m.$n) return STOP;
    const i = this.$i++;
    return readItem(m.$tc, baseBytes(m.$o), m.$off + i * m.$sz, m.$sz);
  }
}
const memoryviewIterType = defineBuiltinType("iterator", PyMemoryViewIter.prototype);
addMethods(memoryviewIterType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyMemoryViewIter) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});

// ---------------------------------------------------------------- comparisons

/** Typecodes compare as raw bytes when they match up to signedness (and are not floats). */
export function comparableTypecodes(a: string, b: string): [boolean, boolean] {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  const unsigned = a !== la || b !== lb;
  return [la === lb && la !== "f" && la !== "d", unsigned];
}

/**
 * array/bytearray/memoryview comparison (objarray.c array_binary_op): False against objects
 * without a buffer; NotImplementedError for incompatible layouts.
 */
export function arrayCompare(a: BufferInfo, other: any, op: CmpOp): boolean {
  const b = getBufferOrNull(other);
  if (b === null) return false;
  const [ok, unsigned] = comparableTypecodes(a.typecode, b.typecode);
  if (!ok || (op !== 0 && !unsigned)) throw notImplementedError("");
  return cmpResult(op, compareBytes(a.bytes, b.bytes));
}

function mv_contains(self: PyMemoryView, x: any): boolean {
  const t = typeof x;
  if (t === "number" || t === "boolean" || t === "bigint") {
    const it = new PyMemoryViewIter(self, 0);
    const want = toIndex(x);
    for (let v = it.$next(); v !== STOP; v = it.$next()) if (v === want || Number(v) === want) return true;
    return false;
  }
  return false;
}

// ---------------------------------------------------------------- method table

const fn = builtin;

addMethods(memoryviewType, {
  __len__: fn("__len__", (self: PyMemoryView) => self.$n),
  __getitem__: fn("__getitem__", mv_getitem),
  __setitem__: fn("__setitem__", mv_setitem),
  __iter__: fn("__iter__", (self: PyMemoryView) => new PyMemoryViewIter(self, 0)),
  __contains__: fn("__contains__", mv_contains),
  __eq__: fn("__eq__", (self: PyMemoryView, o: any) => arrayCompare(self.$getBuffer(), o, 0)),
  __lt__: fn("__lt__", (self: PyMemoryView, o: any) => arrayCompare(self.$getBuffer(), o, 1)),
  __le__: fn("__le__", (self: PyMemoryView, o: any) => arrayCompare(self.$getBuffer(), o, 2)),
  __gt__: fn("__gt__", (self: PyMemoryView, o: any) => arrayCompare(self.$getBuffer(), o, 3)),
  __ge__: fn("__ge__", (self: PyMemoryView, o: any) => arrayCompare(self.$getBuffer(), o, 4)),
  __repr__: fn("__repr__", () => "<memoryview>"),
  __hash__: None,
  hex: fn("hex", (self: PyMemoryView, sep: any) => hexOf(self.$getBuffer().bytes, sep)),
  tobytes: fn("tobytes", (self: PyMemoryView) => mkBytes(self.$getBuffer().bytes.slice())),
  tolist: fn("tolist", (self: PyMemoryView) => {
    const out: any[] = [];
    const it = new PyMemoryViewIter(self, 0);
    for (let v = it.$next(); v !== STOP; v = it.$next()) out.push(v);
    return mkList(out);
  }),
  release: fn("release", () => None),
  itemsize: new PyProperty(fn("itemsize", (self: PyMemoryView) => self.$sz), None, None),
  format: new PyProperty(fn("format", (self: PyMemoryView) => self.$tc), None, None),
  nbytes: new PyProperty(fn("nbytes", (self: PyMemoryView) => self.$n * self.$sz), None, None),
  readonly: new PyProperty(fn("readonly", (self: PyMemoryView) => self.$ro), None, None),
});
