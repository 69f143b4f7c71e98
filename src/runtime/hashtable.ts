// The insertion-ordered hash table behind dict, set and frozenset.
//
// A JS Map keeps insertion order and does the hashing for keys JS can compare by value. Each
// Python key is first normalised:
//   int (number/bigint), str         → itself (Map compares these by value)
//   bool                             → 0 / 1           (True == 1)
//   float with an integral value     → that number     (1.0 == 1)
//   objects hashed by identity       → the object itself
//   value-hashed objects (tuple, frozenset, non-integral float, user __hash__/__eq__)
//                                    → a canonical key object, found through a bucket map
//                                      from Python hash to the canonical keys with that hash
// Entries store the original key (the first one inserted), as Python does.
//
// Prototype flag `$hk` (hash kind) on a type's prototype: undefined = identity,
// 1 = by value (hash()/eq()), 2 = unhashable.

import { PyFloat } from "./types/float.ts";
import { typeError } from "./exceptions.ts";
import { typeOf, MissingArgument } from "./object.ts";
import { hashHooks } from "./hooks.ts";

export interface Entry {
  k: any;
  v: any;
}

/** Hooks into ops.ts, set there. They live in the leaf module hooks.ts, so ops.ts can set them
 *  even when it runs inside an import cycle that started at this module. */
export { hashHooks };

export class HashTable {
  m = new Map<any, Entry>();
  /** Python hash → canonical key objects with that hash (only for value-hashed keys). */
  hb: Map<number | bigint, any[]> | null = null;

  get size(): number {
    return this.m.size;
  }

  /** The Map key for a Python key, or `undefined` when a value-hashed key is not present. */
  private find(k: any): any {
    switch (typeof k) {
      case "number":
      case "string":
      case "bigint":
        return k;
      case "boolean":
        return k ? 1 : 0;
    }
    return this.findObject(k, false);
  }

  private findObject(k: any, insert: boolean): any {
    if (k === undefined) throw new MissingArgument();
    if (k instanceof PyFloat) {
      const v = k.$v;
      if (Number.isInteger(v) && Number.isSafeInteger(v)) return v;
      if (v !== v) return k; // NaN: only the same object matches
    }
    const kind = k.$hk;
    if (kind === undefined) return k;
    if (kind === 2) throw typeError(`unhashable type: '${typeOf(k).$name}'`);
    const h = hashHooks.hash(k);
    const hb = (this.hb ??= new Map());
    const bucket = hb.get(h);
    if (bucket !== undefined) {
      for (const c of bucket) if (c === k || hashHooks.eq(c, k)) return c;
    }
    if (!insert) return undefined;
    if (bucket === undefined) hb.set(h, [k]);
    else bucket.push(k);
    return k;
  }

  get(k: any): Entry | undefined {
    const mk = this.find(k);
    return mk === undefined ? undefined : this.m.get(mk);
  }

  set(k: any, v: any): void {
    const t = typeof k;
    const mk = t === "number" || t === "string" || t === "bigint" ? k : t === "boolean" ? (k ? 1 : 0) : this.findObject(k, true);
    const e = this.m.get(mk);
    if (e !== undefined) e.v = v;
    else this.m.set(mk, { k, v });
  }

  has(k: any): boolean {
    return this.get(k) !== undefined;
  }

  delete(k: any): Entry | undefined {
    const mk = this.find(k);
    if (mk === undefined) return undefined;
    const e = this.m.get(mk);
    if (e === undefined) return undefined;
    this.m.delete(mk);
    if (this.hb !== null && typeof mk === "object" && mk.$hk === 1) {
      const h = hashHooks.hash(mk);
      const bucket = this.hb.get(h);
      if (bucket !== undefined) {
        const i = bucket.indexOf(mk);
        if (i >= 0) bucket.splice(i, 1);
        if (bucket.length === 0) this.hb.delete(h);
      }
    }
    return e;
  }

  clear(): void {
    this.m.clear();
    this.hb = null;
  }

  entries(): IterableIterator<Entry> {
    return this.m.values();
  }

  copy(): HashTable {
    const t = new HashTable();
    for (const [mk, e] of this.m) t.m.set(mk, { k: e.k, v: e.v });
    if (this.hb !== null) {
      t.hb = new Map();
      for (const [h, b] of this.hb) t.hb.set(h, b.slice());
    }
    return t;
  }
}
