// Generator expressions as iterator objects (no JS generator, no IteratorResult per item).
//
// The compiler turns `(elt for x in it if cond)` (one `for` clause, no nested scopes) into
//   $mkGenExpr(function ($i) { ...advance $i until an item passes the filters...
//                              return elt;  or  return $STOP; }, $getIter(it))
// The step function keeps no state of its own: the iterator `$i` holds the position, so each
// call computes the next item. The object is still a Python generator: its prototype is the
// generator type's, so type(), send(), throw(), close(), `yield from` and repr see a generator;
// it only replaces `$resume` (used by those methods) and `$next` (used by iterNext).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { None, STOP } from "./object.ts";
import { newExc, ValueError, RuntimeError, isStopIteration } from "./exceptions.ts";
import { generatorType } from "./types/generator.ts";
import { listType, PyList } from "./types/list.ts";
import { tupleType, mkTuple, PyTuple } from "./types/tuple.ts";
import { setType, mkSet } from "./types/set.ts";
import { getIter, iterNext, add } from "./ops.ts";
import { PyRange } from "./types/range.ts";
import { growthCheck } from "./memguard.ts";
import { call1 } from "./call.ts";

export class PyGenExpr {
  $running = false;
  $done = false;
  $started = false;
  $ret: any = None;
  $name = "<genexpr>";
  $async = false;
  constructor(public $f: (it: any) => any, public $it: any) {}

  $next(): any {
    if (this.$running) throw newExc(ValueError, "generator already executing");
    if (this.$done) return STOP;
    this.$running = true;
    this.$started = true;
    let v: any;
    try {
      v = this.$f(this.$it);
    } catch (e) {
      this.$running = false;
      this.$done = true;
      // As for generator functions: a StopIteration escaping the body is a RuntimeError.
      if (isStopIteration(e)) throw newExc(RuntimeError, "generator raised StopIteration");
      throw e;
    }
    this.$running = false;
    if (v === STOP) this.$done = true;
    return v;
  }

  /** The generator protocol (see PyGenerator.$resume): 0 = next/send, 1 = throw into it. */
  $resume(kind: 0 | 1, v: any): any {
    if (kind === 0) return this.$next();
    if (this.$running) throw newExc(ValueError, "generator already executing");
    // Nothing in a generator expression catches an exception thrown in at its yield.
    this.$done = true;
    this.$started = true;
    throw v;
  }
}
Object.setPrototypeOf(PyGenExpr.prototype, generatorType.$proto);
delete (PyGenExpr.prototype as any).constructor;

export function mkGenExpr(f: (it: any) => any, it: any): any {
  return new PyGenExpr(f, it);
}

/**
 * `fn(genexpr)` for a simple generator expression: the compiler passes a map function (one
 * source item → the generator's item, or undefined when the filters drop it) and the source
 * iterable. When `fn` is the builtin tuple, list or set, the items are collected straight from
 * the source (exact lists, tuples and ranges by index; no generator object, no per-item
 * protocol): nothing else can see the generator, so this is unobservable. Else `fn(generator)`.
 */
export function callGE(fn: any, m: (x: any) => any, x: any): any {
  if (fn === tupleType) return mkTuple(collect(m, x));
  if (fn === listType) return new PyList(collect(m, x));
  if (fn === setType) return mkSet(collect(m, x));
  if (typeof fn === "function" && (fn as any).$builtin === true && (fn as any).$name === "sum" && fn.length === 2) return sumGE(m, x);
  return call1(fn, new PyGenExpr(mapStep(m), getIter(x)));
}

function mapStep(m: (x: any) => any): (it: any) => any {
  return (it: any): any => {
    for (;;) {
      const v = iterNext(it);
      if (v === STOP) return STOP;
      const r = m(v);
      if (r !== undefined) return r;
    }
  };
}

/** What an exception escaping a generator expression's body becomes: StopIteration → RuntimeError. */
export function genStop(e: any): any {
  return isStopIteration(e) ? newExc(RuntimeError, "generator raised StopIteration") : e;
}

