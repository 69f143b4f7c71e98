// dict: an insertion-ordered hash table (../hashtable.ts); MicroPython's objdict.c.
//
// Instances of user subclasses are `Object.create(cls.$proto)` with their own `$t`, filled by
// dict.__init__. Import cycles: ops.ts and call.ts import this module, so its top level only
// uses object.ts and function declarations; everything else runs inside functions.
import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, STOP, typeOf,
} from "../object.ts";
import { HashTable, type Entry } from "../hashtable.ts";
import { typeError, valueError, keyError, newExc, KeyError, runtimeError } from "../exceptions.ts";
import { getIter, iterNext, eqBool, repr, getItem, toArray, callSpecial } from "../ops.ts";
import { callMethod, loadAttrOrUndefined } from "../attr.ts";
import { call, type Kw } from "../call.ts";
import { mkTuple } from "./tuple.ts";
import { mkList, reprGuard, addIteratorMethods, noKeywords } from "./list.ts";
import { PyClassMethod } from "./function.ts";

export class PyDict extends PyObject {
  $t: HashTable;
  constructor(t?: HashTable) {
    super();
    this.$t = t ?? new HashTable();
  }
}
export const dictType = defineBuiltinType("dict", PyDict.prototype);
(PyDict.prototype as any).$hk = 2;

/** An empty dict with n slots (a display of n items preallocates n, as MicroPython's does). */
export function mkDict(n = 0): PyDict {
  return new PyDict(new HashTable(n));
}

/** A dict of keyword arguments (a null-prototype JS object), or an empty dict for null; it has a
 *  slot per argument, as MicroPython's **kwargs dict. */
export function mkDictFromKw(kw: Record<string, any> | null): PyDict {
  if (kw === null) return new PyDict();
  let n = 0;
  for (const _ in kw) n++;
  const d = new PyDict(new HashTable(n));
  for (const k in kw) d.$t.set(k, kw[k]);
  return d;
}

/** d[k] or undefined when absent (no KeyError). */
export function dictGet(d: PyDict, k: any): any {
  const e = d.$t.get(k);
  return e === undefined ? undefined : e.v;
}

export function dictSet(d: PyDict, k: any, v: any): void {
  d.$t.set(k, v);
}

// ---------------------------------------------------------------- iteration

const KEYS = 0;
const VALUES = 1;
const ITEMS = 2;

/** Iterates a dict's keys, values or items in slot order (MicroPython's order, see
 *  ../hashtable.ts); the dict must not change size meanwhile. */
export class PyDictIter extends PyObject {
  /** The next slot to look at. */
  $i = 0;
  $n: number;
  /** A snapshot of the entries of a table that is not a plain HashTable (a namespace's). */
  $s: (Entry | null)[] | null;
  constructor(public $d: PyDict, public $kind: number) {
    super();
    const t = $d.$t;
    this.$n = t.size;
    this.$s = t.constructor === HashTable ? null : [...t.entries()];
  }
  $next(): any {
    const t = this.$d.$t;
    if (t.size !== this.$n) {
      this.$n = -1;
      throw runtimeError("dictionary changed size during iteration");
    }
    const s = this.$s ?? t.slots();
    let i = this.$i;
    while (i < s.length) {
      const e = s[i++];
      if (e !== null) {
        this.$i = i;
        const kind = this.$kind;
        return kind === KEYS ? e.k : kind === VALUES ? e.v : mkTuple([e.k, e.v]);
      }
    }
    this.$i = i;
    return STOP;
  }
}
export const dictIteratorType = defineBuiltinType("dict_iterator", PyDictIter.prototype);
addIteratorMethods(dictIteratorType);

// ---------------------------------------------------------------- views

export class PyDictView extends PyObject {
  constructor(public $d: PyDict) {
    super();
  }
}
class PyDictKeys extends PyDictView {}
class PyDictValues extends PyDictView {}
class PyDictItems extends PyDictView {}
export const dictKeysType = defineBuiltinType("dict_keys", PyDictKeys.prototype);
export const dictValuesType = defineBuiltinType("dict_values", PyDictValues.prototype);
export const dictItemsType = defineBuiltinType("dict_items", PyDictItems.prototype);
// keys and items views are unhashable (as in CPython); the values view hashes by identity.
(PyDictKeys.prototype as any).$hk = 2;
(PyDictItems.prototype as any).$hk = 2;

function viewMethods(kind: number, name: string) {
  return {
    __len__: builtin("__len__", (self: PyDictView) => self.$d.$t.size),
    __iter__: builtin("__iter__", (self: PyDictView) => new PyDictIter(self.$d, kind)),
    __repr__: builtin("__repr__", (self: PyDictView) =>
      reprGuard(self, name + "(...)", () => name + "(" + repr(mkList(viewItems(self.$d, kind))) + ")")),
  };
}

function viewItems(d: PyDict, kind: number): any[] {
  const out: any[] = [];
  for (const e of d.$t.entries()) out.push(kind === KEYS ? e.k : kind === VALUES ? e.v : mkTuple([e.k, e.v]));
  return out;
}

