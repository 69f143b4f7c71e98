// The RP2040's PIO blocks, simulated: instruction memory, IRQ flags and four state machines
// each, running PIO programs at their own clock against the board's HAL (pins, board time).
// No Python objects here: rp2_pio.ts puts the Python surface on top.
//
// Time: a state machine counts its own clock cycles; cycle c runs at board time
// t0 + c * period. It never runs ahead of board time: `sync()` executes every instruction due
// by now, and is called when Python touches the machine (FIFOs, exec, active) and from a board
// timer set for the next instruction with an effect others can see (a pin or side-set write, a
// FIFO access, an IRQ). To find that instruction the machine looks ahead over the "quiet"
// ones (register moves, jumps, pin reads) on a saved copy of its registers. Quiet loops that
// come back to the same state (a delay loop at 125 MHz) are skipped over whole periods, and a
// machine stalled on a FIFO or an IRQ costs nothing until something changes; a machine waiting
// on a pin polls it every POLL_US. Pin writes happen when the timer fires, so the board's pin
// trace gets the instruction's time, to the nearest MIN_WAKE_US for fast machines.
//
// A pin the machine drives with WS2812 timing (high pulses under 5 µs, then 50 µs low) is
// decoded into bytes and sent on as a bitstream, so NeoPixel parts on the pin show the colours.

import { PinMode, type Hal } from "./machine/hal.ts";

const POLL_US = 1000;
const MIN_WAKE_US = 10;
const LOOKAHEAD_STEPS = 1 << 20;

/** Instruction classes: quiet (registers only), reads inputs, has visible effects. */
const QUIET = 0, READS = 1, LOUD = 2;

/** Events the Python layer hears about. */
export interface PioListener {
  /** IRQ flags 0..3 of this PIO were raised (bit mask); returns the flags its handlers take. */
  irq(pio: PioBlock, flags: number): number;
}

export class PioBlock {
  readonly mem = new Uint16Array(32);
  /** Used instruction slots (bit per slot). */
  used = 0;
  /** The eight IRQ flags. */
  irqFlags = 0;
  readonly sms: StateMachine[] = [];
  listener: PioListener | null = null;

  constructor(readonly index: number, readonly hal: Hal) {
    for (let i = 0; i < 4; i++) this.sms.push(new StateMachine(this, i));
  }

  /** Loads a program where it fits (from the top, as the Pico SDK does); its offset or -1. */
  addProgram(words: ArrayLike<number>): number {
    const n = words.length;
    if (n > 32) return -1;
    const mask = n === 32 ? 0xffffffff : ((1 << n) - 1) >>> 0;
    for (let off = 32 - n; off >= 0; off--) {
      if (((this.used >>> 0) & (mask << off)) !== 0) continue;
      for (let i = 0; i < n; i++) {
        const w = words[i] & 0xffff;
        // JMP targets are relative to the program: relocate them.
        this.mem[off + i] = (w & 0xe000) === 0 ? (w & 0xffe0) | ((w + off) & 0x1f) : w;
      }
      this.used = (this.used | (mask << off)) >>> 0;
      for (const sm of this.sms) sm.classify();
      return off;
    }
    return -1;
  }

  removeProgram(offset: number, length: number): void {
    const mask = length >= 32 ? 0xffffffff : ((1 << length) - 1) >>> 0;
    this.used = (this.used & ~(mask << offset)) >>> 0;
  }

  /** Syncs every running machine of this block (before an IRQ flag or a shared pin changes). */
  syncAll(): void {
    for (const sm of this.sms) sm.sync();
  }

  setIrq(flag: number, from: StateMachine | null): void {
    const bit = 1 << flag;
    if (this.irqFlags & bit) return;
    this.irqFlags |= bit;
    if (flag < 4 && this.listener !== null) {
      const taken = this.listener.irq(this, bit);
      this.irqFlags &= ~taken;
    }
    for (const sm of this.sms) if (sm !== from) sm.kick();
  }

