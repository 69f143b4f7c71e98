// generator (and coroutine): a JS generator object behind Python's generator protocol.
// The compiled generator function returns `mkGen(function* () { ... }(), name)`.
import {
  PyObject, defineBuiltinType, addMethods, builtin, None, STOP, typeOf, isSubtype, PyType, MissingArgument,
} from "../object.ts";
import {
  newExc, StopIteration, GeneratorExit, typeError, valueError, runtimeError, isPyException,
  PyBaseException, StopAsyncIteration, baseExceptionType,
} from "../exceptions.ts";
import { call } from "../call.ts";
import { captureTraceback } from "../traceback.ts";

export class PyGenerator extends PyObject {
  $running = false;
  $done = false;
  $started = false;
  constructor(public $g: Generator<any, any, any>, public $name: string, public $async: boolean) {
    super();
  }

  /** The active `yield from` delegate while paused inside one (see lang.ts yieldFrom), else null. */
  $sub: any = null;
  /** Exception set by pend_throw(), thrown in at the next resume (None = nothing pending). */
  $pend: any = None;

  /**
   * Resumes with next/send (kind 0) or by throwing `v` in (kind 1); returns the yielded value,
   * or STOP with $ret set. A thrown `v` must be an exception instance unless the generator is
   * paused in `yield from` ($sub set): then it goes to the delegate as given (see throwInto).
   */
  $resume(kind: 0 | 1, v: any): any {
    const r = this.$step(kind, v);
    return r.done ? STOP : r.value;
  }

  /**
   * $resume returning the JS generator's own IteratorResult (so `yield from` can hand it on
   * without allocating); when done, $ret holds the return value (the result's value is not it).
   */
  $step(kind: 0 | 1, v: any): IteratorResult<any, any> {
    // Paused in `yield from` a Python generator: step the delegate straight from here, without
    // resuming this generator's JS code (deep chains cost one call per level). When the
    // delegate finishes or raises, it holds the outcome for the yield* below (see lang.ts).
    const sub = this.$sub;
    if (sub !== null && kind === 0 && sub.$direct === true && !this.$running && this.$pend === None) {
      this.$running = true;
      const r = sub.direct(v);
      this.$running = false;
      if (r !== null) return r;
    }
    if (this.$done) {
      if (kind === 1) throw v;
      this.$ret = None;
      return DONE;
    }
    if (this.$running) throw newExc(valueErrorT(), "generator already executing");
    if (this.$pend !== None) {
      kind = 1;
      v = this.$sub !== null ? this.$pend : raiseObj(this.$pend);
      this.$pend = None;
    }
    this.$running = true;
    const outer = running;
    running = this;
    let r: IteratorResult<any, any>;
    try {
      r = kind === 0 ? this.$g.next(v) : this.$g.throw(v);
    } catch (e) {
      this.$done = true;
      if (isPyException(e) && isSubtype(e.$cls, StopIteration)) {
        throw newExc(runtimeError("").$cls, "generator raised StopIteration");
      }
      throw e;
    } finally {
      running = outer;
      this.$running = false;
      this.$started = true;
    }
    if (r.done) {
      this.$done = true;
      this.$ret = r.value === undefined ? None : r.value;
    }
    return r;
  }
  $ret: any = None;

  /**
   * next(): the common case (not in `yield from`, nothing pending, not running or finished)
   * resumes the JS generator directly, without $step's checks and try/finally.
   */
  $next(): any {
    if (this.$sub !== null || this.$pend !== None || this.$running || this.$done) return this.$resume(0, undefined);
    this.$running = true;
    this.$started = true;
    const outer = running;
    running = this;
    let r: IteratorResult<any, any>;
    try {
      r = this.$g.next(undefined);
    } catch (e) {
      running = outer;
      this.$running = false;
      this.$done = true;
      throw isPyException(e) && isSubtype(e.$cls, StopIteration) ? newExc(runtimeError("").$cls, "generator raised StopIteration") : e;
    }
    running = outer;
    this.$running = false;
    if (r.done !== true) return r.value;
    this.$done = true;
    this.$ret = r.value === undefined ? None : r.value;
    return STOP;
  }
}

