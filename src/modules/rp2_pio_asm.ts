// The PIO assembler behind rp2.asm_pio and rp2.asm_pio_encode (MicroPython's
// ports/rp2/modules/rp2.py does this in Python). The decorated function's body is run twice
// with the instruction names (jmp, set, label, pins, x, ...) bound as globals: a first pass
// collects the labels, the second emits the 16-bit instruction words.
//
// Our compiled functions read globals as properties of their module's globals object, whose
// prototype is the builtins namespace. A function does not record which module it came from,
// so the names are overlaid for the two passes on the builtins namespace (reached by every
// module's global lookups) and, where a loaded module defines a global of the same name
// (a user's `x = 1`), on that module's globals too; everything is restored afterwards.
//
// The program is MicroPython's list: [array('H') of words, offset in PIO0, in PIO1, in PIO2,
// execctrl, shiftctrl, out_init, set_init, sideset_init].

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, typeName, setArity } from "../runtime/object.ts";
import { newExc, typeError, Exception, AssertionError, IndexError, baseExceptionType } from "../runtime/exceptions.ts";
import { call } from "../runtime/call.ts";
import { toIndex, str } from "../runtime/ops.ts";
import { getBuiltins, sysModules, getMainModule } from "../runtime/import.ts";
import { runSource } from "../runtime/exec.ts";
import { PyModule } from "../runtime/types/module.ts";
import { mkList, PyList } from "../runtime/types/list.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { isStr, S } from "../runtime/types/str.ts";
import { mkArray, PyArray } from "./array.ts";
import { dictToKw } from "./machine/common.ts";
import type { Kw } from "../runtime/call.ts";

export const PROG_DATA = 0, PROG_OFFSET_PIO0 = 1, PROG_EXECCTRL = 4, PROG_SHIFTCTRL = 5;
export const PROG_OUT_PINS = 6, PROG_SET_PINS = 7, PROG_SIDESET_PINS = 8, PROG_MAX_FIELDS = 9;

export const PIOASMError = defineBuiltinType("PIOASMError", Object.create(Exception.$proto), Exception);
PIOASMError.$new = baseExceptionType.$new;
PIOASMError.$module = "rp2";

const asmError = (msg: string) => newExc(PIOASMError, msg);

const int = (x: any): number => {
  const v = toIndex(x);
  return typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : v;
};

// ---------------------------------------------------------------- the emitter

/** The assembler's state (PIOASMEmit in rp2.py). */
export class Asm {
  labels = new Map<any, number>();
  words: number[] = [];
  execctrl: number;
  shiftctrl: number;
  wrapUsed = false;
  sidesetCount: number;
  sidesetOpt = false;
  delayMax = 31;
  pass = 0;
  numInstr = 0;
  numSideset = 0;
  /** The Python object the instruction functions return (for `.side()`, `[delay]`). */
  readonly obj: PyAsmEmit;

  constructor(
    readonly outInit: any = None, readonly setInit: any = None, readonly sidesetInit: any = None, sidePindir = 0,
    inShiftdir = 0, outShiftdir = 0, autopush = 0, autopull = 0, pushThresh = 32, pullThresh = 32, fifoJoin = 0,
  ) {
    this.execctrl = (sidePindir << 29) >>> 0;
    this.shiftctrl = ((fifoJoin << 30) | ((pullThresh & 0x1f) << 25) | ((pushThresh & 0x1f) << 20) |
      (outShiftdir << 19) | (inShiftdir << 18) | (autopull << 17) | (autopush << 16)) >>> 0;
    if (sidesetInit === None) this.sidesetCount = 0;
    else if (typeof sidesetInit === "number" || typeof sidesetInit === "boolean") this.sidesetCount = 1;
    else this.sidesetCount = sidesetInit instanceof PyTuple || sidesetInit instanceof PyList ? sidesetInit.$a.length : 1;
    this.obj = new PyAsmEmit();
    this.obj.$asm = this;
  }

