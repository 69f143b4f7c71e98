// asyncio's core: the task queue (a pairing heap ordered by wake-up tick), Task, the IO queue
// and the scheduler loop (MicroPython's extmod/modasyncio.c and extmod/asyncio/core.py).
// https://docs.micropython.org/en/latest/library/asyncio.html
//
// Coroutines are our generator objects (PyGenerator): the scheduler resumes them with
// $resume (send(None)) or throws into them. A coroutine that must wait first puts its task on
// some queue (the task queue with a wake-up tick, an Event's queue, a Task's waiters, the IO
// queue) and then yields; what it yields is ignored.
//
// Task fields, as in MicroPython (Python sees them as .coro, .data, .state, .ph_key):
//   $state  true: running, nobody waits on it; a TaskQueue: tasks waiting for it; a function
//           (t, er): callback run when it finishes (gather); None: finished, not awaited yet;
//           false: finished and awaited
//   $data   while waiting: the queue it waits on (something with a remove method) or the Task
//           it awaits; when on the run queue: None, or the exception to throw into it
//           (cancellation); when finished: the StopIteration holding its result, or its error

import {
  PyObject, PyType, defineBuiltinType, addMethods, builtin, None, STOP, isSubtype, typeOf,
} from "../../runtime/object.ts";
import {
  newExc, baseExceptionType, Exception, StopIteration, RuntimeError, IndexError, typeError,
  isPyException, PyBaseException, exceptionTypes,
} from "../../runtime/exceptions.ts";
import { call } from "../../runtime/call.ts";
import { callMethod, loadAttrOrUndefined } from "../../runtime/attr.ts";
import { PyGenerator } from "../../runtime/types/generator.ts";
import { mkGen } from "../../runtime/lang.ts";
import { mkTuple } from "../../runtime/types/tuple.ts";
import { mkDict } from "../../runtime/types/dict.ts";
import { repr, str } from "../../runtime/ops.ts";
import { host } from "../../runtime/host.ts";
import { formatException } from "../../runtime/printexc.ts";
import { TICKS_PERIOD } from "../time.ts";
import { PollSet, POLLIN, POLLOUT } from "../select.ts";

// ---------------------------------------------------------------- ticks (time.ticks_ms)

const TICKS_MASK = TICKS_PERIOD - 1;
const TICKS_HALF = TICKS_PERIOD / 2;

export function ticks(): number {
  return Math.floor(host.monotonicMs()) & TICKS_MASK;
}

export function ticksDiff(a: number, b: number): number {
  return ((a - b + TICKS_HALF) & TICKS_MASK) - TICKS_HALF;
}

// ---------------------------------------------------------------- exceptions

function defExc(name: string, base: PyType): PyType {
  const t = defineBuiltinType(name, Object.create(base.$proto), base);
  t.$new = baseExceptionType.$new;
  t.$module = "asyncio";
  return t;
}

export const CancelledError = defExc("CancelledError", baseExceptionType);
export const TimeoutError = defExc("TimeoutError", Exception);

/** A StopIteration carrying a task's result, without the cost of a traceback capture. */
function mkStop(v: any): PyBaseException {
  const e: PyBaseException = Object.create(StopIteration.$proto);
  e.args = mkTuple(v === None ? [] : [v]);
  e.$tb = null;
  e.$extraFrames = null;
  e.__cause__ = None;
  e.__context__ = None;
  return e;
}

/** args[0] of an exception, or None (MicroPython's `.value`). */
export function excValue(e: PyBaseException): any {
  const a = e.args.$a;
  return a.length > 0 ? a[0] : None;
}

// ---------------------------------------------------------------- pairing heap of tasks

/** Is a's key before b's (in tick order)? */
function keyLt(a: PyTask, b: PyTask): boolean {
  return ticksDiff(a.$key, b.$key) < 0;
}

// A node's C `next` pointer is split in two: $phNext (the next sibling) and $phRp (the parent,
// set on the last child only). Both null: the node is a heap's root, or in no heap.
function meld(h1: PyTask | null, h2: PyTask | null): PyTask | null {
  if (h1 === null) return h2;
  if (h2 === null) return h1;
  if (keyLt(h1, h2)) {
    if (h1.$phChild === null) h1.$phChild = h2;
    else {
      const last = h1.$phChildLast!;
      last.$phNext = h2;
      last.$phRp = null;
    }
    h1.$phChildLast = h2;
    h2.$phNext = null;
    h2.$phRp = h1;
    return h1;
  }
  const c = h2.$phChild;
  h1.$phNext = c;
  h1.$phRp = null;
  h2.$phChild = h1;
  if (c === null) {
    h2.$phChildLast = h1;
    h1.$phRp = h2;
  }
  return h2;
}

