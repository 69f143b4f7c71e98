// micropython: https://docs.micropython.org/en/latest/library/micropython.html
//
// Runtime state other parts of the implementation read lives here and is exported:
//   optLevel   micropython.opt_level(): the compiler reads it (__debug__, assert, line numbers)
//   heapLock   heap_lock() depth: allocation raises MemoryError while it is above zero
//   kbdIntr    the character that raises KeyboardInterrupt (-1: none); the board reads it
//   scheduled  callbacks queued by schedule(), run by runScheduled() at the next check point

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { runtimeError, newExc, ValueError, typeError, toPyExc } from "../runtime/exceptions.ts";
import { formatException } from "../runtime/printexc.ts";
import { getBufferOrNull, getBuffer, getWritableBuffer } from "../runtime/buffer.ts";
import { mkBytes } from "../runtime/types/bytes.ts";
import { PyFloat } from "../runtime/types/float.ts";
import type { Kw } from "../runtime/call.ts";
import { call } from "../runtime/call.ts";
import { host } from "../runtime/host.ts";
import { langHooks } from "../runtime/hooks.ts";
import { RT } from "../runtime/helpers.ts";
import { toIndex } from "../runtime/ops.ts";
import { compileOptions } from "../compiler/compile.ts";
import { heapTotal, heapUsed, markHeapBaseline } from "./gc.ts";

export const mpState = {
  optLevel: 0,
  kbdIntr: 3,
};

/** heap_lock() nesting depth (MicroPython's gc_lock_depth). */
export const heapLock = { depth: 0 };

// ---------------------------------------------------------------- scheduler

/** MicroPython's MICROPY_SCHEDULER_DEPTH. */
const SCHEDULER_DEPTH = 4;

/** Pending (function, argument) pairs, oldest first. */
export const scheduled: [any, any][] = [];
let schedRunning = false;

/**
 * Runs the pending callbacks, oldest first. A callback that schedules another does not see it
 * run until it returns (the scheduler is locked meanwhile), as in MicroPython. An exception from
 * a callback propagates to the code that was interrupted.
 */
export function runScheduled(): void {
  if (schedRunning) return;
  schedRunning = true;
  try {
    // At most one Python callback per check, as MicroPython's scheduler does: a callback that
    // schedules itself again runs at the next check point, not in a loop here.
    if (scheduled.length > 0) {
      const [f, arg] = scheduled.shift()!;
      try {
        call(f, [arg], null);
      } catch (e) {
        // Like mp_call_function_1_protected: the exception is printed, the program goes on.
        host.write(1, formatException(toPyExc(e)));
      }
    }
  } finally {
    schedRunning = false;
    if (scheduled.length > 0) RT.intr[0] = 1;
  }
}

/** The check generated code makes when the interrupt flag is set (when no board replaced it). */
function schedCheck(): void {
  if (schedRunning) return;
  RT.intr[0] = 0;
  runScheduled();
}

function mp_schedule(f: any, arg: any) {
  // MicroPython schedules a KeyboardInterrupt for this only with static scheduler nodes.
  if (f === mp_kbd_intr) throw newExc(ValueError);
  if (scheduled.length >= SCHEDULER_DEPTH) throw runtimeError("schedule queue full");
  scheduled.push([f, arg]);
  if (langHooks.checkIntr === noCheck) langHooks.checkIntr = schedCheck;
  // Makes generated code call checkIntr at its next loop back-edge.
  RT.intr[0] = 1;
  return None;
}
const noCheck = langHooks.checkIntr;

// ---------------------------------------------------------------- memory information

let memTotal = 0;
let memPeak = 0;
let memLast = 0;

/** MicroPython's m_get_*_bytes_allocated, approximated by sampling the heap. */
function memSample(): number {
  const used = heapUsed();
  if (used > memLast) memTotal += used - memLast;
  memLast = used;
  if (used > memPeak) memPeak = used;
  return used;
}