  clearIrq(mask: number, from: StateMachine | null): void {
    if (!(this.irqFlags & mask)) return;
    this.irqFlags &= ~mask;
    for (const sm of this.sms) if (sm !== from) sm.kick();
  }
}

/** One pin's WS2812 decoder: high pulse widths become bits, a 50 µs low ends a frame. */
class Ws2812Decoder {
  private rise = -1;
  private lastFall = -Infinity;
  private bits: number[] = [];
  private timer = 0;

  /** sync: brings the driving machine up to now, so no edge is still to come before now. */
  constructor(private hal: Hal, private pin: number, private sync: () => void) {}

  edge(level: number, tUs: number): void {
    if (level) {
      if (tUs - this.lastFall >= 50) this.flush();
      this.rise = tUs;
      return;
    }
    if (this.rise < 0) return;
    const w = tUs - this.rise;
    this.rise = -1;
    this.lastFall = tUs;
    if (w >= 5) {
      this.bits.length = 0;
      return;
    }
    this.bits.push(w >= 0.6 ? 1 : 0);
    if (this.timer === 0) this.arm();
  }

  private arm(): void {
    this.timer = this.hal.setTimer(this.lastFall + 50, () => {
      this.timer = 0;
      this.sync();
      if (this.rise >= 0 || this.bits.length === 0) return;
      if (this.hal.nowUs() - this.lastFall >= 50 - 1e-6) this.flush();
      else this.arm();
    });
  }

  flush(): void {
    const n = this.bits.length >> 3;
    if (n > 0) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n * 8; i++) out[i >> 3] |= this.bits[i] << (7 - (i & 7));
      this.hal.bitstream(this.pin, out);
    }
    this.bits.length = 0;
  }

  cancel(): void {
    if (this.timer !== 0) this.hal.clearTimer(this.timer);
    this.timer = 0;
    this.bits.length = 0;
  }
}

/** A state machine's configuration (the SDK's pio_sm_config, decoded). */
export interface SmConfig {
  /** Clock in Hz. */
  freq: number;
  execctrl: number;
  shiftctrl: number;
  inBase: number;
  outBase: number;
  outCount: number;
  setBase: number;
  setCount: number;
  sidesetBase: number;
  /** Side-set bits including the enable bit when side-set is optional. */
  sidesetCount: number;
  jmpPin: number;
}

export function defaultConfig(freq: number): SmConfig {
  return {
    freq, execctrl: (31 << 12) >>> 0, shiftctrl: 0, inBase: 0, outBase: 0, outCount: 0,
    setBase: 0, setCount: 0, sidesetBase: 0, sidesetCount: 0, jmpPin: 0,
  };
}

const mask32 = (n: number) => (n >= 32 ? 0xffffffff : ((1 << n) - 1) >>> 0);

function reverse32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

export class StateMachine {
  // registers
  pc = 0;
  x = 0;
  y = 0;
  isr = 0;
  isc = 0;
  osr = 0;
  osc = 32;
  readonly tx: number[] = [];
  readonly rx: number[] = [];
  enabled = false;
  cfg: SmConfig;
  /** The cycle of the next instruction and the board time of cycle 0 (µs). */
  cyc = 0;
  t0 = 0;
  period = 1;
  /** An instruction from exec() or `out exec`/`mov exec`, run before the next one in memory. */
  private execInstr = -1;
  /** IRQ-and-wait: the flag was set, now waiting for it to clear. */
  private irqWaiting = false;
  private stalled = false;
  /** The cycle the current stall began at. */
  private stallCyc = 0;
  private timer = 0;
  private timerAt = Infinity;
  private kind = new Uint8Array(32);
  private autopush = false;
  private autopull = false;
  private pushThresh = 32;
  private pullThresh = 32;
  private inRight = false;
  private outRight = false;
  private wrapTop = 31;
  private wrapBottom = 0;
  private sideEn = false;
  private sidePindir = false;
  private fifoDepthTx = 4;
  private fifoDepthRx = 4;
  /** Levels this machine last wrote per pin, for edge detection. */
  private outLevels = new Map<number, number>();
  private decoders = new Map<number, Ws2812Decoder>();
  private syncing = false;

