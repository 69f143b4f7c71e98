// set and frozenset: hash tables of keys (../hashtable.ts); values are unused (MicroPython's
// objset.c). Operators take sets only; the named methods take any iterables. A result has the
// builtin type of the left operand (set or frozenset).
import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf,
} from "../object.ts";
import { HashTable } from "../hashtable.ts";
import { typeError, keyError, newExc, KeyError, runtimeError } from "../exceptions.ts";
import { getIter, iterNext, hash, repr } from "../ops.ts";
import { type Kw } from "../call.ts";
import { PyList, reprGuard, addIteratorMethods, noKeywords } from "./list.ts";
import { PyTuple } from "./tuple.ts";

export class PySet extends PyObject {
  $t: HashTable;
  constructor(t?: HashTable) {
    super();
    this.$t = t ?? new HashTable();
  }
}
export const setType = defineBuiltinType("set", PySet.prototype);
(PySet.prototype as any).$hk = 2;

/** frozenset shares set's layout; it is a separate type (not a subclass) as in Python. */
export class PyFrozenSet extends PyObject {
  $t: HashTable;
  constructor(t?: HashTable) {
    super();
    this.$t = t ?? new HashTable();
  }
}
export const frozensetType = defineBuiltinType("frozenset", PyFrozenSet.prototype);
(PyFrozenSet.prototype as any).$hk = 1;

/** {a, b, ...}: a set display of n items preallocates n slots, as MicroPython's does; a set
 *  comprehension (n 0) starts empty. */
export function mkSet(items: any[], n = items.length): PySet {
  const s = new PySet(new HashTable(n));
  for (let i = 0; i < items.length; i++) s.$t.set(items[i], true);
  return s;
}

type AnySet = PySet | PyFrozenSet;

function isAnySet(x: any): x is AnySet {
  return x instanceof PySet || x instanceof PyFrozenSet;
}

/** A new empty set of the same builtin kind as `self` (set or frozenset). */
function sameKind(self: AnySet, t: HashTable): AnySet {
  return self instanceof PyFrozenSet ? new PyFrozenSet(t) : new PySet(t);
}

/** The keys of any iterable as a HashTable (a set's own table when given a set). */
function tableOf(x: any): HashTable {
  if (isAnySet(x)) return x.$t;
  const t = new HashTable();
  addAll(t, x);
  return t;
}

function addAll(t: HashTable, x: any): void {
  if (isAnySet(x)) {
    for (const e of x.$t.entries()) t.set(e.k, true);
    return;
  }
  if (x instanceof PyList || x instanceof PyTuple) {
    const a = x.$a;
    for (let i = 0; i < a.length; i++) t.set(a[i], true);
    return;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) t.set(v, true);
}

// ---------------------------------------------------------------- iteration

/** Iterates a set in slot order (MicroPython's order, see ../hashtable.ts). */
export class PySetIter extends PyObject {
  /** The next slot to look at. */
  $i = 0;
  $n: number;
  constructor(public $s: AnySet) {
    super();
    this.$n = $s.$t.size;
  }
  $next(): any {
    const t = this.$s.$t;
    if (t.size !== this.$n) {
      this.$n = -1;
      throw runtimeError("Set changed size during iteration");
    }
    const s = t.slots();
    let i = this.$i;
    while (i < s.length) {
      const e = s[i++];
      if (e !== null) {
        this.$i = i;
        return e.k;
      }
    }
    this.$i = i;
    return STOP;
  }
}
export const setIteratorType = defineBuiltinType("set_iterator", PySetIter.prototype);
addIteratorMethods(setIteratorType);

// ---------------------------------------------------------------- construction

function newSetOf(cls: PyType, args: any[], kw: Kw, frozen: boolean): any {
  noKeywords(kw);
  if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
  const x = args[0];
  const base = frozen ? frozensetType : setType;
  if (cls === base) {
    if (frozen && x instanceof PyFrozenSet && x.$cls === frozensetType) return x;
    const t = new HashTable();
    if (x !== undefined) addAll(t, x);
    return frozen ? new PyFrozenSet(t) : new PySet(t);
  }
  const o = Object.create(cls.$proto);
  o.$t = new HashTable();
  // A frozenset subclass is filled now (it is immutable); a set subclass by set.__init__.
  if (frozen && x !== undefined) addAll(o.$t, x);
  return o;
}

setType.$new = (cls: PyType, args: any[], kw: Kw) => newSetOf(cls, args, kw, false);
frozensetType.$new = (cls: PyType, args: any[], kw: Kw) => newSetOf(cls, args, kw, true);

