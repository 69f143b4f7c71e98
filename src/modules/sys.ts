// sys: https://docs.micropython.org/en/latest/library/sys.html
import { PyObject, defineBuiltinType, addMethods, builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, SystemExit, OSError, typeError, isPyException } from "../runtime/exceptions.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList, PyList } from "../runtime/types/list.ts";
import { sysModules, sysPath } from "../runtime/import.ts";
import { excStack } from "../runtime/lang.ts";
import { str, toIndex } from "../runtime/ops.ts";
import { host } from "../runtime/host.ts";
import { call } from "../runtime/call.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { mkBytes } from "../runtime/types/bytes.ts";
import { getBufferOrNull } from "../runtime/buffer.ts";
import { isStr } from "../runtime/types/str.ts";

export const MP_VERSION = [1, 27, 0] as const;
export const VERSION_STRING = `${MP_VERSION.join(".")}`;

/** A read-only record of named attributes (sys.implementation and similar). */
class PyNamespace extends PyObject {}
const namespaceType = defineBuiltinType("namespace", PyNamespace.prototype);

function mkNamespace(fields: Record<string, any>): PyNamespace {
  const o = new PyNamespace();
  Object.assign(o, fields);
  return o;
}

addMethods(namespaceType, {
  __repr__: builtin("__repr__", (self: any) => {
    const parts = Object.keys(self).map((k) => `${k}=${k === "name" || k === "_machine" || k === "_build" ? `'${str(self[k])}'` : str(self[k])}`);
    return `(${parts.join(", ")})`;
  }),
});

// ---------------------------------------------------------------- console streams

/** sys.stdin / sys.stdout / sys.stderr (text) and their .buffer (bytes). */
export class PyStdio extends PyObject {
  constructor(public $fd: 0 | 1 | 2, public $binary: boolean) {
    super();
  }
}
export const stdioType = defineBuiltinType("TextIOWrapper", PyStdio.prototype);
(PyStdio.prototype as any).$attrsOk = true;

/** sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: the same streams, in bytes. */
export const stdioBufferType = defineBuiltinType("FileIO", Object.create(PyStdio.prototype), stdioType);

/**
 * How the console behaves. A board's console (rawConsole) is a UART as in MicroPython's
 * sys_stdio_mphal.c: sys.stdin reads raw bytes without echo, turning CR into LF (text only), and
 * readline() stops at LF; hosts without it (the upy CLI) read whole lines from the host.
 */
export const stdioConfig = { rawConsole: false };

/** The bytes of a buffer argument, narrowed by stream.write(buf, max_len) / (buf, off, max_len). */
function bufArg(data: any, a?: any, b?: any, writable = false): Uint8Array {
  const info = typeof data === "string" ? null : getBufferOrNull(data);
  if (info === null || (writable && info.readonly)) throw typeError("object with buffer protocol required");
  let bytes = info.bytes;
  if (b !== undefined) bytes = bytes.subarray(Math.min(Number(toIndex(a)), bytes.length), bytes.length);
  const max = b !== undefined ? b : a;
  if (max !== undefined) {
    const m = Number(toIndex(max));
    if (m >= 0 && m < bytes.length) bytes = bytes.subarray(0, m);
  }
  return bytes;
}

/** Text written by Python goes out through the host; board hosts translate \n to \r\n. */
export function writeStdio(fd: 1 | 2, data: any, a?: any, b?: any): number {
  if (typeof data === "string") {
    host.write(fd, data);
    return data.length;
  }
  const bytes = bufArg(data, a, b);
  host.write(fd, bytes);
  return bytes.length;
}

const te = new TextDecoder();

/** Exactly n bytes of console input (fewer only at end of input), as stdio_buffer_read. */
function readExact(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let total = 0;
  while (total < n) {
    const b = host.readBytes(n - total);
    if (b.length === 0) break;
    out.set(b, total);
    total += b.length;
  }
  return total === n ? out : out.subarray(0, total);
}

/** Everything until end of input (read() without a size). */
function readAll(): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const b = host.readBytes(4096);
    if (b.length === 0) break;
    chunks.push(b);
    total += b.length;
  }
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return all;
}

/** n characters of text from a raw console: whole UTF-8 sequences, CR read as LF. */
function readChars(n: number): Uint8Array {
  const out: number[] = [];
  let chars = 0;
  let cont = 0;
  while (chars < n || cont > 0) {
    const b = host.readBytes(1);
    if (b.length === 0) break;
    let c = b[0];
    if (c === 13) c = 10;
    out.push(c);
    if (cont > 0 && (c & 0xc0) === 0x80) cont--;
    else {
      chars++;
      cont = c < 0xc0 ? 0 : c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
    }
  }
  return Uint8Array.from(out);
}

/** A line from a raw console (up to and including LF; CR counts as LF in text mode). */
function readLineRaw(text: boolean, limit: number): Uint8Array {
  const out: number[] = [];
  while (limit < 0 || out.length < limit) {
    const b = host.readBytes(1);
    if (b.length === 0) break;
    const c = text && b[0] === 13 ? 10 : b[0];
    out.push(c);
    if (c === 10) break;
  }
  return Uint8Array.from(out);
}

