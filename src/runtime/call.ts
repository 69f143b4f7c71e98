// Calling Python objects.
//
// Fast path (emitted at each call site by the code generator):
//   typeof f === "function" && f.length >= N ? f(a1, ..., aN) : call(f, [a1, ..., aN], null)
// A JS function's `length` is its number of positional parameters, so the direct call is only
// taken when it cannot receive too many arguments; missing ones arrive as `undefined` and the
// callee fills defaults or raises. Functions with *args, keyword-only parameters or **kwargs have
// `length` 0 (set by mkFunction) and so take this general path unless called with no arguments.
//
// General path: `call(f, args, kw)` with `kw` a null-prototype object of keyword arguments (or
// null). Compiled functions (and builtins that accept keywords) carry a FunctionSig in `$sig`
// that says how to bind arguments to the JS parameters:
//   [positional..., *args tuple if varargs, keyword-only..., **kwargs dict if varkw]

import { PyType, typeOf, None, isSubtype } from "./object.ts";
import { typeError } from "./exceptions.ts";
import { PyBoundMethod, type FunctionSig } from "./types/function.ts";
import { mkTuple } from "./types/tuple.ts";
import { mkDictFromKw } from "./types/dict.ts";

export type Kw = Record<string, any> | null;

function fnName(f: any): string {
  return f.$name ?? "function";
}

export function call(f: any, args: any[], kw: Kw): any {
  if (typeof f === "function") {
    const sig: FunctionSig | undefined = f.$sig;
    if (sig !== undefined) return f.apply(null, bindArgs(f, sig, args, kw));
    if (kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
    if (f.$builtin !== true && args.length > f.length)
      throw typeError(`function takes ${f.length} positional arguments but ${args.length} were given`);
    return f.apply(null, args);
  }
  if (f instanceof PyType) return callType(f, args, kw);
  if (f instanceof PyBoundMethod) return call(f.$func, [f.$self, ...args], kw);
  const dunder = typeof f === "object" ? f.__call__ : undefined;
  if (dunder !== undefined && typeof dunder === "function") return call(dunder, [f, ...args], kw);
  throw typeError(`'${typeOf(f).$name}' object isn't callable`);
}

/** type.__call__: create with the type's $new (found along the MRO), then run __init__. */
export function callType(t: PyType, args: any[], kw: Kw): any {
  const meta = typeOf(t);
  if (meta.$user) {
    // A metaclass with its own __call__ decides everything.
    const mcall = meta.$proto.__call__;
    if (mcall !== undefined && mcall.$typeCall !== true) return call(mcall, [t, ...args], kw);
  }
  const newFn = t.$proto.__new__;
  let obj: any;
  if (newFn !== undefined && newFn.$builtin !== true) {
    // A Python-level __new__ (a staticmethod in the class body): new(cls, *args)
    const f = newFn.$f ?? newFn;
    obj = call(f, [t, ...args], kw);
    if (!(typeof obj === "object" && obj !== null && isSubtype(typeOf(obj), t))) return obj;
  } else {
    const solid = t.$solid;
    if (solid === null || solid.$new === null) throw typeError(`cannot create '${t.$name}' instances`);
    obj = solid.$new(t, args, kw);
    // Builtin constructors consume their arguments; only user classes run __init__ next.
    if (!t.$user) return obj;
  }
  const init = t.$proto.__init__;
  if (init !== undefined && init.$builtinInit === undefined) {
    const r = call(init, [obj, ...args], kw);
    if (r !== None && r !== undefined) throw typeError("__init__() should return None");
  } else if ((args.length > 0 || (kw !== null && hasKeys(kw))) && newFn === undefined && t.$solid === objectTypeRef.t) {
    throw typeError("function takes 1 positional arguments but " + (args.length + 1) + " were given");
  }
  return obj;
}

/** Set by the object type module; used to recognise `object` as the solid base. */
export const objectTypeRef: { t: PyType | null } = { t: null };

export function hasKeys(kw: Record<string, any>): boolean {
  for (const _ in kw) return true;
  return false;
}

/** Binds positional and keyword arguments to a function's JS parameters, checking every rule. */
export function bindArgs(f: any, sig: FunctionSig, args: any[], kw: Kw): any[] {
  const n = sig.names.length;
  const out: any[] = new Array(n);
  const nargs = args.length;
  if (nargs > n && !sig.varargs) {
    throw typeError(`function takes ${n} positional arguments but ${nargs} were given`);
  }
  for (let i = 0; i < n && i < nargs; i++) out[i] = args[i];
  let extraKw: Record<string, any> | null = null;
  const kwonlyVals: any[] = new Array(sig.kwonly.length);
  if (kw !== null) {
    for (const k in kw) {
      const pi = sig.names.indexOf(k);
      if (pi >= sig.posonly) {
        if (out[pi] !== undefined) throw typeError(`function got multiple values for argument '${k}'`);
        out[pi] = kw[k];
        continue;
      }
      const ki = sig.kwonly.indexOf(k);
      if (ki >= 0) {
        kwonlyVals[ki] = kw[k];
        continue;
      }
      if (!sig.varkw) throw typeError(`unexpected keyword argument '${k}'`);
      (extraKw ??= Object.create(null))[k] = kw[k];
    }
  }
  const firstDefault = n - sig.defaults.length;
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    if (i >= firstDefault) out[i] = sig.defaults[i - firstDefault];
    else throw typeError(`function missing ${countMissing(out, firstDefault)} required positional arguments`);
  }
  if (sig.varargs) out.push(mkTuple(nargs > n ? args.slice(n) : []));
  for (let i = 0; i < sig.kwonly.length; i++) {
    let v = kwonlyVals[i];
    if (v === undefined) v = sig.kwDefaults[i];
    if (v === undefined) throw typeError(`function missing required keyword argument '${sig.kwonly[i]}'`);
    out.push(v);
  }
  if (sig.varkw) out.push(mkDictFromKw(extraKw));
  void fnName;
  return out;
}

function countMissing(out: any[], upTo: number): number {
  let c = 0;
  for (let i = 0; i < upTo; i++) if (out[i] === undefined) c++;
  return c;
}