const frozenset_new = builtin("__new__", (cls: any, ...args: any[]) => newSetOf(cls, args, null, true));
(frozenset_new as any).$builtinNew = true;

function set_init(self: PySet, x: any): any {
  self.$t.clear();
  if (x !== undefined) addAll(self.$t, x);
  return None;
}

// ---------------------------------------------------------------- set algebra

function union(self: AnySet, others: any[]): AnySet {
  const t = self.$t.copy();
  for (const o of others) addAll(t, o);
  return sameKind(self, t);
}

/** The items of each other in turn that are in the result so far, added in the other's order
 *  to a new table (MicroPython's set_intersect, whose order this gives). */
function intersection(self: AnySet, others: any[]): AnySet {
  let t = self.$t;
  for (const o of others) {
    if (o === self) continue;
    const r = new HashTable();
    if (isAnySet(o)) {
      for (const e of o.$t.entries()) if (t.has(e.k)) r.set(e.k, true);
    } else {
      const it = getIter(o);
      for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (t.has(v)) r.set(v, true);
    }
    t = r;
  }
  return sameKind(self, t === self.$t ? t.copy() : t);
}

function difference(self: AnySet, others: any[]): AnySet {
  const t = self.$t.copy();
  for (const o of others) {
    if (o === self) {
      t.clear();
      continue;
    }
    for (const e of tableOf(o).entries()) t.delete(e.k);
  }
  return sameKind(self, t);
}

function symmetricDifference(self: AnySet, other: any): AnySet {
  const t = self.$t.copy();
  symDiffInto(t, other);
  return sameKind(self, t);
}

/** Toggles each item of an iterable in turn, in its order (MicroPython's, whose set order
 *  depends on it; an item repeated in a list toggles twice, as there). */
function symDiffInto(t: HashTable, other: any): void {
  if (isAnySet(other)) {
    const o = other.$t;
    if (o === t) {
      t.clear();
      return;
    }
    for (const e of o.entries()) if (t.delete(e.k) === undefined) t.set(e.k, true);
    return;
  }
  const it = getIter(other);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (t.delete(v) === undefined) t.set(v, true);
}

function isSubset(a: HashTable, b: HashTable): boolean {
  if (a.size > b.size) return false;
  for (const e of a.entries()) if (!b.has(e.k)) return false;
  return true;
}

// ---------------------------------------------------------------- methods

function set_add(self: PySet, x: any): any {
  self.$t.set(x, true);
  return None;
}

function set_remove(self: PySet, x: any): any {
  if (self.$t.delete(x) === undefined) throw keyError(x);
  return None;
}

function set_discard(self: PySet, x: any): any {
  self.$t.delete(x);
  return None;
}

function set_pop(self: PySet): any {
  const t = self.$t;
  if (t.size === 0) throw newExc(KeyError, "pop from an empty set");
  const k = t.first()!.k;
  t.delete(k);
  return k;
}

function set_update(self: PySet, ...others: any[]): any {
  for (const o of others) addAll(self.$t, o);
  return None;
}

function set_intersection_update(self: PySet, ...others: any[]): any {
  const r = intersection(self, others).$t;
  replaceTable(self, r);
  return None;
}

function set_difference_update(self: PySet, ...others: any[]): any {
  for (const o of others) {
    if (o === self) self.$t.clear();
    else for (const e of tableOf(o).entries()) self.$t.delete(e.k);
  }
  return None;
}

function set_symmetric_difference_update(self: PySet, other: any): any {
  symDiffInto(self.$t, other);
  return None;
}

/** Replaces a set's contents in place (iterators over it notice the size change). */
function replaceTable(self: PySet, r: HashTable): void {
  if (r === self.$t) return;
  self.$t.clear();
  for (const e of r.entries()) self.$t.set(e.k, true);
}

function set_copy(self: AnySet): any {
  if (self instanceof PyFrozenSet && self.$cls === frozensetType) return self;
  return sameKind(self, self.$t.copy());
}

function set_clear(self: PySet): any {
  self.$t.clear();
  return None;
}

function set_issubset(self: AnySet, other: any): any {
  return isSubset(self.$t, tableOf(other));
}

function set_issuperset(self: AnySet, other: any): any {
  return isSubset(tableOf(other), self.$t);
}

function set_isdisjoint(self: AnySet, other: any): any {
  const o = tableOf(other);
  for (const e of self.$t.entries()) if (o.has(e.k)) return false;
  return true;
}

// ---------------------------------------------------------------- special methods

function binop(f: (self: AnySet, other: any) => AnySet) {
  return (self: AnySet, other: any): any => (isAnySet(other) ? f(self, other) : NotImplemented);
}

