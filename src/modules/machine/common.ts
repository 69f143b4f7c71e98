// Shared by the machine module's files: argument parsing for constructors and methods with
// keywords, the scheduler door for IRQ callbacks, and small conversions.

import { None, builtin, typeName, setArity } from "../../runtime/object.ts";
import { typeError, toPyExc } from "../../runtime/exceptions.ts";
import { toIndex, isTrue } from "../../runtime/ops.ts";
import { call, type Kw } from "../../runtime/call.ts";
import { RT } from "../../runtime/helpers.ts";
import { host } from "../../runtime/host.ts";
import { excFrames, excSummary } from "../../runtime/printexc.ts";
import { captureTraceback, pyFrames, type TracebackHolder } from "../../runtime/traceback.ts";
import { scheduled } from "../micropython.ts";
import { toFloat } from "../../runtime/types/float.ts";
import type { FunctionSig } from "../../runtime/types/function.ts";

/** One parameter: a name, a default (undefined = required), keyword-only or not. */
export type Param = [name: string, dflt?: any, kwOnly?: boolean];

/** Binds positional and keyword arguments to parameters (mp_arg_parse_all). */
export function parseArgs(args: any[], kw: Kw, params: Param[], from = 0): any[] {
  const out = new Array(params.length);
  let npos = 0;
  for (const p of params) if (!p[2]) npos++;
  const n = args.length - from;
  if (n > npos) throw typeError(`function takes ${npos} positional arguments but ${n} were given`);
  for (let i = 0; i < n; i++) out[i] = args[from + i];
  if (kw !== null) {
    for (const k of Object.keys(kw)) {
      const i = params.findIndex((p) => p[0] === k);
      if (i < 0) throw typeError(`unexpected keyword argument '${k}'`);
      if (i < n && !params[i][2]) throw typeError(`function got multiple values for argument '${k}'`);
      out[i] = kw[k];
    }
  }
  for (let i = 0; i < params.length; i++) {
    if (out[i] !== undefined) continue;
    if (params[i][1] === undefined) throw typeError(`'${params[i][0]}' argument required`);
    out[i] = params[i][1];
  }
  return out;
}

/** A method `name(self, ...params)` taking keywords: fn receives self and the bound values. */
export function kwMethod(name: string, params: Param[], fn: (self: any, a: any[]) => any): any {
  const f = builtin(name, (self: any, rest: any, kwd: any) => {
    const kw = kwd === undefined || kwd === None ? null : dictToKw(kwd);
    return fn(self, parseArgs(rest.$a, kw, params));
  });
  const sig: FunctionSig = { names: ["self"], posonly: 1, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true };
  (f as any).$sig = sig;
  setArity(f, 0);
  return f;
}

/** A function `name(...params)` taking keywords. */
export function kwFunction(name: string, params: Param[], fn: (a: any[]) => any): any {
  const f = builtin(name, (rest: any, kwd: any) => {
    const kw = kwd === undefined || kwd === None ? null : dictToKw(kwd);
    return fn(parseArgs(rest.$a, kw, params));
  });
  (f as any).$sig = { names: [], posonly: 0, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true } satisfies FunctionSig;
  setArity(f, 0);
  return f;
}

/** A **kwargs dict as the kw object call() takes (null when empty). */
export function dictToKw(d: any): Kw {
  const t = d.$t;
  if (t === undefined || t.size === 0) return null;
  const kw: Record<string, any> = Object.create(null);
  for (const e of t.entries()) kw[e.k] = e.v;
  return kw;
}

export const int = (x: any): number => {
  const v = toIndex(x);
  return typeof v === "bigint" ? Number(v) : v;
};

export const float = (x: any): number => (typeof x === "number" ? x : toFloat(x));
export const bool = (x: any): boolean => isTrue(x);
export const isNone = (x: any): boolean => x === None || x === undefined;

/**
 * machine.disable_irq(): while set, interrupts (pin edges, timers, UART) stay pending as on a
 * CPU with PRIMASK set: their callbacks are held, one per (handler, source), and run after
 * enable_irq().
 */
export const irqState = { disabled: false, held: [] as [f: any, arg: any, hard: boolean][] };

function hold(f: any, arg: any, hard: boolean): void {
  for (const h of irqState.held) if (h[0] === f && h[1] === arg) return;
  irqState.held.push([f, arg, hard]);
}

/** disable_irq(): the previous state (1: already disabled, as rp2's PRIMASK). */
export function disableIrq(): number {
  const was = irqState.disabled ? 1 : 0;
  irqState.disabled = true;
  return was;
}

/** enable_irq(state): restores the state; the held interrupts are taken when enabled. */
export function enableIrq(state: number): void {
  irqState.disabled = state !== 0;
  if (irqState.disabled) return;
  for (const [f, arg, hard] of irqState.held.splice(0)) {
    if (hard) callHard(f, arg);
    else schedule(f, arg);
  }
}

/**
 * An exception from a callback, printed as mp_call_function_1_protected / mp_irq_handler print
 * it: the traceback holds the callback's own frames, not those of the code it interrupted.
 * `outer` is the stack where the callback was called from.
 */
function printCallbackError(e: unknown, outer: TracebackHolder, header: string): void {
  const exc = toPyExc(e);
  const skip = pyFrames(outer);
  let frames = excFrames(exc);
  let n = 0;
  while (n < skip.length && n < frames.length && sameFrame(frames[n], skip[n])) n++;
  frames = frames.slice(n);
  let out = header;
  if (frames.length > 0) {
    out += "Traceback (most recent call last):\n";
    for (const f of frames) out += `  File "${f.file}", line ${f.line}` + (f.name === null ? "\n" : `, in ${f.name}\n`);
  }
  host.write(1, out + excSummary(exc) + "\n");
}

const sameFrame = (a: { file: string; line: number; name: string | null }, b: { file: string; line: number; name: string | null }) =>
  a.file === b.file && a.line === b.line && a.name === b.name;

/** What the scheduler runs for a machine callback: the callback, its exception printed. */
const runCallback = builtin("callback", (box: { f: any; arg: any }) => {
  const outer = captureTraceback();
  try {
    call(box.f, [box.arg], null);
  } catch (e) {
    printCallbackError(e, outer, "");
  }
  return None;
});

/** Queues a Python callback like mp_sched_schedule; false when the queue is full (dropped). */
export function schedule(f: any, arg: any): boolean {
  if (irqState.disabled) {
    hold(f, arg, false);
    return true;
  }
  if (scheduled.length >= 4) return false;
  scheduled.push([runCallback, { f, arg }]);
  RT.intr[0] = 1;
  return true;
}

/** Runs a "hard" callback at once; an exception is printed as MicroPython's IRQ handler does. */
export function callHard(f: any, arg: any): boolean {
  if (irqState.disabled) {
    hold(f, arg, true);
    return true;
  }
  const outer = captureTraceback();
  try {
    call(f, [arg], null);
    return true;
  } catch (e) {
    printCallbackError(e, outer, "Uncaught exception in IRQ callback handler\n");
    return false;
  }
}

export function checkCallable(f: any): void {
  if (f === None) return;
  if (typeof f !== "function" && !(typeof f === "object" && (f.__call__ !== undefined || f.$func !== undefined || f.$proto !== undefined)))
    throw typeError(`'${typeName(f)}' object isn't callable`);
}
