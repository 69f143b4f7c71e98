// asyncio.wait_for, wait_for_ms and gather (MicroPython's extmod/asyncio/funcs.py semantics).
// Each returns a coroutine: a PyGenerator over a JS generator that the scheduler drives.

import { PyObject, defineBuiltinType, addMethods, builtin, None, isSubtype, typeOf, setArity } from "../../runtime/object.ts";
import { newExc, isPyException, PyBaseException, RuntimeError, StopIteration } from "../../runtime/exceptions.ts";
import { call } from "../../runtime/call.ts";
import { awaitable, mkGen } from "../../runtime/lang.ts";
import { toArray, isTrue } from "../../runtime/ops.ts";
import { mkList } from "../../runtime/types/list.ts";
import type { PyGenerator } from "../../runtime/types/generator.ts";
import type { FunctionSig } from "../../runtime/types/function.ts";
import {
  PyTask, CancelledError, TimeoutError, sched, createTask, promoteToTask, taskCancel, excValue,
  sleepMs, type DoneCallback,
} from "./core.ts";
import { getFloat, getInt } from "../time.ts";

// ---------------------------------------------------------------- sleep

/** asyncio.sleep(t): t in seconds. */
export function asyncio_sleep(t: any): PyGenerator {
  return sleepMs(Math.trunc(getFloat(t) * 1000));
}

export function asyncio_sleep_ms(t: any): PyGenerator {
  return sleepMs(getInt(t));
}

// ---------------------------------------------------------------- wait_for

/** Runs `aw` for wait_for; when it ends first, cancels the waiter with (status, result). */
function* runWaited(waiter: PyTask, aw: any): Generator<any, any, any> {
  let result: any = None;
  let status: any;
  try {
    result = yield* awaitable(aw);
    status = true;
  } catch (e) {
    if (!isPyException(e)) throw e;
    status = e;
  }
  if (waiter.$data === None && taskCancel(waiter)) {
    // The waiter gets a CancelledError that tells how aw ended.
    waiter.$data = newExc(CancelledError, status, result);
  }
  return None;
}

function* waitForBody(aw: any, timeout: any, sleep: (t: any) => any): Generator<any, any, any> {
  const task = promoteToTask(aw);
  if (timeout === None) return yield* awaitable(task);
  const runner = createTask(mkGen(runWaited(sched.cur as PyTask, task), "_run", true));
  try {
    yield* awaitable(sleep(timeout));
  } catch (er) {
    if (!(isPyException(er) && isSubtype(typeOf(er), CancelledError))) throw er;
    const status = excValue(er);
    if (status === None) {
      // This wait_for itself was cancelled: cancel aw too.
      taskCancel(runner);
      throw er;
    }
    if (status === true) return er.args.$a[1];
    throw status;
  }
  // The timeout passed first.
  taskCancel(runner);
  yield* awaitable(runner);
  throw newExc(TimeoutError);
}

export function asyncio_wait_for(aw: any, timeout: any, sleep?: any): PyGenerator {
  const sl = sleep === undefined ? asyncio_sleep : (t: any) => call(sleep, [t], null);
  return mkGen(waitForBody(aw, timeout, sl), "wait_for", true);
}

export function asyncio_wait_for_ms(aw: any, timeout: any): PyGenerator {
  return mkGen(waitForBody(aw, timeout, asyncio_sleep_ms), "wait_for", true);
}

// ---------------------------------------------------------------- gather

/** The gather task's $data while it waits: cancel() finds a no-op remove() there. */
class PyRemove extends PyObject {}
const removeType = defineBuiltinType("_Remove", PyRemove.prototype);
addMethods(removeType, { remove: builtin("remove", () => None) });
const REMOVE = new PyRemove();

function isStop(x: any): boolean {
  return x instanceof PyBaseException && typeOf(x) === StopIteration;
}

function* gatherBody(aws: any[], returnExceptions: boolean): Generator<any, any, any> {
  const gatherTask = sched.cur as PyTask;
  // `state`: the number of sub-tasks still running, or the exception to raise.
  let state: any = 0;
  const done: DoneCallback = (_t, er) => {
    if (gatherTask.$data !== REMOVE) return; // already woken, or cancelled
    if (!returnExceptions && !isStop(er)) state = er;
    else if (--state) return;
    sched.queue.$push(gatherTask);
  };
  (done as any).$cb = true;
  const ts: any[] = aws.map(promoteToTask);
  for (let i = 0; i < ts.length; i++) {
    const t: PyTask = ts[i];
    if (t.$state === true) {
      t.$state = done;
      state++;
    } else if (t.$state === None || t.$state === false) {
      if (!isStop(t.$data) && !returnExceptions) state = -ts.length;
    } else {
      throw newExc(RuntimeError, "can't gather");
    }
  }
  let cancelAll = false;
  if (state > 0) {
    gatherTask.$data = REMOVE;
    try {
      yield None;
    } catch (er) {
      if (!(isPyException(er) && isSubtype(typeOf(er), CancelledError))) throw er;
      cancelAll = true;
      state = er;
    }
  }
  for (let i = 0; i < ts.length; i++) {
    const t: PyTask = ts[i];
    if (t.$state === done) {
      t.$state = true;
      if (cancelAll) taskCancel(t);
    } else if (isStop(t.$data)) {
      ts[i] = excValue(t.$data);
    } else if (returnExceptions) {
      ts[i] = t.$data;
    } else if (typeof state === "number") {
      state = t.$data;
    }
  }
  if (typeof state !== "number" || state !== 0) {
    if (typeof state === "number") throw newExc(RuntimeError, "gather");
    throw state;
  }
  return mkList(ts);
}

function asyncio_gather(args?: any, returnExceptions?: any): PyGenerator {
  const aws = args === undefined ? [] : toArray(args);
  const re = returnExceptions !== undefined && isTrue(returnExceptions);
  return mkGen(gatherBody(aws, re), "gather", true);
}
const gatherSig: FunctionSig = {
  names: [], posonly: 0, defaults: [], kwonly: ["return_exceptions"], kwDefaults: [false],
  varargs: true, varkw: false,
};
export const gather = builtin("gather", asyncio_gather);
(gather as any).$sig = gatherSig;
// Called directly only without arguments (call.ts takes that path when the JS length matches).
setArity(gather, 0);