function pairing(child: PyTask | null): PyTask | null {
  if (child === null) return null;
  let heap: PyTask | null = null;
  let cur: PyTask | null = child;
  while (cur !== null) {
    let n1: PyTask = cur;
    cur = n1.$phRp !== null ? null : n1.$phNext;
    n1.$phNext = null;
    n1.$phRp = null;
    if (cur !== null) {
      const n2: PyTask = cur;
      cur = n2.$phRp !== null ? null : n2.$phNext;
      n2.$phNext = null;
      n2.$phRp = null;
      n1 = meld(n1, n2)!;
    }
    heap = meld(heap, n1);
  }
  heap!.$phNext = null;
  heap!.$phRp = null;
  return heap;
}

function heapDelete(heap: PyTask | null, node: PyTask): PyTask | null {
  if (node === heap) {
    const c = heap.$phChild;
    node.$phChild = null;
    return pairing(c);
  }
  if (node.$phNext === null && node.$phRp === null) return heap; // not in the heap
  let p = node;
  while (p.$phRp === null) p = p.$phNext!;
  const parent = p.$phRp;
  if (node === parent.$phChild && node.$phChild === null) {
    parent.$phChild = node.$phRp !== null ? null : node.$phNext;
    node.$phNext = null;
    node.$phRp = null;
    return heap;
  }
  // The sibling before node (null when node is its parent's first child).
  let prev: PyTask | null = null;
  if (node !== parent.$phChild) {
    prev = parent.$phChild!;
    while (prev.$phNext !== node) prev = prev.$phNext!;
  }
  // Detach node; its children, paired into one subtree, take its place.
  const child = node.$phChild;
  const nextSib = node.$phNext;
  const nextRp = node.$phRp;
  node.$phChild = null;
  node.$phNext = null;
  node.$phRp = null;
  let repl = pairing(child);
  if (prev === null) parent.$phChild = repl;
  else if (repl === null) repl = prev;
  else {
    prev.$phNext = repl;
    prev.$phRp = null;
  }
  repl!.$phNext = nextSib;
  repl!.$phRp = nextRp;
  if (nextRp !== null) parent.$phChildLast = repl;
  return heap;
}

// ---------------------------------------------------------------- TaskQueue

export class PyTaskQueue extends PyObject {
  $heap: PyTask | null = null;

  $push(t: PyTask, key?: number): void {
    t.$data = None;
    t.$key = key === undefined ? ticks() : key;
    this.$heap = meld(t, this.$heap);
  }

  $pop(): PyTask {
    const h = this.$heap;
    if (h === null) throw newExc(IndexError, "empty heap");
    this.$heap = pairing(h.$phChild);
    h.$phChild = null;
    return h;
  }

  $remove(t: PyTask): void {
    this.$heap = heapDelete(this.$heap, t);
  }
}
export const taskQueueType = defineBuiltinType("TaskQueue", PyTaskQueue.prototype);
taskQueueType.$new = () => new PyTaskQueue();

function asTask(x: any): PyTask {
  if (!(x instanceof PyTask)) throw typeError("Task expected");
  return x;
}

addMethods(taskQueueType, {
  peek: builtin("peek", (self: PyTaskQueue) => self.$heap ?? None),
  push: builtin("push", (self: PyTaskQueue, t: any, key?: any) => {
    self.$push(asTask(t), key === undefined ? undefined : Number(key));
    return None;
  }),
  pop: builtin("pop", (self: PyTaskQueue) => self.$pop()),
  remove: builtin("remove", (self: PyTaskQueue, t: any) => {
    self.$remove(asTask(t));
    return None;
  }),
});

// ---------------------------------------------------------------- Task

export type DoneCallback = (t: PyTask, er: PyBaseException) => void;

export class PyTask extends PyObject {
  $data: any = None;
  $state: any = true;
  $key = 0;
  $phChild: PyTask | null = null;
  $phChildLast: PyTask | null = null;
  $phNext: PyTask | null = null;
  $phRp: PyTask | null = null;
  constructor(public $coro: any) {
    super();
  }
}
export const taskType = defineBuiltinType("Task", PyTask.prototype);
taskType.$new = (_cls: PyType, args: any[]) => {
  if (args.length < 1 || args.length > 2) throw typeError("function takes 1 or 2 positional arguments");
  return new PyTask(args[0]);
};

