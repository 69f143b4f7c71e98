// Language-level helpers for generated code that are not operators on one type: functions,
// generators, exceptions being raised and caught, star-arguments, imports, the REPL hook.

import { PyType, typeOf, None, STOP, isSubtype, builtin, setArity } from "./object.ts";
import {
  newExc, typeError, toPyExc as toPyExcImpl, PyBaseException, baseExceptionType, NameError,
  AssertionError, runtimeError, StopIteration, GeneratorExit, isPyException,
} from "./exceptions.ts";
import { type FunctionSig } from "./types/function.ts";
import { mkTuple, PyTuple } from "./types/tuple.ts";
import { PyList, mkList } from "./types/list.ts";
import { PyDict, mkDict as mkEmptyDict } from "./types/dict.ts";
import { call, type Kw } from "./call.ts";
import { getIter, iterNext, toArray, repr, str, unpackEx, callSpecial } from "./ops.ts";
import { callMethod } from "./attr.ts";
import { PyGenerator, runningGen, throwInto, raiseObj } from "./types/generator.ts";
import { langHooks } from "./hooks.ts";
import { captureTraceback, type CatchSite } from "./traceback.ts";
import { globalsDict } from "./nsdict.ts";
import { io } from "./stdio.ts";

// ---------------------------------------------------------------- literals

export function mkComplex(re: number, im: number): any {
  return langHooks.mkComplex(re, im);
}

export function mkBytes(latin1: string): any {
  return langHooks.mkBytes(latin1);
}

/** A dict display preallocates a slot per item (n: kv.length / 2), a comprehension none (n 0),
 *  as MicroPython's do (dict order depends on it: runtime/hashtable.ts). */
export function mkDict(kv: any[], n = kv.length >> 1): PyDict {
  const d = mkEmptyDict(n);
  for (let i = 0; i < kv.length; i += 2) d.$t.set(kv[i], kv[i + 1]);
  return d;
}

/** A dict display or comprehension's items as generated code evaluates them: [v1, k1, v2, k2, ...]. */
export function mkDictVK(vk: any[], n = vk.length >> 1): PyDict {
  const d = mkEmptyDict(n);
  for (let i = 0; i < vk.length; i += 2) d.$t.set(vk[i + 1], vk[i]);
  return d;
}

export function dictUpdate(d: PyDict, m: any): PyDict {
  if (m instanceof PyDict) {
    for (const e of m.$t.entries()) d.$t.set(e.k, e.v);
    return d;
  }
  const keys = callMethod(m, "keys", [], null);
  const it = getIter(keys);
  for (let k = iterNext(it); k !== STOP; k = iterNext(it)) d.$t.set(k, getItemOf(m, k));
  return d;
}

function getItemOf(m: any, k: any): any {
  return callSpecial(typeOf(m).$proto.__getitem__, m, k);
}

export function mkSlice(a: any, b: any, c: any): any {
  return langHooks.mkSlice(a, b, c);
}

export function formatValue(v: any, conv: "r" | "s" | "a" | null, spec: string): string {
  if (conv === "r" || conv === "a") v = repr(v);
  else if (conv === "s") v = str(v);
  if (spec === "" && typeof v === "string") return v;
  return langHooks.format(v, spec);
}

// ---------------------------------------------------------------- calls with * and **

export function spread(arr: any[], x: any): any[] {
  if (x instanceof PyTuple || x instanceof PyList) {
    const a = x.$a;
    for (let i = 0; i < a.length; i++) arr.push(a[i]);
    return arr;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) arr.push(v);
  return arr;
}

export function mergeKw(kw: Kw, m: any): Record<string, any> {
  // A fresh prototype-less object: a call site's plain literal would see inherited names.
  const out: Record<string, any> = Object.create(null);
  if (kw !== null) for (const k in kw) out[k] = kw[k];
  const add = (k: any, v: any) => {
    if (typeof k !== "string") throw typeError("keywords must be strings");
    if (k in out) throw typeError(`function got multiple values for argument '${k}'`);
    out[k] = v;
  };
  if (m instanceof PyDict) {
    for (const e of m.$t.entries()) add(e.k, e.v);
    return out;
  }
  const keys = callMethod(m, "keys", [], null);
  const it = getIter(keys);
  for (let k = iterNext(it); k !== STOP; k = iterNext(it)) add(k, getItemOf(m, k));
  return out;
}

