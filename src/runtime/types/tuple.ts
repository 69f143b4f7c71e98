// tuple: an immutable sequence over a JS array (MicroPython's objtuple.c).
//
// exceptions.ts imports this module, so nothing at its top level may use ops.ts or
// exceptions.ts bindings (they may not be initialised yet); only functions do.
import { PyObject, PyType, defineBuiltinType, addMethods, builtin, NotImplemented, STOP } from "../object.ts";
import { valueError, typeError } from "../exceptions.ts";
import { hash, lt, le, gt, ge, toArray } from "../ops.ts";
import { PySlice } from "./slice.ts";
import {
  checkIndex, sliceArray, seqCompare, seqRepeat, repeatCount, seqFind, seqCount, seqContains,
  reprItems, noKeywords, addIteratorMethods,
} from "./list.ts";
import { type Kw } from "../call.ts";

export class PyTuple extends PyObject {
  constructor(public $a: any[]) {
    super();
  }
}
export const tupleType = defineBuiltinType("tuple", PyTuple.prototype);
(PyTuple.prototype as any).$hk = 1;

export const emptyTuple = new PyTuple([]);

export function mkTuple(a: any[]): PyTuple {
  return a.length === 0 ? emptyTuple : new PyTuple(a);
}

// ---------------------------------------------------------------- iterator

export class PyTupleIter extends PyObject {
  $i = 0;
  constructor(public $t: any[]) {
    super();
  }
  $next(): any {
    const i = this.$i;
    if (i < this.$t.length) {
      this.$i = i + 1;
      return this.$t[i];
    }
    return STOP;
  }
}
export const tupleIteratorType = defineBuiltinType("tuple_iterator", PyTupleIter.prototype);

// ---------------------------------------------------------------- construction

/** tuple(iterable); subclasses get their items here too (tuple has no __init__ to fill them). */
tupleType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKeywords(kw);
  if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
  const x = args[0];
  if (cls === tupleType) {
    if (x === undefined) return emptyTuple;
    if (x instanceof PyTuple && x.$cls === tupleType) return x;
    return mkTuple(toArray(x));
  }
  const o = Object.create(cls.$proto);
  o.$a = x === undefined ? [] : toArray(x);
  return o;
};

tupleType.$new1 = (x: any): any => (x instanceof PyTuple && x.$cls === tupleType ? x : mkTuple(toArray(x)));

const tuple_new = builtin("__new__", (cls: any, ...args: any[]) => {
  if (!(cls instanceof PyType)) throw typeError("tuple.__new__(X): X is not a type object");
  return tupleType.$new!(cls, args, null);
});
(tuple_new as any).$builtinNew = true;

// ---------------------------------------------------------------- methods

function tuple_getitem(self: PyTuple, k: any): any {
  const a = self.$a;
  if (typeof k === "number") {
    const i = k < 0 ? k + a.length : k;
    if (i >= 0 && i < a.length) return a[i];
  } else if (k instanceof PySlice) {
    return mkTuple(sliceArray(a, k));
  }
  return a[checkIndex(a, k, "tuple")];
}

function tuple_index(self: PyTuple, x: any, start: any, stop: any): any {
  const i = seqFind(self.$a, x, start, stop);
  if (i < 0) throw valueError("object not in sequence");
  return i;
}

function tuple_add(self: PyTuple, other: any): any {
  if (!(other instanceof PyTuple)) return NotImplemented;
  if (other.$a.length === 0 && self.$cls === tupleType) return self;
  return mkTuple(self.$a.concat(other.$a));
}

function tuple_mul(self: PyTuple, n: any): any {
  const c = repeatCount(n);
  if (c === undefined) return NotImplemented;
  if (c === 1 && self.$cls === tupleType) return self;
  return mkTuple(seqRepeat(self.$a, c));
}

/** hash: combines the items' hashes in order, so equal tuples (1,) and (1.0,) hash alike. */
function tuple_hash(self: PyTuple): any {
  const a = self.$a;
  let h = 0x345678;
  let mult = 1000003;
  for (let i = 0; i < a.length; i++) {
    const x = hash(a[i]);
    const hx = typeof x === "number" ? (x | 0) ^ ((x / 4294967296) | 0) : Number(BigInt.asIntN(32, x));
    h = Math.imul(h ^ hx, mult);
    mult = (mult + 82520 + 2 * (a.length - i)) | 0;
  }
  h = (h + 97531) & 0x3fffffff;
  return h;
}

function tuple_repr(self: PyTuple): any {
  const a = self.$a;
  if (a.length === 1) return reprItems(self, a, "(", ",)");
  return reprItems(self, a, "(", ")");
}

const isTuple = (x: any) => x instanceof PyTuple;

function compareWith(op: (x: any, y: any) => any, isEq: boolean) {
  return (self: PyTuple, other: any): any =>
    isTuple(other) ? seqCompare(self.$a, other.$a, op, isEq) : NotImplemented;
}

addIteratorMethods(tupleIteratorType);

addMethods(tupleType, {
  __new__: tuple_new,
  count: builtin("count", (self: PyTuple, x: any) => seqCount(self.$a, x)),
  index: builtin("index", tuple_index),
  __getitem__: builtin("__getitem__", tuple_getitem),
  __len__: builtin("__len__", (self: PyTuple) => self.$a.length),
  __iter__: builtin("__iter__", (self: PyTuple) => new PyTupleIter(self.$a)),
  __contains__: builtin("__contains__", (self: PyTuple, x: any) => seqContains(self.$a, x)),
  __add__: builtin("__add__", tuple_add),
  __mul__: builtin("__mul__", tuple_mul),
  __rmul__: builtin("__rmul__", tuple_mul),
  __hash__: builtin("__hash__", tuple_hash),
  __eq__: builtin("__eq__", compareWith(lt, true)),
  __ne__: builtin("__ne__", (self: PyTuple, other: any) =>
    isTuple(other) ? !seqCompare(self.$a, other.$a, lt, true) : NotImplemented),
  __lt__: builtin("__lt__", compareWith(lt, false)),
  __le__: builtin("__le__", compareWith(le, false)),
  __gt__: builtin("__gt__", compareWith(gt, false)),
  __ge__: builtin("__ge__", compareWith(ge, false)),
  __repr__: builtin("__repr__", tuple_repr),
});