  constructor(readonly pio: PioBlock, readonly index: number) {
    this.cfg = defaultConfig(125_000_000);
  }

  private get hal(): Hal {
    return this.pio.hal;
  }

  // ---------------------------------------------------------------- configuration

  /** pio_sm_init: disabled, configured, FIFOs cleared, restarted at pc. */
  init(cfg: SmConfig, pc: number): void {
    this.sync();
    this.enabled = false;
    this.cancelTimer();
    this.cfg = cfg;
    const sc = cfg.shiftctrl;
    this.autopush = (sc & (1 << 16)) !== 0;
    this.autopull = (sc & (1 << 17)) !== 0;
    this.inRight = (sc & (1 << 18)) !== 0;
    this.outRight = (sc & (1 << 19)) !== 0;
    this.pushThresh = ((sc >>> 20) & 31) || 32;
    this.pullThresh = ((sc >>> 25) & 31) || 32;
    const joinTx = (sc & (1 << 30)) !== 0;
    const joinRx = (sc & (1 << 31)) !== 0;
    this.fifoDepthTx = joinTx ? 8 : joinRx ? 0 : 4;
    this.fifoDepthRx = joinRx ? 8 : joinTx ? 0 : 4;
    const ec = cfg.execctrl;
    this.wrapTop = (ec >>> 12) & 31;
    this.wrapBottom = (ec >>> 7) & 31;
    this.sideEn = (ec & (1 << 30)) !== 0;
    this.sidePindir = (ec & (1 << 29)) !== 0;
    this.period = 1e6 / cfg.freq;
    this.tx.length = 0;
    this.rx.length = 0;
    this.restart();
    this.pc = pc & 31;
    this.classify();
  }

