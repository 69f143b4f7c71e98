// BaseException and its subclasses: the Python-level behaviour of the exception types declared
// in ../exceptions.ts (construction, __init__, str/repr, and the attributes MicroPython derives
// from `args`). https://docs.micropython.org/en/latest/library/builtins.html#exceptions
//
// MicroPython's rules (py/objexcept.c) that differ from CPython:
//   - repr is the type name followed by the args tuple: `ValueError(2,)` for one argument;
//   - str(KeyError(k)) is str(k), not repr(k);
//   - `.value` and `.errno` are aliases of args[0] (None without args) on every exception;
//   - str(OSError(errno, ...)) of a known errno reads `[Errno 2] ENOENT[: msg]`.

import { PyType, addMethods, builtin, None, typeOf } from "../object.ts";
import {
  PyBaseException, baseExceptionType, OSError, SystemExit, typeError,
} from "../exceptions.ts";
import { mkTuple, PyTuple } from "./tuple.ts";
import { repr, str } from "../ops.ts";
import { hasKeys, type Kw } from "../call.ts";

/** errno numbers MicroPython names in messages (py/mperrno.h values, as on Linux). */
export const errnoNames: Record<number, string> = {
  1: "EPERM", 2: "ENOENT", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES",
  17: "EEXIST", 19: "ENODEV", 21: "EISDIR", 22: "EINVAL", 95: "EOPNOTSUPP", 98: "EADDRINUSE",
  103: "ECONNABORTED", 104: "ECONNRESET", 105: "ENOBUFS", 107: "ENOTCONN", 110: "ETIMEDOUT",
  111: "ECONNREFUSED", 113: "EHOSTUNREACH", 114: "EALREADY", 115: "EINPROGRESS",
};

// ---------------------------------------------------------------- construction

/** BaseException's instance maker, used by every exception class (builtin or user subclass). */
function exc_make(cls: PyType, args: any[], kw: Kw): PyBaseException {
  // A user subclass's __init__ may take keywords; the builtin constructor takes none.
  if (!cls.$user && kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
  const e: PyBaseException = Object.create(cls.$proto);
  e.args = mkTuple(args.length === 0 ? args : args.slice());
  // Its traceback starts where it is raised (mkRaise), as in MicroPython: an exception that is
  // made but never raised has none, and the capture sits right above the raising frame.
  e.$tb = null;
  e.$extraFrames = null;
  e.__cause__ = None;
  e.__context__ = None;
  return e;
}

/**
 * Gives every builtin exception type (each is its own solid base) the instance maker; called
 * again by makeBuiltins() for exception types defined later by other modules.
 */
export function initExceptionTypes(t: PyType = baseExceptionType): void {
  if (t.$user) return;
  t.$new = exc_make;
  for (const s of t.$subclasses) initExceptionTypes(s);
}
initExceptionTypes();

function exc_init(self: PyBaseException, ...args: any[]): any {
  self.args = mkTuple(args);
  (self as any).$incomplete = false;
  return None;
}

// ---------------------------------------------------------------- str and repr

/** A tuple's repr (MicroPython's: `(1,)` for one item), without depending on tuple.ts methods. */
function tupleRepr(a: any[]): string {
  if (a.length === 1) return "(" + repr(a[0]) + ",)";
  let s = "(";
  for (let i = 0; i < a.length; i++) s += (i > 0 ? ", " : "") + repr(a[i]);
  return s + ")";
}

/** The exception's own text (BaseException.__str__), ignoring any __str__ of a subclass. */
export function excStr(e: PyBaseException): string {
  const a = argsOf(e);
  if (a.length === 0) return "";
  if (a.length < 3 && isSubtypeOf(typeOf(e), OSError) && typeof a[0] === "number") {
    const name = errnoNames[a[0]];
    if (name !== undefined) return `[Errno ${a[0]}] ${name}` + (a.length > 1 ? ": " + str(a[1]) : "");
  }
  if (a.length === 1) return str(a[0]);
  return tupleRepr(a);
}

function argsOf(e: PyBaseException): any[] {
  const t = e.args;
  return t instanceof PyTuple ? t.$a : [];
}

function isSubtypeOf(t: PyType, base: PyType): boolean {
  return t === base || t.$mro.includes(base);
}

function exc_str(self: PyBaseException): string {
  return excStr(self);
}

function exc_repr(self: PyBaseException): string {
  return typeOf(self).$name + tupleRepr(argsOf(self));
}

// ---------------------------------------------------------------- derived attributes

/**
 * Attributes computed from args, found after the instance and class attributes (so a subclass
 * or an instance can still define its own `value`): MicroPython's exception attr handler.
 */
function exc_getattr(this: PyBaseException, name: string): any {
  switch (name) {
    case "value":
    case "errno": {
      const a = argsOf(this);
      return a.length > 0 ? a[0] : None;
    }
    case "strerror":
      if (isSubtypeOf(typeOf(this), OSError)) {
        const a = argsOf(this);
        return a.length > 1 ? a[1] : None;
      }
      break;
    case "code":
      if (isSubtypeOf(typeOf(this), SystemExit)) {
        const a = argsOf(this);
        return a.length === 0 ? None : a.length === 1 ? a[0] : mkTuple(a.slice());
      }
      break;
  }
  return undefined;
}

const proto = baseExceptionType.$proto;
proto.$getattr = exc_getattr;
// Exceptions accept attribute assignment (e.g. `e.extra = 1` on a caught exception).
proto.$attrsOk = true;

addMethods(baseExceptionType, {
  __init__: builtin("__init__", exc_init),
  __str__: builtin("__str__", exc_str),
  __repr__: builtin("__repr__", exc_repr),
});