export function callEx(f: any, args: any[], kw: Kw): any {
  return call(f, args, kw);
}

export function unpackStar(x: any, before: number, after: number): any[] {
  return unpackEx(x, before, after, mkList);
}

// ---------------------------------------------------------------- functions

export const FN_VARARGS = 1;
export const FN_VARKW = 2;
export const FN_GEN = 4;
export const FN_ASYNC = 8;

export function mkFunction(
  f: any, name: string, qualname: string, names: string[], posonly: number,
  defaults: any[], kwonly: string[], kwDefaults: any[], flags: number, globals?: any,
): any {
  f.$name = name;
  // The module globals the function runs in (its __globals__).
  if (globals !== undefined) f.$globals = globals;
  f.$qualname = qualname;
  const sig: FunctionSig = {
    names, posonly, defaults, kwonly, kwDefaults,
    varargs: (flags & FN_VARARGS) !== 0,
    varkw: (flags & FN_VARKW) !== 0,
  };
  f.$sig = sig;
  if (flags & FN_ASYNC) f.$async = true;
  if (flags & FN_GEN) f.$gen = true;
  // Functions that take *args, **kwargs or keyword-only parameters only take the direct call
  // path with no arguments (see call.ts).
  if (sig.varargs || sig.varkw || kwonly.length > 0) setArity(f, 0);
  else f.$n = f.length;
  return f;
}

export function mkGen(g: Generator<any, any, any>, name: string, isAsync?: boolean): PyGenerator {
  return new PyGenerator(g, name, isAsync === true);
}

// `yield from x` compiles to `yield* yieldFrom(x)`: JS forwards next/throw of the outer generator
// to the delegate returned here, which follows MicroPython's mp_resume (py/runtime.c) and its
// YIELD_FROM opcode. While it is active the owner's $sub points at it, so the owner's throw()
// passes the thrown value through unconverted (a user throw() method may receive any object).

/** The JS iterator behind `yield*` for `yield from x` (send/throw reach a Python generator). */
export function yieldFrom(x: any): Iterator<any, any, any> & Iterable<any> {
  const d: YieldFromDelegate = x instanceof PyGenerator ? new GenDelegate(x) : new PyIterDelegate(getIter(x));
  const owner = runningGen();
  if (owner !== null) {
    d.owner = owner;
    owner.$sub = d;
  }
  return d;
}

export function awaitable(x: any): Iterator<any, any, any> & Iterable<any> {
  if (x instanceof PyGenerator) return yieldFrom(x);
  const aw = typeOf(x).$proto.__await__;
  if (aw !== undefined) return yieldFrom(callSpecial(aw, x));
  const it = typeOf(x).$proto.__iter__;
  if (it !== undefined) return yieldFrom(x);
  throw typeError(`'${typeOf(x).$name}' object isn't awaitable`);
}

function isGenExit(x: any): boolean {
  return x instanceof PyType ? isSubtype(x, GeneratorExit) : isSubtype(typeOf(x), GeneratorExit);
}

abstract class YieldFromDelegate {
  owner: PyGenerator | null = null;
  abstract send(v: any): IteratorResult<any>;
  abstract inject(x: any): IteratorResult<any>;
  next(v?: any): IteratorResult<any> {
    try {
      const r = this.send(v);
      if (r.done) this.end();
      return r;
    } catch (e) {
      this.end();
      throw e;
    }
  }
  throw(x: any): IteratorResult<any> {
    try {
      const r = this.inject(x);
      if (r.done) this.end();
      return r;
    } catch (e) {
      this.end();
      throw e;
    }
  }
  return(v?: any): IteratorResult<any> {
    this.end();
    return { done: true, value: v };
  }
  end(): void {
    const o = this.owner;
    if (o !== null && o.$sub === this) o.$sub = null;
    this.owner = null;
  }
  [Symbol.iterator]() {
    return this;
  }
}

class GenDelegate extends YieldFromDelegate {
  constructor(private g: PyGenerator) {
    super();
    this.$direct = g.$g !== undefined;
  }
  /**
   * A generator function's generator (not a generator expression object, which has its own
   * $resume): stepped through $step, and by direct() (PyGenerator.$step reads this flag).
   */
  $direct: boolean;
  /** The outcome direct() met (done result, or raised error), for the owner's yield* to take. */
  private held: IteratorResult<any> | null = null;
  private hasErr = false;
  private err: any = undefined;

