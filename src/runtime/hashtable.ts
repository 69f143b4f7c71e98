// The hash table behind dict, set and frozenset, iterating in MicroPython's order.
//
// MicroPython's maps and sets (py/map.c) are open-addressing tables iterated in slot order, so
// `print(d)` shows the keys in slot order. We reproduce that order exactly:
//   - a table has `alloc` slots (the array `s`); a new key goes to the first empty slot at or
//     after `hash % alloc` (cyclically; the hash taken as an unsigned 64-bit number). Deleted
//     slots count as empty for placement (MicroPython reuses its first deleted slot, or else the
//     empty slot that ended the probe: the first non-filled slot either way);
//   - the table grows only when it is full: to the next size of SIZES above alloc, re-adding
//     the keys in old slot order;
//   - hashes are MicroPython's (keyHash): small ints themselves, str/bytes the 16-bit djb2-xor
//     over UTF-8, floats truncated to int, None 6, value-hashed objects their __hash__. Objects
//     hashed by identity use their address in MicroPython (random from run to run): here a
//     counter taken when the key is added.
// Lookups do not probe: a JS Map finds a key's entry (which knows its slot). Each Python key is
// first normalised to a Map key:
//   int (number/bigint), str         → itself (Map compares these by value)
//   bool                             → 0 / 1           (True == 1)
//   float with an integral value     → that number     (1.0 == 1)
//   objects hashed by identity       → the object itself
//   value-hashed objects (tuple, frozenset, non-integral float, user __hash__/__eq__)
//                                    → a canonical key object, found through a bucket map
//                                      from Python hash to the canonical keys with that hash
// Entries store the original key (the first one inserted), as Python does.
//
// An ordered table (OrderedDict; MicroPython's is_ordered maps) keeps `s` dense in insertion
// order instead.
//
// Prototype flag `$hk` (hash kind) on a type's prototype: undefined = identity,
// 1 = by value (hash()/eq()), 2 = unhashable.

import { PyFloat } from "./types/float.ts";
import { typeError } from "./exceptions.ts";
import { typeOf, MissingArgument, None } from "./object.ts";
import { hashHooks } from "./hooks.ts";
import { growthTick, growthCheck } from "./memguard.ts";

export interface Entry {
  k: any;
  v: any;
}

/** A table's entry: also its key's hash and its slot. */
interface Slot extends Entry {
  h: number | bigint;
  i: number;
}

/** Hooks into ops.ts, set there. They live in the leaf module hooks.ts, so ops.ts can set them
 *  even when it runs inside an import cycle that started at this module. */
export { hashHooks };

/** MicroPython's table sizes (py/map.c): a full table grows to the next one. */
const SIZES = [
  0, 2, 4, 6, 8, 10, 12, 17, 23, 29, 37, 47, 59, 73, 97, 127, 167, 223, 293, 389, 521, 691, 919,
  1223, 1627, 2161, 3229, 4831, 7243, 10861, 16273, 24407, 36607, 54907,
];

function grownSize(alloc: number): number {
  const x = alloc + 1;
  for (let i = 0; i < SIZES.length; i++) if (SIZES[i] >= x) return SIZES[i];
  return (x + Math.floor(x / 2)) | 1;
}

const TWO64 = 2 ** 64;

/** The home slot of a hash in a table of n slots: (hash as an unsigned 64-bit number) % n. */
function home(h: number | bigint, n: number): number {
  if (typeof h === "number") {
    if (h >= 0) return h % n;
    const r = (h % n) + (TWO64 % n);
    return r < 0 ? r + n : r >= n ? r - n : r;
  }
  return Number(BigInt.asUintN(64, h) % BigInt(n));
}

/** MicroPython's str/bytes hash (qstr_compute_hash): djb2 with xor over the UTF-8 bytes, 16 bits
 *  (the unix port's MICROPY_QSTR_BYTES_IN_HASH), never 0. */
export function strHash(s: string): number {
  let h = 5381;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      h = (((h << 5) + h) ^ c) & 0xffff;
      continue;
    }
    if (c < 0x800) {
      h = (((h << 5) + h) ^ (0xc0 | (c >> 6))) & 0xffff;
    } else {
      let cp = c;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (cp >= 0x10000) {
        h = (((h << 5) + h) ^ (0xf0 | (cp >> 18))) & 0xffff;
        h = (((h << 5) + h) ^ (0x80 | ((cp >> 12) & 63))) & 0xffff;
      } else {
        h = (((h << 5) + h) ^ (0xe0 | (cp >> 12))) & 0xffff;
      }
      h = (((h << 5) + h) ^ (0x80 | ((cp >> 6) & 63))) & 0xffff;
      h = (((h << 5) + h) ^ (0x80 | (cp & 63))) & 0xffff;
      continue;
    }
    h = (((h << 5) + h) ^ (0x80 | (c & 63))) & 0xffff;
  }
  return h === 0 ? 1 : h;
}