export function isDone(t: PyTask): boolean {
  return t.$state === None || t.$state === false;
}

/** Task.cancel(): reschedules the task (or the one it awaits) to have CancelledError thrown. */
export function taskCancel(t: PyTask): boolean {
  if (isDone(t)) return false;
  if (t === sched.cur) throw newExc(RuntimeError, "can't cancel self");
  while (t.$data instanceof PyTask) t = t.$data;
  const d = t.$data;
  if (d instanceof PyTaskQueue || d instanceof PyIOQueue) {
    d.$remove(t);
    sched.queue.$push(t);
  } else if (d !== None && hasRemove(d)) {
    callMethod(d, "remove", [t], null);
    sched.queue.$push(t);
  } else if (ticksDiff(t.$key, ticks()) > 0) {
    sched.queue.$remove(t);
    sched.queue.$push(t);
  }
  t.$data = CancelledError;
  return true;
}

function hasRemove(d: any): boolean {
  if (d instanceof PyType) return d.$proto.remove !== undefined && !isSubtype(d, baseExceptionType);
  if (d instanceof PyBaseException) return false;
  return loadAttrOrUndefined(d, "remove") !== undefined;
}

/** `await task`: waits on the task's queue until it is done, then returns or raises its result. */
function* awaitTask(t: PyTask): Generator<any, any, any> {
  const s = t.$state;
  if (s === None || s === false) t.$state = false;
  else if (s === true) t.$state = new PyTaskQueue();
  else if (!(s instanceof PyTaskQueue)) throw newExc(RuntimeError, "can't wait");
  while (!isDone(t)) {
    const cur = sched.cur as PyTask;
    (t.$state as PyTaskQueue).$push(cur);
    cur.$data = t;
    yield None;
  }
  const r = t.$data;
  if (r instanceof PyBaseException && typeOf(r) === StopIteration) return excValue(r);
  throw r instanceof PyType ? call(r, [], null) : r;
}

function task_await(self: PyTask) {
  return mkGen(awaitTask(self), "Task", true);
}

const TASK_ATTRS: Record<string, (t: PyTask) => any> = {
  coro: (t) => t.$coro,
  data: (t) => t.$data,
  state: (t) => t.$state,
  ph_key: (t) => t.$key,
};

(PyTask.prototype as any).$getattr = function (this: PyTask, name: string) {
  const f = TASK_ATTRS[name];
  return f === undefined ? undefined : f(this);
};

addMethods(taskType, {
  done: builtin("done", (self: PyTask) => isDone(self)),
  cancel: builtin("cancel", (self: PyTask) => taskCancel(self)),
  __await__: builtin("__await__", task_await),
  __iter__: builtin("__iter__", task_await),
  __repr__: builtin("__repr__", () => "<Task>"),
  __setattr__: builtin("__setattr__", (self: PyTask, name: string, v: any) => {
    if (name === "data") self.$data = v;
    else if (name === "state") self.$state = v;
    else throw newExc(exceptionTypes.AttributeError, `'Task' object has no attribute '${name}'`);
    return None;
  }),
});

// ---------------------------------------------------------------- IO queue

/** Tasks waiting for streams to become readable or writable, polled by the scheduler. */
export class PyIOQueue extends PyObject {
  $poller = new PollSet();
  /** stream -> [task waiting to read, task waiting to write] */
  $map = new Map<any, [PyTask | null, PyTask | null]>();

  $enqueue(s: any, idx: 0 | 1): void {
    const cur = sched.cur as PyTask;
    const e = this.$map.get(s);
    if (e === undefined) {
      const entry: [PyTask | null, PyTask | null] = [null, null];
      entry[idx] = cur;
      this.$map.set(s, entry);
      this.$poller.add(s, idx === 0 ? POLLIN : POLLOUT, false);
    } else {
      e[idx] = cur;
      this.$poller.modify(s, POLLIN | POLLOUT);
    }
    cur.$data = this;
  }

  private $dequeue(s: any): void {
    this.$map.delete(s);
    this.$poller.remove(s);
  }

  $remove(t: PyTask): void {
    for (const [s, e] of [...this.$map]) if (e[0] === t || e[1] === t) this.$dequeue(s);
  }