  /** Steps the delegate for its paused owner: the result while it yields, else null (held). */
  direct(v: any): IteratorResult<any> | null {
    const g = this.g;
    let r: IteratorResult<any>;
    try {
      r = g.$step(0, v === undefined ? None : v);
    } catch (e) {
      this.end();
      this.hasErr = true;
      this.err = e;
      return null;
    }
    if (!r.done) return r;
    this.end();
    this.held = { done: true, value: g.$ret };
    return null;
  }

  /** The common step, without wrapping: the inner JS generator's result goes up as it is. */
  override next(v?: any): IteratorResult<any> {
    const g = this.g;
    const h = this.held;
    if (h !== null) {
      this.held = null;
      return h;
    }
    if (this.hasErr) {
      const e = this.err;
      this.hasErr = false;
      this.err = undefined;
      throw e;
    }
    if (!this.$direct) return super.next(v);
    let r: IteratorResult<any>;
    try {
      r = g.$step(0, v === undefined ? None : v);
    } catch (e) {
      this.end();
      throw e;
    }
    if (!r.done) return r;
    this.end();
    return { done: true, value: g.$ret };
  }
  send(v: any): IteratorResult<any> {
    const g = this.g;
    const r = g.$resume(0, v === undefined ? None : v);
    return r === STOP ? { done: true, value: g.$ret } : { done: false, value: r };
  }
  inject(x: any): IteratorResult<any> {
    const g = this.g;
    const r = throwInto(g, x);
    if (r !== STOP) return { done: false, value: r };
    // A GeneratorExit swallowed downstream is still raised here (MicroPython's YIELD_FROM).
    if (isGenExit(x)) throw raiseObj(x);
    return { done: true, value: g.$ret };
  }
}

/** Adapts a Python iterator to the JS iterator protocol for `yield*` (send goes to .send()). */
class PyIterDelegate extends YieldFromDelegate {
  constructor(private it: any) {
    super();
  }
  send(v: any): IteratorResult<any> {
    const it = this.it;
    try {
      // Builtin iterators end with STOP (no value); Python ones raise StopIteration(value).
      if ((v === undefined || v === None) && it.$next !== undefined) {
        const r = it.$next();
        return r === STOP ? { done: true, value: None } : { done: false, value: r };
      }
      const r = v === undefined || v === None ? callMethod(it, "__next__", [], null) : callMethod(it, "send", [v], null);
      return { done: false, value: r };
    } catch (err) {
      // Also a StopIteration from code a builtin iterator calls (e.g. the function of map()).
      if (isPyException(err) && isSubtype(typeOf(err), StopIteration)) return { done: true, value: stopValue(err) };
      throw err;
    }
  }
  inject(x: any): IteratorResult<any> {
    const proto = typeOf(this.it).$proto;
    if (isGenExit(x)) {
      // close() the iterator if it can be, then raise GeneratorExit here.
      if (proto.close !== undefined) callMethod(this.it, "close", [], null);
      throw raiseObj(x);
    }
    if (proto.throw === undefined) throw raiseObj(x);
    try {
      return { done: false, value: callMethod(this.it, "throw", [x], null) };
    } catch (err) {
      if (isPyException(err) && isSubtype(typeOf(err), StopIteration)) return { done: true, value: stopValue(err) };
      throw err;
    }
  }
}

export function stopValue(e: PyBaseException): any {
  const a = e.args.$a;
  return a.length > 0 ? a[0] : None;
}

// ---------------------------------------------------------------- names

export function raiseNameError(name: string): never {
  throw newExc(NameError, `name '${name}' isn't defined`);
}

export function raiseUnboundLocal(name: string): never {
  throw newExc(NameError, `local variable '${name}' referenced before assignment`);
}

// ---------------------------------------------------------------- exceptions

export function toPyExc(e: unknown): PyBaseException {
  return toPyExcImpl(e);
}

export function excMatch(e: PyBaseException, t: any): boolean {
  if (t instanceof PyType) {
    if (!isSubtype(t, baseExceptionType)) throw typeError("catching classes that do not inherit from BaseException is not allowed");
    return isSubtype(typeOf(e), t);
  }
  if (t instanceof PyTuple) {
    for (const x of t.$a) if (excMatch(e, x)) return true;
    return false;
  }
  throw typeError("catching classes that do not inherit from BaseException is not allowed");
}

