// list: a mutable sequence over a JS array (MicroPython's objlist.c).
//
// Invariants: `$a` holds the items and is mutated in place by list's own methods. Instances of
// user subclasses are `Object.create(cls.$proto)` with their own `$a`, filled by list.__init__.
// This module also holds the helpers shared by the sequence types (index checks, lexicographic
// comparison, repetition, the repr recursion guard).
//
// Import cycles: ops.ts, exceptions.ts and tuple.ts import this module, so its top level may
// only use object.ts and function declarations (hoisted); everything else runs inside functions.
import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf, MissingArgument,
} from "../object.ts";
import { typeError, indexError, valueError, memoryError, stopIteration } from "../exceptions.ts";
import { getIter, iterNext, eqBool, lt, le, gt, ge, repr, toIndex, toArray } from "../ops.ts";
import { PySlice, sliceIndices } from "./slice.ts";
import { PyTuple } from "./tuple.ts";
import { sortArray } from "../sort.ts";
import { hasKeys, type Kw } from "../call.ts";
import { PyFloat } from "./float.ts";
import { growthCheck, MAX_ITEMS } from "../memguard.ts";

export class PyList extends PyObject {
  constructor(public $a: any[]) {
    super();
  }
}
export const listType = defineBuiltinType("list", PyList.prototype);
(PyList.prototype as any).$hk = 2;

export function mkList(a: any[]): PyList {
  return new PyList(a);
}

// ---------------------------------------------------------------- shared sequence helpers

/** An index value as a JS number: ints, bools and objects with __index__; else TypeError. */
export function seqIndex(k: any, what: string): number {
  if (typeof k === "number") return k;
  if (typeof k === "boolean") return k ? 1 : 0;
  if (typeof k === "bigint") return k > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  if (typeof k === "object" && !(k instanceof PyFloat) && (k.__index__ !== undefined || typeof k.$v === "number" || typeof k.$v === "bigint"))
    return toIndex(k);
  throw typeError(`${what} indices must be integers, not ${typeOf(k).$name}`);
}

/** Resolves index k (negative counts from the end) into a, or IndexError. */
export function checkIndex(a: any[], k: any, what: string): number {
  let i = typeof k === "number" ? k : seqIndex(k, what);
  if (i < 0) i += a.length;
  if (i >= 0 && i < a.length) return i;
  throw indexError(`${what} index out of range`);
}

/** A slice bound (a JS number) clamped to 0..n, negative ones counting from the end. */
export function clampIdx(i: number, n: number): number {
  if (i < 0) {
    i += n;
    return i < 0 ? 0 : i;
  }
  return i > n ? n : i;
}

/** The items a[start:stop:step] as a new JS array. */
export function sliceArray(a: any[], s: PySlice): any[] {
  // Simple slices skip sliceIndices (and its result array) on the common path.
  if (s.step === None) {
    const n = a.length;
    const start = s.start === None ? 0 : typeof s.start === "number" ? clampIdx(s.start, n) : -1;
    const stop = s.stop === None ? n : typeof s.stop === "number" ? clampIdx(s.stop, n) : -1;
    if (start >= 0 && stop >= 0) return stop > start ? a.slice(start, stop) : [];
  }
  const r = sliceIndices(s, a.length);
  const start = r[0], step = r[2], count = r[3];
  if (step === 1) return a.slice(start, start + count);
  const out = new Array(count);
  for (let i = 0, j = start; i < count; i++, j += step) out[i] = a[j];
  return out;
}

/**
 * Lexicographic comparison of two item arrays (Python's sequence ordering): the first pair of
 * items that differ decides, else the lengths do. `op` is one of the ops comparisons.
 */
export function seqCompare(a: any[], b: any[], op: (x: any, y: any) => any, isEq: boolean): any {
  const n = a.length < b.length ? a.length : b.length;
  let i = 0;
  while (i < n && (a[i] === b[i] || eqBool(a[i], b[i]))) i++;
  if (i < n) return isEq ? false : op(a[i], b[i]);
  if (isEq) return a.length === b.length;
  return op(a.length, b.length);
}

/** a repeated n times (n <= 0 gives an empty array). */
export function seqRepeat(a: any[], n: number): any[] {
  if (n <= 0 || a.length === 0) return [];
  if (a.length * n > MAX_ITEMS) throw memoryError();
  const len = a.length;
  const out = new Array(len * n);
  for (let k = 0, j = 0; k < n; k++) for (let i = 0; i < len; i++) out[j++] = a[i];
  return out;
}

