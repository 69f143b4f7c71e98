// The compiler's entry point: Python source → JS function body (parse, scopes, codegen).

import { parse } from "./parser.ts";
import { analyzeScopes } from "./scope.ts";
import { generate } from "./codegen.ts";
import { viperTransform } from "./viper.ts";
import { stripDebug } from "./optimize.ts";

export type CompileMode = "exec" | "eval" | "single";

/** A compiled unit: run it with runtime/exec.ts (`new Function("$rt", "$g", js)`). */
export interface CompiledCode {
  /** Body of the JS function taking ($rt, $g). In "eval" mode it returns the value. */
  js: string;
  /** Python line for each JS line as V8 numbers the lines of `new Function` code. */
  lines: number[];
  /** Python function name for each JS line (tracebacks). */
  names: string[];
  /** The real source lines when `lines` hides them (opt_level 3). */
  srcLines?: number[];
}

/** micropython.opt_level(): what new compilations do (see optimize.ts). */
export const compileOptions = { optLevel: 0 };

export function compile(source: string, filename: string, mode: CompileMode): CompiledCode {
  let mod = parse(source, filename, mode);
  if (compileOptions.optLevel >= 1) mod = stripDebug(mod);
  mod = viperTransform(mod, filename);
  const info = analyzeScopes(mod, filename);
  const code: CompiledCode = generate(mod, info, filename, mode);
  if (compileOptions.optLevel >= 3) {
    code.srcLines = code.lines;
    code.lines = code.lines.map((l) => (l === 0 ? 0 : 1));
  }
  return code;
}