addMethods(dictKeysType, {
  ...viewMethods(KEYS, "dict_keys"),
  __contains__: builtin("__contains__", (self: PyDictView, k: any) => self.$d.$t.has(k)),
  __hash__: None,
});
addMethods(dictValuesType, viewMethods(VALUES, "dict_values"));
addMethods(dictItemsType, {
  ...viewMethods(ITEMS, "dict_items"),
  __contains__: builtin("__contains__", (self: PyDictView, kv: any) => {
    const pair = toArray(kv);
    if (pair.length !== 2) return false;
    const e = self.$d.$t.get(pair[0]);
    return e !== undefined && (e.v === pair[1] || eqBool(e.v, pair[1]));
  }),
  __hash__: None,
});

// ---------------------------------------------------------------- construction

/** Adds the items of a mapping (a dict, or anything with keys()) or of an iterable of pairs. */
export function dictUpdateFrom(t: HashTable, arg: any): void {
  if (arg instanceof PyDict) {
    if (arg.$t === t) return;
    for (const e of arg.$t.entries()) t.set(e.k, e.v);
    return;
  }
  if (typeof arg === "object" && loadAttrOrUndefined(arg, "keys") !== undefined) {
    const it = getIter(callMethod(arg, "keys", [], null));
    for (let k = iterNext(it); k !== STOP; k = iterNext(it)) t.set(k, getItem(arg, k));
    return;
  }
  const it = getIter(arg);
  for (let item = iterNext(it); item !== STOP; item = iterNext(it)) {
    const pair = toArray(item);
    if (pair.length !== 2) throw valueError("dict update sequence has wrong length");
    t.set(pair[0], pair[1]);
  }
}

function fillDict(t: HashTable, args: any[], kw: Kw): void {
  if (args.length > 1) throw typeError(`function expected at most 1 arguments, got ${args.length}`);
  if (args.length === 1) dictUpdateFrom(t, args[0]);
  if (kw !== null) for (const k in kw) t.set(k, kw[k]);
}

/** dict(mapping_or_iterable, **kw): exact dicts are filled here, subclasses by dict.__init__. */
dictType.$new = (cls: PyType, args: any[], kw: Kw) => {
  if (cls !== dictType) {
    const o = Object.create(cls.$proto);
    o.$t = new HashTable();
    return o;
  }
  const d = new PyDict();
  fillDict(d.$t, args, kw);
  return d;
};

const kwSig = (names: string[]) => ({
  names, posonly: names.length, defaults: [undefined], kwonly: [], kwDefaults: [],
  varargs: false, varkw: true,
});

function dict_init(self: PyDict, arg: any, kw: PyDict | undefined): any {
  dict_update(self, arg, kw);
  return None;
}
(dict_init as any).$sig = kwSig(["self", "arg"]);
Object.defineProperty(dict_init, "length", { value: 2 });

// ---------------------------------------------------------------- methods

function dict_getitem(self: PyDict, k: any): any {
  const e = self.$t.get(k);
  if (e !== undefined) return e.v;
  if (self.$cls !== dictType) {
    const missing = typeOf(self).$proto.__missing__;
    if (missing !== undefined) return callSpecial(missing, self, k);
  }
  throw keyError(k);
}

function dict_setitem(self: PyDict, k: any, v: any): any {
  self.$t.set(k, v);
  return None;
}

function dict_delitem(self: PyDict, k: any): any {
  if (self.$t.delete(k) === undefined) throw keyError(k);
  return None;
}

function dict_get(self: PyDict, k: any, d: any): any {
  const e = self.$t.get(k);
  return e !== undefined ? e.v : d === undefined ? None : d;
}

function dict_setdefault(self: PyDict, k: any, d: any): any {
  const e = self.$t.get(k);
  if (e !== undefined) return e.v;
  const v = d === undefined ? None : d;
  self.$t.set(k, v);
  return v;
}

function dict_pop(self: PyDict, k: any, d: any): any {
  const e = self.$t.delete(k);
  if (e !== undefined) return e.v;
  if (d === undefined) throw keyError(k);
  return d;
}

/** Removes and returns the first item, as MicroPython's dict does (OrderedDict: the last). */
function dict_popitem(self: PyDict): any {
  const t = self.$t;
  if (t.size === 0) throw newExc(KeyError, "popitem(): dictionary is empty");
  const e: Entry = t.first()!;
  t.delete(e.k);
  return mkTuple([e.k, e.v]);
}

function dict_update(self: PyDict, arg: any, kw: PyDict | undefined): any {
  if (arg !== undefined) dictUpdateFrom(self.$t, arg);
  // Keyword arguments in the order given (MicroPython passes them to a builtin in a fixed,
  // ordered table): the fresh kw dict's insertion order.
  if (kw !== undefined) for (const e of kw.$t.m.values()) self.$t.set(e.k, e.v);
  return None;
}
(dict_update as any).$sig = kwSig(["self", "arg"]);
Object.defineProperty(dict_update, "length", { value: 2 });

function dict_copy(self: PyDict): any {
  return new PyDict(self.$t.copy());
}