/** The same hash over bytes (MicroPython's bytes hash as its str's). */
export function bytesHash(b: Uint8Array): number {
  let h = 5381;
  for (let i = 0; i < b.length; i++) h = (((h << 5) + h) ^ b[i]) & 0xffff;
  return h === 0 ? 1 : h;
}

/** An int's hash as MicroPython's (its value as a 63-bit small int); number when it fits. */
export function bigHash(x: bigint): number | bigint {
  const h = BigInt.asIntN(63, x);
  return h >= -9007199254740991n && h <= 9007199254740991n ? Number(h) : h;
}

/** Hashes for keys hashed by identity (MicroPython: their address, which varies from run to run;
 *  None is an immediate object, 6). */
let idCounter = 0;

export class HashTable {
  m = new Map<any, Slot>();
  /** Python hash → canonical key objects with that hash (only for value-hashed keys). */
  hb: Map<number | bigint, any[]> | null = null;
  /**
   * The slots, null when empty (insertion order with no holes when ordered); or null while the
   * layout is not needed yet: until a table is first iterated or has a key removed, keys only go
   * into the Map (in insertion order), and `lay` places them all when the layout is wanted, as
   * MicroPython would have one by one from `a0` slots (no removal: the same result).
   */
  private s: (Slot | null)[] | null;
  /** The number of slots the table started with (while `s` is null). */
  private a0: number;
  /** Insertion-ordered (OrderedDict). */
  o: boolean;
  /** No slot below this one is filled (so repeated set.pop/popitem do not rescan). */
  private lo = 0;
  /** Links to the next empty slot (freeLinks) while no key has been removed since the slots were
   *  made; null: probe one slot at a time. */
  private u: Int32Array | null = null;
  /** The hash computed by the last findObject, for the key it returned. */
  private lh: number | bigint = 0;

