// platform: https://docs.micropython.org/en/latest/library/platform.html
//
// The unix port's strings (extmod/modplatform.c) built from what this implementation is: the
// system-version-architecture-...-with-libc form of platform(), with JavaScript as the machine.

import { builtin, setArity } from "../runtime/object.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import type { FunctionSig } from "../runtime/types/function.ts";
import { VERSION_STRING } from "./sys.ts";

const SYSTEM = "Linux";
const ARCH = "javascript";
const COMPILER = "TypeScript 5.9";
const LIBC_LIB = "";
const LIBC_VER = "";

/** Accepts and ignores keyword arguments (CPython's aliased/terse, executable/lib...). */
const anyKw: FunctionSig = {
  names: [], posonly: 0, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true,
};

function withAnyKw<F extends (...a: any[]) => any>(name: string, f: F): F {
  builtin(name, f);
  (f as any).$sig = anyKw;
  setArity(f, 0);
  return f;
}

export function makeModule(): Record<string, any> {
  const info = `${SYSTEM}-${VERSION_STRING}-${ARCH}--with-${LIBC_LIB}${LIBC_VER}`;
  const libc = mkTuple([LIBC_LIB, LIBC_VER]);
  return {
    platform: withAnyKw("platform", () => info),
    python_compiler: builtin("python_compiler", () => COMPILER),
    libc_ver: withAnyKw("libc_ver", () => libc),
  };
}