  /** pio_sm_restart: shift counters, delay and stall state cleared. */
  restart(): void {
    this.sync();
    this.isr = 0;
    this.isc = 0;
    this.osr = 0;
    this.osc = 32;
    this.execInstr = -1;
    this.irqWaiting = false;
    this.stalled = false;
    this.kick();
  }

  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.sync();
    this.enabled = on;
    if (on) {
      // The next instruction issues now.
      this.t0 = this.hal.nowUs() - this.cyc * this.period;
      this.schedule();
    } else {
      this.cancelTimer();
      for (const d of this.decoders.values()) d.flush();
    }
  }

  /** Sorts each instruction slot into QUIET / READS / LOUD for the look-ahead. */
  classify(): void {
    for (let i = 0; i < 32; i++) this.kind[i] = this.kindOf(this.pio.mem[i]);
  }

  private kindOf(w: number): number {
    if (this.cfg.sidesetCount > 0 && (!this.sideEn || (w & 0x1000) !== 0)) return LOUD;
    const op = w >>> 13;
    const a = (w >>> 5) & 7;
    switch (op) {
      case 0: return a === 6 ? READS : QUIET;
      case 1: return ((w >>> 5) & 3) === 2 ? LOUD : READS;
      case 2: return this.autopush ? LOUD : a === 0 ? READS : QUIET;
      case 3: return this.autopull || a === 0 || a === 4 || a === 7 ? LOUD : QUIET;
      case 4: return LOUD;
      case 5: {
        if (a === 0 || a === 3 || a === 4) return LOUD;
        const src = w & 7;
        return src === 0 || src === 5 ? READS : QUIET;
      }
      case 6: return LOUD;
      default: return a === 0 || a === 4 ? LOUD : QUIET;
    }
  }

  // ---------------------------------------------------------------- running

  /** The cycle number due at board time now. */
  private cycleAt(now: number): number {
    return Math.floor((now - this.t0) / this.period + 1e-9);
  }

  /** Runs every instruction due by now. */
  sync(): void {
    if (!this.enabled || this.syncing) return;
    this.syncing = true;
    try {
      this.runTo(this.cycleAt(this.hal.nowUs()));
    } finally {
      this.syncing = false;
    }
  }

  /** Something this machine may be waiting for changed: run now, and look ahead again. */
  kick(): void {
    if (!this.enabled) return;
    this.stalled = false;
    this.schedule();
  }

  private runTo(limit: number): void {
    let quietRun = 0;
    let snapAt = 4096;
    let snapCyc = -1;
    let sPc = 0, sX = 0, sY = 0, sIsr = 0, sIsc = 0, sOsr = 0, sOsc = 0;
    while (this.cyc <= limit && this.enabled) {
      const pc = this.pc;
      const ex = this.execInstr;
      if (ex < 0 && this.kind[pc] !== LOUD) {
        // Loop detection over quiet stretches: skip whole periods of a repeating state.
        quietRun++;
        if (quietRun === snapAt) {
          snapCyc = this.cyc;
          sPc = pc; sX = this.x; sY = this.y; sIsr = this.isr; sIsc = this.isc; sOsr = this.osr; sOsc = this.osc;
          snapAt *= 2;
        } else if (snapCyc >= 0 && pc === sPc && this.x === sX && this.y === sY && this.isr === sIsr && this.isc === sIsc && this.osr === sOsr && this.osc === sOsc) {
          const p = this.cyc - snapCyc;
          if (p > 0) this.cyc += Math.floor((limit - this.cyc) / p) * p;
          snapCyc = -1;
          if (this.cyc > limit) break;
        }
      } else {
        quietRun = 0;
        snapCyc = -1;
      }
      const w = ex >= 0 ? ex : this.pio.mem[pc];
      if (!this.step(w, ex >= 0)) {
        // Stalled: it retries every cycle; nothing changes until an input does.
        if (!this.stalled) this.stallCyc = this.cyc;
        this.stalled = true;
        this.cyc = limit + 1;
        return;
      }
      this.stalled = false;
    }
  }

  /** Executes one instruction; false when it stalls. Advances cyc by its cycles. */
  private step(w: number, fromExec: boolean): boolean {
    const ssc = this.cfg.sidesetCount;
    const delayBits = 5 - ssc;
    const delay = (w >>> 8) & ((1 << delayBits) - 1);
    if (ssc > 0) {
      if (!this.sideEn) this.sideSet((w >>> (13 - ssc)) & mask32(ssc), ssc);
      else if (w & 0x1000) this.sideSet((w >>> (13 - ssc)) & mask32(ssc - 1), ssc - 1);
    }
    const r = this.op(w);
    if (r === 0) return false;
    if (fromExec) this.execInstr = -1;
    if (r === 1) {
      // No jump: advance, wrapping at wrap_top (an exec'd instruction does not advance).
      if (!fromExec) this.pc = this.pc === this.wrapTop ? this.wrapBottom : (this.pc + 1) & 31;
    }
    // `out exec`/`mov exec` run the next cycle with no delay of their own.
    this.cyc += r === 3 ? 1 : 1 + delay;
    return true;
  }

  /** The operation of w: 0 stalled, 1 done, 2 jumped (pc set), 3 queued an exec. */
  private op(w: number): number {
    const a = (w >>> 5) & 7;
    const idx = w & 31;
    switch (w >>> 13) {
      case 0: { // JMP
        let take: boolean;
        switch (a) {
          case 0: take = true; break;
          case 1: take = this.x === 0; break;
          case 2: take = this.x !== 0; this.x = (this.x - 1) >>> 0; break;
          case 3: take = this.y === 0; break;
          case 4: take = this.y !== 0; this.y = (this.y - 1) >>> 0; break;
          case 5: take = this.x !== this.y; break;
          case 6: take = this.readPin(this.cfg.jmpPin) === 1; break;
          default: take = this.osc < this.pullThresh; break;
        }
        if (!take) return 1;
        this.pc = idx;
        return 2;
      }
      case 1: { // WAIT
        const pol = (w >>> 7) & 1;
        const src = (w >>> 5) & 3;
        if (src === 0) return this.readPin(idx) === pol ? 1 : 0;
        if (src === 1) return this.readPin((this.cfg.inBase + idx) & 31) === pol ? 1 : 0;
        const f = this.irqIndex(idx);
        const set = (this.pio.irqFlags >>> f) & 1;
        if (set !== pol) return 0;
        if (pol === 1) this.pio.clearIrq(1 << f, this);
        return 1;
      }
      case 2: { // IN
        const n = idx || 32;
        if (this.autopush && this.isc + n >= this.pushThresh && this.rx.length >= this.fifoDepthRx) return 0;
        const data = (this.inSource(a) & mask32(n)) >>> 0;
        if (this.inRight) this.isr = n === 32 ? data : ((this.isr >>> n) | (data << (32 - n))) >>> 0;
        else this.isr = n === 32 ? data : ((this.isr << n) | data) >>> 0;
        this.isc = Math.min(32, this.isc + n);
        if (this.autopush && this.isc >= this.pushThresh) {
          this.rx.push(this.isr);
          this.isr = 0;
          this.isc = 0;
        }
        return 1;
      }
      case 3: { // OUT
        const n = idx || 32;
        if (this.autopull && this.osc >= this.pullThresh) {
          if (this.tx.length === 0) return 0;
          this.osr = this.tx.shift()!;
          this.osc = 0;
        }
        let data: number;
        if (this.outRight) {
          data = (this.osr & mask32(n)) >>> 0;
          this.osr = n === 32 ? 0 : this.osr >>> n;
        } else {
          data = n === 32 ? this.osr : this.osr >>> (32 - n);
          this.osr = n === 32 ? 0 : (this.osr << n) >>> 0;
        }
        this.osc = Math.min(32, this.osc + n);
        switch (a) {
          case 0: this.writePins(this.cfg.outBase, this.cfg.outCount, data); return 1;
          case 1: this.x = data; return 1;
          case 2: this.y = data; return 1;
          case 3: return 1;
          case 4: this.writeDirs(this.cfg.outBase, this.cfg.outCount, data); return 1;
          case 5: this.pc = data & 31; return 2;
          case 6: this.isr = data; this.isc = n; return 1;
          default: this.execInstr = data & 0xffff; return 3;
        }
      }
      case 4: { // PUSH / PULL
        const ifFlag = (w & 0x40) !== 0;
        const block = (w & 0x20) !== 0;
        if ((w & 0x80) === 0) {
          if (ifFlag && this.isc < this.pushThresh) return 1;
          if (this.rx.length >= this.fifoDepthRx) {
            if (block) return 0;
          } else this.rx.push(this.isr);
          this.isr = 0;
          this.isc = 0;
          return 1;
        }
        if (ifFlag && this.osc < this.pullThresh) return 1;
        if (this.tx.length === 0) {
          if (block) return 0;
          this.osr = this.x;
        } else this.osr = this.tx.shift()!;
        this.osc = 0;
        return 1;
      }
      case 5: { // MOV
        let v: number;
        switch (w & 7) {
          case 0: v = this.readPins(this.cfg.inBase, 32); break;
          case 1: v = this.x; break;
          case 2: v = this.y; break;
          case 5: v = this.status(); break;
          case 6: v = this.isr; break;
          case 7: v = this.osr; break;
          default: v = 0;
        }
        const mop = (w >>> 3) & 3;
        if (mop === 1) v = ~v >>> 0;
        else if (mop === 2) v = reverse32(v);
        switch (a) {
          case 0: this.writePins(this.cfg.outBase, this.cfg.outCount, v); return 1;
          case 1: this.x = v; return 1;
          case 2: this.y = v; return 1;
          case 4: this.execInstr = v & 0xffff; return 3;
          case 5: this.pc = v & 31; return 2;
          case 6: this.isr = v; this.isc = 0; return 1;
          case 7: this.osr = v; this.osc = 0; return 1;
          default: return 1;
        }
      }
      case 6: { // IRQ
        const f = this.irqIndex(idx);
        if (w & 0x40) {
          this.pio.clearIrq(1 << f, this);
          return 1;
        }
        if (this.irqWaiting) {
          if ((this.pio.irqFlags >>> f) & 1) return 0;
          this.irqWaiting = false;
          return 1;
        }
        this.pio.setIrq(f, this);
        if (w & 0x20 && (this.pio.irqFlags >>> f) & 1) {
          this.irqWaiting = true;
          return 0;
        }
        return 1;
      }
      default: { // SET
        switch (a) {
          case 0: this.writePins(this.cfg.setBase, this.cfg.setCount, idx); return 1;
          case 1: this.x = idx; return 1;
          case 2: this.y = idx; return 1;
          case 4: this.writeDirs(this.cfg.setBase, this.cfg.setCount, idx); return 1;
          default: return 1;
        }
      }
    }
  }

  private irqIndex(idx: number): number {
    return idx & 0x10 ? (idx & 4) | ((idx + this.index) & 3) : idx & 7;
  }

  private inSource(src: number): number {
    switch (src) {
      case 0: return this.readPins(this.cfg.inBase, 32);
      case 1: return this.x;
      case 2: return this.y;
      case 6: return this.isr;
      case 7: return this.osr;
      default: return 0;
    }
  }

  /** EXECCTRL status: all ones while the TX FIFO holds fewer than STATUS_N entries (sel 0). */
  private status(): number {
    const ec = this.cfg.execctrl;
    const n = ec & 15;
    const level = ec & 0x10 ? this.rx.length : this.tx.length;
    return level < n ? 0xffffffff : 0;
  }

  // ---------------------------------------------------------------- pins

  private readPin(id: number): number {
    return this.hal.pinValid(id) ? this.hal.pinRead(id) : 0;
  }

  private readPins(base: number, n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) if (this.readPin((base + i) & 31)) v |= 1 << i;
    return v >>> 0;
  }

  private sideSet(v: number, n: number): void {
    if (this.sidePindir) this.writeDirs(this.cfg.sidesetBase, n, v);
    else this.writePins(this.cfg.sidesetBase, n, v);
  }

  private writePins(base: number, n: number, v: number): void {
    for (let i = 0; i < n; i++) {
      const id = (base + i) & 31;
      const b = (v >>> i) & 1;
      if (this.outLevels.get(id) === b) continue;
      this.outLevels.set(id, b);
      if (!this.hal.pinValid(id)) continue;
      this.decoder(id).edge(b, this.t0 + this.cyc * this.period);
      this.hal.pinWrite(id, b);
    }
  }

  private writeDirs(base: number, n: number, v: number): void {
    for (let i = 0; i < n; i++) {
      const id = (base + i) & 31;
      if (!this.hal.pinValid(id)) continue;
      const mode = (v >>> i) & 1 ? PinMode.Out : PinMode.In;
      if (this.hal.pinMode(id) !== mode) this.hal.pinConfigure(id, mode, this.hal.pinPull(id), null);
    }
  }

  /** Sets pins' directions and levels when a program starts (out_init, set_init, sideset_init). */
  initPins(base: number, count: number, dirs: number, vals: number): void {
    for (let i = 0; i < count; i++) {
      const id = (base + i) & 31;
      if (!this.hal.pinValid(id)) continue;
      const b = (vals >>> i) & 1;
      this.outLevels.set(id, b);
      this.hal.pinConfigure(id, (dirs >>> i) & 1 ? PinMode.Out : PinMode.In, this.hal.pinPull(id), b);
    }
  }

  private decoder(id: number): Ws2812Decoder {
    let d = this.decoders.get(id);
    if (d === undefined) this.decoders.set(id, (d = new Ws2812Decoder(this.hal, id, () => this.sync())));
    return d;
  }

  // ---------------------------------------------------------------- FIFOs (Python side)

  txFull(): boolean {
    return this.tx.length >= this.fifoDepthTx;
  }

  /**
   * Python puts a word. `contiguous`: the next word of the same put() call, which on a real
   * board follows at once; a machine that ran dry meanwhile (the simulation is slower than
   * the wall clock) resumes where it stalled, so a WS2812 frame is not cut by a false latch.
   */
  put(v: number, contiguous = false): void {
    if (contiguous && this.stalled && this.enabled) this.cyc = this.stallCyc;
    this.tx.push(v >>> 0);
    this.kick();
  }

  get(): number {
    const v = this.rx.shift()!;
    this.kick();
    return v;
  }

  /** Executes an instruction now (pio_sm_exec). */
  exec(w: number): void {
    this.sync();
    if (!this.enabled) {
      const cyc = this.cyc;
      if (!this.step(w & 0xffff, true)) this.execInstr = w & 0xffff;
      this.cyc = cyc;
      return;
    }
    this.execInstr = w & 0xffff;
    this.kick();
  }

  // ---------------------------------------------------------------- waking up

  private cancelTimer(): void {
    if (this.timer !== 0) this.hal.clearTimer(this.timer);
    this.timer = 0;
    this.timerAt = Infinity;
  }

  /** Sets the board timer for the next cycle worth running. */
  schedule(): void {
    if (!this.enabled) return;
    const now = this.hal.nowUs();
    const poll = Math.max(1, Math.round(POLL_US / this.period));
    let c: number;
    if (this.stalled) c = this.waitsOnPin() ? this.cycleAt(now) + poll : Infinity;
    else c = this.lookahead(this.cycleAt(now) + poll);
    const at = c === Infinity ? Infinity : Math.max(this.t0 + c * this.period, now + (this.period < MIN_WAKE_US ? MIN_WAKE_US : 0));
    if (at === this.timerAt) return;
    this.cancelTimer();
    if (at === Infinity) return;
    this.timerAt = at;
    this.timer = this.hal.setTimer(at, () => {
      this.timer = 0;
      this.timerAt = Infinity;
      this.sync();
      this.schedule();
    });
  }

  /** Is the current (stalled) instruction a WAIT on a pin? */
  private waitsOnPin(): boolean {
    const w = this.execInstr >= 0 ? this.execInstr : this.pio.mem[this.pc];
    return w >>> 13 === 1 && ((w >>> 5) & 3) !== 2;
  }

  /**
   * The cycle of the next LOUD instruction, running the quiet ones on saved registers;
   * Infinity when the machine loops quietly for ever. Reading pins caps it at pollCyc.
   */
  private lookahead(pollCyc: number): number {
    if (this.execInstr >= 0) return this.cyc;
    const save = [this.pc, this.x, this.y, this.isr, this.isc, this.osr, this.osc, this.cyc];
    let result = Infinity;
    let reads = false;
    let snapAt = 64;
    let snap: number[] | null = null;
    try {
      for (let i = 0; ; i++) {
        const pc = this.pc;
        const k = this.kind[pc];
        if (k === LOUD || i === LOOKAHEAD_STEPS) {
          result = this.cyc;
          break;
        }
        if (k === READS) reads = true;
        if (i === snapAt) {
          snap = [pc, this.x, this.y, this.isr, this.isc, this.osr, this.osc];
          snapAt *= 2;
        } else if (snap !== null && pc === snap[0] && this.x === snap[1] && this.y === snap[2] && this.isr === snap[3] && this.isc === snap[4] && this.osr === snap[5] && this.osc === snap[6]) {
          break; // a quiet loop for ever
        }
        if (!this.step(this.pio.mem[pc], false)) {
          reads = true; // a WAIT on a pin that does not hold yet
          break;
        }
        if (reads && this.cyc > pollCyc) break;
      }
    } finally {
      [this.pc, this.x, this.y, this.isr, this.isc, this.osr, this.osc, this.cyc] = save;
    }
    return reads ? Math.min(result, pollCyc) : result;
  }

  /** Stops the machine and forgets pins (soft reset). */
  deinit(): void {
    this.enabled = false;
    this.cancelTimer();
    for (const d of this.decoders.values()) d.cancel();
    this.decoders.clear();
    this.outLevels.clear();
    this.tx.length = 0;
    this.rx.length = 0;
  }
}
