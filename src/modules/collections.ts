// collections: https://docs.micropython.org/en/latest/library/collections.html
//
// What MicroPython's unix port has (py/modcollections.c, objnamedtuple.c, objdeque.c, objdict.c):
//   namedtuple(name, fields)   tuple subclasses with read-only fields; no _fields/_make/_replace,
//                              and no _asdict (only in MicroPython's "everything" builds)
//   OrderedDict                a dict (ours keeps order anyway) whose popitem() takes the last
//                              item and whose == compares order too
//   deque(iterable, maxlen[, flags])  fixed-size ring buffer: append/appendleft/pop/popleft/
//                              extend, len, bool, iteration, indexing; flags & 1 raises
//                              IndexError('full') instead of dropping items
// Also: attrtuple (the tuple with named fields that os.uname() and friends return).

import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf,
  isSubtype,
} from "../runtime/object.ts";
import { typeError, indexError, newExc, ValueError, IndexError, KeyError, attributeError } from "../runtime/exceptions.ts";
import { PyTuple, tupleType, mkTuple } from "../runtime/types/tuple.ts";
import { PyList, seqIndex, addIteratorMethods, reprGuard, noKeywords } from "../runtime/types/list.ts";
import { PyDict, dictType } from "../runtime/types/dict.ts";
import { HashTable } from "../runtime/hashtable.ts";
import { genericSetattr } from "../runtime/attr.ts";
import { call, type Kw } from "../runtime/call.ts";
import { repr, getIter, iterNext, eqBool, toIndex } from "../runtime/ops.ts";
import { PyFloat } from "../runtime/types/float.ts";

const hasOwn = Object.prototype.hasOwnProperty;

// ---------------------------------------------------------------- namedtuple

/** A namedtuple class: a builtin-style subclass of tuple that knows its field names. */
interface NamedTupleType extends PyType {
  $fields: string[];
}

/** The namedtuple class behind t (a Python subclass of one inherits its fields). */
function ntType(t: PyType): NamedTupleType {
  while ((t as NamedTupleType).$fields === undefined) t = t.$bases[0];
  return t as NamedTupleType;
}

function ntTypeOf(self: any): NamedTupleType {
  return ntType(typeOf(self));
}

/** `Name(a=1, b=2)`: MicroPython's namedtuple_print. */
function namedtuple_repr(self: PyTuple): string {
  const t = ntTypeOf(self);
  return t.$name + attrItems(self, t.$fields, self.$a);
}

function attrItems(self: any, fields: string[], a: any[]): string {
  return reprGuard(self, "(...)", () => {
    let s = "(";
    for (let i = 0; i < a.length; i++) s += (i > 0 ? ", " : "") + fields[i] + "=" + repr(a[i]);
    return s + ")";
  });
}

/** Field lookup for values the fast getter path hands over to loadAttr (functions, descriptors). */
function namedtuple_getattr(this: PyTuple, name: string): any {
  const t = ntTypeOf(this);
  const i = t.$fields.indexOf(name);
  return i >= 0 ? this.$a[i] : undefined;
}

function namedtuple_setattr(self: any, name: any, v: any) {
  // Instances of a Python subclass may carry other attributes; fields stay read-only.
  if (typeOf(self).$user && ntTypeOf(self).$fields.indexOf(name) < 0) {
    genericSetattr(self, name, v);
    return None;
  }
  throw attributeError("can't set attribute");
}

/** Creates an instance from positional and keyword arguments (MicroPython's checks). */
function namedtuple_make(cls: PyType, args: any[], kw: Kw): PyTuple {
  const t = ntType(cls);
  const fields = t.$fields;
  const n = fields.length;
  let nkw = 0;
  if (kw !== null) for (const _ in kw) nkw++;
  if (args.length + nkw !== n)
    throw typeError(`${t.$name}() takes ${n} positional arguments but ${args.length + nkw} were given`);
  const items = args.slice();
  if (nkw > 0) {
    items.length = n;
    for (const k in kw) {
      const i = fields.indexOf(k);
      if (i < 0) throw typeError(`unexpected keyword argument '${k}'`);
      if (items[i] !== undefined) throw typeError(`function got multiple values for argument '${k}'`);
      items[i] = kw![k];
    }
  }
  const o = Object.create(cls.$proto);
  o.$a = items;
  return o;
}

/** A field name argument: a str (MicroPython interns it). */
function fieldName(x: any): string {
  if (typeof x === "string") return x;
  if (typeof x === "object" && typeof x.$v === "string") return x.$v;
  throw typeError(`can't convert '${typeOf(x).$name}' object to str implicitly`);
}

function fieldList(x: any): string[] {
  if (typeof x === "string" || (typeof x === "object" && typeof x.$v === "string")) {
    const s = fieldName(x).trim();
    return s === "" ? [] : s.split(/\s+/);
  }
  if (x instanceof PyList || x instanceof PyTuple) return x.$a.map(fieldName);
  throw typeError(`object '${typeOf(x).$name}' isn't a tuple or list`);
}