/** The repeat count of `seq * n`, or undefined when n is not an int (then NotImplemented). */
export function repeatCount(n: any): number | undefined {
  if (typeof n === "number") return n;
  if (typeof n === "boolean") return n ? 1 : 0;
  if (typeof n === "bigint") {
    if (n < 0n) return 0;
    throw memoryError();
  }
  if (typeof n === "object" && !(n instanceof PyFloat) && (typeof n.$v === "number" || typeof n.$v === "bigint" || n.__index__ !== undefined))
    return toIndex(n);
  return undefined;
}

/** Index of x in a[start:stop] (bounds as for slices) or -1. */
export function seqFind(a: any[], x: any, start: any, stop: any): number {
  const len = a.length;
  let i = start === undefined ? 0 : clampBound(seqIndex(start, "slice"), len);
  const end = stop === undefined ? len : clampBound(seqIndex(stop, "slice"), len);
  for (; i < end && i < a.length; i++) if (a[i] === x || eqBool(a[i], x)) return i;
  return -1;
}

function clampBound(i: number, len: number): number {
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  return i > len ? len : i;
}

export function seqCount(a: any[], x: any): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === x || eqBool(a[i], x)) n++;
  return n;
}

export function seqContains(a: any[], x: any): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === x || eqBool(a[i], x)) return true;
  return false;
}

/** Containers whose repr is being computed: a container met again prints as `...`. */
const reprActive = new Set<any>();

/** repr of a container: `open item, item close`, guarding against reference cycles. */
export function reprItems(self: any, a: any[], open: string, close: string): string {
  if (reprActive.has(self)) return open + "..." + close;
  reprActive.add(self);
  try {
    let s = open;
    for (let i = 0; i < a.length; i++) {
      if (i > 0) s += ", ";
      s += repr(a[i]);
    }
    return s + close;
  } finally {
    reprActive.delete(self);
  }
}

/** Runs `f` with `self` marked as being printed; returns `cyc` when it already is. */
export function reprGuard(self: any, cyc: string, f: () => string): string {
  if (reprActive.has(self)) return cyc;
  reprActive.add(self);
  try {
    return f();
  } finally {
    reprActive.delete(self);
  }
}

/** Copies the items of any iterable into the end of `out` (fast for list and tuple). */
export function extendArray(out: any[], x: any): void {
  if (x instanceof PyList || x instanceof PyTuple) {
    const a = x.$a;
    const n = a.length; // `l.extend(l)` must not see its own growth
    if (out.length + n > MAX_ITEMS) throw memoryError();
    for (let i = 0; i < n; i++) out.push(a[i]);
    return;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) {
    // The item limit, and every 65536 items the heap guard (memguard.ts), as list.append.
    const n = out.push(v);
    if (n >= MAX_ITEMS || (n & 0xffff) === 0) growthCheck(n);
  }
}