function inplace(f: (self: PySet, other: any) => any) {
  return (self: PySet, other: any): any => {
    if (!isAnySet(other)) return NotImplemented;
    f(self, other);
    return self;
  };
}

function cmp(f: (a: HashTable, b: HashTable) => boolean) {
  return (self: AnySet, other: any): any => (isAnySet(other) ? f(self.$t, other.$t) : NotImplemented);
}

const setEq = (a: HashTable, b: HashTable) => a.size === b.size && isSubset(a, b);

/** `{1, 2}`, `set()`, `frozenset({1})`; subclass instances print as their base set does. */
function set_repr(self: AnySet): any {
  const frozen = typeOf(self) === frozensetType;
  if (self.$t.size === 0) return frozen ? "frozenset()" : "set()";
  return reprGuard(self, frozen ? "frozenset({...})" : "{...}", () => {
    let s = frozen ? "frozenset({" : "{";
    let first = true;
    for (const e of self.$t.entries()) {
      if (!first) s += ", ";
      first = false;
      s += repr(e.k);
    }
    return s + (frozen ? "})" : "}");
  });
}

/** frozenset hash: order-independent, from the items' hashes. */
function frozenset_hash(self: PyFrozenSet): any {
  let h = 1927868237 * (self.$t.size + 1);
  for (const e of self.$t.entries()) {
    const x = hash(e.k);
    const hx = typeof x === "number" ? (x | 0) ^ ((x / 4294967296) | 0) : Number(BigInt.asIntN(32, x));
    h ^= Math.imul(hx ^ (hx << 16) ^ 89869747, 3644798167);
  }
  return (Math.imul(h, 69069) + 907133923) & 0x3fffffff;
}

const common = {
  copy: builtin("copy", set_copy),
  union: builtin("union", (self: AnySet, ...o: any[]) => union(self, o)),
  intersection: builtin("intersection", (self: AnySet, ...o: any[]) => intersection(self, o)),
  difference: builtin("difference", (self: AnySet, ...o: any[]) => difference(self, o)),
  symmetric_difference: builtin("symmetric_difference", symmetricDifference),
  issubset: builtin("issubset", set_issubset),
  issuperset: builtin("issuperset", set_issuperset),
  isdisjoint: builtin("isdisjoint", set_isdisjoint),
  __len__: builtin("__len__", (self: AnySet) => self.$t.size),
  __iter__: builtin("__iter__", (self: AnySet) => new PySetIter(self)),
  __contains__: builtin("__contains__", (self: AnySet, x: any) => self.$t.has(x)),
  __or__: builtin("__or__", binop((s, o) => union(s, [o]))),
  __and__: builtin("__and__", binop((s, o) => intersection(s, [o]))),
  __sub__: builtin("__sub__", binop((s, o) => difference(s, [o]))),
  __xor__: builtin("__xor__", binop(symmetricDifference)),
  __eq__: builtin("__eq__", cmp(setEq)),
  __ne__: builtin("__ne__", cmp((a, b) => !setEq(a, b))),
  __le__: builtin("__le__", cmp(isSubset)),
  __lt__: builtin("__lt__", cmp((a, b) => a.size < b.size && isSubset(a, b))),
  __ge__: builtin("__ge__", cmp((a, b) => isSubset(b, a))),
  __gt__: builtin("__gt__", cmp((a, b) => a.size > b.size && isSubset(b, a))),
  __repr__: builtin("__repr__", set_repr),
};

addMethods(setType, {
  ...common,
  __init__: builtin("__init__", set_init),
  add: builtin("add", set_add),
  remove: builtin("remove", set_remove),
  discard: builtin("discard", set_discard),
  pop: builtin("pop", set_pop),
  clear: builtin("clear", set_clear),
  update: builtin("update", set_update),
  intersection_update: builtin("intersection_update", set_intersection_update),
  difference_update: builtin("difference_update", set_difference_update),
  symmetric_difference_update: builtin("symmetric_difference_update", set_symmetric_difference_update),
  __ior__: builtin("__ior__", inplace((s, o) => set_update(s, o))),
  __iand__: builtin("__iand__", inplace((s, o) => set_intersection_update(s, o))),
  __isub__: builtin("__isub__", inplace((s, o) => set_difference_update(s, o))),
  __ixor__: builtin("__ixor__", inplace(set_symmetric_difference_update)),
  __hash__: None,
});

addMethods(frozensetType, {
  ...common,
  __new__: frozenset_new,
  __hash__: builtin("__hash__", frozenset_hash),
});
