// Calling Python objects.
//
// Fast path (emitted at each call site by the code generator):
//   typeof f === "function" && f.$n >= N ? f(a1, ..., aN) : call(f, [a1, ..., aN], null)
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
import { typeError, PyBaseException } from "./exceptions.ts";
import { PyBoundMethod, type FunctionSig } from "./types/function.ts";
import { mkTuple } from "./types/tuple.ts";
import { mkDictFromKw } from "./types/dict.ts";
import { growthTick } from "./memguard.ts";

export type Kw = Record<string, any> | null;

function fnName(f: any): string {
  return f.$name ?? "function";
}

// What kind of callable f is, read from a prototype marker (`instanceof` is slow before V8
// optimises the caller): a class, a bound method, or undefined for anything else.
const TYPE = 1, BOUND = 2;
(PyType.prototype as any).$callKind = TYPE;
(PyBoundMethod.prototype as any).$callKind = BOUND;

export function call(f: any, args: any[], kw: Kw): any {
  if (typeof f === "function") {
    const sig: FunctionSig | undefined = f.$sig;
    if (sig !== undefined) {
      // A builtin's entry for up to `$n` positional arguments (str.format, min, max): no binding.
      const p = f.$pos;
      if (p !== undefined && kw === null && args.length <= p.$n) return p.apply(null, args);
      return f.apply(null, bindArgs(f, sig, args, kw));
    }
    if (kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
    if (args.length > f.length && (f.$builtin !== true || !builtinVarargs(f)))
      throw typeError(`function takes ${f.length} positional arguments but ${args.length} were given`);
    return f.apply(null, args);
  }
  const k = f.$callKind;
  if (k === TYPE) return callType(f, args, kw);
  if (k === BOUND) return callWithSelf(f.$func, f.$self, args, kw);
  const dunder = typeof f === "object" ? f.__call__ : undefined;
  if (dunder !== undefined && typeof dunder === "function") return callWithSelf(dunder, f, args, kw);
  throw typeError(`'${typeOf(f).$name}' object isn't callable`);
}

/**
 * Does a builtin accept more positional arguments than its JS `length` (a rest parameter or
 * `arguments`)? Read once from its source and cached; only asked when a call passes more
 * arguments than `length`, so that too many arguments raise TypeError instead of being dropped.
 * A false "yes" (a spread in the body) only skips the check.
 */
export function builtinVarargs(f: any): boolean {
  let r = f.$varargs;
  if (r === undefined) {
    // Special methods are also called by the runtime's protocols, some with extra arguments
    // their builtin versions ignore (__exit__, __init__ of builtin types), and a builtin with no
    // parameters at all is written to ignore whatever it gets (`() => None`): never checked.
    const name = f.$name;
    r = f.$varargs = f.length === 0 || (typeof name === "string" && name.startsWith("__")) || /\.\.\.|\barguments\b/.test(Function.prototype.toString.call(f));
  }
  return r;
}

/**
 * call(f, [self, ...args], kw) without building the spread array in the common cases. `args`
 * must hold Python values only: a compiled function called directly with fewer arguments than
 * parameters fills its defaults itself (or calls back through call() and bindArgs).
 */
export function callWithSelf(f: any, self: any, args: any[], kw: Kw): any {
  const n = args.length;
  const direct = kw === null && typeof f === "function" && (f.$builtin === true ? f.$sig === undefined && (n < f.$n || builtinVarargs(f)) : f.$sig !== undefined && n < f.$n);
  if (direct) {
    switch (n) {
      case 0:
        return f(self);
      case 1:
        return f(self, args[0]);
      case 2:
        return f(self, args[0], args[1]);
      case 3:
        return f(self, args[0], args[1], args[2]);
    }
  }
  const all = new Array(n + 1);
  all[0] = self;
  for (let i = 0; i < n; i++) all[i + 1] = args[i];
  return direct ? f.apply(null, all) : call(f, all, kw);
}

/** Marks a class whose instances need no __init__ call (object's own __init__, no arguments). */
const NO_INIT = 1;

/**
 * The instantiation fast path of a class (cached in `$init`, reset by classChanged): its Python
 * __init__ when the class is a plain user class (metaclass type, object layout, object.__new__),
 * NO_INIT when it also uses object.__init__, else null (the general path).
 */
function ctorInit(t: PyType): any {
  if (!t.$user || t.$solid !== objectTypeRef.t || typeOf(t) !== typeOf(objectTypeRef.t)) return null;
  const newFn = t.$proto.__new__;
  if (newFn === undefined || newFn.$builtinNew !== true || newFn !== (objectTypeRef.t as PyType).$proto.__new__) return null;
  const init = t.$proto.__init__;
  if (init === undefined || init.$builtinInit === true) return NO_INIT;
  if (typeof init !== "function" || init.$sig === undefined || init.$builtin === true || init.$gen === true || init.$async === true) return null;
  return init;
}

/** type.__call__: create with the type's $new (found along the MRO), then run __init__. */
export function callType(t: PyType, args: any[], kw: Kw): any {
  if (t.$new1 !== null && args.length === 1 && kw === null) return t.$new1(args[0]);
  let fast = t.$init;
  if (fast === undefined) fast = t.$init = ctorInit(t);
  if (fast !== null && kw === null) {
    if (fast === NO_INIT) {
      if (args.length === 0) {
        growthTick();
        return Object.create(t.$proto);
      }
    } else if (args.length < fast.$n) {
      growthTick();
      const obj = Object.create(t.$proto);
      const r = callWithSelf(fast, obj, args, null);
      if (r !== None && r !== undefined) throw typeError("__init__() should return None");
      return obj;
    }
  }
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
    // MicroPython builds the native part of an exception subclass at its base's __init__ (or
    // after __init__): until then the object is incomplete and cannot be raised (lang.ts).
    const exc = obj instanceof PyBaseException;
    if (exc) obj.$incomplete = true;
    let r: any;
    try {
      r = call(init, [obj, ...args], kw);
    } finally {
      if (exc) obj.$incomplete = false;
    }
    if (r !== None && r !== undefined) throw typeError("__init__() should return None");
  } else if ((args.length > 0 || (kw !== null && hasKeys(kw))) && newFn === undefined && t.$solid === objectTypeRef.t) {
    throw typeError("function takes 1 positional arguments but " + (args.length + 1) + " were given");
  }
  return obj;
}

