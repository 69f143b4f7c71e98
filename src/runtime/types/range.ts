// range: an immutable arithmetic sequence (MicroPython's objrange.c). start/stop/step are
// Python-visible read-only attributes (own properties of a non-user object, see attr.ts).
//
// Bounds are JS numbers in the common case; a range with a bound beyond ±2**51 (or a bigint)
// is "big" and its arithmetic is done with bigints, so lengths and items stay exact.
import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, NotImplemented, STOP,
} from "../object.ts";
import { typeError, valueError, indexError } from "../exceptions.ts";
import { toIndex, eqBool, iterNext, getIter } from "../ops.ts";
import { normBig } from "./int.ts";
import { PyFloat } from "./float.ts";
import { PySlice, sliceIndices } from "./slice.ts";
import { seqIndex, addIteratorMethods, noKeywords } from "./list.ts";
import { type Kw } from "../call.ts";

type Int = number | bigint;
const LIMIT = 2 ** 51;

export class PyRange extends PyObject {
  /** Any bound needs bigint arithmetic. */
  $big: boolean;
  /** The items as a tuple, for a short range iterated by a for loop (fastiter.ts). */
  $items: any = undefined;
  constructor(public start: Int, public stop: Int, public step: Int) {
    super();
    this.$big = isBig(start) || isBig(stop) || isBig(step);
  }
}
export const rangeType = defineBuiltinType("range", PyRange.prototype);

function isBig(x: Int): boolean {
  return typeof x === "bigint" || x > LIMIT || x < -LIMIT;
}

export function mkRange(start: Int, stop: Int, step: Int): PyRange {
  return new PyRange(start, stop, step);
}

/** Number of items (a JS number: big ranges beyond 2**53 items are not supported). */
export function rangeLen(r: PyRange): number {
  if (!r.$big) {
    const start = r.start as number, stop = r.stop as number, step = r.step as number;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  return Number(bigLen(r));
}

function bigLen(r: PyRange): bigint {
  const start = BigInt(r.start), stop = BigInt(r.stop), step = BigInt(r.step);
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}

/** The i-th item (0 <= i < len). */
function itemAt(r: PyRange, i: number): Int {
  if (!r.$big) return (r.start as number) + i * (r.step as number);
  return normBig(BigInt(r.start) + BigInt(i) * BigInt(r.step));
}

// ---------------------------------------------------------------- iterators

/** Iterates a range of JS numbers. */
export class PyRangeIter extends PyObject {
  constructor(public $cur: number, public $stop: number, public $step: number) {
    super();
  }
  $next(): any {
    const cur = this.$cur;
    if (this.$step > 0 ? cur < this.$stop : cur > this.$stop) {
      this.$cur = cur + this.$step;
      return cur;
    }
    return STOP;
  }
}
export const rangeIteratorType = defineBuiltinType("range_iterator", PyRangeIter.prototype);
addIteratorMethods(rangeIteratorType);

/** Iterates a big range with bigint arithmetic. */
class PyBigRangeIter extends PyObject {
  $cur: bigint;
  $stop: bigint;
  $step: bigint;
  constructor(cur: Int, stop: Int, step: Int) {
    super();
    this.$cur = BigInt(cur);
    this.$stop = BigInt(stop);
    this.$step = BigInt(step);
  }
  $next(): any {
    const cur = this.$cur;
    if (this.$step > 0n ? cur < this.$stop : cur > this.$stop) {
      this.$cur = cur + this.$step;
      return normBig(cur);
    }
    return STOP;
  }
}
const bigRangeIteratorType = defineBuiltinType("range_iterator", PyBigRangeIter.prototype);
addIteratorMethods(bigRangeIteratorType);

export function rangeIter(r: PyRange): PyObject {
  if (!r.$big) return new PyRangeIter(r.start as number, r.stop as number, r.step as number);
  return new PyBigRangeIter(r.start, r.stop, r.step);
}

// ---------------------------------------------------------------- construction

function rangeArg(x: any): Int {
  if (typeof x === "number" || typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "object" && (typeof x.$v === "bigint" || typeof x.$v === "number") && !(x instanceof PyFloat)) return x.$v;
  return toIndex(x);
}

/** range(stop) / range(start, stop[, step]) */
rangeType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  noKeywords(kw);
  const n = args.length;
  if (n === 1) return new PyRange(0, rangeArg(args[0]), 1);
  if (n === 2 || n === 3) {
    const step = n === 3 ? rangeArg(args[2]) : 1;
    if (step === 0 || step === 0n) throw valueError("zero step");
    return new PyRange(rangeArg(args[0]), rangeArg(args[1]), step);
  }
  throw typeError(`function expected at most 3 arguments, got ${n}`);
};

// ---------------------------------------------------------------- methods