  startPass(pass: number): void {
    if (pass === 1) {
      if (!this.wrapUsed && this.numInstr) this.wrap();
      this.delayMax = 31;
      if (this.sidesetCount) {
        this.sidesetOpt = this.numSideset !== this.numInstr;
        if (this.sidesetOpt) {
          this.execctrl = (this.execctrl | (1 << 30)) >>> 0;
          this.sidesetCount += 1;
        }
        this.delayMax >>= this.sidesetCount;
      }
    }
    this.pass = pass;
    this.numInstr = 0;
    this.numSideset = 0;
  }

  delay(d: number): void {
    if (this.pass > 0) {
      if (d > this.delayMax) throw asmError("delay too large");
      this.orLast(d << 8);
    }
  }

  side(v: number): void {
    this.numSideset += 1;
    if (this.pass > 0) {
      if (this.sidesetCount === 0) throw asmError("no sideset");
      if (v >= 1 << this.sidesetCount) throw asmError("sideset too large");
      this.orLast(((this.sidesetOpt ? 1 : 0) << 12) | (v << (13 - this.sidesetCount)));
    }
  }

  private orLast(bits: number): void {
    const w = this.words;
    if (w.length === 0) throw newExc(IndexError, "array index out of range");
    w[w.length - 1] = (w[w.length - 1] | bits) & 0xffff;
  }

  wrapTarget(): void {
    this.execctrl = (this.execctrl | (this.numInstr << 7)) >>> 0;
  }

  wrap(): void {
    if (!this.numInstr) throw newExc(AssertionError);
    this.execctrl = (this.execctrl | ((this.numInstr - 1) << 12)) >>> 0;
    this.wrapUsed = true;
  }

  label(name: any): void {
    if (this.pass === 0) {
      const k = labelKey(name);
      if (this.labels.has(k)) throw asmError(`duplicate label ${str(name)}`);
      this.labels.set(k, this.numInstr);
    }
  }

  word(instr: number, label: any = None): void {
    this.numInstr += 1;
    if (this.pass > 0) {
      let target = 0;
      if (label !== None) {
        const t = this.labels.get(labelKey(label));
        if (t === undefined) throw asmError(`unknown label ${str(label)}`);
        target = t;
      }
      this.words.push((instr | target) & 0xffff);
    }
  }

  /** The program list (rp2.py's PIOASMEmit.prog). */
  prog(): PyList {
    const a: PyArray = mkArray("H", this.words.length);
    for (let i = 0; i < this.words.length; i++) {
      a.$b[2 * i] = this.words[i] & 0xff;
      a.$b[2 * i + 1] = this.words[i] >> 8;
    }
    return mkList([a, -1, -1, -1, this.execctrl, this.shiftctrl, this.outInit, this.setInit, this.sidesetInit]);
  }
}

function labelKey(x: any): any {
  if (isStr(x)) return "s:" + S(x);
  if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return "n:" + String(Number(x));
  return x;
}

export class PyAsmEmit extends PyObject {
  $asm!: Asm;
}
export const asmEmitType: PyType = defineBuiltinType("PIOASMEmit", PyAsmEmit.prototype);
asmEmitType.$module = "rp2";

addMethods(asmEmitType, {
  side: builtin("side", (self: PyAsmEmit, v: any) => (self.$asm.side(int(v)), self)),
  delay: builtin("delay", (self: PyAsmEmit, d: any) => (self.$asm.delay(int(d)), self)),
  __getitem__: builtin("__getitem__", (self: PyAsmEmit, d: any) => (self.$asm.delay(int(d)), self)),
});

// ---------------------------------------------------------------- instructions

/** Operand names and operand functions (rp2.py's _pio_funcs). */
const OPERANDS: Record<string, any> = {
  gpio: 0, pins: 0, x: 1, y: 2, null: 3, pindirs: 4, pc: 5, status: 5, isr: 6, osr: 7, exec: 8,
  invert: builtin("invert", (x: any) => int(x) | 0x08),
  reverse: builtin("reverse", (x: any) => int(x) | 0x10),
  not_x: 1, x_dec: 2, not_y: 3, y_dec: 4, x_not_y: 5, pin: 6, not_osre: 7,
  noblock: 0x01, block: 0x21, iffull: 0x40, ifempty: 0x40, clear: 0x40,
  rel: builtin("rel", (x: any) => int(x) | 0x10),
};

