// The compiler's entry point: Python source → JS function body (parse, scopes, codegen).

import { parse } from "./parser.ts";
import { analyzeScopes } from "./scope.ts";
import { generate } from "./codegen.ts";

export type CompileMode = "exec" | "eval" | "single";

/** A compiled unit: run it with runtime/exec.ts (`new Function("$rt", "$g", js)`). */
export interface CompiledCode {
  /** Body of the JS function taking ($rt, $g). In "eval" mode it returns the value. */
  js: string;
  /** Python line for each JS line as V8 numbers the lines of `new Function` code. */
  lines: number[];
  /** Python function name for each JS line (tracebacks). */
  names: string[];
}

export function compile(source: string, filename: string, mode: CompileMode): CompiledCode {
  const mod = parse(source, filename, mode);
  const info = analyzeScopes(mod, filename);
  return generate(mod, info, filename, mode);
}