// ---- fixed-arity calls for the code generator's call sites:
//   typeof f === "function" && f.$n >= N ? f(a1, ..., aN) : callN(f, a1, ..., aN)
// Classes (the instantiation fast path above) and bound methods of compiled functions are
// called without building an argument array; anything else goes through call().

/** The fast __init__ (or NO_INIT) of class t for n positional arguments, or null. */
function fastInit(t: PyType, n: number): any {
  let fast = t.$init;
  if (fast === undefined) fast = t.$init = ctorInit(t);
  if (fast === null) return null;
  if (fast === NO_INIT) return n === 0 ? fast : null;
  return n < fast.$n ? fast : null;
}

function initResult(r: any): void {
  if (r !== None && r !== undefined) throw typeError("__init__() should return None");
}

/** A function that callWithSelf would call directly with self and n arguments. */
function directWithSelf(f: any, n: number): boolean {
  // A builtin without a signature takes its arguments positionally (as call() would pass them).
  return typeof f === "function" && n < f.$n && (f.$builtin === true ? f.$sig === undefined : f.$sig !== undefined);
}

export function call0(f: any): any {
  const k = f.$callKind;
  if (k === TYPE) {
    const init = fastInit(f, 0);
    if (init !== null) {
      growthTick();
      const o = Object.create(f.$proto);
      if (init !== NO_INIT) initResult(init(o));
      return o;
    }
  } else if (k === BOUND && directWithSelf(f.$func, 0)) {
    return f.$func(f.$self);
  }
  return call(f, [], null);
}

export function call1(f: any, a: any): any {
  const k = f.$callKind;
  if (k === TYPE) {
    if (f.$new1 !== null) return f.$new1(a);
    const init = fastInit(f, 1);
    if (init !== null) {
      growthTick();
      const o = Object.create(f.$proto);
      initResult(init(o, a));
      return o;
    }
  } else if (k === BOUND && directWithSelf(f.$func, 1)) {
    return f.$func(f.$self, a);
  }
  return call(f, [a], null);
}

export function call2(f: any, a: any, b: any): any {
  const k = f.$callKind;
  if (k === TYPE) {
    const init = fastInit(f, 2);
    if (init !== null) {
      growthTick();
      const o = Object.create(f.$proto);
      initResult(init(o, a, b));
      return o;
    }
  } else if (k === BOUND && directWithSelf(f.$func, 2)) {
    return f.$func(f.$self, a, b);
  }
  return call(f, [a, b], null);
}

export function call3(f: any, a: any, b: any, c: any): any {
  const k = f.$callKind;
  if (k === TYPE) {
    const init = fastInit(f, 3);
    if (init !== null) {
      growthTick();
      const o = Object.create(f.$proto);
      initResult(init(o, a, b, c));
      return o;
    }
  } else if (k === BOUND && directWithSelf(f.$func, 3)) {
    return f.$func(f.$self, a, b, c);
  }
  return call(f, [a, b, c], null);
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