const opt = (x: any, d: number): number => (x === undefined || x === None ? d : int(x));

function needArgs(name: string, n: number, min: number): void {
  if (n < min) throw typeError(`function missing ${min - n} required positional arguments`);
  void name;
}

/** The instruction encoders bound to an assembler (rp2.py's _pio_instructions). */
function instructions(a: Asm): Record<string, any> {
  const ret = () => a.obj;
  const bitCount = (n: number) => {
    if (!(n > 0 && n <= 32)) throw asmError(`invalid bit count ${n}`);
    return n & 0x1f;
  };
  return {
    word: builtin("word", (instr: any, label?: any) => (needArgs("word", instr === undefined ? 0 : 1, 1), a.word(int(instr), label ?? None), ret())),
    nop: builtin("nop", () => (a.word(0xa042), ret())),
    jmp: builtin("jmp", (cond: any, label?: any) => {
      needArgs("jmp", cond === undefined ? 0 : 1, 1);
      if (label === undefined || label === None) a.word(0x0000, cond);
      else a.word(0x0000 | (int(cond) << 5), label);
      return ret();
    }),
    wait: builtin("wait", (pol: any, src: any, index: any) => {
      needArgs("wait", [pol, src, index].filter((v) => v !== undefined).length, 3);
      // `irq` is passed as the irq instruction function itself.
      let s = typeof src === "function" ? -1 : int(src);
      if (s === 6) s = 1; // "pin"
      else if (s !== 0) s = 2; // "irq"
      a.word(0x2000 | (int(pol) << 7) | (s << 5) | int(index));
      return ret();
    }),
    in_: builtin("in_", (src: any, n: any) => {
      needArgs("in_", [src, n].filter((v) => v !== undefined).length, 2);
      a.word(0x4000 | (int(src) << 5) | bitCount(int(n)));
      return ret();
    }),
    out: builtin("out", (dest: any, n: any) => {
      needArgs("out", [dest, n].filter((v) => v !== undefined).length, 2);
      let d = int(dest);
      if (d === 8) d = 7; // exec
      a.word(0x6000 | (d << 5) | bitCount(int(n)));
      return ret();
    }),
    push: builtin("push", (v?: any, v2?: any) => (a.word(0x8000 | (pushPullMode(opt(v, 0) | opt(v2, 0)))), ret())),
    pull: builtin("pull", (v?: any, v2?: any) => (a.word(0x8080 | (pushPullMode(opt(v, 0) | opt(v2, 0)))), ret())),
    mov: builtin("mov", (dest: any, src: any) => {
      needArgs("mov", [dest, src].filter((v) => v !== undefined).length, 2);
      let d = int(dest);
      if (d === 8) d = 4; // exec
      a.word(0xa000 | (d << 5) | int(src));
      return ret();
    }),
    irq: builtin("irq", (mod: any, index?: any) => {
      needArgs("irq", mod === undefined ? 0 : 1, 1);
      if (index === undefined || index === None) a.word(0xc000 | int(mod));
      else a.word(0xc000 | (int(mod) & 0x60) | int(index));
      return ret();
    }),
    set: builtin("set", (dest: any, data: any) => {
      needArgs("set", [dest, data].filter((v) => v !== undefined).length, 2);
      a.word(0xe000 | (int(dest) << 5) | int(data));
      return ret();
    }),
  };
}

function pushPullMode(v: number): number {
  if (!(v & 1)) v |= 0x20; // block by default
  return v & 0x60;
}

function directives(a: Asm): Record<string, any> {
  return {
    wrap_target: builtin("wrap_target", () => (a.wrapTarget(), None)),
    wrap: builtin("wrap", () => (a.wrap(), None)),
    label: builtin("label", (name: any) => {
      if (name === undefined) throw typeError("function missing 1 required positional arguments");
      a.label(name);
      return None;
    }),
  };
}

// ---------------------------------------------------------------- running with the names

