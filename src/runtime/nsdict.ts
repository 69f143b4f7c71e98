// Dicts that are live views of namespace objects: globals() of a module, `module.__dict__`,
// `Class.__dict__` and `instance.__dict__`. Modules, classes and instances keep their names as
// properties of a JS object (the module's globals, the class's prototype, the instance itself);
// the dict reads and writes those properties, so changes show through in both directions, as
// MicroPython's __dict__ (the object's own member table) does.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, typeOf } from "./object.ts";
import { typeError } from "./exceptions.ts";
import { HashTable, type Entry } from "./hashtable.ts";
import { PyDict } from "./types/dict.ts";
import { PyModule } from "./types/module.ts";
import { OwnFunction } from "./types/function.ts";
import { isStr, S } from "./types/str.ts";
import { attrHooks } from "./attr.ts";

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A hash table over a namespace object: its keys are the object's own enumerable properties,
 * except internal `$` names. Keys must be str (a namespace holds identifiers). With `attrs`,
 * the object is an instance, whose function-valued attributes are kept in OwnFunction boxes.
 */
class NsTable extends HashTable {
  constructor(public $ns: any, private $attrs = false) {
    super();
    // Code that reads the underlying Map directly (dict iterators) gets a snapshot of live entries.
    Object.defineProperty(this, "m", { get: () => new Map(this.$keys().map((k) => [k, this.$entry(k)])) });
  }
  $keys(): string[] {
    return Object.keys(this.$ns).filter((k) => k.charCodeAt(0) !== 36);
  }
  $entry(k: string): Entry {
    const ns = this.$ns;
    const attrs = this.$attrs;
    return {
      k,
      get v() {
        const v = ns[k];
        return v instanceof OwnFunction ? v.$f : v;
      },
      set v(x: any) {
        ns[k] = attrs && typeof x === "function" ? new OwnFunction(x) : x;
      },
    };
  }
  override get size(): number {
    return this.$keys().length;
  }
  override get(k: any): Entry | undefined {
    const n = nsKey(k);
    return hasOwn.call(this.$ns, n) && n.charCodeAt(0) !== 36 ? this.$entry(n) : undefined;
  }
  override set(k: any, v: any): void {
    const n = nsKey(k);
    if (n.charCodeAt(0) === 36) throw typeError("invalid name");
    this.$ns[n] = this.$attrs && typeof v === "function" ? new OwnFunction(v) : v;
  }
  override delete(k: any): Entry | undefined {
    const n = nsKey(k);
    if (!hasOwn.call(this.$ns, n) || n.charCodeAt(0) === 36) return undefined;
    const e = { k: n, v: this.$entry(n).v };
    delete this.$ns[n];
    return e;
  }
  override clear(): void {
    for (const k of this.$keys()) delete this.$ns[k];
  }
  override *entries(): IterableIterator<Entry> {
    for (const k of this.$keys()) yield this.$entry(k);
  }
  override copy(): HashTable {
    const t = new HashTable();
    for (const k of this.$keys()) t.set(k, this.$entry(k).v);
    return t;
  }
}

function nsKey(k: any): string {
  if (typeof k === "string") return k;
  if (isStr(k)) return S(k);
  throw typeError("namespace keys must be str");
}

/** The dict viewing a namespace object; the same dict every time (cached on the object). */
function nsDict(g: any, attrs: boolean): PyDict {
  let d = g.$gdict;
  if (d !== undefined && hasOwn.call(g, "$gdict")) return d;
  d = new PyDict(new NsTable(g, attrs));
  Object.defineProperty(g, "$gdict", { value: d, enumerable: false });
  return d;
}

/**
 * Makes plain dict `d` a live view of namespace `ns` (exec(code, d) then runs in ns): functions
 * defined there see names added to `d` later, and globals() in them is `d` itself.
 */
export function adoptDict(d: PyDict, ns: any): void {
  d.$t = new NsTable(ns, false);
  Object.defineProperty(ns, "$gdict", { value: d, enumerable: false, configurable: true });
}

/** The dict of a namespace object (globals() of a module); the same dict every time. */
export function globalsDict(g: any): PyDict {
  return nsDict(g, false);
}

/** The namespace object behind a globals() dict, or undefined for an ordinary dict. */
export function nsOfDict(d: PyDict): any {
  const t = d.$t;
  return t instanceof NsTable ? t.$ns : undefined;
}

/**
 * `o.__dict__`: a module's globals, a class's own attributes, or the attributes of an instance
 * of a user class; undefined (AttributeError) for other objects.
 */
export function attrDict(o: any): any {
  if (o instanceof PyModule) return globalsDict(o.$d);
  if (o instanceof PyType) return nsDict(o.$proto, false);
  if (typeof o === "object" && typeOf(o).$user) return nsDict(o, true);
  return undefined;
}

attrHooks.instanceDict = attrDict;
attrHooks.globalsDict = globalsDict;