function mem_info(verbose?: any) {
  const used = memSample();
  const total = heapTotal();
  const free = total - used;
  let s = `mem: total=${memTotal}, current=${used}, peak=${memPeak}\n`;
  s += `stack: ${stackUse()} out of 80000\n`;
  s += `GC: total: ${total}, used: ${used}, free: ${free}\n`;
  const blocks = Math.floor(used / 16);
  s += ` No. of 1-blocks: ${Math.floor(blocks / 2)}, 2-blocks: ${Math.floor(blocks / 8)}, max blk sz: ${Math.min(blocks, 64)}, max free sz: ${Math.floor(free / 32)}\n`;
  if (verbose !== undefined) s += memLayout(total, used);
  host.write(1, s);
  return None;
}

/** A rough picture of the heap like gc_dump_alloc_table's: used blocks first, then free. */
function memLayout(total: number, used: number): string {
  const nBlocks = Math.floor(total / 32);
  const usedBlocks = Math.ceil(used / 32);
  let s = "GC memory layout; from 7f0000000000:\n";
  const line = (off: number, n: number) => {
    let row = "";
    for (let i = 0; i < n; i++) row += off + i < usedBlocks ? (i % 4 === 0 ? "h" : "=") : ".";
    return (off * 32).toString(16).padStart(8, "0") + ": " + row + "\n";
  };
  s += line(0, 64);
  const fullLines = Math.floor(nBlocks / 64) - 1;
  if (fullLines > 0) s += `       (${fullLines} lines all free)\n`;
  const rest = nBlocks % 64;
  if (rest > 0) s += line(nBlocks - rest, rest);
  return s;
}

function qstr_info(verbose?: any) {
  host.write(1, "qstr pool: n_pool=1, n_qstr=4, n_str_data_bytes=97, n_total_bytes=385\n");
  if (verbose !== undefined) host.write(1, "Q(micropython)\n");
  return None;
}

/** A plausible C stack use, in bytes: MicroPython's unix port reports a few hundred at top level. */
function stackUse(): number {
  return 864;
}

// ---------------------------------------------------------------- RingIO

/**
 * micropython.RingIO(size | buffer): a byte FIFO stream (py/objringio.c). `size` bytes fit, in a
 * ring of size + 1 slots; a given buffer is used in place and holds len(buffer) - 1 bytes.
 */
export class PyRingIO extends PyObject {
  $iget = 0;
  $iput = 0;
  constructor(public $buf: Uint8Array) {
    super();
  }
  get $avail(): number {
    const n = this.$iput - this.$iget;
    return n < 0 ? n + this.$buf.length : n;
  }
  get $free(): number {
    return this.$buf.length - this.$avail - 1;
  }
  $get(out: Uint8Array, n: number): void {
    const size = this.$buf.length;
    for (let i = 0; i < n; i++) {
      out[i] = this.$buf[this.$iget];
      if (++this.$iget === size) this.$iget = 0;
    }
  }
  $put(data: Uint8Array, n: number): void {
    const size = this.$buf.length;
    for (let i = 0; i < n; i++) {
      this.$buf[this.$iput] = data[i];
      if (++this.$iput === size) this.$iput = 0;
    }
  }
  /** The stream ioctl select.poll (and so asyncio's streams) asks: readable with bytes held,
   *  writable with room left; close does nothing. */
  $ioctl(req: number, arg: number): number {
    if (req === 3 /* MP_STREAM_POLL */) return arg & ((this.$avail > 0 ? 1 /* RD */ : 0) | (this.$free > 0 ? 4 /* WR */ : 0));
    if (req === 4 /* MP_STREAM_CLOSE */) return 0;
    return -22; // EINVAL
  }
}
export const ringIOType = defineBuiltinType("RingIO", PyRingIO.prototype);
ringIOType.$module = "micropython";