/** Runs fn with `names` bound as globals of every module (see the header), then restores. */
export function withGlobals<T>(names: Record<string, any>, fn: () => T): T {
  const hasOwn = Object.prototype.hasOwnProperty;
  const saved: [any, string, boolean, any][] = [];
  const builtins = getBuiltins();
  const spaces: any[] = [builtins];
  const mods = [...sysModules.$t.entries()].map((e) => e.v);
  const main = getMainModule(); // not listed in sys.modules
  if (main !== null) mods.push(main);
  for (const m of mods) {
    if (m instanceof PyModule && Object.getPrototypeOf(m.$d) === builtins && !spaces.includes(m.$d)) spaces.push(m.$d);
  }
  try {
    for (const ns of spaces) {
      for (const k of Object.keys(names)) {
        const own = hasOwn.call(ns, k);
        if (ns !== builtins && !own) continue;
        saved.push([ns, k, own, ns[k]]);
        ns[k] = names[k];
      }
    }
    return fn();
  } finally {
    for (let i = saved.length - 1; i >= 0; i--) {
      const [ns, k, own, v] = saved[i];
      if (own) ns[k] = v;
      else delete ns[k];
    }
  }
}

const ASM_KW = [
  "out_init", "set_init", "sideset_init", "side_pindir", "in_shiftdir", "out_shiftdir",
  "autopush", "autopull", "push_thresh", "pull_thresh", "fifo_join",
];

function flag(x: any): number {
  if (x === true) return 1;
  if (x === false) return 0;
  return int(x);
}

/** An assembler from asm_pio's keyword arguments. */
export function asmFromKw(kw: Kw): Asm {
  const v: Record<string, any> = {};
  if (kw !== null) {
    for (const k of Object.keys(kw)) {
      if (!ASM_KW.includes(k)) throw typeError(`unexpected keyword argument '${k}'`);
      v[k] = kw[k];
    }
  }
  const n = (k: string, d: number) => (v[k] === undefined ? d : flag(v[k]));
  return new Asm(
    v.out_init ?? None, v.set_init ?? None, v.sideset_init ?? None, n("side_pindir", 0),
    n("in_shiftdir", 0), n("out_shiftdir", 0), n("autopush", 0), n("autopull", 0),
    n("push_thresh", 32), n("pull_thresh", 32), n("fifo_join", 0),
  );
}

/** Assembles the body of f: two passes with the PIO names bound; returns the program list. */
export function assemble(a: Asm, f: any): PyList {
  const names = { ...OPERANDS, ...directives(a), ...instructions(a) };
  withGlobals(names, () => {
    a.startPass(0);
    call(f, [], null);
    a.startPass(1);
    call(f, [], null);
  });
  return a.prog();
}

/** rp2.asm_pio(**kw): the decorator. */
export const asmPio = builtin("asm_pio", (...args: any[]) => {
  // Called with keywords only: the binder passes (kwargs dict) through $sig below.
  const kwd = args[0];
  const kw: Kw = kwd === undefined || kwd === None ? null : dictToKw(kwd);
  const a = asmFromKw(kw);
  return builtin("dec", (f: any) => {
    if (f === undefined) throw typeError("function missing 1 required positional arguments");
    return assemble(a, f);
  });
});
(asmPio as any).$sig = { names: [], posonly: 0, defaults: [], kwonly: [], kwDefaults: [], varargs: false, varkw: true };
setArity(asmPio, 0);


/** rp2.asm_pio_encode(instr, sideset_count, sideset_opt=False): one instruction word. */
export function asmPioEncode(instr: any, sidesetCount: any, sidesetOpt: any = false): number {
  if (!isStr(instr)) throw typeError(`can't convert '${typeName(instr)}' object to str implicitly`);
  const a = new Asm();
  a.sidesetCount = int(sidesetCount);
  a.sidesetOpt = flag(sidesetOpt) !== 0;
  a.delayMax = 31 >> (a.sidesetCount + (a.sidesetOpt ? 1 : 0));
  a.pass = 1;
  const g = Object.create(getBuiltins());
  Object.assign(g, OPERANDS, instructions(a));
  g.jmp = None; // rp2.py: emit.jmp currently not supported
  g.__name__ = "__main__";
  runSource(S(instr), "<string>", "exec", g);
  if (a.words.length !== 1) throw asmError("expecting exactly 1 instruction");
  return a.words[0];
}