  /** A table with n slots (a dict display of n items preallocates n, as MicroPython's does). */
  constructor(n = 0, ordered = false) {
    this.o = ordered;
    this.a0 = n;
    this.s = ordered ? [] : null;
  }

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
      if (v !== v) {
        this.lh = 0; // NaN: only the same object matches
        return k;
      }
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
    this.lh = h;
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
    else this.add(mk, k, v);
  }

  /** Adds a key known to be absent (mk: its Map key). A str key is hashed only when placed
   *  (strHash then); an object has the hash findObject computed, or a new id. */
  private add(mk: any, k: any, v: any): void {
    const size = this.m.size;
    // A big table grows its Map (and slots) all at once: room for that is checked ahead.
    if ((size & 0xffff) === 0 && size !== 0) growthCheck(0, size * 96);
    else growthTick();
    let h: number | bigint;
    switch (typeof mk) {
      case "number":
        h = mk;
        break;
      case "string":
        h = 0;
        break;
      case "bigint":
        h = bigHash(mk);
        break;
      default:
        h = mk.$hk === 1 ? this.lh : mk === None ? 6 : ++idCounter;
    }
    const e: Slot = { k, v, h, i: -1 };
    this.m.set(mk, e);
    const s = this.s;
    if (s === null) return;
    if (this.o) {
      e.i = s.length;
      s.push(e);
      return;
    }
    if (typeof mk === "string") e.h = strHash(mk);
    this.put(e, this.m.size);
  }

  /** Places the used-th entry in the layout, growing a full table first. */
  private put(e: Slot, used: number): void {
    let s = this.s!;
    if (used > s.length) {
      // Full (MicroPython grows only then): move the entries to the next size, in slot order.
      const old = s;
      s = this.s = nulls(grownSize(old.length));
      const u = (this.u = freeLinks(s.length));
      for (let i = 0; i < old.length; i++) {
        const x = old[i];
        if (x !== null) place(s, u, x);
      }
      this.lo = 0;
    }
    const p = place(s, this.u, e);
    if (p < this.lo) this.lo = p;
  }

  /** The slots, laying the keys out first if that was put off. */
  slots(): (Entry | null)[] {
    return this.s ?? this.lay();
  }

  private lay(): (Slot | null)[] {
    this.s = this.a0 > 0 ? nulls(this.a0) : [];
    this.u = freeLinks(this.a0);
    this.lo = this.a0;
    let used = 0;
    for (const e of this.m.values()) {
      if (typeof e.k === "string") e.h = strHash(e.k); // (only a str's Map key is the str itself)
      this.put(e, ++used);
    }
    return this.s;
  }

  has(k: any): boolean {
    return this.get(k) !== undefined;
  }

  delete(k: any): Entry | undefined {
    const mk = this.find(k);
    if (mk === undefined) return undefined;
    const e = this.m.get(mk);
    if (e === undefined) return undefined;
    // A removal changes where later keys go: from now on the layout is kept as keys come and go.
    const s = this.s ?? this.lay();
    this.m.delete(mk);
    this.u = null;
    if (!this.o) s[e.i] = null;
    else {
      s.splice(e.i, 1);
      for (let i = e.i; i < s.length; i++) s[i]!.i = i;
    }
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
    this.a0 = 0;
    this.s = this.o ? [] : null;
    this.u = null;
    this.lo = 0;
  }

  /** The entry in the first filled slot (dict.popitem, set.pop), or undefined when empty. */
  first(): Entry | undefined {
    const s = this.s ?? this.lay();
    for (let i = this.o ? 0 : this.lo; i < s.length; i++) {
      const e = s[i];
      if (e !== null) {
        if (!this.o) this.lo = i;
        return e;
      }
    }
    return undefined;
  }

  /** The entries in slot order; the table must not change meanwhile. */
  entries(): IterableIterator<Entry> {
    return new SlotIter(this.s ?? this.lay());
  }

  /** A copy with the same slots (MicroPython copies the table as it is). */
  copy(): HashTable {
    const t = new HashTable(this.a0, this.o);
    const from = this.s;
    const s = from === null ? null : this.o ? new Array<Slot | null>(from.length) : nulls(from.length);
    for (const [mk, e] of this.m) {
      const c: Slot = { k: e.k, v: e.v, h: e.h, i: e.i };
      t.m.set(mk, c);
      if (s !== null) s[e.i] = c;
    }
    t.s = s;
    t.lo = this.lo;
    t.u = this.u === null ? null : this.u.slice();
    if (this.hb !== null) {
      t.hb = new Map();
      for (const [h, b] of this.hb) t.hb.set(h, b.slice());
    }
    return t;
  }
}

/** n empty slots (pushing is faster for a few, fill for many). */
function nulls(n: number): (Slot | null)[] {
  if (n > 32) return new Array<Slot | null>(n).fill(null);
  const a: (Slot | null)[] = [];
  for (let i = 0; i < n; i++) a.push(null);
  return a;
}

/** Puts an entry in the first empty slot at or after its home (the table has one); its slot. */
function place(s: (Slot | null)[], u: Int32Array | null, e: Slot): number {
  const n = s.length;
  let p = home(e.h, n);
  if (u === null) {
    while (s[p] !== null) if (++p === n) p = 0;
  } else {
    // Follow the links to the first empty slot, halving the path as we go.
    while (u[p] !== p) {
      const q = u[p];
      u[p] = u[q];
      p = q;
    }
    u[p] = p + 1 === n ? 0 : p + 1;
  }
  s[p] = e;
  e.i = p;
  return p;
}

/**
 * For a table that only gains keys, u[p] leads towards the first empty slot at or after p
 * (cyclically): u[p] === p for an empty slot, and a filled slot links to a later one with only
 * filled slots between. Linear probing then costs little even in a nearly full table (MicroPython
 * fills a table completely before it grows). Small tables just probe.
 */
function freeLinks(n: number): Int32Array | null {
  if (n < 24) return null;
  const u = new Int32Array(n);
  for (let i = 0; i < n; i++) u[i] = i;
  return u;
}

/** Iterates the filled slots of a slot array. */
class SlotIter implements IterableIterator<Entry> {
  private i = 0;
  constructor(private s: (Slot | null)[]) {}
  next(): IteratorResult<Entry> {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const e = s[i++];
      if (e !== null) {
        this.i = i;
        return { done: false, value: e };
      }
    }
    this.i = i;
    return { done: true, value: undefined };
  }
  [Symbol.iterator](): IterableIterator<Entry> {
    return this;
  }
}
