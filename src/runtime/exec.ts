// Running compiled code: registers its line table for tracebacks, builds the JS function once
// per CompiledCode and calls it with the runtime helper table and a globals object.

import { compile, type CompiledCode, type CompileMode } from "../compiler/compile.ts";
import { RT } from "./helpers.ts";
import { registerCode } from "./traceback.ts";
import { callerG } from "./hooks.ts";

type UnitFn = (rt: typeof RT, g: any) => any;

const built = new WeakMap<CompiledCode, UnitFn>();

/** The JS function for a compiled unit (created and registered on first use). */
export function unitFunction(code: CompiledCode, filename: string): UnitFn {
  let fn = built.get(code);
  if (fn === undefined) {
    const url = registerCode({ file: filename, lines: code.lines, names: code.names, srcLines: code.srcLines });
    fn = new Function("$rt", "$g", `${code.js}\n//# sourceURL=${url}`) as UnitFn;
    built.set(code, fn);
  }
  return fn;
}

/**
 * Runs a compiled unit with `globals` (a null-prototype object whose prototype is the builtins
 * namespace). Returns the value of the expression for "eval" units, else undefined.
 */
export function execCode(code: CompiledCode, filename: string, globals: any): any {
  const f = unitFunction(code, filename);
  // The unit's top-level namespace is MicroPython's mp_locals while it runs (lang.ts callerG).
  const prev = callerG.top;
  callerG.top = globals;
  try {
    return f(RT, globals);
  } finally {
    callerG.top = prev;
  }
}

export function runSource(source: string, filename: string, mode: CompileMode, globals: any): any {
  return execCode(compile(source, filename, mode), filename, globals);
}
