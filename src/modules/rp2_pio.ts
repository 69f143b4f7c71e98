// rp2.PIO and rp2.StateMachine: the Python surface of the simulated PIO blocks (rp2_pio_sm.ts),
// following ports/rp2/rp2_pio.c: two PIOs of four state machines and 32 instruction slots,
// programs as made by rp2.asm_pio (rp2_pio_asm.ts), FIFOs reached with put/get, IRQ handlers
// run through the scheduler.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, setArity, typeName } from "../runtime/object.ts";
import { valueError, typeError, newExc, OSError } from "../runtime/exceptions.ts";
import { isTrue, toIndex } from "../runtime/ops.ts";
import { getBufferOrNull, getWritableBuffer } from "../runtime/buffer.ts";
import { PyList } from "../runtime/types/list.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { isStr, S } from "../runtime/types/str.ts";
import { PyByteArray } from "../runtime/types/bytes.ts";
import type { Kw } from "../runtime/call.ts";
import type { Hal } from "./machine/hal.ts";
import { kwMethod, parseArgs, int, isNone, schedule, callHard, checkCallable, type Param } from "./machine/common.ts";
import { isPin } from "./machine/pin.ts";
import { PioBlock, StateMachine, defaultConfig, type SmConfig } from "./rp2_pio_sm.ts";
import {
  asmPioEncode, PROG_DATA, PROG_OFFSET_PIO0, PROG_EXECCTRL, PROG_SHIFTCTRL, PROG_OUT_PINS, PROG_SET_PINS,
  PROG_SIDESET_PINS, PROG_MAX_FIELDS,
} from "./rp2_pio_asm.ts";

const ENOMEM = 12;
/** How long put/get spin on the wall clock before they wait. */
const SPIN_US = 5000;

class PyPio extends PyObject {
  $pio!: PioBlock;
  $irq: PyPioIrq | null = null;
}

class PySm extends PyObject {
  $sm!: StateMachine;
  $id = 0;
  $irq: PyPioIrq | null = null;
}

class PyPioIrq extends PyObject {
  $parent: any = None;
  $handler: any = None;
  $trigger = 0;
  $flags = 0;
  $hard = false;
}

const irqType = defineBuiltinType("irq", PyPioIrq.prototype);
addMethods(irqType, {
  flags: builtin("flags", (self: PyPioIrq) => self.$flags),
  trigger: builtin("trigger", (self: PyPioIrq, t?: any) => {
    const old = self.$trigger;
    if (t !== undefined) {
      self.$trigger = int(t);
      self.$flags = 0;
    }
    return old;
  }),
});

const u32 = (x: any): number => {
  const v = toIndex(x);
  return typeof v === "bigint" ? Number(BigInt.asUintN(32, v)) : v >>> 0;
};

/** The fields of an asm_pio program (a list of 9); TypeError/ValueError like mp_obj_get_array_fixed_n. */
function progFields(prog: any): any[] {
  if (!(prog instanceof PyList) && !(prog instanceof PyTuple)) throw typeError(`object '${typeName(prog)}' isn't a tuple or list`);
  if (prog.$a.length !== PROG_MAX_FIELDS) throw valueError(`requested length ${PROG_MAX_FIELDS} but object has length ${prog.$a.length}`);
  return prog.$a;
}

function progWords(fields: any[]): number[] {
  const b = getBufferOrNull(fields[PROG_DATA]);
  if (b === null) throw typeError("object with buffer protocol required");
  const out: number[] = [];
  for (let i = 0; i + 1 < b.bytes.length; i += 2) out.push(b.bytes[i] | (b.bytes[i + 1] << 8));
  return out;
}

/** asm_pio_get_pins: the initial directions and levels of a pin group, and its base. */
interface PinGroup {
  base: number;
  count: number;
  dirs: number;
  vals: number;
}