/** sum(genexpr) for the builtin sum: adds each item as it is produced, in the same order. */
function sumGE(m: (x: any) => any, x: any): any {
  let acc: any = 0;
  const s = seqOf(x);
  const r = s === null && x instanceof PyRange && !x.$big ? x : null;
  const it = s === null && r === null ? getIter(x) : null;
  if (s !== null) {
    const a = s.$a;
    for (let i = 0; i < a.length; i++) {
      const v = genItem(m, a[i]);
      if (v !== undefined) acc = typeof acc === "number" && typeof v === "number" && Number.isSafeInteger(acc + v) ? acc + v : add(acc, v);
    }
  } else if (r !== null) {
    const stop = r.stop as number, step = r.step as number;
    for (let i = r.start as number; step > 0 ? i < stop : i > stop; i += step) {
      const v = genItem(m, i);
      if (v !== undefined) acc = typeof acc === "number" && typeof v === "number" && Number.isSafeInteger(acc + v) ? acc + v : add(acc, v);
    }
  } else {
    for (let e = iterNext(it); e !== STOP; e = iterNext(it)) {
      const v = genItem(m, e);
      if (v !== undefined) acc = typeof acc === "number" && typeof v === "number" && Number.isSafeInteger(acc + v) ? acc + v : add(acc, v);
    }
  }
  return acc;
}

/** One generator step; a StopIteration escaping the body is a RuntimeError, as in generators. */
function genItem(m: (x: any) => any, v: any): any {
  try {
    return m(v);
  } catch (e) {
    if (isStopIteration(e)) throw newExc(RuntimeError, "generator raised StopIteration");
    throw e;
  }
}

function collect(m: (x: any) => any, x: any): any[] {
  const out: any[] = [];
  const s = seqOf(x);
  const r = s === null && x instanceof PyRange && !x.$big ? x : null;
  // iter(x) is evaluated outside the generator: its StopIteration is not converted.
  const it = s === null && r === null ? getIter(x) : null;
  try {
    if (s !== null) {
      const a = s.$a;
      for (let i = 0; i < a.length; i++) {
        const v = m(a[i]);
        if (v !== undefined) out.push(v);
      }
    } else if (r !== null) {
      const stop = r.stop as number, step = r.step as number;
      for (let i = r.start as number; step > 0 ? i < stop : i > stop; i += step) {
        const v = m(i);
        if (v !== undefined && (out.push(v) & 0xffff) === 0) growthCheck(out.length);
      }
    } else {
      for (let e = iterNext(it); e !== STOP; e = iterNext(it)) {
        const v = m(e);
        if (v !== undefined && (out.push(v) & 0xffff) === 0) growthCheck(out.length);
      }
    }
  } catch (e) {
    // As for generator functions: a StopIteration escaping the body is a RuntimeError.
    if (isStopIteration(e)) throw newExc(RuntimeError, "generator raised StopIteration");
    throw e;
  }
  return out;
}

// ---------------------------------------------------------------- loops over lists and tuples
// `for x in seq` walks an exact list or tuple by index instead of through an iterator object:
//   s = seqOf(v); it = s === null ? getIter(v) : null; i = 0;
//   loop: if (s !== null) { if (i >= s.$a.length) break; x = s.$a[i++]; } else ...iterNext(it)...
// Reading `s.$a.length` on every step sees items appended or removed by the body, exactly as
// the list iterator does. Subclasses may override __iter__, so only the exact types qualify.

/**
 * x if it is an exact list or tuple (iterated by index); for a str of moderate length, a tuple
 * of its characters (one split instead of an iterator step per character); else null.
 */
export function seqOf(x: any): any {
  if (typeof x === "object") {
    const c = x.$cls;
    if (c === listType || c === tupleType) return x;
    if (x instanceof PyRange && !x.$big) return smallRange(x);
  } else if (typeof x === "string" && x.length <= STR_SPLIT_MAX) {
    return new PyTuple(SURROGATE.test(x) ? Array.from(x) : x.split(""));
  }
  return null;
}

/** The items of a short range (`for i in cols` with cols = range(8)) as a tuple, else null. */
function smallRange(r: PyRange): any {
  // A range is immutable and the loop only reads the tuple: made once per range object.
  const t = r.$items;
  if (t !== undefined) return t;
  const start = r.start as number, stop = r.stop as number, step = r.step as number;
  const n = step > 0 ? Math.ceil((stop - start) / step) : Math.ceil((start - stop) / -step);
  if (n > SMALL_RANGE) return (r.$items = null);
  const a: number[] = [];
  for (let i = 0, v = start; i < n; i++, v += step) a.push(v);
  return (r.$items = new PyTuple(a));
}

/** Longer ranges are walked by their iterator (no array of every item). */
const SMALL_RANGE = 32;

/** Longer strings are walked by their iterator, without an array of every character. */
const STR_SPLIT_MAX = 1 << 16;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The first iterable of a comprehension: an exact list or tuple itself, else its iterator. */
export function seqIter(x: any): any {
  return seqOf(x) ?? getIter(x);
}
