// sys: https://docs.micropython.org/en/latest/library/sys.html
import { PyObject, defineBuiltinType, addMethods, builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, SystemExit, OSError, typeError, isPyException } from "../runtime/exceptions.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList, PyList } from "../runtime/types/list.ts";
import { sysModules, sysPath } from "../runtime/import.ts";
import { excStack } from "../runtime/lang.ts";
import { str } from "../runtime/ops.ts";
import { host } from "../runtime/host.ts";
import { call } from "../runtime/call.ts";
import { callMethod } from "../runtime/attr.ts";

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

/** Text written by Python goes out through the host; board hosts translate \n to \r\n. */
export function writeStdio(fd: 1 | 2, data: any): number {
  if (typeof data === "string") {
    host.write(fd, data);
    return data.length;
  }
  const b: Uint8Array | undefined = data?.$b;
  if (b instanceof Uint8Array) {
    const n = typeof data.$n === "number" ? data.$n : b.length;
    host.write(fd, b.subarray(0, n));
    return n;
  }
  throw typeError(`object with buffer protocol required`);
}

const te = new TextDecoder();

addMethods(stdioType, {
  write: builtin("write", (self: PyStdio, s: any) => {
    if (self.$fd === 0) throw newExc(OSError, 9);
    if (!self.$binary && typeof s !== "string") throw typeError(`can't convert '${typeOf(s).$name}' object to str implicitly`);
    return writeStdio(self.$fd as 1 | 2, s);
  }),
  read: builtin("read", (self: PyStdio, n?: any) => {
    const size = n === undefined || n === None ? -1 : Number(n);
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (size < 0 || total < size) {
      const b = host.readBytes(size < 0 ? 4096 : size - total);
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
    return self.$binary ? stdioHooks.mkBytes(all) : te.decode(all);
  }),
  readline: builtin("readline", (self: PyStdio) => {
    const line = host.readLine("");
    const s = line === null ? "" : line + "\n";
    return self.$binary ? stdioHooks.mkBytes(new TextEncoder().encode(s)) : s;
  }),
  flush: builtin("flush", () => None),
  fileno: builtin("fileno", (self: PyStdio) => self.$fd),
  __enter__: builtin("__enter__", (self: any) => self),
  __exit__: builtin("__exit__", () => None),
});

/** Set by the bytes module (avoids a dependency from sys on bytes). */
export const stdioHooks = {
  mkBytes: (b: Uint8Array): any => b,
};

function mkStream(fd: 0 | 1 | 2): PyStdio {
  const s = new PyStdio(fd, false);
  (s as any).buffer = new PyStdio(fd, true);
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
  if (!isPyException(e)) throw typeError("print_exception: exception expected");
  const write = file === undefined || file === None
    ? (s: string) => host.write(1, s)
    : (s: string) => {
        callMethod(file, "write", [s], null);
      };
  sysHooks.printException(e, write);
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
    intern: builtin("intern", (s: any) => s),
    atexit: builtin("atexit", (f: any) => {
      atexitFns.push(f);
      return f;
    }),
    getsizeof: builtin("getsizeof", () => 0),
  };
}