function dict_clear(self: PyDict): any {
  self.$t.clear();
  return None;
}

/** len(x) when x's type has __len__ (MicroPython's mp_obj_len_maybe), else undefined. */
function lenOrUndefined(x: any): number | undefined {
  if (typeof x === "string") {
    let n = 0;
    for (let i = 0; i < x.length; i++) if ((x.charCodeAt(i) & 0xfc00) !== 0xdc00) n++;
    return n;
  }
  const l = typeOf(x).$proto.__len__;
  if (l === undefined || l === None) return undefined;
  const n = callSpecial(l, x);
  return typeof n === "number" && n >= 0 ? n : undefined;
}

/** dict.fromkeys(iterable, value=None), a classmethod: builds an instance of `cls`. */
function dict_fromkeys(cls: PyType, iterable: any, value: any): any {
  const v = value === undefined ? None : value;
  // MicroPython preallocates a slot per item when the iterable has a length.
  const n = cls === dictType ? lenOrUndefined(iterable) : undefined;
  const d = cls === dictType ? new PyDict(new HashTable(n ?? 0)) : call(cls, [], null);
  const it = getIter(iterable);
  if (d instanceof PyDict && d.$cls === dictType) {
    for (let k = iterNext(it); k !== STOP; k = iterNext(it)) d.$t.set(k, v);
  } else {
    for (let k = iterNext(it); k !== STOP; k = iterNext(it)) callMethod(d, "__setitem__", [k, v], null);
  }
  return d;
}

function dict_eq(self: PyDict, other: any): any {
  if (!(other instanceof PyDict)) return NotImplemented;
  const a = self.$t;
  const b = other.$t;
  // An OrderedDict (an ordered table) equals only another OrderedDict, as in MicroPython.
  if (a.o !== b.o) return false;
  if (a.size !== b.size) return false;
  for (const e of a.entries()) {
    const o = b.get(e.k);
    if (o === undefined || !(o.v === e.v || eqBool(e.v, o.v))) return false;
  }
  return true;
}

function dict_repr(self: PyDict): any {
  return reprGuard(self, "{...}", () => {
    let s = "{";
    let first = true;
    for (const e of self.$t.entries()) {
      if (!first) s += ", ";
      first = false;
      s += repr(e.k) + ": " + repr(e.v);
    }
    return s + "}";
  });
}

/** d | other: a new dict (of d's exact builtin type) with other's items over d's. */
function dict_or(self: PyDict, other: any): any {
  if (!(other instanceof PyDict)) return NotImplemented;
  const d = new PyDict(self.$t.copy());
  dictUpdateFrom(d.$t, other);
  return d;
}

function dict_ior(self: PyDict, other: any): any {
  dictUpdateFrom(self.$t, other);
  return self;
}

addMethods(dictType, {
  __init__: builtin("__init__", dict_init),
  keys: builtin("keys", (self: PyDict) => new PyDictKeys(self)),
  values: builtin("values", (self: PyDict) => new PyDictValues(self)),
  items: builtin("items", (self: PyDict) => new PyDictItems(self)),
  get: builtin("get", dict_get),
  setdefault: builtin("setdefault", dict_setdefault),
  pop: builtin("pop", dict_pop),
  popitem: builtin("popitem", dict_popitem),
  update: builtin("update", dict_update),
  copy: builtin("copy", dict_copy),
  clear: builtin("clear", dict_clear),
  fromkeys: new PyClassMethod(builtin("fromkeys", dict_fromkeys)),
  __getitem__: builtin("__getitem__", dict_getitem),
  __setitem__: builtin("__setitem__", dict_setitem),
  __delitem__: builtin("__delitem__", dict_delitem),
  __len__: builtin("__len__", (self: PyDict) => self.$t.size),
  __iter__: builtin("__iter__", (self: PyDict) => new PyDictIter(self, KEYS)),
  __contains__: builtin("__contains__", (self: PyDict, k: any) => self.$t.has(k)),
  __eq__: builtin("__eq__", dict_eq),
  __or__: builtin("__or__", dict_or),
  __ior__: builtin("__ior__", dict_ior),
  __repr__: builtin("__repr__", dict_repr),
  __hash__: None,
});
void noKeywords;

// ---------------------------------------------------------------- fixed dicts

/**
 * Read-only dicts (MicroPython's "fixed" maps, e.g. errno.errorcode): instances of a hidden
 * subtype, also named "dict", whose mutating methods raise TypeError; ordinary dicts pay nothing.
 */
const fixedDictType = defineBuiltinType("dict", Object.create(PyDict.prototype), dictType);
for (const name of ["__setitem__", "__delitem__", "__ior__", "pop", "popitem", "setdefault", "update", "clear"]) {
  fixedDictType.$proto[name] = builtin(name, () => {
    throw typeError("dict is read-only");
  });
}

/** Makes `d` read-only (see above) and returns it. */
export function freezeDict(d: PyDict): PyDict {
  Object.setPrototypeOf(d, fixedDictType.$proto);
  return d;
}