  /** Waits up to dt ms (-1: no limit) for IO, then schedules the tasks whose stream is ready. */
  $waitIoEvent(dt: number): void {
    if (this.$map.size === 0) {
      if (dt > 0) this.$poller.waitReady(dt);
      else this.$poller.waitReady(0);
      return;
    }
    if (this.$poller.waitReady(dt) === 0) return;
    for (const [s, e] of [...this.$map]) {
      const pe = this.$poller.map.get(s);
      const ev = pe === undefined ? 0 : pe.revents;
      if (ev === 0) continue;
      if (ev & ~POLLOUT && e[0] !== null) {
        sched.queue.$push(e[0]);
        e[0] = null;
      }
      if (ev & ~POLLIN && e[1] !== null) {
        sched.queue.$push(e[1]);
        e[1] = null;
      }
      if (e[0] === null && e[1] === null) this.$dequeue(s);
      else this.$poller.modify(s, e[0] === null ? POLLOUT : POLLIN);
    }
  }
}
export const ioQueueType = defineBuiltinType("IOQueue", PyIOQueue.prototype);
addMethods(ioQueueType, {
  queue_read: builtin("queue_read", (self: PyIOQueue, s: any) => {
    self.$enqueue(s, 0);
    return None;
  }),
  queue_write: builtin("queue_write", (self: PyIOQueue, s: any) => {
    self.$enqueue(s, 1);
    return None;
  }),
  remove: builtin("remove", (self: PyIOQueue, t: any) => {
    self.$remove(asTask(t));
    return None;
  }),
});

// ---------------------------------------------------------------- scheduler state

export const sched = {
  /** The running task (None outside the loop). */
  cur: None as PyTask | typeof None,
  queue: new PyTaskQueue(),
  io: new PyIOQueue(),
  /** The task run_forever waits for; stop() schedules it. */
  stopTask: null as PyTask | null,
  /** Loop.set_exception_handler's handler, or None. */
  excHandler: None as any,
};

export function newEventLoop(): void {
  sched.queue = new PyTaskQueue();
  sched.io = new PyIOQueue();
}

export function createTask(coro: any): PyTask {
  if (!(coro instanceof PyGenerator) && loadAttrOrUndefined(coro, "send") === undefined) {
    throw typeError("coroutine expected");
  }
  const t = new PyTask(coro);
  sched.queue.$push(t);
  return t;
}

export function promoteToTask(aw: any): PyTask {
  return aw instanceof PyTask ? aw : createTask(aw);
}

/** Resumes a task's coroutine once; returns true when it finished (with $ret / `done` value). */
function stepCoro(coro: any, exc: any): any {
  if (coro instanceof PyGenerator) {
    if (exc === None) return coro.$resume(0, None) === STOP ? mkStop(coro.$ret) : null;
    if (exc instanceof PyType) exc = call(exc, [], null);
    if (!coro.$started || coro.$done) {
      coro.$done = true;
      throw exc;
    }
    return coro.$resume(1, exc) === STOP ? mkStop(coro.$ret) : null;
  }
  try {
    if (exc === None) callMethod(coro, "send", [None], null);
    else callMethod(coro, "throw", [exc], null);
  } catch (e) {
    if (isPyException(e) && isSubtype(typeOf(e), StopIteration)) return e;
    throw e;
  }
  return null;
}

function isHandled(e: unknown): e is PyBaseException {
  if (!isPyException(e)) return false;
  const t = typeOf(e);
  return isSubtype(t, Exception) || isSubtype(t, CancelledError);
}

/** Waits until the head of the task queue is due; false when nothing can run any more. */
function waitForReady(main: PyTask | null): boolean {
  let dt = 1;
  while (dt > 0) {
    dt = -1;
    const t = sched.queue.$heap;
    if (t !== null) {
      dt = Math.max(0, ticksDiff(t.$key, ticks()));
    } else if (sched.io.$map.size === 0) {
      sched.cur = None;
      if (main === null || isDone(main)) return false;
      // Nothing can wake the loop but a scheduled callback: keep polling for one.
      dt = 3;
    }
    sched.io.$waitIoEvent(dt);
  }
  return true;
}

/** Runs tasks until `main` finishes (or, without one, until none is left); returns its result. */
export function runUntilComplete(main: PyTask | null): any {
  for (;;) {
    if (!waitForReady(main)) return None;
    const t = sched.queue.$pop();
    sched.cur = t;
    const exc = t.$data;
    let er: PyBaseException | null;
    try {
      if (exc !== None) t.$data = None;
      er = stepCoro(t.$coro, exc);
      if (er === null) continue;
    } catch (e) {
      if (!isHandled(e)) throw e;
      er = e;
    }
    const r = finishTask(t, er, exc, main);
    if (t === main) return r;
  }
}

