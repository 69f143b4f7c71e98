// The builtin iterator types: enumerate, zip, map, filter, reversed (MicroPython's
// objenumerate.c, objzip.c, objmap.c, objfilter.c, objreversed.c). Each is a type (calling it
// creates an iterator through its `$new`) whose instances have `$next()` returning the next
// value or STOP, plus Python's __iter__/__next__.
//
// The sequence types' own iterators live beside them (list.ts, tuple.ts, dict.ts, set.ts,
// range.ts), as in MicroPython.
import { PyObject, PyType, defineBuiltinType, None, STOP, typeOf } from "../object.ts";
import { typeError } from "../exceptions.ts";
import { getIter, iterNext, isTrue, add, getItem, toIndex, callSpecial, listTypeRef } from "../ops.ts";
import { call, type Kw } from "../call.ts";
import { mkTuple, PyTuple, tupleType } from "./tuple.ts";
import { listType, addIteratorMethods } from "./list.ts";

// The list fast path in ops.getItem/setItem needs the exact list type. ops.ts imports list.ts,
// so list.ts cannot set this itself (ops.ts may not be initialised yet when list.ts runs);
// this module imports ops.ts and is not imported by it, so ops is ready here.
listTypeRef.t = listType;

/** Gives an iterator made by a `$new` the class it was created for (a user subclass). */
function ofClass<T extends PyObject>(o: T, cls: PyType, base: PyType): T {
  if (cls !== base) Object.setPrototypeOf(o, cls.$proto);
  return o;
}

/** Calls f with one argument, directly when it is a plain JS function that takes it. */
function call1(f: any, x: any): any {
  return typeof f === "function" && f.length >= 1 ? f(x) : call(f, [x], null);
}

/** Keyword arguments of an iterator constructor: only the names in `allowed`. */
function kwArg(kw: Kw, name: string, allowed: string[]): any {
  if (kw === null) return undefined;
  for (const k in kw) if (!allowed.includes(k)) throw typeError(`unexpected keyword argument '${k}'`);
  return kw[name];
}

function noKw(kw: Kw): void {
  if (kw !== null) for (const _ in kw) throw typeError("function doesn't take keyword arguments");
}

// ---------------------------------------------------------------- enumerate

export class PyEnumerate extends PyObject {
  constructor(public $it: any, public $i: any) {
    super();
  }
  $next(): any {
    const v = iterNext(this.$it);
    if (v === STOP) return STOP;
    const i = this.$i;
    this.$i = typeof i === "number" && i < Number.MAX_SAFE_INTEGER ? i + 1 : add(i, 1);
    return mkTuple([i, v]);
  }
}
export const enumerateType = defineBuiltinType("enumerate", PyEnumerate.prototype);

/** enumerate(iterable, start=0) */
enumerateType.$new = (cls: PyType, args: any[], kw: Kw) => {
  const allowed = ["iterable", "start"];
  const iterable = args.length > 0 ? args[0] : kwArg(kw, "iterable", allowed);
  let start = args.length > 1 ? args[1] : kwArg(kw, "start", allowed);
  if (args.length > 2) throw typeError(`function expected at most 2 arguments, got ${args.length}`);
  if (iterable === undefined) throw typeError("function missing 1 required positional arguments");
  if (start === undefined) start = 0;
  else if (typeof start !== "number" && typeof start !== "bigint") start = toIndex(start);
  return ofClass(new PyEnumerate(getIter(iterable), start), cls, enumerateType);
};

// ---------------------------------------------------------------- zip

export class PyZip extends PyObject {
  constructor(public $its: any[]) {
    super();
  }
  $next(): any {
    const its = this.$its;
    const n = its.length;
    if (n === 0) return STOP;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = iterNext(its[i]);
      if (v === STOP) return STOP;
      out[i] = v;
    }
    return mkTuple(out);
  }
}
export const zipType = defineBuiltinType("zip", PyZip.prototype);

