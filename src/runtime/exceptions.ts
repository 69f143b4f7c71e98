// The exception hierarchy (MicroPython's set, see py/objexcept.c) and the helpers that create
// and throw Python exceptions. Python exceptions are thrown as JS exceptions directly: the thrown
// value is the Python exception object.

import { PyObject, PyType, defineBuiltinType, None, objectType, typeOf, isSubtype, MissingArgument } from "./object.ts";
import { PyTuple, mkTuple, emptyTuple } from "./types/tuple.ts";
import { captureTraceback, type TracebackHolder, type CatchSite } from "./traceback.ts";

export class PyBaseException extends PyObject {
  /** Python-visible `args` tuple. */
  args: PyTuple = emptyTuple;
  /** Where it was raised: a JS stack capture mapped to Python lines lazily (traceback.ts). */
  $tb: TracebackHolder | null = null;
  /** Where it was last caught (bounds the traceback: printexc.ts). */
  declare $caughtAt: CatchSite | undefined;
  /** Earlier raises of the same exception object, newest first (it was caught and raised again). */
  declare $older: { tb: TracebackHolder | null; caughtAt: CatchSite | undefined }[] | undefined;
  /** Frames added by hand (e.g. for SyntaxError: the file and line of the error). */
  $extraFrames: { file: string; line: number; name: string | null }[] | null = null;
  __cause__: any = None;
  __context__: any = None;
}

export const baseExceptionType = defineBuiltinType("BaseException", PyBaseException.prototype, objectType);

/** All exception types by name, for the builtins module. */
export const exceptionTypes: Record<string, PyType> = { BaseException: baseExceptionType };

function def(name: string, base: PyType): PyType {
  const t = defineBuiltinType(name, Object.create(base.$proto), base);
  exceptionTypes[name] = t;
  return t;
}

export const SystemExit = def("SystemExit", baseExceptionType);
export const KeyboardInterrupt = def("KeyboardInterrupt", baseExceptionType);
export const GeneratorExit = def("GeneratorExit", baseExceptionType);
export const Exception = def("Exception", baseExceptionType);
export const StopAsyncIteration = def("StopAsyncIteration", Exception);
export const StopIteration = def("StopIteration", Exception);
export const ArithmeticError = def("ArithmeticError", Exception);
export const OverflowError = def("OverflowError", ArithmeticError);
export const ZeroDivisionError = def("ZeroDivisionError", ArithmeticError);
export const AssertionError = def("AssertionError", Exception);
export const AttributeError = def("AttributeError", Exception);
export const EOFError = def("EOFError", Exception);
export const ImportError = def("ImportError", Exception);
export const LookupError = def("LookupError", Exception);
export const IndexError = def("IndexError", LookupError);
export const KeyError = def("KeyError", LookupError);
export const MemoryError = def("MemoryError", Exception);
export const NameError = def("NameError", Exception);
export const UnboundLocalError = def("UnboundLocalError", NameError);
export const OSError = def("OSError", Exception);
export const TimeoutError = def("TimeoutError", OSError);
export const RuntimeError = def("RuntimeError", Exception);
export const NotImplementedError = def("NotImplementedError", RuntimeError);
export const SyntaxError = def("SyntaxError", Exception);
export const IndentationError = def("IndentationError", SyntaxError);
export const TypeError = def("TypeError", Exception);
/** Raised by the compiler for type errors in `@micropython.viper` code. */
export const ViperTypeError = def("ViperTypeError", TypeError);
export const ValueError = def("ValueError", Exception);
export const UnicodeError = def("UnicodeError", ValueError);
export const Warning = def("Warning", Exception);
// ImportError's subclass is part of CPython's set that MicroPython's tests rely on by name.
export const ModuleNotFoundError = def("ModuleNotFoundError", ImportError);
exceptionTypes.EnvironmentError = OSError;
exceptionTypes.IOError = OSError;

/** Creates an exception instance of `t` with the given args (no __init__ call). */
export function newExc(t: PyType, ...args: any[]): PyBaseException {
  const e: PyBaseException = Object.create(t.$proto);
  e.args = mkTuple(args);
  e.$tb = captureTraceback();
  e.$extraFrames = null;
  e.__cause__ = None;
  e.__context__ = None;
  return e;
}

/** Shorthands used across the runtime: `throw typeError("...")`. */
export const typeError = (msg: string) => newExc(TypeError, msg);
export const valueError = (msg: string) => newExc(ValueError, msg);
export const indexError = (msg: string) => newExc(IndexError, msg);
export const keyError = (key: any) => newExc(KeyError, key);
export const attributeError = (msg: string) => newExc(AttributeError, msg);
export const nameError = (name: string) => newExc(NameError, `name '${name}' isn't defined`);
export const zeroDivisionError = (msg = "divide by zero") => newExc(ZeroDivisionError, msg);
export const overflowError = (msg: string) => newExc(OverflowError, msg);
export const runtimeError = (msg: string) => newExc(RuntimeError, msg);
export const memoryError = (msg = "memory allocation failed") => newExc(MemoryError, msg);
export const notImplementedError = (msg: string) => newExc(NotImplementedError, msg);
export const osError = (errno: number, msg?: string) =>
  msg === undefined ? newExc(OSError, errno) : newExc(OSError, errno, msg);
export const stopIteration = (value?: any) =>
  value === undefined ? newExc(StopIteration) : newExc(StopIteration, value);

export function isPyException(e: unknown): e is PyBaseException {
  return e instanceof PyBaseException;
}

export function excMatches(e: PyBaseException, t: PyType): boolean {
  return isSubtype(typeOf(e), t);
}

/**
 * Converts anything caught by a JS `catch` into a Python exception. JS errors raised by the
 * engine become the Python errors a user expects (recursion, memory); anything else is an
 * internal error, reported as a Python RuntimeError rather than a JS error name.
 */
export function toPyExc(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof Error && (e as any).pyType !== undefined && (e as any).filename !== undefined)
    return fromCompileError(e as any);
  if (e instanceof MissingArgument) return newExc(TypeError, "function missing required positional arguments");
  if (e instanceof RangeError) {
    if (/call stack/i.test(e.message)) return newExc(RuntimeError, "maximum recursion depth exceeded");
    if (/Invalid (array|string|typed array) length|allocation failed|out of memory|too large|Array buffer allocation|maximum size exceeded/i.test(e.message))
      return newExc(MemoryError, "memory allocation failed");
    if (/BigInt/i.test(e.message)) return newExc(OverflowError, "int too big");
  }
  const internal = newExc(RuntimeError, "internal error: " + (e instanceof Error ? e.message : String(e)));
  (internal as any).$internal = e;
  return internal;
}

/** Is this JS value something the runtime must treat as a Python exception being raised? */
export function isStopIteration(e: unknown): boolean {
  return e instanceof PyBaseException && isSubtype(typeOf(e), StopIteration);
}

/** A compile error (src/compiler/errors.ts) as the Python exception MicroPython raises. */
export function fromCompileError(e: { pyType: string; message: string; filename: string; line: number }): PyBaseException {
  const t = exceptionTypes[e.pyType] ?? SyntaxError;
  const exc = newExc(t, e.message);
  exc.$tb = null;
  exc.$extraFrames = [{ file: e.filename, line: e.line, name: null }];
  return exc;
}
