// The PIO machine (rp2_pio_sm.ts) on a fake HAL: FIFOs, autopull/autopush, jmp conditions,
// side-set, wrap, delays, board-time stamps of pin writes, and skipping over long quiet loops.
import { describe, it, expect } from "vitest";
import { PioBlock, defaultConfig, type SmConfig } from "./rp2_pio_sm.ts";
import type { Hal } from "./machine/hal.ts";

class FakeHal {
  now = 0;
  timers: { at: number; id: number; fn: () => void }[] = [];
  nextId = 1;
  levels = new Map<number, number>();
  modes = new Map<number, number>();
  writes: string[] = [];
  streams: { pin: number; data: number[]; t: number }[] = [];
  /** Inputs: a level forced onto a pin (a part driving it). */
  inputs = new Map<number, number>();
  fired = 0;

  get hal(): Hal {
    return this as unknown as Hal;
  }
  port = "rp2" as const;
  cpuFreq = 125_000_000;
  pinValid(id: number): boolean {
    return id >= 0 && id < 30;
  }
  pinRead(id: number): number {
    return this.inputs.get(id) ?? this.levels.get(id) ?? 0;
  }
  pinWrite(id: number, v: number): void {
    if (this.levels.get(id) === v) return;
    this.levels.set(id, v);
    this.writes.push(`${id}=${v}@${Math.round(this.now * 1000) / 1000}`);
  }
  pinConfigure(id: number, mode: number, _pull: number, value: number | null): void {
    this.modes.set(id, mode);
    if (value !== null) this.pinWrite(id, value);
  }
  pinMode(id: number): number {
    return this.modes.get(id) ?? -1;
  }
  pinPull(): number {
    return 0;
  }
  bitstream(pin: number, data: Uint8Array): void {
    this.streams.push({ pin, data: Array.from(data), t: this.now });
  }
  nowUs(): number {
    return this.now;
  }
  setTimer(at: number, fn: () => void): number {
    const id = this.nextId++;
    this.timers.push({ at, id, fn });
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    return id;
  }
  clearTimer(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }
  /** Advances board time to t, firing timers on the way. */
  advance(t: number): void {
    for (;;) {
      const next = this.timers[0];
      if (next === undefined || next.at > t) break;
      this.timers.shift();
      this.now = Math.max(this.now, next.at);
      this.fired++;
      next.fn();
    }
    this.now = t;
  }
}

/** A machine running `words` (wrapping over all of them) with a config tweak. */
function machine(words: number[], freq: number, tweak: (c: SmConfig, off: number) => void = () => {}) {
  const h = new FakeHal();
  const pio = new PioBlock(0, h.hal);
  const off = pio.addProgram(words);
  const cfg = defaultConfig(freq);
  cfg.execctrl = ((off + words.length - 1) << 12) | (off << 7);
  tweak(cfg, off);
  const sm = pio.sms[0];
  sm.init(cfg, off);
  return { h, pio, sm, off };
}

