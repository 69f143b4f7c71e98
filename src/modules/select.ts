// select: https://docs.micropython.org/en/latest/library/select.html
//
// poll() objects and select(), over MicroPython's stream protocol (extmod/modselect.c):
//   - an int is a file descriptor: 1 and 2 (the console output) are always writable, 0 (the
//     console input) is readable when the host says input is pending (Host.inputReady; hosts
//     without it never report it), and any other descriptor is not open here (POLLNVAL);
//   - sys.stdin/stdout/stderr are their descriptors; io streams (StringIO, BytesIO, files) are
//     always ready;
//   - a TS object may offer `$ioctl(req, arg)` (asyncio.ThreadSafeFlag does; sockets do, and
//     mark themselves `$netWakes`: a change of their readiness ends Host.net.wait);
//   - any other object needs a Python `ioctl(req, arg)` method: ioctl(MP_STREAM_POLL, events)
//     returns the ready events, a negative value is an error (OSError(-value)).
// Polling objects that have no descriptor is repeated every millisecond until one is ready or
// the timeout passes; scheduled callbacks (micropython.schedule) run while waiting.

import { PyObject, defineBuiltinType, addMethods, builtin, None, STOP } from "../runtime/object.ts";
import { newExc, OSError, ValueError, StopIteration, typeError } from "../runtime/exceptions.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { toArray } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple, PyTuple } from "../runtime/types/tuple.ts";
import { host } from "../runtime/host.ts";
import { RT } from "../runtime/helpers.ts";
import { langHooks } from "../runtime/hooks.ts";
import { PyStdio } from "./sys.ts";
import { PyStream } from "./io.ts";
import { getFloat, getInt } from "./time.ts";

export const POLLIN = 0x0001;
export const POLLOUT = 0x0004;
export const POLLERR = 0x0008;
export const POLLHUP = 0x0010;
export const POLLNVAL = 0x0020;

const MP_STREAM_POLL = 3;
const MP_STREAM_GET_FILENO = 10;
const ENOENT = 2;
/** How often objects without a descriptor are asked again while waiting (ms). */
const IOCTL_CALL_PERIOD_MS = 1;

interface PollEntry {
  obj: any;
  events: number;
  revents: number;
  /** The file descriptor, or -1 for objects polled through their ioctl. */
  fd: number;
}

/** The ioctl result of a Python object as a JS number (negative: an error code). */
function pyIoctl(obj: any, req: number, arg: number): number {
  const own = obj.$ioctl;
  if (typeof own === "function") return own.call(obj, req, arg);
  const r = callMethod(obj, "ioctl", [req, arg], null);
  return getInt(r);
}

/** The descriptor behind an object, -1 when it has none; raises if it is not a stream. */
function fdOf(obj: any): number {
  if (typeof obj === "number" || typeof obj === "boolean") {
    const fd = Number(obj);
    if (fd < 0) throw newExc(ValueError);
    return fd;
  }
  if (obj instanceof PyStdio) return obj.$fd;
  if (obj instanceof PyStream) return -1;
  if (typeof obj === "object" && typeof obj.$ioctl === "function") return -1;
  if (loadAttrOrUndefined(obj, "ioctl") === undefined) throw newExc(OSError, "stream operation not supported");
  const r = pyIoctl(obj, MP_STREAM_GET_FILENO, 0);
  return r >= 0 ? r : -1;
}

/** A descriptor's ready events: the console only (no other descriptor is open here). */
function pollFd(fd: number, events: number): number {
  if (fd === 1 || fd === 2) return events & POLLOUT;
  if (fd === 0) return host.inputReady?.() === true ? events & POLLIN : 0;
  return POLLNVAL;
}

/** The set of objects a poll object (or one select() call) watches, in registration order. */
export class PollSet {
  map = new Map<any, PollEntry>();

  add(obj: any, events: number, orEvents: boolean): void {
    const e = this.map.get(obj);
    if (e !== undefined) {
      e.events = orEvents ? e.events | events : events;
      return;
    }
    this.map.set(obj, { obj, events, revents: 0, fd: fdOf(obj) });
  }

  remove(obj: any): void {
    this.map.delete(obj);
  }

  modify(obj: any, events: number): void {
    const e = this.map.get(obj);
    if (e === undefined) throw newExc(OSError, ENOENT);
    e.events = events;
  }

  get size(): number {
    return this.map.size;
  }

  /** Polls every object once, setting revents; returns how many are ready. */
  pollOnce(): number {
    let n = 0;
    for (const e of this.map.values()) {
      let r: number;
      if (e.fd >= 0) r = pollFd(e.fd, e.events);
      else if (e.obj instanceof PyStream) r = e.events & (POLLIN | POLLOUT);
      else {
        r = pyIoctl(e.obj, MP_STREAM_POLL, e.events);
        if (r < 0) {
          e.revents = 0;
          throw newExc(OSError, -r);
        }
      }
      e.revents = r;
      if (r !== 0) n++;
    }
    return n;
  }