export function noKeywords(kw: Kw): void {
  if (kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
}

// ---------------------------------------------------------------- iterator

/** The list iterator: sees items appended during iteration, as Python's does. */
export class PyListIter extends PyObject {
  $i = 0;
  constructor(public $l: PyList) {
    super();
  }
  $next(): any {
    const a = this.$l.$a;
    const i = this.$i;
    if (i < a.length) {
      this.$i = i + 1;
      return a[i];
    }
    return STOP;
  }
}
export const listIteratorType = defineBuiltinType("list_iterator", PyListIter.prototype);

// Iterator types written in TS share these two methods (their `$next` does the work). They are
// function declarations so that modules in an import cycle with this one can use them early.
export function iterNextMethod(self: any): any {
  const v = self.$next();
  if (v === STOP) throw stopIteration();
  return v;
}
export function iterSelf(self: any): any {
  return self;
}
/** Installs __iter__ and __next__ on an iterator type whose instances have `$next()`. */
export function addIteratorMethods(t: PyType): void {
  addMethods(t, {
    __iter__: builtin("__iter__", iterSelf),
    __next__: builtin("__next__", iterNextMethod),
  });
}
addIteratorMethods(listIteratorType);

// ---------------------------------------------------------------- construction

/** list(iterable): exact lists are filled here; subclasses are filled by list.__init__. */
listType.$new = (cls: PyType, args: any[], kw: Kw) => {
  if (cls !== listType) {
    const o = Object.create(cls.$proto);
    o.$a = [];
    return o;
  }
  noKeywords(kw);
  if (args.length === 0) return new PyList([]);
  if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
  return new PyList(toArray(args[0]));
};

listType.$new1 = (x: any): any => new PyList(toArray(x));

function list_init(self: PyList, iterable: any): any {
  const a = self.$a;
  a.length = 0;
  if (iterable !== undefined) extendArray(a, iterable);
  return None;
}

// ---------------------------------------------------------------- methods

function list_append(self: PyList, x: any): any {
  if (x === undefined) throw new MissingArgument();
  const n = self.$a.push(x);
  // The item limit, and every 65536 items the heap guard (memguard.ts).
  if (n >= MAX_ITEMS || (n & 0xffff) === 0) {
    try {
      growthCheck(n);
    } catch (e) {
      self.$a.pop(); // MemoryError leaves the list as it was
      throw e;
    }
  }
  return None;
}

function list_extend(self: PyList, x: any): any {
  if (x === undefined) throw typeError("function takes 2 positional arguments but 1 were given");
  extendArray(self.$a, x);
  return None;
}

function list_insert(self: PyList, i: any, x: any): any {
  if (x === undefined) throw new MissingArgument();
  const a = self.$a;
  let k = seqIndex(i, "list");
  if (k < 0) {
    k += a.length;
    if (k < 0) k = 0;
  } else if (k > a.length) k = a.length;
  if (k === a.length) a.push(x);
  else a.splice(k, 0, x);
  return None;
}

function list_pop(self: PyList, i: any): any {
  const a = self.$a;
  if (a.length === 0) throw indexError("pop from empty list");
  if (i === undefined) return a.pop();
  const k = checkIndex(a, i, "list");
  if (k === a.length - 1) return a.pop();
  const v = a[k];
  a.splice(k, 1);
  return v;
}

function list_remove(self: PyList, x: any): any {
  const a = self.$a;
  const i = seqFind(a, x, undefined, undefined);
  if (i < 0) throw valueError("object not in sequence");
  a.splice(i, 1);
  return None;
}

function list_index(self: PyList, x: any, start: any, stop: any): any {
  const i = seqFind(self.$a, x, start, stop);
  if (i < 0) throw valueError("object not in sequence");
  return i;
}

function list_count(self: PyList, x: any): any {
  return seqCount(self.$a, x);
}

/** list.sort(*, key=None, reverse=False): a stable sort using `<` (see sort.ts). */
function list_sort(self: PyList, key: any, reverse: any): any {
  sortArray(self.$a, key === undefined ? None : key, reverse === undefined ? false : reverse);
  return None;
}
(list_sort as any).$sig = {
  names: ["self"], posonly: 1, defaults: [], kwonly: ["key", "reverse"], kwDefaults: [None, false],
  varargs: false, varkw: false,
};
// Direct calls may pass `self` only; anything else goes through the keyword binder.
Object.defineProperty(list_sort, "length", { value: 1 });

function list_reverse(self: PyList): any {
  self.$a.reverse();
  return None;
}

function list_copy(self: PyList): any {
  return new PyList(self.$a.slice());
}

function list_clear(self: PyList): any {
  self.$a.length = 0;
  return None;
}

// ---------------------------------------------------------------- special methods

function list_getitem(self: PyList, k: any): any {
  const a = self.$a;
  if (typeof k === "number") {
    const i = k < 0 ? k + a.length : k;
    if (i >= 0 && i < a.length) return a[i];
    throw indexError("list index out of range");
  }
  if (k instanceof PySlice) return new PyList(sliceArray(a, k));
  return a[checkIndex(a, k, "list")];
}

function list_setitem(self: PyList, k: any, v: any): any {
  const a = self.$a;
  if (k instanceof PySlice) {
    setSlice(a, k, v);
    return None;
  }
  a[checkIndex(a, k, "list")] = v;
  return None;
}

/** a[s] = v: a simple slice is replaced by the items (any count); an extended one item by item. */
function setSlice(a: any[], s: PySlice, v: any): void {
  const vals = v instanceof PyList || v instanceof PyTuple ? v.$a.slice() : toArray(v);
  const r = sliceIndices(s, a.length);
  const start = r[0], stop = r[1], step = r[2], count = r[3];
  if (step === 1) {
    replaceRange(a, start, stop > start ? stop : start, vals);
    return;
  }
  if (vals.length !== count)
    throw valueError(`attempt to assign sequence of size ${vals.length} to extended slice of size ${count}`);
  for (let i = 0, j = start; i < count; i++, j += step) a[j] = vals[i];
}

/** Replaces a[start:end] by vals, in place. */
function replaceRange(a: any[], start: number, end: number, vals: any[]): void {
  if (vals.length < 8192) {
    a.splice(start, end - start, ...vals);
    return;
  }
  const tail = a.slice(end);
  a.length = start;
  for (let i = 0; i < vals.length; i++) a.push(vals[i]);
  for (let i = 0; i < tail.length; i++) a.push(tail[i]);
}

function list_delitem(self: PyList, k: any): any {
  const a = self.$a;
  if (!(k instanceof PySlice)) {
    a.splice(checkIndex(a, k, "list"), 1);
    return None;
  }
  const r = sliceIndices(k, a.length);
  const start = r[0], step = r[2], count = r[3];
  if (count === 0) return None;
  if (step === 1) {
    a.splice(start, count);
    return None;
  }
  // Extended slice: compact the survivors in place, in order.
  const lo = step > 0 ? start : start + (count - 1) * step;
  const hi = step > 0 ? start + (count - 1) * step : start;
  const st = step > 0 ? step : -step;
  let w = lo;
  for (let r = lo; r < a.length; r++) if (r > hi || (r - lo) % st !== 0) a[w++] = a[r];
  a.length = w;
  return None;
}

function list_len(self: PyList): any {
  return self.$a.length;
}

function list_iter(self: PyList): any {
  return new PyListIter(self);
}

function list_contains(self: PyList, x: any): any {
  return seqContains(self.$a, x);
}

function list_add(self: PyList, other: any): any {
  if (!(other instanceof PyList)) return NotImplemented;
  return new PyList(self.$a.concat(other.$a));
}

function list_iadd(self: PyList, other: any): any {
  extendArray(self.$a, other);
  return self;
}

function list_mul(self: PyList, n: any): any {
  const c = repeatCount(n);
  if (c === undefined) return NotImplemented;
  return new PyList(seqRepeat(self.$a, c));
}

function list_imul(self: PyList, n: any): any {
  const c = repeatCount(n);
  if (c === undefined) return NotImplemented;
  const a = self.$a;
  const r = seqRepeat(a, c);
  a.length = 0;
  for (let i = 0; i < r.length; i++) a.push(r[i]);
  return self;
}

const isList = (x: any) => x instanceof PyList;

function compareWith(op: (x: any, y: any) => any, isEq: boolean) {
  return (self: PyList, other: any): any =>
    isList(other) ? seqCompare(self.$a, other.$a, op, isEq) : NotImplemented;
}

function list_ne(self: PyList, other: any): any {
  return isList(other) ? !seqCompare(self.$a, other.$a, lt, true) : NotImplemented;
}

function list_repr(self: PyList): any {
  return reprItems(self, self.$a, "[", "]");
}

function list_reversed(self: PyList): any {
  return new PyListRevIter(self);
}

/** reversed(list): walks down from the end; stops if the list shrinks below it. */
export class PyListRevIter extends PyObject {
  $i: number;
  constructor(public $l: PyList) {
    super();
    this.$i = $l.$a.length - 1;
  }
  $next(): any {
    const a = this.$l.$a;
    const i = this.$i;
    if (i >= 0 && i < a.length) {
      this.$i = i - 1;
      return a[i];
    }
    this.$i = -1;
    return STOP;
  }
}
export const listRevIteratorType = defineBuiltinType("list_reverseiterator", PyListRevIter.prototype);
addIteratorMethods(listRevIteratorType);

addMethods(listType, {
  __init__: builtin("__init__", list_init),
  append: builtin("append", list_append),
  extend: builtin("extend", list_extend),
  insert: builtin("insert", list_insert),
  pop: builtin("pop", list_pop),
  remove: builtin("remove", list_remove),
  index: builtin("index", list_index),
  count: builtin("count", list_count),
  sort: builtin("sort", list_sort),
  reverse: builtin("reverse", list_reverse),
  copy: builtin("copy", list_copy),
  clear: builtin("clear", list_clear),
  __getitem__: builtin("__getitem__", list_getitem),
  __setitem__: builtin("__setitem__", list_setitem),
  __delitem__: builtin("__delitem__", list_delitem),
  __len__: builtin("__len__", list_len),
  __iter__: builtin("__iter__", list_iter),
  __reversed__: builtin("__reversed__", list_reversed),
  __contains__: builtin("__contains__", list_contains),
  __add__: builtin("__add__", list_add),
  __iadd__: builtin("__iadd__", list_iadd),
  __mul__: builtin("__mul__", list_mul),
  __rmul__: builtin("__rmul__", list_mul),
  __imul__: builtin("__imul__", list_imul),
  __eq__: builtin("__eq__", compareWith(lt, true)),
  __ne__: builtin("__ne__", list_ne),
  __lt__: builtin("__lt__", compareWith(lt, false)),
  __le__: builtin("__le__", compareWith(le, false)),
  __gt__: builtin("__gt__", compareWith(gt, false)),
  __ge__: builtin("__ge__", compareWith(ge, false)),
  __repr__: builtin("__repr__", list_repr),
  __hash__: None,
});