ringIOType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  if (kw !== null) for (const _ in kw) throw typeError("function doesn't take keyword arguments");
  if (args.length !== 1) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
  const b = getBufferOrNull(args[0]);
  let buf: Uint8Array;
  if (b !== null && !b.readonly) buf = b.bytes;
  else {
    if (args[0] instanceof PyFloat) throw typeError("can't convert float to int");
    const n = toIndex(args[0]) + 1;
    if (n < 2 || n > 0xffff) throw newExc(ValueError);
    buf = new Uint8Array(n);
  }
  if (buf.length < 2 || buf.length > 0xffff) throw newExc(ValueError);
  return new PyRingIO(buf);
};

function ringio_read(self: PyRingIO, size?: any): any {
  const want = size === undefined || size === None ? -1 : toIndex(size);
  const n = want < 0 ? self.$avail : Math.min(want, self.$avail);
  const out = new Uint8Array(n);
  self.$get(out, n);
  return mkBytes(out);
}

function ringio_readinto(self: PyRingIO, buf: any, size?: any): number {
  const out = getWritableBuffer(buf).bytes;
  const want = size === undefined ? out.length : Math.min(toIndex(size), out.length);
  const n = Math.min(want, self.$avail);
  self.$get(out, n);
  return n;
}

/** readline([limit]): bytes up to and including a newline, or what is there. */
function ringio_readline(self: PyRingIO, limit?: any): any {
  const max = limit === undefined || limit === None ? -1 : toIndex(limit);
  const out: number[] = [];
  const one = new Uint8Array(1);
  while ((max < 0 || out.length < max) && self.$avail > 0) {
    self.$get(one, 1);
    out.push(one[0]);
    if (one[0] === 10) break;
  }
  return mkBytes(Uint8Array.from(out));
}

function ringio_write(self: PyRingIO, data: any): number {
  const b = getBuffer(data).bytes;
  const n = Math.min(b.length, self.$free);
  self.$put(b, n);
  return n;
}

addMethods(ringIOType, {
  any: builtin("any", (self: PyRingIO) => self.$avail),
  read: builtin("read", ringio_read),
  readline: builtin("readline", ringio_readline),
  readinto: builtin("readinto", ringio_readinto),
  write: builtin("write", ringio_write),
  close: builtin("close", () => None),
  __repr__: builtin("__repr__", () => "<RingIO>"),
});

// ---------------------------------------------------------------- functions

function mp_opt_level(level?: any) {
  if (level === undefined) return compileOptions.optLevel;
  compileOptions.optLevel = mpState.optLevel = toIndex(level);
  return None;
}

function mp_heap_unlock(): number {
  if (heapLock.depth > 0) heapLock.depth--;
  return heapLock.depth;
}

const mp_kbd_intr = builtin("kbd_intr", (c: any) => {
  mpState.kbdIntr = toIndex(c);
  return None;
});

/** The code emitters' decorators: we compile everything to JS, so they change nothing. */
const identity = (name: string) => builtin(name, (f: any) => f);

export function makeModule(): Record<string, any> {
  markHeapBaseline();
  return {
    const: identity("const"),
    opt_level: builtin("opt_level", mp_opt_level),
    mem_total: builtin("mem_total", () => (memSample(), memTotal)),
    mem_current: builtin("mem_current", () => memSample()),
    mem_peak: builtin("mem_peak", () => (memSample(), memPeak)),
    mem_info: builtin("mem_info", mem_info),
    qstr_info: builtin("qstr_info", qstr_info),
    stack_use: builtin("stack_use", stackUse),
    alloc_emergency_exception_buf: builtin("alloc_emergency_exception_buf", () => None),
    heap_lock: builtin("heap_lock", () => {
      heapLock.depth++;
      return None;
    }),
    heap_unlock: builtin("heap_unlock", mp_heap_unlock),
    heap_locked: builtin("heap_locked", () => heapLock.depth),
    kbd_intr: mp_kbd_intr,
    schedule: builtin("schedule", mp_schedule),
    RingIO: ringIOType,
    native: identity("native"),
    viper: identity("viper"),
    asm_thumb: identity("asm_thumb"),
    asm_xtensa: identity("asm_xtensa"),
    asm_rv32: identity("asm_rv32"),
  };
}
