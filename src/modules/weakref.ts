// weakref: https://docs.micropython.org/en/latest/library/weakref.html
//
// MicroPython's ref and finalize (py/modweakref.c) over JS WeakRef. The JS engine decides when
// an object dies and only tells (through FinalizationRegistry) between turns of its event loop,
// which a running program does not give back; so callbacks of dead objects run at the next
// gc.collect() or weakref call after the engine reported them, not at the moment of death.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, Ellipsis, NotImplemented } from "../runtime/object.ts";
import { typeError, toPyExc } from "../runtime/exceptions.ts";
import { call, type Kw } from "../runtime/call.ts";
import { PyTuple, mkTuple } from "../runtime/types/tuple.ts";
import { mkDictFromKw } from "../runtime/types/dict.ts";
import { host } from "../runtime/host.ts";
import { formatException } from "../runtime/printexc.ts";

/** Objects MicroPython keeps outside its heap (small ints, interned strings, constants). */
function checkHeapObject(x: any): void {
  const ok = (typeof x === "object" && x !== None && x !== Ellipsis && x !== NotImplemented &&
    !(x instanceof PyTuple && x.$a.length === 0)) || (typeof x === "function" && x.$builtin !== true);
  if (!ok) throw typeError("not a heap object");
}

// ---------------------------------------------------------------- dead-object callbacks

/** Refs and finalizers whose object the engine reported dead, waiting for their callbacks. */
const dead: PyRef[] = [];
const registry = typeof FinalizationRegistry === "function"
  ? new FinalizationRegistry<PyRef>((r) => dead.push(r))
  : null;

/** Runs the callbacks of refs whose objects died (gc.collect() calls this too). */
export function runDeadCallbacks(): void {
  while (dead.length > 0) {
    const r = dead.shift()!;
    if (!r.$alive) continue;
    r.$alive = false;
    r.$target = null;
    if (r.$callback === None) continue;
    try {
      if (r instanceof PyFinalize) call(r.$callback, r.$args, r.$kw);
      else call(r.$callback, [r], null);
    } catch (e) {
      host.write(2, "Unhandled exception in weakref callback:\n" + formatException(toPyExc(e)));
    }
  }
}

// ---------------------------------------------------------------- ref

export class PyRef extends PyObject {
  $target: WeakRef<object> | null = null;
  $alive = true;
  $callback: any = None;
}
export const refType = defineBuiltinType("ref", PyRef.prototype);
refType.$module = "weakref";

function attach(r: PyRef, obj: any, callback: any): void {
  checkHeapObject(obj);
  r.$target = new WeakRef(obj);
  r.$callback = callback === undefined ? None : callback;
  registry?.register(obj, r, r);
}

function refTarget(r: PyRef): any {
  runDeadCallbacks();
  if (!r.$alive || r.$target === null) return None;
  const o = r.$target.deref();
  return o === undefined ? None : o;
}

refType.$new = (cls: PyType, args: any[], kw: Kw) => {
  if (kw !== null) for (const _ in kw) throw typeError("function doesn't take keyword arguments");
  if (args.length < 1) throw typeError("function missing 1 required positional arguments");
  if (args.length > 2) throw typeError(`function expected at most 2 arguments, got ${args.length}`);
  const r: PyRef = new PyRef();
  if (cls !== refType) Object.setPrototypeOf(r, cls.$proto);
  attach(r, args[0], args[1]);
  return r;
};

/** Detaches a ref or finalizer from its object (its callback will not run). */
function ref_del(self: PyRef) {
  self.$alive = false;
  self.$target = null;
  registry?.unregister(self);
  return None;
}

addMethods(refType, {
  __call__: builtin("__call__", (self: PyRef) => refTarget(self)),
  __del__: builtin("__del__", ref_del),
});

// ---------------------------------------------------------------- finalize

export class PyFinalize extends PyRef {
  $args: any[] = [];
  $kw: Record<string, any> | null = null;
}
export const finalizeType = defineBuiltinType("finalize", PyFinalize.prototype);
finalizeType.$module = "weakref";

finalizeType.$new = (cls: PyType, args: any[], kw: Kw) => {
  if (args.length < 2) throw typeError(`function missing ${2 - args.length} required positional arguments`);
  const f: PyFinalize = new PyFinalize();
  if (cls !== finalizeType) Object.setPrototypeOf(f, cls.$proto);
  attach(f, args[0], args[1]);
  f.$args = args.slice(2);
  f.$kw = kw;
  return f;
};

/** (obj, func, args, kwargs) while alive, else None; detach() also unregisters. */
function peekDetach(self: PyFinalize, detach: boolean): any {
  const obj = refTarget(self);
  if (obj === None) return None;
  const t = mkTuple([obj, self.$callback, mkTuple(self.$args.slice()), mkDictFromKw(self.$kw)]);
  if (detach) ref_del(self);
  return t;
}

function finalize_call(self: PyFinalize): any {
  if (refTarget(self) === None) return None;
  ref_del(self);
  return call(self.$callback, self.$args, self.$kw);
}

(PyFinalize.prototype as any).$getattr = function (this: PyFinalize, name: string): any {
  if (name === "alive") return refTarget(this) !== None;
  return undefined;
};

addMethods(finalizeType, {
  __call__: builtin("__call__", finalize_call),
  peek: builtin("peek", (self: PyFinalize) => peekDetach(self, false)),
  detach: builtin("detach", (self: PyFinalize) => peekDetach(self, true)),
});
// MicroPython's finalize has no __del__ of its own (it is not a finaliser).
(PyFinalize.prototype as any).__del__ = undefined;

export function makeModule(): Record<string, any> {
  return {
    ref: refType,
    finalize: finalizeType,
  };
}
