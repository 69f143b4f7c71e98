// MicroPython's optimisation levels (micropython.opt_level), applied to the syntax tree:
//   level >= 1: `assert` statements are removed and `__debug__` is False
//   level >= 3: tracebacks report every line as line 1 (no line numbers are kept)
import type { Module } from "./ast.ts";

/** Returns a copy of the tree with asserts removed and __debug__ folded to False. */
export function stripDebug(mod: Module): Module {
  return mapNode(mod) as Module;
}

function mapNode(n: any): any {
  if (Array.isArray(n)) return n.map(mapNode);
  if (n === null || typeof n !== "object" || n instanceof Uint8Array) return n;
  if (n.kind === "Assert") return { kind: "Pass", loc: n.loc };
  if (n.kind === "Name" && n.id === "__debug__") return { kind: "Constant", loc: n.loc, value: { type: "bool", value: false } };
  const out: any = {};
  for (const k of Object.keys(n)) out[k] = k === "loc" ? n[k] : mapNode(n[k]);
  return out;
}