function range_getitem(self: PyRange, k: any): any {
  if (k instanceof PySlice) {
    const len = rangeLen(self);
    const [start, stop, step] = sliceIndices(k, len);
    if (!self.$big) {
      const s0 = self.start as number, st = self.step as number;
      return new PyRange(s0 + start * st, s0 + stop * st, st * step);
    }
    const s0 = BigInt(self.start), st = BigInt(self.step);
    return new PyRange(normBig(s0 + BigInt(start) * st), normBig(s0 + BigInt(stop) * st), normBig(st * BigInt(step)));
  }
  if (self.$big) return bigItem(self, k);
  const len = rangeLen(self);
  let i = typeof k === "number" ? k : seqIndex(k, "range");
  if (i < 0) i += len;
  if (i < 0 || i >= len) throw indexError("range index out of range");
  return itemAt(self, i);
}

/** r[k] for a big range: exact bigint index arithmetic. */
function bigItem(r: PyRange, k: any): Int {
  const len = bigLen(r);
  let i = typeof k === "bigint" ? k : BigInt(typeof k === "number" ? k : seqIndex(k, "range"));
  if (i < 0n) i += len;
  if (i < 0n || i >= len) throw indexError("range index out of range");
  return normBig(BigInt(r.start) + i * BigInt(r.step));
}

/** Position of int x in the range, or -1. */
function intPosition(self: PyRange, x: Int): number {
  if (!self.$big && typeof x === "number") {
    const start = self.start as number, stop = self.stop as number, step = self.step as number;
    if (step > 0 ? x < start || x >= stop : x > start || x <= stop) return -1;
    const d = x - start;
    return d % step === 0 ? d / step : -1;
  }
  const bx = BigInt(x), start = BigInt(self.start), stop = BigInt(self.stop), step = BigInt(self.step);
  if (step > 0n ? bx < start || bx >= stop : bx > start || bx <= stop) return -1;
  const d = bx - start;
  return d % step === 0n ? Number(d / step) : -1;
}

function isIntValue(x: any): x is Int | boolean {
  return typeof x === "number" || typeof x === "bigint" || typeof x === "boolean";
}

function range_contains(self: PyRange, x: any): any {
  if (isIntValue(x)) return intPosition(self, typeof x === "boolean" ? (x ? 1 : 0) : x) >= 0;
  const it = rangeIter(self) as any;
  for (let v = it.$next(); v !== STOP; v = it.$next()) if (eqBool(v, x)) return true;
  return false;
}

function range_index(self: PyRange, x: any): any {
  if (isIntValue(x)) {
    const i = intPosition(self, typeof x === "boolean" ? (x ? 1 : 0) : x);
    if (i >= 0) return i;
  } else {
    const it = getIter(self);
    for (let i = 0, v = iterNext(it); v !== STOP; v = iterNext(it), i++) if (eqBool(v, x)) return i;
  }
  throw valueError("object not in sequence");
}

function range_count(self: PyRange, x: any): any {
  if (isIntValue(x)) return range_contains(self, x) ? 1 : 0;
  let n = 0;
  const it = getIter(self);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (eqBool(v, x)) n++;
  return n;
}

/** Ranges are equal when they hold the same items (MicroPython's rule). */
function range_eq(self: PyRange, other: any): any {
  if (!(other instanceof PyRange)) return NotImplemented;
  const n = rangeLen(self);
  if (n !== rangeLen(other)) return false;
  if (n === 0) return true;
  if (!eqBool(self.start, other.start)) return false;
  return n === 1 || eqBool(self.step, other.step);
}

function range_repr(self: PyRange): any {
  const s = `range(${self.start}, ${self.stop}`;
  return self.step === 1 ? s + ")" : `${s}, ${self.step})`;
}

function range_reversed(self: PyRange): any {
  const n = rangeLen(self);
  if (n === 0) return new PyRangeIter(0, 0, 1);
  const last = itemAt(self, n - 1);
  if (!self.$big) return new PyRangeIter(last as number, (self.start as number) - (self.step as number), -(self.step as number));
  return new PyBigRangeIter(last, BigInt(self.start) - BigInt(self.step), -BigInt(self.step));
}

addMethods(rangeType, {
  __len__: builtin("__len__", (self: PyRange) => (self.$big ? normBig(bigLen(self)) : rangeLen(self))),
  __bool__: builtin("__bool__", (self: PyRange) => rangeLen(self) !== 0),
  __getitem__: builtin("__getitem__", range_getitem),
  __iter__: builtin("__iter__", rangeIter),
  __reversed__: builtin("__reversed__", range_reversed),
  __contains__: builtin("__contains__", range_contains),
  __eq__: builtin("__eq__", range_eq),
  __repr__: builtin("__repr__", range_repr),
  index: builtin("index", range_index),
  count: builtin("count", range_count),
});