/** zip(*iterables): tuples of the i-th items, until the shortest iterable ends. */
zipType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  const its = new Array(args.length);
  for (let i = 0; i < args.length; i++) its[i] = getIter(args[i]);
  return ofClass(new PyZip(its), cls, zipType);
};

// ---------------------------------------------------------------- map

export class PyMap extends PyObject {
  constructor(public $f: any, public $its: any[]) {
    super();
  }
  $next(): any {
    const its = this.$its;
    const f = this.$f;
    if (its.length === 1) {
      const v = iterNext(its[0]);
      return v === STOP ? STOP : call1(f, v);
    }
    const args = new Array(its.length);
    for (let i = 0; i < its.length; i++) {
      const v = iterNext(its[i]);
      if (v === STOP) return STOP;
      args[i] = v;
    }
    return typeof f === "function" && f.length >= args.length ? f(...args) : call(f, args, null);
  }
}
export const mapType = defineBuiltinType("map", PyMap.prototype);

/** map(function, *iterables) */
mapType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  if (args.length < 2) throw typeError("function missing required positional arguments");
  const its = new Array(args.length - 1);
  for (let i = 1; i < args.length; i++) its[i - 1] = getIter(args[i]);
  return ofClass(new PyMap(args[0], its), cls, mapType);
};

// ---------------------------------------------------------------- filter

export class PyFilter extends PyObject {
  constructor(public $f: any, public $it: any) {
    super();
  }
  $next(): any {
    const f = this.$f;
    for (;;) {
      const v = iterNext(this.$it);
      if (v === STOP) return STOP;
      const r = f === None ? v : call1(f, v);
      if (r === true || (r !== false && isTrue(r))) return v;
    }
  }
}
export const filterType = defineBuiltinType("filter", PyFilter.prototype);

/** filter(function_or_None, iterable) */
filterType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  if (args.length !== 2) throw typeError(`function takes 2 positional arguments but ${args.length} were given`);
  return ofClass(new PyFilter(args[0], getIter(args[1])), cls, filterType);
};

// ---------------------------------------------------------------- reversed

/** reversed() over a JS array of a tuple (immutable: no bounds changes to watch for). */
class PyArrayRevIter extends PyObject {
  constructor(public $a: any[], public $i: number) {
    super();
  }
  $next(): any {
    const i = this.$i;
    if (i < 0) return STOP;
    this.$i = i - 1;
    return this.$a[i];
  }
}

/** reversed() over any sequence: __len__ once, then __getitem__ from the end. */
export class PyReversed extends PyObject {
  constructor(public $seq: any, public $i: number) {
    super();
  }
  $next(): any {
    const i = this.$i;
    if (i < 0) return STOP;
    this.$i = i - 1;
    return getItem(this.$seq, i);
  }
}
export const reversedType = defineBuiltinType("reversed", PyReversed.prototype);
const arrayRevIterType = defineBuiltinType("reversed", PyArrayRevIter.prototype);

/** reversed(seq): seq.__reversed__() when defined, else __len__ and __getitem__. */
reversedType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  if (args.length !== 1) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
  const seq = args[0];
  const proto = typeOf(seq).$proto;
  const rev = proto.__reversed__;
  if (rev !== undefined && rev !== None) return callSpecial(rev, seq);
  if (seq instanceof PyTuple && cls === reversedType && seq.$cls === tupleType) {
    return new PyArrayRevIter(seq.$a, seq.$a.length - 1);
  }
  const len = proto.__len__;
  if (len === undefined || proto.__getitem__ === undefined) throw typeError(`'${typeOf(seq).$name}' object isn't reversible`);
  const n = toIndex(callSpecial(len, seq));
  return ofClass(new PyReversed(seq, n - 1), cls, reversedType);
};

for (const t of [enumerateType, zipType, mapType, filterType, reversedType, arrayRevIterType]) addIteratorMethods(t);

/** The types above by their builtins names, for the builtins module. */
export const iteratorTypes: Record<string, PyType> = {
  enumerate: enumerateType,
  zip: zipType,
  map: mapType,
  filter: filterType,
  reversed: reversedType,
};