describe("PIO state machine", () => {
  it("loads programs from the top and relocates jumps", () => {
    const h = new FakeHal();
    const pio = new PioBlock(0, h.hal);
    expect(pio.addProgram([0x0001, 0xa042])).toBe(30);
    expect(Array.from(pio.mem.slice(30))).toEqual([0x001f, 0xa042]);
    expect(pio.addProgram(new Array(30).fill(0xa042))).toBe(0);
    expect(pio.addProgram([0xa042])).toBe(-1);
    pio.removeProgram(30, 2);
    expect(pio.addProgram([0xa042])).toBe(31);
  });

  it("blinks with set/delay/jmp x-- at the instruction's board time", () => {
    // examples/pio_blink at 2000 Hz: 1000 cycles per half period.
    const { h, sm } = machine([0xe001, 0xe63f, 0xbd42, 0x0042, 0xe000, 0xe63f, 0xbd42, 0x0046], 2000, (c) => {
      c.setBase = 25;
      c.setCount = 1;
    });
    sm.initPins(25, 1, 1, 0);
    sm.setEnabled(true);
    h.advance(2_600_000);
    expect(h.writes).toEqual(["25=0@0", "25=1@0", "25=0@500000", "25=1@1000000", "25=0@1500000", "25=1@2000000", "25=0@2500000"]);
    // Woken only for the set instructions, not for every delay-loop instruction.
    expect(h.fired).toBeLessThan(20);
  });

  it("pulls, shifts and pushes through the FIFOs with autopull and autopush", () => {
    // out(x, 8); in_(x, 8) with autopull (32) and autopush (8), OSR shifting right.
    const { h, sm } = machine([0x6028, 0x4028], 1_000_000, (c) => {
      c.shiftctrl = (1 << 16) | (1 << 17) | (8 << 20) | (1 << 19);
    });
    sm.setEnabled(true);
    sm.put(0x44332211);
    sm.put(0x88776655);
    expect(sm.tx.length).toBe(2);
    h.advance(100);
    // The RX FIFO holds 4: the machine stalls on the fifth push.
    expect(sm.rx).toEqual([0x11, 0x22, 0x33, 0x44]);
    expect(sm.tx.length).toBe(0);
    expect(sm.get()).toBe(0x11);
    h.advance(200);
    expect(sm.rx).toEqual([0x22, 0x33, 0x44, 0x55]);
  });

  it("stalls on an empty TX FIFO without costing timers, and joins FIFOs", () => {
    const { h, sm } = machine([0x80a0, 0xa0c7, 0x8020], 125_000_000, (c) => {
      c.shiftctrl = 2 << 30; // JOIN_RX: 8 deep
    }); // pull; mov isr, osr; push
    sm.setEnabled(true);
    h.advance(1_000_000);
    expect(h.timers.length).toBe(0);
    for (let i = 1; i <= 10; i++) sm.put(i);
    h.advance(1_000_100);
    expect(sm.rx).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("takes jmp conditions: !x, !y, x!=y, y--, pin, !osre", () => {
    // Each test pushes 1 when the jump is taken, else 0.
    const run = (setup: number[], jmpCond: number, pins: Record<number, number> = {}) => {
      // setup...; jmp(cond, T); set(x,0); jmp(P); T: set(x,1); P: mov isr,x; push; (stall in pull)
      const n = setup.length;
      const T = n + 3, P = n + 4;
      const prog = [...setup, (jmpCond << 5) | T, 0xe020, P, 0xe021, 0xa0c1, 0x8020, 0x80a0];
      const { h, sm } = machine(prog, 1_000_000, (c) => (c.jmpPin = 5));
      for (const [p, v] of Object.entries(pins)) h.inputs.set(Number(p), v);
      sm.setEnabled(true);
      h.advance(100);
      return sm.rx[0];
    };
    const setX = (v: number) => 0xe020 | v, setY = (v: number) => 0xe040 | v;
    expect(run([setX(0)], 1)).toBe(1);
    expect(run([setX(3)], 1)).toBe(0);
    expect(run([setY(0)], 3)).toBe(1);
    expect(run([setX(2), setY(2)], 5)).toBe(0);
    expect(run([setX(2), setY(3)], 5)).toBe(1);
    expect(run([setY(1)], 4)).toBe(1);
    expect(run([setY(0)], 4)).toBe(0);
    expect(run([], 6, { 5: 1 })).toBe(1);
    expect(run([], 6, { 5: 0 })).toBe(0);
    expect(run([0xa0e1], 7)).toBe(1); // mov osr, x: OSR full, so !osre holds
    expect(run([], 7)).toBe(0); // OSR empty after restart
  });

  it("applies side-set (optional and not) and wraps between wrap_target and wrap", () => {
    // sideset 1 pin on GP3: nop side 1; nop side 0; then wrap back to 0 (wrap at 1).
    const { h, sm } = machine([0xb042, 0xa042, 0xa042], 1000, (c, off) => {
      c.sidesetBase = 3;
      c.sidesetCount = 1;
      c.execctrl = ((off + 1) << 12) | (off << 7);
    });
    sm.setEnabled(true);
    h.advance(4500);
    expect(h.writes).toEqual(["3=1@0", "3=0@1000", "3=1@2000", "3=0@3000", "3=1@4000"]);
    // Optional side-set (2 bits incl. enable): only instructions with the enable bit drive it.
    const m = machine([0x1800 | 1, 0xa042 | 0x1000, 0xa042], 1000, (c) => {
      c.sidesetBase = 4;
      c.sidesetCount = 2;
      c.execctrl |= 1 << 30;
    });
    m.sm.setEnabled(true);
    m.h.advance(5500);
    expect(m.h.writes).toEqual(["4=1@0", "4=0@1000", "4=1@3000", "4=0@4000"]);
  });

  it("skips long quiet loops at MHz rates", () => {
    // set(x, 31); loop: jmp(x_dec, loop); jmp(0) at 125 MHz for 10 s of board time.
    const { h, sm } = machine([0xe03f, 0x0041, 0x0000], 125_000_000);
    sm.setEnabled(true);
    const t = performance.now();
    h.advance(10_000_000);
    sm.sync();
    expect(performance.now() - t).toBeLessThan(500);
    expect(sm.cyc).toBeGreaterThan(1.24e9);
  });

  it("decodes WS2812 timing on a side-set pin into a bitstream", () => {
    // MicroPython's ws2812 program at 8 MHz with autopull at 24 bits.
    const { h, sm } = machine([0x6221, 0x1123, 0x1400, 0xa442], 8_000_000, (c) => {
      c.sidesetBase = 22;
      c.sidesetCount = 1;
      c.shiftctrl = (1 << 17) | (24 << 25);
    });
    sm.setEnabled(true);
    sm.put(0xff0080 << 8);
    sm.put(0x010203 << 8);
    h.advance(500);
    expect(h.streams).toEqual([{ pin: 22, data: [0xff, 0x00, 0x80, 0x01, 0x02, 0x03], t: expect.any(Number) }]);
  });

  it("raises IRQ flags and waits on them", () => {
    const h = new FakeHal();
    const pio = new PioBlock(0, h.hal);
    const raised: number[] = [];
    pio.listener = { irq: (_p, bit) => (raised.push(bit), 0) };
    // SM0: irq(block, rel(0)) then push; SM1: wait(1, irq, 0) then irq(clear... ) by wait.
    const a = pio.addProgram([0xc030, 0x8020, 0x80a0]);
    const b = pio.addProgram([0x20c0, 0x8020, 0x80a0]);
    const cfgA = defaultConfig(1000);
    cfgA.execctrl = ((a + 2) << 12) | (a << 7);
    const cfgB = defaultConfig(1000);
    cfgB.execctrl = ((b + 2) << 12) | (b << 7);
    pio.sms[0].init(cfgA, a);
    pio.sms[1].init(cfgB, b);
    pio.sms[0].setEnabled(true);
    h.advance(5000);
    expect(raised).toEqual([1]);
    expect(pio.sms[0].rx.length).toBe(0); // waiting for the flag to clear
    pio.sms[1].setEnabled(true);
    h.advance(10000);
    expect(pio.irqFlags).toBe(0);
    expect(pio.sms[1].rx.length).toBe(1);
    expect(pio.sms[0].rx.length).toBe(1);
  });
});