export function makePio(hal: Hal): { pio: PyType; sm: PyType; blocks: PioBlock[] } {
  const blocks = [new PioBlock(0, hal), new PioBlock(1, hal)];
  const pioType = defineBuiltinType("PIO", PyPio.prototype);
  const smType = defineBuiltinType("StateMachine", PySm.prototype);
  const pios: PyPio[] = blocks.map((b) => {
    const p = new PyPio();
    p.$pio = b;
    return p;
  });
  const sms: PySm[] = [];
  for (let i = 0; i < 8; i++) {
    const s = new PySm();
    s.$sm = blocks[i >> 2].sms[i & 3];
    s.$id = i;
    sms.push(s);
  }
  const initialPc = new Array(8).fill(0);

  // IRQ flags 0..3 raised by a program: the PIO's handler and state machine i's handler.
  for (const b of blocks) {
    b.listener = {
      irq: (_pio, bit) => {
        let taken = 0;
        const p = pios[b.index];
        if (p.$irq !== null && p.$irq.$handler !== None && (bit << 8) & p.$irq.$trigger) {
          p.$irq.$flags = bit << 8;
          fire(p.$irq);
          taken = bit;
        }
        for (let i = 0; i < 4; i++) {
          const s = sms[b.index * 4 + i];
          if (!(bit & (1 << i)) || s.$irq === null || s.$irq.$handler === None) continue;
          taken = bit;
          if (s.$irq.$trigger & 1) {
            s.$irq.$flags = 1;
            fire(s.$irq);
          }
        }
        return taken;
      },
    };
  }

  const fire = (irq: PyPioIrq) => {
    if (irq.$hard) callHard(irq.$handler, irq.$parent);
    else schedule(irq.$handler, irq.$parent);
  };

  const pinArg = (x: any): number => {
    if (isPin(x)) return x.$id;
    if (isStr(x)) {
      const id = hal.pinByName(S(x));
      if (id === null) throw valueError(`unknown named pin "${S(x)}"`);
      return id;
    }
    const id = int(x);
    if (!hal.pinValid(id)) throw valueError("invalid pin");
    return id;
  };

  const pinGroup = (progPins: any, argBase: any): PinGroup => {
    const g: PinGroup = { base: -1, count: 0, dirs: 0, vals: 0 };
    if (progPins !== None) {
      if (progPins instanceof PyTuple || progPins instanceof PyList) {
        g.count = progPins.$a.length;
        progPins.$a.forEach((x: any, i: number) => {
          const v = int(x);
          g.dirs |= (v >> 1) << i;
          g.vals |= (v & 1) << i;
        });
      } else {
        const v = int(progPins);
        g.count = 1;
        g.dirs = v >> 1;
        g.vals = v & 1;
      }
    }
    if (!isNone(argBase)) g.base = pinArg(argBase);
    return g;
  };

  // ---------------------------------------------------------------- programs

  const addProgram = (p: PyPio, prog: any) => {
    const f = progFields(prog);
    const off = p.$pio.addProgram(progWords(f));
    if (off < 0) throw newExc(OSError, ENOMEM);
    f[PROG_OFFSET_PIO0 + p.$pio.index] = off;
  };

  const removeProgram = (p: PyPio, prog?: any) => {
    if (prog === undefined) {
      p.$pio.removeProgram(0, 32);
      return None;
    }
    const f = progFields(prog);
    const words = progWords(f);
    const off = int(f[PROG_OFFSET_PIO0 + p.$pio.index]);
    if (off < 0) throw valueError("prog not in instruction memory");
    f[PROG_OFFSET_PIO0 + p.$pio.index] = -1;
    p.$pio.removeProgram(off, words.length);
    return None;
  };

  // ---------------------------------------------------------------- StateMachine.init

  const SM_PARAMS: Param[] = [
    ["prog"], ["freq", -1], ["in_base", None, true], ["out_base", None, true], ["set_base", None, true],
    ["jmp_pin", None, true], ["sideset_base", None, true], ["in_shiftdir", None, true], ["out_shiftdir", None, true],
    ["push_thresh", None, true], ["pull_thresh", None, true],
  ];

  const clockFreq = (freq: number): number => {
    const cpu = hal.cpuFreq;
    if (freq < 0) return cpu;
    if (freq === 0) return cpu / 65536;
    const div = Math.floor((cpu * 256) / freq);
    if (!(div >= 256 && div <= 65536 * 256)) throw valueError("freq out of range");
    return (cpu * 256) / div;
  };

  const override = (ctrl: number, arg: any, bits: number, lsb: number): number =>
    isNone(arg) ? ctrl : ((ctrl & ~bits) | ((int(arg) << lsb) & bits)) >>> 0;

  const initSm = (s: PySm, a: any[]) => {
    const [prog, freqArg, inBase, outBase, setBase, jmpPin, sidesetBase, inShift, outShift, pushT, pullT] = a;
    const f = progFields(prog);
    const pio = pios[s.$id >> 2];
    let offset = int(f[PROG_OFFSET_PIO0 + pio.$pio.index]);
    if (offset < 0) {
      addProgram(pio, prog);
      offset = int(f[PROG_OFFSET_PIO0 + pio.$pio.index]);
    }
    initialPc[s.$id] = offset;
    const cfg: SmConfig = defaultConfig(clockFreq(int(freqArg)));
    cfg.execctrl = u32(f[PROG_EXECCTRL]);
    cfg.shiftctrl = u32(f[PROG_SHIFTCTRL]);
    cfg.execctrl = (cfg.execctrl + (offset << 12) + (offset << 7)) >>> 0;
    if (!isNone(inBase)) cfg.inBase = pinArg(inBase);
    const out = pinGroup(f[PROG_OUT_PINS], outBase);
    if (out.base >= 0) [cfg.outBase, cfg.outCount] = [out.base, out.count];
    const set = pinGroup(f[PROG_SET_PINS], setBase);
    if (set.base >= 0) [cfg.setBase, cfg.setCount] = [set.base, set.count];
    if (!isNone(jmpPin)) cfg.jmpPin = pinArg(jmpPin);
    const side = pinGroup(f[PROG_SIDESET_PINS], sidesetBase);
    if (side.base >= 0) {
      cfg.sidesetBase = side.base;
      cfg.sidesetCount = side.count + (cfg.execctrl & (1 << 30) ? 1 : 0);
    }
    cfg.shiftctrl = override(cfg.shiftctrl, inShift, 1 << 18, 18);
    cfg.shiftctrl = override(cfg.shiftctrl, outShift, 1 << 19, 19);
    cfg.shiftctrl = override(cfg.shiftctrl, pushT, 0x1f << 20, 20);
    cfg.shiftctrl = override(cfg.shiftctrl, pullT, 0x1f << 25, 25);
    s.$sm.init(cfg, offset);
    for (const g of [out, set, side]) if (g.base >= 0) s.$sm.initPins(g.base, g.count, g.dirs, g.vals);
    return None;
  };

  // ---------------------------------------------------------------- FIFOs

  /** Waits (running timers, callbacks and the machine) until cond holds. */
  const waitFor = (sm: StateMachine, cond: () => boolean) => {
    sm.sync();
    if (cond()) return;
    // A real board spins here. On the wall clock board time moves by itself: spin a little
    // (a WS2812 frame must not pause 50 µs between words); a virtual clock needs a wait.
    const start = hal.nowUs();
    for (let i = 0; i < 1_000_000 && !cond(); i++) {
      const t = hal.nowUs();
      if ((t === start && i >= 8) || t - start > SPIN_US) break;
      sm.sync();
    }
    while (!cond()) {
      hal.waitUntil(() => {
        sm.sync();
        return cond();
      }, 1_000_000);
    }
  };

  const put = (s: PySm, value: any, shiftArg?: any) => {
    if (value === undefined) throw typeError("function missing 1 required positional arguments");
    const shift = shiftArg === undefined ? 0 : int(shiftArg);
    const sm = s.$sm;
    const buf = isStr(value) ? null : getBufferOrNull(value);
    let items: number[];
    if (buf === null) items = [u32(value)];
    else {
      const tc = value instanceof PyByteArray ? "B" : buf.typecode;
      const size = tc === "B" ? 1 : tc === "H" ? 2 : tc === "I" ? 4 : 0;
      if (size === 0) throw valueError("unsupported buffer type");
      const b = buf.bytes;
      items = [];
      for (let i = 0; i + size <= b.length; i += size) {
        let v = 0;
        for (let k = size - 1; k >= 0; k--) v = v * 256 + b[i + k];
        items.push(v);
      }
    }
    items.forEach((v, i) => {
      waitFor(sm, () => !sm.txFull());
      sm.put(shift >= 32 ? 0 : (v << shift) >>> 0, i > 0);
    });
    return None;
  };

  const get = (s: PySm, bufArg?: any, shiftArg?: any) => {
    const sm = s.$sm;
    const shift = shiftArg === undefined ? 0 : int(shiftArg);
    const next = () => {
      waitFor(sm, () => sm.rx.length > 0);
      const v = sm.get();
      return shift >= 32 ? 0 : v >>> shift;
    };
    if (bufArg === undefined || bufArg === None) return next();
    const buf = getWritableBuffer(bufArg);
    const tc = bufArg instanceof PyByteArray ? "b" : buf.typecode.toLowerCase();
    if (buf.bytes.length === 0) return bufArg;
    const size = tc === "b" ? 1 : tc === "h" ? 2 : tc === "i" ? 4 : 0;
    const b = buf.bytes;
    for (let i = 0; i < b.length; i += size) {
      const v = next();
      if (size === 0) throw valueError("unsupported buffer type");
      for (let k = 0; k < size && i + k < b.length; k++) b[i + k] = (v >>> (8 * k)) & 0xff;
    }
    return bufArg;
  };

  // ---------------------------------------------------------------- IRQs

  const IRQ_PARAMS = (trigger: number): Param[] => [["handler", None], ["trigger", trigger], ["hard", false]];

  const irqMethod = (self: PySm | PyPio, a: any[], given: boolean, dflt: number) => {
    if (self.$irq === null) {
      const q = new PyPioIrq();
      q.$parent = self;
      q.$trigger = dflt;
      self.$irq = q;
    }
    if (given) {
      const [handler, trigger, hard] = a;
      checkCallable(handler);
      self.$irq.$handler = handler;
      self.$irq.$trigger = int(trigger);
      self.$irq.$hard = isTrue(hard);
      self.$irq.$flags = 0;
    }
    return self.$irq;
  };

  const kwIrq = (name: string, dflt: number) => {
    const f = builtin(name, (self: any, rest: any, kwd: any) => {
      const kw = kwd === undefined || kwd === None || kwd.$t.size === 0 ? null : Object.fromEntries([...kwd.$t.entries()].map((e: any) => [e.k, e.v]));
      const given = rest.$a.length > 0 || kw !== null;
      return irqMethod(self, parseArgs(rest.$a, kw, IRQ_PARAMS(dflt)), given, dflt);
    });
    (f as any).$sig = { names: ["self"], posonly: 1, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true };
    setArity(f, 0);
    return f;
  };

  // ---------------------------------------------------------------- the types

  pioType.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length !== 1 || (kw !== null && Object.keys(kw).length > 0)) throw typeError(`function takes 1 positional arguments but ${args.length} were given`);
    const id = int(args[0]);
    if (!(id >= 0 && id < pios.length)) throw valueError("invalid PIO");
    return pios[id];
  };

  const smObject = (id: number): PySm => {
    if (!(id >= 0 && id < sms.length)) throw valueError("invalid StateMachine");
    return sms[id];
  };

  addMethods(pioType, {
    __repr__: builtin("__repr__", (self: PyPio) => `PIO(${self.$pio.index})`),
    add_program: builtin("add_program", (self: PyPio, prog: any) => (addProgram(self, prog), None)),
    remove_program: builtin("remove_program", removeProgram),
    state_machine: builtin("state_machine", (self: PyPio, id: any, rest: any, kwd: any) => {
      const n = int(id);
      if (!(n >= 0 && n < 4)) throw valueError("invalid StateMachine");
      const s = smObject(self.$pio.index * 4 + n);
      const kw = kwd === undefined || kwd === None || kwd.$t.size === 0 ? null : Object.fromEntries([...kwd.$t.entries()].map((e: any) => [e.k, e.v]));
      if (rest.$a.length > 0 || kw !== null) initSm(s, parseArgs(rest.$a, kw, SM_PARAMS));
      return s;
    }),
    irq: kwIrq("irq", 0xf00),
    IN_LOW: 0, IN_HIGH: 1, OUT_LOW: 2, OUT_HIGH: 3,
    SHIFT_LEFT: 0, SHIFT_RIGHT: 1,
    JOIN_NONE: 0, JOIN_TX: 1, JOIN_RX: 2,
    IRQ_SM0: 0x100, IRQ_SM1: 0x200, IRQ_SM2: 0x400, IRQ_SM3: 0x800,
  });
  const sf = (pioType.$proto as any).state_machine;
  sf.$sig = { names: ["self", "id"], posonly: 2, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true };
  setArity(sf, 0);

  smType.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length === 0) throw typeError("function missing 1 required positional arguments");
    const s = smObject(int(args[0]));
    if (args.length > 1 || (kw !== null && Object.keys(kw).length > 0)) initSm(s, parseArgs(args, kw, SM_PARAMS, 1));
    return s;
  };

  addMethods(smType, {
    __repr__: builtin("__repr__", (self: PySm) => `StateMachine(${self.$id})`),
    init: kwMethod("init", SM_PARAMS, (self: PySm, a: any[]) => initSm(self, a)),
    active: builtin("active", (self: PySm, v?: any) => {
      if (v !== undefined) self.$sm.setEnabled(isTrue(v));
      return self.$sm.enabled;
    }),
    restart: builtin("restart", (self: PySm) => {
      self.$sm.restart();
      self.$sm.exec(initialPc[self.$id] & 31); // jmp to the program's start
      return None;
    }),
    exec: builtin("exec", (self: PySm, instr: any) => {
      let w: number;
      if (isStr(instr)) {
        const c = self.$sm.cfg;
        const opt = (c.execctrl >>> 30) & 1;
        w = asmPioEncode(instr, c.sidesetCount, opt);
      } else w = int(instr);
      self.$sm.exec(w);
      return None;
    }),
    get: builtin("get", get),
    put: builtin("put", put),
    rx_fifo: builtin("rx_fifo", (self: PySm) => (self.$sm.sync(), self.$sm.rx.length)),
    tx_fifo: builtin("tx_fifo", (self: PySm) => (self.$sm.sync(), self.$sm.tx.length)),
    irq: kwIrq("irq", 1),
  });

  return { pio: pioType, sm: smType, blocks };
}
