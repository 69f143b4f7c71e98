// errno: https://docs.micropython.org/en/latest/library/errno.html
//
// The constants are MicroPython's set (py/moderrno.c) with Linux's values, as on the unix port.
// The table itself lives in runtime/types/baseexception.ts, where str(OSError(n)) needs it to
// print `[Errno 2] ENOENT`; this module only exposes it.

import { defineBuiltinType, addMethods, builtin } from "../runtime/object.ts";
import { newExc, TypeError } from "../runtime/exceptions.ts";
import { PyDict, dictType } from "../runtime/types/dict.ts";
import { errnoNames } from "../runtime/types/baseexception.ts";
import { HashTable } from "../runtime/hashtable.ts";

/**
 * A read-only dict (MicroPython's "fixed" maps in ROM, such as errno.errorcode): a dict whose
 * mutating methods raise TypeError with no message. It still prints itself as a dict.
 */
const fixedDictType = defineBuiltinType("dict", Object.create(dictType.$proto), dictType);
const refuse = (name: string) => builtin(name, () => {
  throw newExc(TypeError);
});
addMethods(fixedDictType, Object.fromEntries(
  ["__setitem__", "__delitem__", "clear", "pop", "popitem", "setdefault", "update", "__ior__"]
    .map((n) => [n, refuse(n)]),
));

export function mkFixedDict(entries: [any, any][]): PyDict {
  const d: PyDict = Object.create(fixedDictType.$proto);
  d.$t = new HashTable(0, true); // a ROM dict: ordered in MicroPython
  for (const [k, v] of entries) d.$t.set(k, v);
  return d;
}

/** The symbolic name of an errno value (`ENOENT` for 2), or undefined when it has none. */
export function errnoName(n: number): string | undefined {
  return errnoNames[n];
}

export function makeModule(): Record<string, any> {
  const out: Record<string, any> = {};
  const codes: [number, string][] = [];
  for (const key of Object.keys(errnoNames)) {
    const n = Number(key);
    out[errnoNames[n]] = n;
    codes.push([n, errnoNames[n]]);
  }
  out.errorcode = mkFixedDict(codes);
  return out;
}