/** What $step returns for an exhausted generator (shared: only `done` is read). */
const DONE: IteratorResult<any, any> = Object.freeze({ done: true, value: undefined }) as any;

/** The generator whose code is running (innermost), so `yield from` can find its owner. */
let running: PyGenerator | null = null;

export function runningGen(): PyGenerator | null {
  return running;
}

/** The exception `raise x` would raise for a thrown-in value: class -> instance, else TypeError. */
export function raiseObj(x: any): any {
  if (x instanceof PyType && isSubtype(x, baseExceptionType)) x = call(x, [], null);
  if (x instanceof PyBaseException) {
    // Raised at the throw() call (an instance made by Python code has no traceback yet).
    if (x.$tb === null && x.$extraFrames === null) x.$tb = captureTraceback();
    return x;
  }
  return typeError("exceptions must derive from BaseException");
}

/** gen.throw(x) as MicroPython passes it on: raw to a `yield from` delegate, else raised. */
export function throwInto(g: any, x: any): any {
  return g.$resume(1, g.$sub ? x : raiseObj(x));
}

function valueErrorT(): PyType {
  return valueError("").$cls;
}

export const generatorType = defineBuiltinType("generator", PyGenerator.prototype);
export const coroutineType = defineBuiltinType("coroutine", Object.create(PyGenerator.prototype), generatorType);

function gen_send(self: PyGenerator, v: any): any {
  if (!self.$started && v !== None) throw typeError("can't send non-None value to a just-started generator");
  const r = self.$resume(0, v);
  if (r === STOP) throw self.$ret === None ? newExc(StopIteration) : newExc(StopIteration, self.$ret);
  return r;
}

// throw(type[, value[, traceback]]): like MicroPython, reduce to one value (value if given and
// not None, else type) and pass that on; it is turned into an exception where it is raised.
function gen_throw(self: PyGenerator, t: any, val?: any): any {
  const r = throwInto(self, val !== undefined && val !== None ? val : t);
  if (r === STOP) throw self.$ret === None ? newExc(StopIteration) : newExc(StopIteration, self.$ret);
  return r;
}

function gen_pend_throw(self: PyGenerator, exc: any): any {
  if (exc === undefined) throw new MissingArgument();
  if (self.$running) throw newExc(valueErrorT(), "generator already executing");
  const prev = self.$pend;
  self.$pend = exc;
  return prev;
}

export function gen_close(self: PyGenerator): any {
  if (self.$done) return None;
  if (!self.$started) {
    self.$done = true;
    return None;
  }
  try {
    const r = self.$resume(1, newExc(GeneratorExit));
    if (r !== STOP) throw runtimeError("generator ignored GeneratorExit");
  } catch (e) {
    if (isPyException(e) && (isSubtype(e.$cls, GeneratorExit) || isSubtype(e.$cls, StopIteration))) return None;
    throw e;
  }
  return None;
}

addMethods(generatorType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyGenerator) => {
    const r = self.$resume(0, None);
    if (r === STOP) throw self.$ret === None ? newExc(StopIteration) : newExc(StopIteration, self.$ret);
    return r;
  }),
  send: builtin("send", gen_send),
  throw: builtin("throw", gen_throw),
  pend_throw: builtin("pend_throw", gen_pend_throw),
  close: builtin("close", gen_close),
  __repr__: builtin("__repr__", (self: PyGenerator) => `<generator object '${self.$name}' at ${"0x" + (0).toString(16)}>`),
});
addMethods(coroutineType, {
  __await__: builtin("__await__", (self: any) => self),
});
void typeOf;
void StopAsyncIteration;
