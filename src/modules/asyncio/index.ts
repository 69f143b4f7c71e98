// asyncio (and its C core `_asyncio`): https://docs.micropython.org/en/latest/library/asyncio.html
// Written in TypeScript: core.ts (task queue, Task, scheduler, Loop), funcs.ts (sleep,
// wait_for, gather), sync.ts (Event, Lock, ThreadSafeFlag), stream.ts (streams).

import { builtin, None } from "../../runtime/object.ts";
import { mkTuple } from "../../runtime/types/tuple.ts";
import {
  CancelledError, TimeoutError, taskType, taskQueueType, loopType, sched, createTask, promoteToTask,
  runUntilComplete, newEventLoop,
} from "./core.ts";
import {
  asyncio_sleep, asyncio_sleep_ms, asyncio_wait_for, asyncio_wait_for_ms, gather,
} from "./funcs.ts";
import { eventType, lockType, threadSafeFlagType } from "./sync.ts";
import { streamType, open_connection, start_server } from "./stream.ts";
import { newExc, RuntimeError } from "../../runtime/exceptions.ts";

function current_task() {
  if (sched.cur === None) throw newExc(RuntimeError, "no running event loop");
  return sched.cur;
}

export function makeModule(): Record<string, any> {
  return {
    __version__: mkTuple([3, 0, 0]),
    CancelledError,
    TimeoutError,
    Task: taskType,
    TaskQueue: taskQueueType,
    Loop: loopType,
    Event: eventType,
    Lock: lockType,
    ThreadSafeFlag: threadSafeFlagType,
    StreamReader: streamType,
    StreamWriter: streamType,
    open_connection,
    start_server,
    sleep: builtin("sleep", asyncio_sleep),
    sleep_ms: builtin("sleep_ms", asyncio_sleep_ms),
    wait_for: builtin("wait_for", asyncio_wait_for),
    wait_for_ms: builtin("wait_for_ms", asyncio_wait_for_ms),
    gather,
    create_task: builtin("create_task", createTask),
    run: builtin("run", (coro: any) => runUntilComplete(createTask(coro))),
    run_until_complete: builtin("run_until_complete", (t?: any) =>
      runUntilComplete(t === undefined || t === None ? null : promoteToTask(t))),
    current_task: builtin("current_task", current_task),
    get_event_loop: builtin("get_event_loop", () => loopType),
    new_event_loop: builtin("new_event_loop", () => {
      newEventLoop();
      return loopType;
    }),
  };
}

/** `_asyncio`: the C core's two classes. */
export function makeCoreModule(): Record<string, any> {
  return { TaskQueue: taskQueueType, Task: taskType };
}