function stdio_read(self: PyStdio, n?: any): any {
  if (self.$fd !== 0) throw newExc(OSError, 1 /* EPERM */);
  const size = n === undefined || n === None ? -1 : Number(toIndex(n));
  let data: Uint8Array;
  if (size < 0) data = readAll();
  else if (!self.$binary && stdioConfig.rawConsole) data = readChars(size);
  else data = readExact(size);
  return self.$binary ? mkBytes(data) : te.decode(data);
}

function stdio_readinto(self: PyStdio, buf: any, n?: any): any {
  if (self.$fd !== 0) throw newExc(OSError, 1 /* EPERM */);
  const target = bufArg(buf, n, undefined, true);
  const data = readExact(target.length);
  if (!self.$binary && stdioConfig.rawConsole) for (let i = 0; i < data.length; i++) if (data[i] === 13) data[i] = 10;
  target.set(data);
  return data.length;
}

function stdio_readline(self: PyStdio, limit?: any): any {
  if (self.$fd !== 0) throw newExc(OSError, 1 /* EPERM */);
  if (stdioConfig.rawConsole) {
    const max = limit === undefined || limit === None ? -1 : Number(toIndex(limit));
    const line = readLineRaw(!self.$binary, max);
    return self.$binary ? mkBytes(line) : te.decode(line);
  }
  const line = host.readLine("");
  const s = line === null ? "" : line + "\n";
  return self.$binary ? mkBytes(new TextEncoder().encode(s)) : s;
}

const stdioMethods = {
  write: builtin("write", (self: PyStdio, s: any, a?: any, b?: any) => {
    if (self.$fd === 0) throw newExc(OSError, stdioConfig.rawConsole ? 1 /* EPERM */ : 9 /* EBADF */);
    if (!self.$binary && typeof s !== "string") throw typeError(`can't convert '${typeOf(s).$name}' object to str implicitly`);
    return writeStdio(self.$fd as 1 | 2, s, a, b);
  }),
  read: builtin("read", stdio_read),
  readinto: builtin("readinto", stdio_readinto),
  readline: builtin("readline", stdio_readline),
  flush: builtin("flush", () => None),
  fileno: builtin("fileno", (self: PyStdio) => self.$fd),
  __repr__: builtin("__repr__", (self: PyStdio) => `<io.${self.$binary ? "FileIO" : "TextIOWrapper"} ${self.$fd}>`),
  __enter__: builtin("__enter__", (self: any) => self),
  __exit__: builtin("__exit__", () => None),
};
addMethods(stdioType, stdioMethods);

/** Set by the bytes module (avoids a dependency from sys on bytes). */
export const stdioHooks = {
  mkBytes: (b: Uint8Array): any => b,
};

function mkStream(fd: 0 | 1 | 2): PyStdio {
  const s = new PyStdio(fd, false);
  const b = new PyStdio(fd, true);
  Object.setPrototypeOf(b, stdioBufferType.$proto);
  (s as any).buffer = b;
  return s;
}

export const stdin = mkStream(0);
export const stdout = mkStream(1);
export const stderr = mkStream(2);

// ---------------------------------------------------------------- functions

function sys_exit(code?: any): never {
  throw code === undefined ? newExc(SystemExit) : newExc(SystemExit, code);
}

function sys_exc_info() {
  const e = excStack.length > 0 ? excStack[excStack.length - 1] : undefined;
  if (e === undefined) return mkTuple([None, None, None]);
  return mkTuple([typeOf(e), e, None]);
}

/** Set by the module that formats tracebacks (printexc.ts). */
export const sysHooks = {
  printException: (_e: any, _write: (s: string) => void): void => {},
};

function sys_print_exception(e: any, file?: any) {
  let write = (s: string) => host.write(1, s);
  if (file !== undefined && file !== None) {
    // Like mp_get_stream_raise: an object that is not a stream is an OSError (EINVAL).
    if (typeof file !== "object" || loadAttrOrUndefined(file, "write") === undefined) throw newExc(OSError, 22);
    write = (s: string) => {
      callMethod(file, "write", [s], null);
    };
  }
  // A non-exception is printed as it is, as mp_obj_print_exception does.
  if (!isPyException(e)) write(str(e) + "\n");
  else sysHooks.printException(e, write);
  return None;
}

export const sysArgv: PyList = mkList([]);

const atexitFns: any[] = [];
export function runAtexit(): void {
  for (const f of atexitFns.splice(0)) call(f, [], null);
}

export function makeModule(): Record<string, any> {
  return {
    argv: sysArgv,
    path: sysPath,
    modules: sysModules,
    byteorder: "little",
    maxsize: 9223372036854775807n,
    platform: "linux",
    version: `3.4.0; MicroPython v${VERSION_STRING}`,
    version_info: mkTuple([3, 4, 0]),
    implementation: mkNamespace({
      name: "micropython",
      version: mkTuple([MP_VERSION[0], MP_VERSION[1], MP_VERSION[2], ""]),
      _machine: "linux [micropython-ts] version",
      _mpy: 6,
      _build: "standard",
    }),
    stdin,
    stdout,
    stderr,
    exit: builtin("exit", sys_exit),
    exc_info: builtin("exc_info", sys_exc_info),
    print_exception: builtin("print_exception", sys_print_exception),
    intern: builtin("intern", (s: any) => {
      if (!isStr(s)) throw typeError(`can't convert '${typeOf(s).$name}' object to str implicitly`);
      return s;
    }),
    atexit: builtin("atexit", (f: any) => {
      atexitFns.push(f);
      return f;
    }),
    getsizeof: builtin("getsizeof", () => 0),
  };
}
