// set and frozenset: hash tables of keys (../hashtable.ts); values are unused.
import { PyObject, defineBuiltinType } from "../object.ts";
import { HashTable } from "../hashtable.ts";

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

export function mkSet(items: any[]): PySet {
  const s = new PySet();
  for (const x of items) s.$t.set(x, true);
  return s;
}
