// asyncio.StreamReader / StreamWriter (one class, as in MicroPython's extmod/asyncio/stream.py)
// over any stream object: reads wait on the IO queue until the stream polls readable. The
// console input (sys.stdin) is read directly: its reads block in the host, and select never
// reports it readable. open_connection / start_server need the socket module.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, protoOf, typeOf } from "../../runtime/object.ts";
import { newExc, EOFError, OSError, typeError } from "../../runtime/exceptions.ts";
import { callMethod } from "../../runtime/attr.ts";
import { add, eq, getItem, callSpecial } from "../../runtime/ops.ts";
import { mkGen, awaitable, importName } from "../../runtime/lang.ts";
import { mkSlice } from "../../runtime/types/slice.ts";
import { mkDict } from "../../runtime/types/dict.ts";
import { emptyBytes } from "../../runtime/types/bytes.ts";
import type { PyGenerator } from "../../runtime/types/generator.ts";
import type { FunctionSig } from "../../runtime/types/function.ts";
import { sched, sleepMs } from "./core.ts";
import { PyStdio } from "../sys.ts";
import { host } from "../../runtime/host.ts";

function len(x: any): number {
  if (typeof x === "string") return [...x].length;
  const f = protoOf(x).__len__;
  if (f === undefined) throw typeError(`object of type '${typeOf(x).$name}' has no len()`);
  return Number(callSpecial(f, x));
}

function isEmpty(x: any): boolean {
  return x === None || len(x) === 0;
}

export class PyAsyncStream extends PyObject {
  s: any = None;
  e: any = None;
  out_buf: any = emptyBytes;
}
(PyAsyncStream.prototype as any).$attrsOk = true;
export const streamType = defineBuiltinType("Stream", PyAsyncStream.prototype);
streamType.$new = (cls: PyType, args: any[]) => {
  const o: PyAsyncStream = Object.create(cls.$proto);
  o.s = args[0] ?? None;
  o.e = args.length > 1 ? args[1] : mkDict();
  o.out_buf = emptyBytes;
  return o;
};

/**
 * Waits (yields to the scheduler) until the stream is readable. The console blocks instead,
 * unless the host can wait for console input (a board: other tasks run meanwhile).
 */
function* waitRead(s: any): Generator<any, any, any> {
  if (s instanceof PyStdio && host.waitInput === undefined) return;
  sched.io.$enqueue(s, 0);
  yield None;
}

function* readBody(self: PyAsyncStream, n: number): Generator<any, any, any> {
  let r: any = emptyBytes;
  for (;;) {
    yield* waitRead(self.s);
    const r2 = callMethod(self.s, "read", [n], null);
    if (r2 === None) continue;
    if (n >= 0) return r2;
    if (len(r2) === 0) return r;
    r = add(r, r2);
  }
}

function* readintoBody(self: PyAsyncStream, buf: any): Generator<any, any, any> {
  yield* waitRead(self.s);
  return callMethod(self.s, "readinto", [buf], null);
}

function* readexactlyBody(self: PyAsyncStream, n: number): Generator<any, any, any> {
  let r: any = emptyBytes;
  while (n) {
    yield* waitRead(self.s);
    const r2 = callMethod(self.s, "read", [n], null);
    if (r2 === None) continue;
    if (len(r2) === 0) throw newExc(EOFError);
    r = add(r, r2);
    n -= len(r2);
  }
  return r;
}

function* readlineBody(self: PyAsyncStream): Generator<any, any, any> {
  let l: any = emptyBytes;
  for (;;) {
    yield* waitRead(self.s);
    const l2 = callMethod(self.s, "readline", [], null);
    if (l2 === None) continue;
    l = l === emptyBytes ? l2 : add(l, l2);
    if (isEmpty(l2)) return l;
    const last = getItem(l, -1);
    if (last === 10 || last === "\n") return l;
  }
}

function stream_write(self: PyAsyncStream, buf: any) {
  if (isEmpty(self.out_buf)) {
    const ret = callMethod(self.s, "write", [buf], null);
    if (ret !== None && eq(ret, len(buf)) === true) return None;
    if (ret !== None) buf = getItem(buf, mkSlice(ret, None, None));
  }
  self.out_buf = add(self.out_buf, buf);
  return None;
}

function* drainBody(self: PyAsyncStream): Generator<any, any, any> {
  if (isEmpty(self.out_buf)) return yield* awaitable(sleepMs(0));
  const buf = self.out_buf;
  const total = len(buf);
  let off = 0;
  while (off < total) {
    sched.io.$enqueue(self.s, 1);
    yield None;
    const ret = callMethod(self.s, "write", [getItem(buf, mkSlice(off, None, None))], null);
    if (ret !== None) off += Number(ret);
  }
  self.out_buf = emptyBytes;
  return None;
}

function* waitClosedBody(self: PyAsyncStream): Generator<any, any, any> {
  callMethod(self.s, "close", [], null);
  return None;
}

function* awriteBody(self: PyAsyncStream, buf: any, off: number, sz: number): Generator<any, any, any> {
  if (off !== 0 || sz !== -1) {
    const end = sz === -1 ? None : off + sz;
    buf = getItem(buf, mkSlice(off, end, None));
  }
  stream_write(self, buf);
  return yield* drainBody(self);
}

function gen(g: Generator<any, any, any>, name: string): PyGenerator {
  return mkGen(g, name, true);
}

function intArg(x: any, dflt: number): number {
  return x === undefined ? dflt : Number(x);
}

const waitClosed = builtin("wait_closed", (self: PyAsyncStream) => gen(waitClosedBody(self), "wait_closed"));
const awrite = builtin("awrite", (self: PyAsyncStream, buf: any, off?: any, sz?: any) =>
  gen(awriteBody(self, buf, intArg(off, 0), intArg(sz, -1)), "stream_awrite"));

addMethods(streamType, {
  get_extra_info: builtin("get_extra_info", (self: PyAsyncStream, v: any) => getItem(self.e, v)),
  close: builtin("close", () => None),
  wait_closed: waitClosed,
  aclose: waitClosed,
  read: builtin("read", (self: PyAsyncStream, n?: any) => gen(readBody(self, intArg(n, -1)), "read")),
  readinto: builtin("readinto", (self: PyAsyncStream, buf: any) => gen(readintoBody(self, buf), "readinto")),
  readexactly: builtin("readexactly", (self: PyAsyncStream, n: any) => gen(readexactlyBody(self, Number(n)), "readexactly")),
  readline: builtin("readline", (self: PyAsyncStream) => gen(readlineBody(self), "readline")),
  write: builtin("write", stream_write),
  drain: builtin("drain", (self: PyAsyncStream) => gen(drainBody(self), "drain")),
  awrite,
  awritestr: awrite,
});

// ---------------------------------------------------------------- connections

function* needSocket(): Generator<any, any, any> {
  importName("socket", null, 0, null);
  throw newExc(OSError, 95); // EOPNOTSUPP: no socket streams here
}

const openSig: FunctionSig = {
  names: ["host", "port", "ssl", "server_hostname"], posonly: 0, defaults: [None, None],
  kwonly: [], kwDefaults: [], varargs: false, varkw: false,
};
const serverSig: FunctionSig = {
  names: ["cb", "host", "port", "backlog", "ssl"], posonly: 0, defaults: [5, None],
  kwonly: [], kwDefaults: [], varargs: false, varkw: false,
};

export const open_connection = builtin("open_connection", () => gen(needSocket(), "open_connection"));
(open_connection as any).$sig = openSig;
export const start_server = builtin("start_server", () => gen(needSocket(), "start_server"));
(start_server as any).$sig = serverSig;