/** Installs a fast read accessor for field i (generated code reads `o.name` directly). */
function defineField(proto: any, name: string, i: number): void {
  Object.defineProperty(proto, name, {
    get(this: any) {
      const a = this.$a;
      // Read on the prototype itself (class attribute lookup): no value here.
      return a === undefined ? undefined : a[i];
    },
    enumerable: false,
    configurable: true,
  });
}

/** collections.namedtuple(name, fields) */
export function namedtuple(name: any, fieldsIn: any): PyType {
  const typeName = fieldName(name);
  const fields = fieldList(fieldsIn);
  const proto = Object.create(tupleType.$proto);
  const t = defineBuiltinType(typeName, proto, tupleType) as NamedTupleType;
  t.$fields = fields;
  t.$module = "__main__";
  t.$new = namedtuple_make;
  proto.$getattr = namedtuple_getattr;
  for (let i = 0; i < fields.length; i++) {
    if (fields[i].charCodeAt(0) !== 36 && !hasOwn.call(proto, fields[i])) defineField(proto, fields[i], i);
  }
  addMethods(t, {
    __repr__: builtin("__repr__", namedtuple_repr),
    __setattr__: builtin("__setattr__", namedtuple_setattr),
  });
  // A field named like a tuple method (count, index) shadows it, as in MicroPython.
  const ntNew = builtin("__new__", (cls: any, ...args: any[]) => namedtuple_make(cls, args, null));
  (ntNew as any).$builtinNew = true;
  proto.__new__ = ntNew;
  return t;
}

// ---------------------------------------------------------------- attrtuple

/** A tuple with named fields and no class of its own (MicroPython's mp_type_attrtuple). */
export class PyAttrTuple extends PyTuple {
  constructor(a: any[], public $fields: string[]) {
    super(a);
  }
}
export const attrTupleType = defineBuiltinType("tuple", PyAttrTuple.prototype, tupleType);
(PyAttrTuple.prototype as any).$getattr = function (this: PyAttrTuple, name: string): any {
  const i = this.$fields.indexOf(name);
  return i >= 0 ? this.$a[i] : undefined;
};
addMethods(attrTupleType, {
  __repr__: builtin("__repr__", (self: PyAttrTuple) => attrItems(self, self.$fields, self.$a)),
});

export function mkAttrTuple(fields: string[], values: any[]): PyAttrTuple {
  return new PyAttrTuple(values, fields);
}

// ---------------------------------------------------------------- OrderedDict

export const orderedDictType = defineBuiltinType("OrderedDict", Object.create(dictType.$proto), dictType);
orderedDictType.$module = "collections";

orderedDictType.$new = (cls: PyType, args: any[], kw: Kw) => {
  const d = Object.create(cls.$proto);
  d.$t = new HashTable(0, true); // insertion-ordered, as MicroPython's is_ordered maps
  // A Python subclass fills itself in dict.__init__, which type.__call__ runs next.
  if (!cls.$user && (args.length > 0 || kw !== null)) call(dictType.$proto.update, [d, ...args], kw);
  return d;
};

function odict_repr(self: PyDict): string {
  const inner = dictType.$proto.__repr__(self);
  return inner.startsWith("{") ? "OrderedDict(" + inner + ")" : inner;
}

/** OrderedDict == OrderedDict compares items in order; never equal to a plain dict (MicroPython). */
function odict_eq(self: PyDict, other: any): any {
  if (!(other instanceof PyDict) || !isSubtype(typeOf(other), orderedDictType))
    return dictType.$proto.__eq__(self, other);
  if (self.$t.size !== other.$t.size) return false;
  const ia = self.$t.entries();
  const ib = other.$t.entries();
  for (let a = ia.next(), b = ib.next(); !a.done && !b.done; a = ia.next(), b = ib.next()) {
    const ea = a.value, eb = b.value;
    if (!eqBool(ea.k, eb.k) || !(ea.v === eb.v || eqBool(ea.v, eb.v))) return false;
  }
  return true;
}

/** popitem(): removes and returns the most recently added item. */
function odict_popitem(self: PyDict): PyTuple {
  const t = self.$t;
  if (t.size === 0) throw newExc(KeyError, "popitem(): dictionary is empty");
  let last: any;
  for (const e of t.entries()) last = e;
  t.delete(last.k);
  return mkTuple([last.k, last.v]);
}

function odict_copy(self: PyDict): PyDict {
  const d = Object.create(typeOf(self).$solid!.$proto);
  d.$t = self.$t.copy();
  return d;
}

addMethods(orderedDictType, {
  __repr__: builtin("__repr__", odict_repr),
  __eq__: builtin("__eq__", odict_eq),
  __ne__: builtin("__ne__", (self: PyDict, other: any) => {
    const r = odict_eq(self, other);
    return r === NotImplemented ? r : !r;
  }),
  popitem: builtin("popitem", odict_popitem),
  copy: builtin("copy", odict_copy),
});

// ---------------------------------------------------------------- deque

const CHECK_OVERFLOW = 1;

/**
 * A ring buffer of `alloc = maxlen + 1` slots: items run from iGet up to (not including) iPut,
 * wrapping around; iGet === iPut means empty. Appending to a full deque drops the oldest item.
 */
