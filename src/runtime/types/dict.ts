// dict: an insertion-ordered hash table (../hashtable.ts).
import { PyObject, defineBuiltinType } from "../object.ts";
import { HashTable } from "../hashtable.ts";

export class PyDict extends PyObject {
  $t: HashTable;
  constructor(t?: HashTable) {
    super();
    this.$t = t ?? new HashTable();
  }
}
export const dictType = defineBuiltinType("dict", PyDict.prototype);
(PyDict.prototype as any).$hk = 2;

export function mkDict(): PyDict {
  return new PyDict();
}

/** A dict of keyword arguments (a null-prototype JS object), or an empty dict for null. */
export function mkDictFromKw(kw: Record<string, any> | null): PyDict {
  const d = new PyDict();
  if (kw !== null) for (const k in kw) d.$t.set(k, kw[k]);
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