/** A task's coroutine ended with `er` (a StopIteration or an exception): wake its waiters. */
function finishTask(t: PyTask, er: PyBaseException, exc: any, main: PyTask | null): any {
  let awaited = t === main;
  const isStop = typeOf(er) === StopIteration;
  if (awaited) {
    sched.cur = None;
    if (!isStop) {
      t.$state = false;
      throw er;
    }
    if (t.$state === None) t.$state = false;
  }
  const s = t.$state;
  if (s !== None && s !== false) {
    if (s === true) {
      t.$state = awaited ? false : None;
    } else if (typeof s === "function") {
      if (s.$cb === true) (s as DoneCallback)(t, er);
      else call(s, [t, er], null);
      t.$state = false;
      awaited = true;
    } else {
      const q = s as PyTaskQueue;
      while (q.$heap !== null) {
        sched.queue.$push(q.$pop());
        awaited = true;
      }
      t.$state = false;
    }
    if (!awaited && !isStop && !isSubtype(typeOf(er), CancelledError)) {
      // Nobody has retrieved this exception yet: run the task once more later to report it,
      // unless something awaits it in the meantime.
      sched.queue.$push(t);
    }
    t.$data = er;
  } else if (s === None) {
    t.$data = exc;
    callExceptionHandler(mkContext(exc, t));
  }
  return t === main ? (isStop ? excValue(er) : None) : None;
}

// ---------------------------------------------------------------- exception handler

function mkContext(exc: any, t: PyTask): any {
  const d = mkDict();
  d.$t.set("message", "Task exception wasn't retrieved");
  d.$t.set("exception", exc);
  d.$t.set("future", t);
  return d;
}

export function defaultExceptionHandler(loop: any, context: any): any {
  if (context === undefined) context = loop;
  const get = (k: string) => {
    const e = context.$t?.get(k);
    return e === undefined ? None : e.v;
  };
  const fut = get("future");
  host.write(2, str(get("message")) + "\n");
  host.write(2, "future: " + str(fut) + " coro= " + str(fut instanceof PyTask ? fut.$coro : loadAttrOrUndefined(fut, "coro") ?? None) + "\n");
  const e = get("exception");
  host.write(2, isPyException(e) ? formatException(e) : repr(e) + "\n");
  return None;
}

export function callExceptionHandler(context: any): any {
  const h = sched.excHandler;
  if (h === None) return defaultExceptionHandler(loopType, context);
  return call(h, [loopType, context], null);
}

// ---------------------------------------------------------------- sleep

/** sleep_ms(t): an awaitable that puts the running task back on the queue at now + t. */
export function sleepMs(t: number): PyGenerator {
  if (t < 0) t = 0;
  if (t >= TICKS_HALF) throw newExc(exceptionTypes.OverflowError, "ticks interval overflow");
  const key = (ticks() + t) & TICKS_MASK;
  return mkGen(sleepBody(key), "sleep", true);
}

function* sleepBody(key: number): Generator<any, any, any> {
  sched.queue.$push(sched.cur as PyTask, key);
  yield None;
  return None;
}

// ---------------------------------------------------------------- Loop (a class used as is)

class PyLoop extends PyObject {}
export const loopType = defineBuiltinType("Loop", PyLoop.prototype);

function stopperCoro(): PyGenerator {
  // `async def _stopper(): pass`
  return mkGen((function* () {
    return None;
  })(), "_stopper", true);
}

export function runForever(): any {
  sched.stopTask = new PyTask(stopperCoro());
  runUntilComplete(sched.stopTask);
  return None;
}

export function loopStop(): any {
  if (sched.stopTask !== null) {
    sched.queue.$push(sched.stopTask);
    sched.stopTask = null;
  }
  return None;
}

addMethods(loopType, {
  create_task: builtin("create_task", (coro: any) => createTask(coro)),
  run_forever: builtin("run_forever", runForever),
  run_until_complete: builtin("run_until_complete", (aw: any) => runUntilComplete(promoteToTask(aw))),
  stop: builtin("stop", loopStop),
  close: builtin("close", () => None),
  set_exception_handler: builtin("set_exception_handler", (h: any) => {
    sched.excHandler = h === undefined ? None : h;
    return None;
  }),
  get_exception_handler: builtin("get_exception_handler", () => sched.excHandler),
  default_exception_handler: builtin("default_exception_handler", defaultExceptionHandler),
  call_exception_handler: builtin("call_exception_handler", callExceptionHandler),
});