export class PyDeque extends PyObject {
  $items: any[];
  $alloc: number;
  $iGet = 0;
  $iPut = 0;
  $flags = 0;
  constructor(maxlen: number) {
    super();
    this.$alloc = maxlen + 1;
    this.$items = new Array(this.$alloc).fill(undefined);
  }
  get $len(): number {
    const n = this.$iPut - this.$iGet;
    return n < 0 ? n + this.$alloc : n;
  }
}
export const dequeType = defineBuiltinType("deque", PyDeque.prototype);
dequeType.$module = "collections";
(PyDeque.prototype as any).$hk = 2;

dequeType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKeywords(kw);
  if (args.length < 2) throw typeError(`function missing ${2 - args.length} required positional arguments`);
  if (args.length > 3) throw typeError(`function expected at most 3 arguments, got ${args.length}`);
  const maxlen = intArg(args[1]);
  if (maxlen < 0) throw newExc(ValueError);
  const d = new PyDeque(maxlen);
  if (cls !== dequeType) Object.setPrototypeOf(d, cls.$proto);
  if (args.length > 2) d.$flags = intArg(args[2]);
  deque_extend(d, args[0]);
  return d;
};

/** mp_obj_get_int: int or bool, not float. */
function intArg(x: any): number {
  if (x instanceof PyFloat) throw typeError("can't convert float to int");
  return toIndex(x);
}

function deque_append(self: PyDeque, x: any): any {
  let next = self.$iPut + 1;
  if (next === self.$alloc) next = 0;
  if (self.$flags & CHECK_OVERFLOW && next === self.$iGet) throw newExc(IndexError, "full");
  self.$items[self.$iPut] = x;
  self.$iPut = next;
  if (self.$iGet === next && ++self.$iGet === self.$alloc) self.$iGet = 0;
  return None;
}

function deque_appendleft(self: PyDeque, x: any): any {
  const next = self.$iGet === 0 ? self.$alloc - 1 : self.$iGet - 1;
  if (self.$flags & CHECK_OVERFLOW && next === self.$iPut) throw newExc(IndexError, "full");
  self.$iGet = next;
  self.$items[next] = x;
  // Overwrote the last item: drop it.
  if (self.$iPut === next) self.$iPut = self.$iPut === 0 ? self.$alloc - 1 : self.$iPut - 1;
  return None;
}

function deque_extend(self: PyDeque, iterable: any): any {
  const it = getIter(iterable);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) deque_append(self, v);
  return None;
}

function deque_popleft(self: PyDeque): any {
  if (self.$iGet === self.$iPut) throw newExc(IndexError, "empty");
  const v = self.$items[self.$iGet];
  self.$items[self.$iGet] = undefined;
  if (++self.$iGet === self.$alloc) self.$iGet = 0;
  return v;
}

function deque_pop(self: PyDeque): any {
  if (self.$iGet === self.$iPut) throw newExc(IndexError, "empty");
  self.$iPut = self.$iPut === 0 ? self.$alloc - 1 : self.$iPut - 1;
  const v = self.$items[self.$iPut];
  self.$items[self.$iPut] = undefined;
  return v;
}

/** The slot of index k (negative counts from the end), or IndexError. */
function dequeSlot(self: PyDeque, k: any): number {
  const n = self.$len;
  let i = typeof k === "number" ? k : seqIndex(k, "deque");
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw indexError("deque index out of range");
  i += self.$iGet;
  return i >= self.$alloc ? i - self.$alloc : i;
}

/** Iterates from the oldest item to the newest (MicroPython's deque_it_iternext). */
export class PyDequeIter extends PyObject {
  constructor(public $d: PyDeque, public $cur: number) {
    super();
  }
  $next(): any {
    const d = this.$d;
    if (this.$cur === d.$iPut) return STOP;
    const v = d.$items[this.$cur];
    if (++this.$cur === d.$alloc) this.$cur = 0;
    return v;
  }
}
const dequeIterType = defineBuiltinType("iterator", PyDequeIter.prototype);
addIteratorMethods(dequeIterType);

addMethods(dequeType, {
  append: builtin("append", deque_append),
  appendleft: builtin("appendleft", deque_appendleft),
  extend: builtin("extend", deque_extend),
  pop: builtin("pop", deque_pop),
  popleft: builtin("popleft", deque_popleft),
  __len__: builtin("__len__", (self: PyDeque) => self.$len),
  __bool__: builtin("__bool__", (self: PyDeque) => self.$iGet !== self.$iPut),
  __iter__: builtin("__iter__", (self: PyDeque) => new PyDequeIter(self, self.$iGet)),
  __getitem__: builtin("__getitem__", (self: PyDeque, k: any) => self.$items[dequeSlot(self, k)]),
  __setitem__: builtin("__setitem__", (self: PyDeque, k: any, v: any) => {
    self.$items[dequeSlot(self, k)] = v;
    return None;
  }),
});

// ---------------------------------------------------------------- module

export function makeModule(): Record<string, any> {
  return {
    namedtuple: builtin("namedtuple", namedtuple),
    OrderedDict: orderedDictType,
    deque: dequeType,
  };
}
