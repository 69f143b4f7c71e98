// Late-bound hooks: the lower runtime files call into pieces defined above them (formatting,
// bytes, imports, the REPL) through this table, filled in when those modules load. This keeps
// module initialisation free of import cycles.
/* eslint-disable @typescript-eslint/no-explicit-any */

const missing = (what: string) => (): never => {
  throw new Error(`internal: ${what} is not available`);
};

export const langHooks = {
  mkComplex: missing("complex") as (re: number, im: number) => any,
  mkBytes: missing("bytes") as (latin1: string) => any,
  mkSlice: missing("slice") as (a: any, b: any, c: any) => any,
  format: missing("format") as (v: any, spec: string) => string,
  importName: missing("import") as (name: string, fromlist: string[] | null, level: number, globals: any) => any,
  importFrom: missing("import") as (mod: any, name: string) => any,
  importStar: missing("import") as (mod: any, globals: any) => void,
  displayHook: missing("displayHook") as (v: any) => void,
  checkIntr: (() => {}) as () => void,
};

/** Python hash and == for hashtable.ts, set by ops.ts. */
export const hashHooks = {
  hash: (_x: any): number | bigint => 0,
  eq: (_a: any, _b: any): boolean => false,
};

/**
 * What MicroPython keeps as mp_globals and mp_locals. `g`: the globals of the code that last
 * called globals(), locals(), dir(), vars(), eval(), exec() or __import__ by name (generated code
 * sets it just before such a call: a function runs with its own module's globals, whoever calls
 * it). `top`: the namespace whose top-level code is running (exec.ts): locals() in a function is
 * that, as in MicroPython. Null until set: the builtins fall back to __main__.
 */
export const callerG: { g: any; top: any } = { g: null, top: null };
