// asyncio.Event, Lock and ThreadSafeFlag (MicroPython's extmod/asyncio/event.py and lock.py).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, isSubtype, typeOf } from "../../runtime/object.ts";
import { newExc, RuntimeError, isPyException, typeError } from "../../runtime/exceptions.ts";
import { mkGen } from "../../runtime/lang.ts";
import type { PyGenerator } from "../../runtime/types/generator.ts";
import { PyTask, PyTaskQueue, CancelledError, sched } from "./core.ts";

const MP_STREAM_POLL = 3;

function instanceOf<T>(cls: PyType, make: () => T): T {
  const o: any = make();
  if (Object.getPrototypeOf(o) !== cls.$proto) Object.setPrototypeOf(o, cls.$proto);
  return o;
}

// ---------------------------------------------------------------- Event

export class PyEvent extends PyObject {
  $set = false;
  $waiting = new PyTaskQueue();
}
export const eventType = defineBuiltinType("Event", PyEvent.prototype);
eventType.$new = (cls: PyType) => instanceOf(cls, () => new PyEvent());
(PyEvent.prototype as any).$attrsOk = true;

function checkEvent(x: any): PyEvent {
  if (!(x instanceof PyEvent)) throw typeError("Event expected");
  return x;
}

function event_set(self: PyEvent) {
  checkEvent(self);
  // Schedule every task waiting on the event (only from the loop's own thread).
  const w = self.$waiting;
  while (w.$heap !== null) sched.queue.$push(w.$pop());
  self.$set = true;
  return None;
}

function* eventWait(self: PyEvent): Generator<any, any, any> {
  if (!self.$set) {
    const cur = sched.cur as PyTask;
    self.$waiting.$push(cur);
    cur.$data = self.$waiting;
    yield None;
  }
  return true;
}

addMethods(eventType, {
  is_set: builtin("is_set", (self: PyEvent) => checkEvent(self).$set),
  set: builtin("set", event_set),
  clear: builtin("clear", (self: PyEvent) => {
    checkEvent(self).$set = false;
    return None;
  }),
  wait: builtin("wait", (self: PyEvent): PyGenerator => mkGen(eventWait(checkEvent(self)), "wait", true)),
});

// ---------------------------------------------------------------- ThreadSafeFlag

/** An Event that can be set from outside the loop; the loop polls it like a stream. */
export class PyThreadSafeFlag extends PyObject {
  $state = 0;
  $ioctl(req: number, flags: number): number {
    return req === MP_STREAM_POLL ? this.$state * flags : -1;
  }
}
export const threadSafeFlagType = defineBuiltinType("ThreadSafeFlag", PyThreadSafeFlag.prototype);
threadSafeFlagType.$new = (cls: PyType) => instanceOf(cls, () => new PyThreadSafeFlag());
(PyThreadSafeFlag.prototype as any).$attrsOk = true;

function* flagWait(self: PyThreadSafeFlag): Generator<any, any, any> {
  if (!self.$state) {
    sched.io.$enqueue(self, 0);
    yield None;
  }
  self.$state = 0;
  return None;
}

addMethods(threadSafeFlagType, {
  set: builtin("set", (self: PyThreadSafeFlag) => {
    self.$state = 1;
    return None;
  }),
  clear: builtin("clear", (self: PyThreadSafeFlag) => {
    self.$state = 0;
    return None;
  }),
  wait: builtin("wait", (self: PyThreadSafeFlag): PyGenerator => mkGen(flagWait(self), "wait", true)),
  ioctl: builtin("ioctl", (self: PyThreadSafeFlag, req: any, flags: any) => self.$ioctl(Number(req), Number(flags))),
});

// ---------------------------------------------------------------- Lock

export class PyLock extends PyObject {
  /** 0: unlocked; 1: locked; a Task: unlocked, that task is scheduled to take it next. */
  $state: any = 0;
  $waiting = new PyTaskQueue();
}
export const lockType = defineBuiltinType("Lock", PyLock.prototype);
lockType.$new = (cls: PyType) => instanceOf(cls, () => new PyLock());
(PyLock.prototype as any).$attrsOk = true;

function checkLock(x: any): PyLock {
  if (!(x instanceof PyLock)) throw typeError("Lock expected");
  return x;
}

function lock_release(self: PyLock) {
  checkLock(self);
  if (self.$state !== 1) throw newExc(RuntimeError, "Lock not acquired");
  if (self.$waiting.$heap !== null) {
    const next = self.$waiting.$pop();
    self.$state = next;
    sched.queue.$push(next);
  } else {
    self.$state = 0;
  }
  return None;
}

function* lockAcquire(self: PyLock): Generator<any, any, any> {
  if (self.$state !== 0) {
    const cur = sched.cur as PyTask;
    self.$waiting.$push(cur);
    cur.$data = self.$waiting;
    try {
      yield None;
    } catch (er) {
      if (isPyException(er) && isSubtype(typeOf(er), CancelledError) && self.$state === sched.cur) {
        // Cancelled after being picked to take the lock: pass it on to the next waiter.
        self.$state = 1;
        lock_release(self);
      }
      throw er;
    }
  }
  self.$state = 1;
  return true;
}

function lock_acquire(self: PyLock): PyGenerator {
  return mkGen(lockAcquire(checkLock(self)), "acquire", true);
}

function* lockAexit(self: PyLock): Generator<any, any, any> {
  return lock_release(self);
}

addMethods(lockType, {
  locked: builtin("locked", (self: PyLock) => checkLock(self).$state === 1),
  release: builtin("release", lock_release),
  acquire: builtin("acquire", lock_acquire),
  __aenter__: builtin("__aenter__", lock_acquire),
  __aexit__: builtin("__aexit__", (self: PyLock) => mkGen(lockAexit(checkLock(self)), "__aexit__", true)),
});
