// generator (and coroutine): a JS generator object behind Python's generator protocol.
// The compiled generator function returns `mkGen(function* () { ... }(), name)`.
import { PyObject, defineBuiltinType, addMethods, builtin, None, STOP, typeOf, isSubtype, PyType } from "../object.ts";
import {
  newExc, StopIteration, GeneratorExit, typeError, valueError, runtimeError, isPyException,
  PyBaseException, StopAsyncIteration,
} from "../exceptions.ts";
import { call } from "../call.ts";

export class PyGenerator extends PyObject {
  $running = false;
  $done = false;
  $started = false;
  constructor(public $g: Generator<any, any, any>, public $name: string, public $async: boolean) {
    super();
  }

  /** Resumes with `fn` (next/throw); returns the yielded value, or STOP with $ret set. */
  $resume(kind: 0 | 1, v: any): any {
    if (this.$done) {
      if (kind === 1) throw v;
      this.$ret = None;
      return STOP;
    }
    if (this.$running) throw newExc(valueErrorT(), "generator already executing");
    this.$running = true;
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
      this.$running = false;
      this.$started = true;
    }
    if (r.done) {
      this.$done = true;
      this.$ret = r.value === undefined ? None : r.value;
      return STOP;
    }
    return r.value;
  }
  $ret: any = None;

  $next(): any {
    return this.$resume(0, undefined);
  }

  /** The JS iterator for `yield*` from another generator: forwards send/throw/close. */
  $delegate(): Iterator<any, any, any> & Iterable<any> {
    const self = this;
    return {
      next(v?: any) {
        const r = self.$resume(0, v === undefined ? None : v);
        return r === STOP ? { done: true, value: self.$ret } : { done: false, value: r };
      },
      throw(e: any) {
        const r = self.$resume(1, e);
        return r === STOP ? { done: true, value: self.$ret } : { done: false, value: r };
      },
      return(v?: any) {
        gen_close(self);
        return { done: true, value: v };
      },
      [Symbol.iterator]() {
        return this;
      },
    };
  }
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

function gen_throw(self: PyGenerator, t: any, val?: any): any {
  let e = t;
  if (t instanceof PyType) e = val !== undefined && val !== None ? call(t, [val], null) : call(t, [], null);
  if (!(e instanceof PyBaseException)) throw typeError("exceptions must derive from BaseException");
  if (!self.$started) {
    self.$done = true;
    throw e;
  }
  const r = self.$resume(1, e);
  if (r === STOP) throw self.$ret === None ? newExc(StopIteration) : newExc(StopIteration, self.$ret);
  return r;
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
  close: builtin("close", gen_close),
  __repr__: builtin("__repr__", (self: PyGenerator) => `<generator object '${self.$name}' at ${"0x" + (0).toString(16)}>`),
});
addMethods(coroutineType, {
  __await__: builtin("__await__", (self: any) => self),
});
void typeOf;
void StopAsyncIteration;
