// Helpers shared by the unit tests: what Python exception a piece of TS code raises, as text.
// JS errors are never turned into text: they propagate and fail the test.
import { typeOf } from "./runtime/object.ts";
import { isPyException } from "./runtime/exceptions.ts";
import { repr } from "./runtime/ops.ts";

function caught(f: () => any): any {
  try {
    f();
  } catch (e) {
    if (!isPyException(e)) throw e;
    return e;
  }
  return undefined;
}

/** "TypeName: first argument" ("TypeName: " without arguments), or "no error". */
export function pyError(f: () => any): string {
  const e = caught(f);
  return e === undefined ? "no error" : `${typeOf(e).$name}: ${e.args.$a[0] ?? ""}`;
}

/** "TypeName: arg, arg" (strings as they are, other arguments as repr); fails when nothing is raised. */
export function pyErrorArgs(f: () => any): string {
  const e = caught(f);
  if (e === undefined) throw new Error("no exception");
  return `${typeOf(e).$name}: ${e.args.$a.map((x: any) => (typeof x === "string" ? x : repr(x))).join(", ")}`;
}

/** The exception's type name alone, or "no error". */
export function pyErrorType(f: () => any): string {
  const e = caught(f);
  return e === undefined ? "no error" : typeOf(e).$name;
}