  /** Polls until something is ready or `timeout` ms pass (-1: no timeout); returns the count. */
  waitReady(timeout: number): number {
    const start = host.monotonicMs();
    for (;;) {
      if (RT.intr[0] !== 0) langHooks.checkIntr();
      const n = this.pollOnce();
      if (n > 0) return n;
      const elapsed = host.monotonicMs() - start;
      if (timeout >= 0 && elapsed >= timeout) return 0;
      let wait = timeout < 0 ? IOCTL_CALL_PERIOD_MS : timeout - elapsed;
      // Objects without a descriptor must be asked again soon; only they can become ready.
      if (this.hasNonFd()) wait = Math.min(wait, IOCTL_CALL_PERIOD_MS);
      else if (timeout < 0) wait = 10;
      // Waiting for console input: a host that can wait for it returns as soon as some arrives;
      // so does the host's network service for sockets.
      if (host.waitInput !== undefined && this.watchesInput()) host.waitInput(Math.max(0, Math.ceil(wait)));
      else if (host.net !== undefined && this.watchesNet()) host.net.wait(Math.max(0, Math.ceil(wait)));
      else host.sleepMs(Math.max(0, Math.ceil(wait)));
    }
  }

  private watchesInput(): boolean {
    for (const e of this.map.values()) if (e.fd === 0 && (e.events & POLLIN) !== 0) return true;
    return false;
  }

  /** True when some object must be asked again to notice a change (sockets need not be). */
  private hasNonFd(): boolean {
    for (const e of this.map.values()) if (e.fd < 0 && e.obj.$netWakes !== true) return true;
    return false;
  }

  /** Sockets: objects whose readiness changes end Host.net.wait. */
  private watchesNet(): boolean {
    for (const e of this.map.values()) if (e.obj.$netWakes === true) return true;
    return false;
  }
}

/** A poll timeout argument in ms: None or negative means none (-1). */
function timeoutArg(t: any): number {
  if (t === undefined || t === None) return -1;
  const v = getInt(t);
  return v >= 0 ? v : -1;
}

// ---------------------------------------------------------------- poll objects

class PyPoll extends PyObject {
  $set = new PollSet();
  $iterCnt = 0;
  $iterPos: PollEntry[] = [];
  $iterIdx = 0;
  $oneShot = false;
  $ret: PyTuple | null = null;

  $next(): any {
    while (this.$iterCnt > 0 && this.$iterIdx < this.$iterPos.length) {
      const e = this.$iterPos[this.$iterIdx++];
      if (e.revents === 0) continue;
      this.$iterCnt--;
      const t = this.$ret!;
      t.$a[0] = e.obj;
      t.$a[1] = e.revents;
      if (this.$oneShot) e.events = 0;
      return t;
    }
    this.$iterCnt = 0;
    return STOP;
  }
}
const pollType = defineBuiltinType("poll", PyPoll.prototype);

function checkPoll(self: any): PyPoll {
  if (!(self instanceof PyPoll)) throw typeError("poll object expected");
  return self;
}

function poll_register(self: PyPoll, obj: any, events?: any) {
  const ev = events === undefined ? POLLIN | POLLOUT : getInt(events);
  checkPoll(self).$set.add(obj, ev, false);
  return None;
}

function poll_unregister(self: PyPoll, obj: any) {
  checkPoll(self).$set.remove(obj);
  return None;
}

function poll_modify(self: PyPoll, obj: any, events: any) {
  if (events === undefined) throw typeError("function takes 3 positional arguments but 2 were given");
  checkPoll(self).$set.modify(obj, getInt(events));
  return None;
}

function poll_poll(self: PyPoll, timeout?: any) {
  const set = checkPoll(self).$set;
  const n = set.waitReady(timeoutArg(timeout));
  const out: any[] = [];
  if (n > 0) for (const e of set.map.values()) if (e.revents !== 0) out.push(mkTuple([e.obj, e.revents]));
  return mkList(out);
}

function poll_ipoll(self: PyPoll, timeout?: any, flags?: any) {
  checkPoll(self);
  if (self.$ret === null) self.$ret = mkTuple([None, None]);
  self.$oneShot = flags !== undefined && (getInt(flags) & 1) !== 0;
  const n = self.$set.waitReady(timeoutArg(timeout));
  self.$iterCnt = n;
  self.$iterPos = [...self.$set.map.values()];
  self.$iterIdx = 0;
  return self;
}

addMethods(pollType, {
  register: builtin("register", poll_register),
  unregister: builtin("unregister", poll_unregister),
  modify: builtin("modify", poll_modify),
  poll: builtin("poll", poll_poll),
  ipoll: builtin("ipoll", poll_ipoll),
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyPoll) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});


// ---------------------------------------------------------------- select()

function select_select(rlist: any, wlist: any, xlist: any, timeout?: any) {
  if (xlist === undefined) throw typeError("function expected at least 3 arguments");
  let t = -1;
  if (timeout !== undefined && timeout !== None) {
    const f = getFloat(timeout);
    if (f >= 0) t = Math.floor(f * 1000);
  }
  const set = new PollSet();
  const lists = [toArray(rlist), toArray(wlist), toArray(xlist)];
  const masks = [POLLIN, POLLOUT, POLLERR | POLLHUP];
  for (let i = 0; i < 3; i++) for (const o of lists[i]) set.add(o, masks[i], true);
  set.waitReady(t);
  const r: any[] = [], w: any[] = [], x: any[] = [];
  for (const e of set.map.values()) {
    if (e.revents & POLLIN) r.push(e.obj);
    if (e.revents & POLLOUT) w.push(e.obj);
    if (e.revents & ~(POLLIN | POLLOUT)) x.push(e.obj);
  }
  return mkTuple([mkList(r), mkList(w), mkList(x)]);
}

export function makeModule(): Record<string, any> {
  return {
    poll: builtin("poll", () => new PyPoll()),
    select: builtin("select", select_select),
    POLLIN,
    POLLOUT,
    POLLERR,
    POLLHUP,
  };
}