/** The object a `raise X [from Y]` statement throws. */
export function mkRaise(x: any, cause?: any): PyBaseException {
  let e: any = x;
  if (x instanceof PyType) {
    if (!isSubtype(x, baseExceptionType)) throw typeError("exceptions must derive from BaseException");
    e = call(x, [], null);
  }
  if (!(e instanceof PyBaseException) || (e as any).$incomplete === true) throw typeError("exceptions must derive from BaseException");
  if (cause !== undefined) {
    // MicroPython keeps no chain and says so (py/vm.c RAISE_FROM), except for `from None`.
    if (cause !== None) io.writeErr("Warning: exception chaining not supported\n");
    if (cause instanceof PyType) cause = call(cause, [], null);
    e.__cause__ = cause;
  }
  const ctx = excStack.length > 0 ? excStack[excStack.length - 1] : undefined;
  if (ctx !== undefined && ctx !== e) e.__context__ = ctx;
  // A new exception's traceback was captured on creation. One raised again after being caught
  // gets the frames from here to its next handler in front of those it already had, as
  // MicroPython's tracebacks grow while an exception unwinds (printexc.ts joins them).
  if (Object.prototype.hasOwnProperty.call(e, "__traceback__") && (e as any).__traceback__ === None) {
    // `e.__traceback__ = None` forgets where it was raised before (MicroPython allows this).
    delete (e as any).__traceback__;
    e.$older = undefined;
    e.$caughtAt = undefined;
    e.$tb = captureTraceback();
  } else if (e.$caughtAt !== undefined) {
    e.$older = [{ tb: e.$tb, caughtAt: e.$caughtAt }, ...(e.$older ?? [])];
    e.$tb = captureTraceback();
    e.$caughtAt = undefined;
  } else if (e.$tb === null && e.$extraFrames === null) {
    // Made by Python code (the class was called) and raised for the first time.
    e.$tb = captureTraceback();
  }
  return e;
}

/** Exceptions currently being handled (innermost last), for bare `raise` and sys.exc_info(). */
export const excStack: PyBaseException[] = [];

export function pushExc(e: PyBaseException, site: CatchSite): void {
  excStack.push(e);
  // Where it is caught bounds its traceback: a Python traceback holds the frames from the
  // handler's frame to the raise, not the callers above the handler (see printexc.ts). The
  // compiler names each handler's site (a constant: no stack capture per catch). Caught again
  // without a new raise (a bare `raise` in a handler): the inner catches are kept in `prev`.
  const prev = e.$caughtAt;
  e.$caughtAt = prev === undefined ? site : { name: site.name, lo: site.lo, hi: site.hi, prev };
}

export function popExc(): void {
  excStack.pop();
}

export function reraise(): PyBaseException {
  if (excStack.length === 0) return newExc(runtimeError("").$cls as PyType, "No active exception to reraise");
  return excStack[excStack.length - 1];
}

export function assertFail(msg?: any): PyBaseException {
  return msg === undefined ? newExc(AssertionError) : newExc(AssertionError, msg);
}

// ---------------------------------------------------------------- imports (implemented in import.ts)

export function importName(name: string, fromlist: string[] | null, level: number, globals: any): any {
  // An `import` statement calls builtins.__import__ when a program has replaced it (globals
  // inherit from the builtins namespace; the builtin one is marked $builtinImport).
  const imp = globals.__import__;
  if (imp !== undefined && imp.$builtinImport !== true) {
    const fl = fromlist === null ? None : mkTuple(fromlist);
    return call(imp, [name, globalsDict(globals), None, fl, level], null);
  }
  return langHooks.importName(name, fromlist, level, globals);
}

export function importFrom(mod: any, name: string): any {
  return langHooks.importFrom(mod, name);
}

export function importStar(mod: any, globals: any): void {
  langHooks.importStar(mod, globals);
}

// ---------------------------------------------------------------- REPL, interrupts

export function displayHook(v: any): void {
  langHooks.displayHook(v);
}

export { callerG } from "./hooks.ts";

/**
 * Interrupt/pending flag, tested by generated code at loop back-edges. A board replaces it
 * (helpers.ts setInterruptFlag) with one shared with the host through a SharedArrayBuffer.
 */
export const intr: Int32Array = new Int32Array(1);

export function checkIntr(): void {
  langHooks.checkIntr();
}

export { builtin, GeneratorExit, mkTuple, toArray };
