// The circuit simulator: the board's pins and the parts wired to them, as nets. It implements
// the HAL the `machine` module drives (runs in the board's worker).
//
// Electrical model (digital, with voltages where a part sets them):
//   nodes   every MCU pin, the supply rails ("gnd", "vcc") and every part pin
//   nets    nodes joined by wires (diagram connections) and inside parts
//   groups  nets joined by closed switches (buttons, slide switches)
//   level   of a group: its strong source (an output pin, a rail, a potentiometer's wiper);
//           else a strong level through a resistor; else a resistive source (a pin's pull);
//           else floating (reads 0)
// After every change the levels are resolved again: pins whose level changed fire their edge
// listeners (pin IRQs) and emit "pin" events; parts look at their pins (LEDs light).
// Buses are transfers between an MCU's pins and the parts whose bus pins share their groups.

import type { Hal, PinMode as PinModeT, I2cResult } from "./hal.ts";
import { PinMode, EDGE_FALLING, EDGE_RISING, PULL_DOWN, PULL_UP, PWRON_RESET } from "./hal.ts";
import type { BoardClock } from "./hal.ts";
import type { BoardProfile } from "./profiles.ts";
import { uniqueId } from "./profiles.ts";
import { pinMapFor, type PinMap } from "./pinmaps.ts";
import { Part, PartError, type NetLevel, type Source, type PartContext } from "./parts/part.ts";
import { partTypes, Led, Button } from "./parts/index.ts";
import { isBoardType, DiagramError, type Diagram } from "./diagram.ts";

/** An event for the host: pin changes, PWM settings, part changes; t is board time in ms. */
export interface HwEvent {
  t: number;
  type: string;
  [k: string]: unknown;
}

/** A command from the host: drive a part (at a board time, if given). */
export interface HwCommand {
  part: string;
  action: string;
  value?: unknown;
  /** Board time in ms to do it at (default: now). */
  at?: number;
}

interface McuPin {
  id: number;
  node: number;
  mode: PinModeT;
  pull: number;
  latch: number;
  pwm: { freq: number; duty: number } | null;
  level: number;
  used: boolean;
  edge: ((edges: number) => void) | null;
  uart: ((data: Uint8Array) => void) | null;
}

/** A UART the host can feed: its pins, a frame's time (µs), bytes still to arrive. */
interface HostUart {
  tx: number;
  rx: number;
  byteUs: number;
  queue: number[];
  timer: number;
  lastAt: number;
}

const FLOAT: NetLevel = { v: null, duty: null, uv: null };
const VCC_UV = 3_300_000;
const MAX_GPIO = 65;

export interface CircuitHooks {
  post(events: HwEvent[]): void;
  reset(cause: number): never;
}

export class Circuit implements Hal {
  readonly map: PinMap;
  readonly parts = new Map<string, Part>();
  readonly nvs = new Map<string, Uint8Array>();
  cause = PWRON_RESET;
  cpuFreq: number;
  temperatureC = 27;
  private nodes = new Map<string, number>();
  private parent: number[] = [];
  private pins = new Map<number, McuPin>();
  /** Sources by node: owner key → source. */
  private sources = new Map<number, Map<string, Source>>();
  private switches: { a: number; b: number; closed: boolean }[] = [];
  private resistors: [number, number][] = [];
  private groupOf: Int32Array = new Int32Array(0);
  private levels: NetLevel[] = [];
  private groupsDirty = true;
  private resolving = false;
  private again = false;
  private events: HwEvent[] = [];
  private firstEventAt = 0;
  private readonly uid: Uint8Array;
  /** Timers the program set (machine.Timer, WDT): a soft reset cancels them, not the parts'. */
  private halTimers = new Set<number>();
  private uarts = new Map<number, HostUart>();

  constructor(readonly profile: BoardProfile, readonly clock: BoardClock, private hooks: CircuitHooks, seed = "") {
    this.map = pinMapFor(profile);
    this.cpuFreq = profile.freq;
    this.uid = uniqueId(profile, seed);
    this.node("gnd");
    this.node("vcc");
    this.addSource(this.nodes.get("gnd")!, "rail", { strength: 2, v: 0, uv: 0 });
    this.addSource(this.nodes.get("vcc")!, "rail", { strength: 2, v: 1, uv: VCC_UV });
    for (let id = 0; id < MAX_GPIO; id++) {
      if (!this.map.valid(id)) continue;
      this.pins.set(id, {
        id, node: this.node("mcu:" + id), mode: PinMode.Unset, pull: 0, latch: 0, pwm: null, level: 0, used: false, edge: null, uart: null,
      });
    }
  }

  get port(): "rp2" | "esp32" | "stm32" {
    return this.map.port;
  }

  // ---------------------------------------------------------------- building

  private node(key: string): number {
    let n = this.nodes.get(key);
    if (n === undefined) {
      n = this.parent.length;
      this.nodes.set(key, n);
      this.parent.push(n);
      this.groupsDirty = true;
    }
    return n;
  }

  private find(n: number): number {
    const p = this.parent;
    while (p[n] !== n) {
      p[n] = p[p[n]];
      n = p[n];
    }
    return n;
  }

  private wire(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
    this.groupsDirty = true;
  }

  /** The on-board parts of the profile: LEDs, the user switch, rp2's BOOTSEL button. */
  addBoardParts(): void {
    const leds = this.map.leds;
    leds.forEach((g, i) => {
      const id = leds.length === 1 ? "led" : ["led_red", "led_green", "led_yellow", "led_blue"][i] ?? `led${i + 1}`;
      const led = new Led(id, "board-led");
      this.addPart(led, {});
      this.wire(this.node(`${id}:A`), this.pins.get(g)!.node);
      this.wire(this.node(`${id}:C`), this.node("gnd"));
    });
    if (this.map.userSwitch !== null) {
      const sw = new Button("sw", "board-switch");
      this.addPart(sw, {});
      this.wire(this.node("sw:1.l"), this.pins.get(this.map.userSwitch)!.node);
      this.wire(this.node("sw:2.l"), this.node("gnd"));
    }
    if (this.map.port === "rp2") this.addPart(new Button("bootsel", "board-bootsel"), {});
  }

  /** Adds the parts and wires of a diagram. */
  loadDiagram(d: Diagram): void {
    const boards = new Set<string>();
    for (const p of d.parts) {
      if (isBoardType(p.type)) {
        boards.add(p.id);
        continue;
      }
      const make = partTypes[p.type];
      if (make === undefined) {
        this.emit("warning", { message: `part type '${p.type}' (${p.id}) is not simulated` });
        continue;
      }
      if (this.parts.has(p.id)) throw new DiagramError(`diagram.json: part id '${p.id}' is taken by the board`);
      this.addPart(make(p.id, p.type, p.attrs), p.attrs);
    }
    for (const [from, to] of d.connections) {
      const a = this.endpoint(from, boards);
      const b = this.endpoint(to, boards);
      if (a !== null && b !== null) this.wire(a, b);
    }
    this.resolve();
  }

  private endpoint(ep: string, boards: Set<string>): number | null {
    const i = ep.indexOf(":");
    if (i < 0) throw new DiagramError(`diagram.json: bad connection end '${ep}'`);
    const partId = ep.slice(0, i);
    const pin = ep.slice(i + 1);
    if (partId.startsWith("$")) return null; // $serialMonitor and other Wokwi instruments
    if (boards.has(partId)) {
      const m = this.map.diagramPin(pin);
      if (m === null) return null;
      if (m === "gnd" || m === "vcc") return this.node(m);
      const p = this.pins.get(m);
      if (p === undefined) throw new DiagramError(`diagram.json: '${ep}' is not a pin of this board`);
      return p.node;
    }
    const part = this.parts.get(partId);
    if (part === undefined) return null; // an unsimulated part (warned about)
    if (!part.pins.includes(pin)) throw new DiagramError(`diagram.json: ${part.type} '${partId}' has no pin '${pin}'`);
    return this.node(`${partId}:${pin}`);
  }

  private addPart(part: Part, attrs: Record<string, unknown>): void {
    this.parts.set(part.id, part);
    for (const pin of part.pins) this.node(`${part.id}:${pin}`);
    for (const group of part.internal) for (let i = 1; i < group.length; i++) this.wire(this.node(`${part.id}:${group[0]}`), this.node(`${part.id}:${group[i]}`));
    for (const [a, b] of part.resistors) this.resistors.push([this.node(`${part.id}:${a}`), this.node(`${part.id}:${b}`)]);
    part.attach(this.partContext(part, attrs));
  }

  private partContext(part: Part, attrs: Record<string, unknown>): PartContext {
    const key = (pin: string) => this.node(`${part.id}:${pin}`);
    const owner = "part:" + part.id;
    return {
      id: part.id,
      attrs,
      level: (pin) => this.levelOf(key(pin)),
      connected: (pin) => this.find(key(pin)) !== key(pin) || this.parent.some((p, i) => i !== key(pin) && this.find(i) === this.find(key(pin))),
      drive: (pin, s) => {
        this.setSource(key(pin), owner, s);
        this.resolve();
      },
      setSwitch: (a, b, closed) => {
        const na = key(a);
        const nb = key(b);
        const sw = this.switches.find((s) => s.a === na && s.b === nb);
        if (sw === undefined) this.switches.push({ a: na, b: nb, closed });
        else if (sw.closed === closed) return;
        else sw.closed = closed;
        this.groupsDirty = true;
        this.resolve();
      },
      emit: (prop, value) => this.emit("part", { part: part.id, prop, value }),
      nowUs: () => this.clock.nowUs(),
      setTimer: (at, fn) => this.clock.setTimer(at, () => this.guard(fn)),
      clearTimer: (id) => this.clock.clearTimer(id),
    };
  }

  /** Runs part code from a timer; a part's own error is reported, not thrown into Python. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (!(e instanceof PartError)) throw e;
      this.emit("warning", { message: e.message });
    }
  }

  // ---------------------------------------------------------------- resolving levels

  private addSource(node: number, owner: string, s: Source): void {
    let m = this.sources.get(node);
    if (m === undefined) this.sources.set(node, (m = new Map()));
    m.set(owner, s);
  }

  private setSource(node: number, owner: string, s: Source | null): void {
    if (s === null) this.sources.get(node)?.delete(owner);
    else this.addSource(node, owner, s);
  }

  private levelOf(node: number): NetLevel {
    if (this.groupsDirty) this.regroup();
    return this.levels[this.groupOf[this.find(node)]] ?? FLOAT;
  }

  private regroup(): void {
    const n = this.parent.length;
    const g = new Int32Array(n).fill(-1);
    // Union-find over nets with the closed switches.
    const up = new Int32Array(n);
    for (let i = 0; i < n; i++) up[i] = i;
    const root = (x: number): number => {
      while (up[x] !== x) x = up[x] = up[up[x]];
      return x;
    };
    for (const s of this.switches) {
      if (!s.closed) continue;
      const a = root(this.find(s.a));
      const b = root(this.find(s.b));
      if (a !== b) up[a] = b;
    }
    let count = 0;
    const ids = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (this.find(i) !== i) continue;
      const r = root(i);
      if (ids[r] < 0) ids[r] = count++;
      g[i] = ids[r];
    }
    this.groupOf = g;
    this.levels = new Array(count).fill(FLOAT);
    this.groupsDirty = false;
  }

  private computeLevels(): void {
    if (this.groupsDirty) this.regroup();
    const count = this.levels.length;
    const strong: (Source | undefined)[] = new Array(count);
    const weak: (Source | undefined)[] = new Array(count);
    for (const [node, m] of this.sources) {
      const g = this.groupOf[this.find(node)];
      for (const s of m.values()) {
        if (s.strength === 2) strong[g] ??= s;
        else weak[g] ??= s;
      }
    }
    for (const [a, b] of this.resistors) {
      const ga = this.groupOf[this.find(a)];
      const gb = this.groupOf[this.find(b)];
      if (strong[ga] !== undefined && strong[gb] === undefined) weak[gb] = strong[ga];
      else if (strong[gb] !== undefined && strong[ga] === undefined) weak[ga] = strong[gb];
    }
    for (let i = 0; i < count; i++) {
      const s = strong[i] ?? weak[i];
      this.levels[i] = s === undefined ? FLOAT : { v: s.v, duty: s.duty ?? null, uv: s.uv ?? (s.duty !== undefined ? Math.round(s.duty * VCC_UV) : s.v * VCC_UV) };
    }
  }

  /** Recomputes every level, then tells pins (edges) and parts. Re-entrant calls loop here. */
  resolve(): void {
    if (this.resolving) {
      this.again = true;
      return;
    }
    this.resolving = true;
    try {
      do {
        this.again = false;
        this.computeLevels();
        const edges: [McuPin, number][] = [];
        for (const p of this.pins.values()) {
          const v = this.levelOf(p.node).v ?? 0;
          if (v === p.level) continue;
          p.level = v;
          // PWM and analog pins report their settings, not a level flickering with the duty.
          if ((p.used || p.edge !== null) && p.pwm === null && p.mode !== PinMode.Analog) this.emit("pin", { pin: this.pinLabel(p.id), value: v });
          if (p.edge !== null) edges.push([p, v === 1 ? EDGE_RISING : EDGE_FALLING]);
        }
        for (const part of this.parts.values()) part.changed();
        for (const [p, e] of edges) p.edge?.(e);
      } while (this.again);
    } finally {
      this.resolving = false;
    }
  }

  // ---------------------------------------------------------------- host side

  /** The name the host sees for a pin: GP25, GPIO2, X1. */
  pinLabel(id: number): string {
    if (this.map.port === "rp2") return id === 64 ? "LED" : "GP" + id;
    if (this.map.port === "esp32") return "GPIO" + id;
    for (const [name, g] of Object.entries(this.map.names)) if (g === id && /^[XY]\d/.test(name)) return name;
    return this.map.cpuName(id);
  }

  emit(type: string, data: Record<string, unknown>): void {
    const ev: HwEvent = { t: Math.round(this.clock.nowUs()) / 1000, type, ...data };
    if (this.events.length === 0) this.firstEventAt = performance.now();
    this.events.push(ev);
    if (this.events.length >= 256 || performance.now() - this.firstEventAt > 20) this.flush();
  }

  flush(): void {
    if (this.events.length === 0) return;
    const ev = this.events;
    this.events = [];
    this.hooks.post(ev);
  }

  /** A command from the host (now, or at a board time). */
  command(c: HwCommand): unknown {
    const um = /^\$uart(\d+)$/.exec(c.part);
    if (um !== null) return this.uartCommand(Number(um[1]), c);
    const part = this.parts.get(c.part);
    if (part === undefined) throw new PartError(`no part '${c.part}' (parts: ${[...this.parts.keys()].join(", ")})`);
    if (c.at !== undefined && c.at * 1000 > this.clock.nowUs()) {
      this.clock.setTimer(c.at * 1000, () => this.guard(() => part.command(c.action, c.value)));
      return undefined;
    }
    return part.command(c.action, c.value);
  }

  /** `$uartN` write: bytes (array, Uint8Array or latin-1 string) for UART N, now or at a time. */
  private uartCommand(id: number, c: HwCommand): unknown {
    if (c.action !== "write") throw new PartError(`UART ${id} has no command '${c.action}'`);
    const v = c.value;
    const data = typeof v === "string" ? Uint8Array.from(v, (ch) => ch.charCodeAt(0) & 0xff) : v instanceof Uint8Array ? v : Array.isArray(v) ? Uint8Array.from(v) : null;
    if (data === null) throw new PartError("UART write expects bytes");
    if (c.at !== undefined && c.at * 1000 > this.clock.nowUs()) {
      this.clock.setTimer(c.at * 1000, () => this.guard(() => this.hostUartWrite(id, data)));
      return undefined;
    }
    this.hostUartWrite(id, data);
    return undefined;
  }

  query(partId: string, what: string): unknown {
    if (partId === "$board") {
      if (what === "parts") return [...this.parts.values()].map((p) => ({ id: p.id, type: p.type, state: p.state() }));
      if (what === "pins")
        return [...this.pins.values()].filter((p) => p.used).map((p) => ({ pin: this.pinLabel(p.id), mode: p.mode, value: p.level, pwm: p.pwm }));
      throw new PartError(`no board query '${what}'`);
    }
    const part = this.parts.get(partId);
    if (part === undefined) throw new PartError(`no part '${partId}'`);
    return part.query(what);
  }

  /** A soft reset: pins back to inputs, IRQs and PWM off, timers gone (parts keep their state). */
  softReset(): void {
    for (const id of this.halTimers) this.clock.clearTimer(id);
    this.halTimers.clear();
    for (const p of this.pins.values()) {
      p.edge = null;
      p.uart = null;
      p.pwm = null;
      p.mode = PinMode.Unset;
      p.pull = 0;
      this.setSource(p.node, "mcu", null);
    }
    this.resolve();
  }

  // ---------------------------------------------------------------- HAL: pins

  private pin(id: number): McuPin {
    const p = this.pins.get(id);
    if (p === undefined) throw new RangeError("invalid pin " + id);
    return p;
  }

  pinByName(name: string): number | null {
    return this.map.names[name] ?? null;
  }

  pinValid(id: number): boolean {
    return this.pins.has(id);
  }

  pinName(id: number): string {
    return this.map.cpuName(id);
  }

  private drivePin(p: McuPin): void {
    let s: Source | null = null;
    if (p.pwm !== null && (p.mode === PinMode.Alt || p.mode === PinMode.Out)) s = { strength: 2, v: p.pwm.duty >= 0.5 ? 1 : 0, duty: p.pwm.duty };
    else if (p.mode === PinMode.Out) s = { strength: 2, v: p.latch ? 1 : 0 };
    else if (p.mode === PinMode.OpenDrain && p.latch === 0) s = { strength: 2, v: 0 };
    if (s === null && p.pull !== 0 && p.mode !== PinMode.Analog) s = { strength: 1, v: p.pull & PULL_UP ? 1 : 0 };
    this.setSource(p.node, "mcu", s);
    this.resolve();
  }

  pinConfigure(id: number, mode: PinModeT, pull: number, value: number | null): void {
    const p = this.pin(id);
    p.used = true;
    if (value !== null) p.latch = value ? 1 : 0;
    if (mode !== PinMode.Unset) {
      p.mode = mode;
      if (mode !== PinMode.Alt && p.pwm !== null) this.pwmOff(p);
    }
    p.pull = pull & (PULL_UP | PULL_DOWN);
    this.drivePin(p);
  }

  pinMode(id: number): PinModeT {
    return this.pin(id).mode;
  }

  pinPull(id: number): number {
    return this.pin(id).pull;
  }

  pinRead(id: number): number {
    return this.levelOf(this.pin(id).node).v ?? 0;
  }

  pinWrite(id: number, v: number): void {
    const p = this.pin(id);
    const b = v ? 1 : 0;
    if (p.latch === b && p.used) return;
    p.latch = b;
    p.used = true;
    if (p.mode === PinMode.Out || p.mode === PinMode.OpenDrain) this.drivePin(p);
  }

  pinLatch(id: number): number {
    return this.pin(id).latch;
  }

  pinOnEdge(id: number, cb: ((edges: number) => void) | null): void {
    const p = this.pin(id);
    p.edge = cb;
    if (cb !== null) p.used = true;
  }

  // ---------------------------------------------------------------- HAL: analog, PWM

  analogRead(id: number): number {
    const l = this.levelOf(this.pin(id).node);
    return l.uv ?? (l.v ?? 0) * VCC_UV;
  }

  private pwmOff(p: McuPin): void {
    p.pwm = null;
    this.emit("pwm", { pin: this.pinLabel(p.id), freq: 0, duty: 0 });
  }

  pwm(id: number, cfg: { freq: number; duty: number } | null): void {
    const p = this.pin(id);
    p.used = true;
    if (cfg === null) {
      if (p.pwm !== null) this.pwmOff(p);
      p.mode = PinMode.Out;
    } else {
      const same = p.pwm !== null && p.pwm.freq === cfg.freq && p.pwm.duty === cfg.duty;
      p.pwm = { freq: cfg.freq, duty: cfg.duty };
      p.mode = PinMode.Alt;
      if (!same) this.emit("pwm", { pin: this.pinLabel(id), freq: cfg.freq, duty: Math.round(cfg.duty * 1e6) / 1e6 });
    }
    this.drivePin(p);
  }

  // ---------------------------------------------------------------- HAL: buses

  busPins(kind: "i2c" | "spi" | "uart", id: number): Record<string, number> | null {
    const b = (this.map.bus[kind] as Record<number, Record<string, number>>)[id];
    return b === undefined ? null : { ...b };
  }

  private group(node: number): number {
    if (this.groupsDirty) this.regroup();
    return this.groupOf[this.find(node)];
  }

  private partsOnBus(scl: number, sda: number): Part[] {
    const gs = this.group(this.pin(scl).node);
    const gd = this.group(this.pin(sda).node);
    const out: Part[] = [];
    for (const part of this.parts.values()) {
      const bp = part.i2cPins;
      if (bp === null || part.i2c === null) continue;
      if (this.group(this.node(`${part.id}:${bp.scl}`)) === gs && this.group(this.node(`${part.id}:${bp.sda}`)) === gd) out.push(part);
    }
    return out;
  }

  i2cTransfer(scl: number, sda: number, addr: number, write: Uint8Array | null, readLen: number, _stop: boolean): I2cResult {
    const dev = this.partsOnBus(scl, sda).find((p) => p.i2c!.address() === addr);
    if (dev === undefined) return null;
    if (write !== null) dev.i2c!.write(write);
    return readLen > 0 ? dev.i2c!.read(readLen) : new Uint8Array(0);
  }

  i2cScan(scl: number, sda: number): number[] {
    return [...new Set(this.partsOnBus(scl, sda).map((p) => p.i2c!.address()))].sort((a, b) => a - b);
  }

  /** Is this part's pin wired into group g? */
  private onGroup(part: Part, pin: string, g: number): boolean {
    return this.group(this.node(`${part.id}:${pin}`)) === g;
  }

  spiTransfer(sck: number, mosi: number, miso: number, tx: Uint8Array, _cs: number | null): Uint8Array {
    const gk = this.group(this.pin(sck).node);
    const gm = this.group(this.pin(mosi).node);
    const gi = this.group(this.pin(miso).node);
    let rx: Uint8Array | null = null;
    for (const part of this.parts.values()) {
      const sp = part.spiPins;
      if (sp === null || part.spi === null || !this.onGroup(part, sp.sck, gk) || !this.onGroup(part, sp.mosi, gm)) continue;
      // Selected while CS is low (a CS that is not driven high counts as low).
      if (sp.cs !== null && this.levelOf(this.node(`${part.id}:${sp.cs}`)).v === 1) continue;
      const r = part.spi.transfer(tx);
      if (r !== null && sp.miso !== null && this.onGroup(part, sp.miso, gi)) rx = r;
    }
    if (rx !== null) return rx;
    // MOSI wired to MISO: a loop-back; otherwise MISO floats high and reads 0xFF.
    if (gm === gi) return tx.slice();
    return new Uint8Array(tx.length).fill(0xff);
  }

  /** Opens UART id on its pins (the host's end of it follows the pins); byteUs: one frame. */
  uartOpen(id: number, tx: number, rx: number, byteUs: number): void {
    const u = this.uarts.get(id);
    if (u === undefined) this.uarts.set(id, { tx, rx, byteUs, queue: [], timer: 0, lastAt: 0 });
    else Object.assign(u, { tx, rx, byteUs });
  }

  uartWrite(tx: number, _rx: number, data: Uint8Array): void {
    const g = this.group(this.pin(tx).node);
    for (const p of this.pins.values()) if (p.uart !== null && this.group(p.node) === g) p.uart(data);
    let id: number | undefined;
    for (const [k, u] of this.uarts) if (u.tx === tx) id = k;
    this.emit("uart", { pin: this.pinLabel(tx), ...(id !== undefined ? { uart: id } : {}), data: Array.from(data) });
  }

  uartOnReceive(rx: number, cb: ((data: Uint8Array) => void) | null): void {
    this.pin(rx).uart = cb;
  }

  /**
   * Bytes from the host for UART id: they arrive on its RX pin one frame time apart on board
   * time (after what is still arriving), as from a serial adapter at the UART's baud rate.
   */
  hostUartWrite(id: number, data: Uint8Array): void {
    const b = this.busPins("uart", id);
    if (b === null) throw new PartError(`no UART ${id}`);
    let u = this.uarts.get(id);
    if (u === undefined) {
      u = { tx: b.tx, rx: b.rx, byteUs: 10e6 / 115200, queue: [], timer: 0, lastAt: 0 };
      this.uarts.set(id, u);
    }
    for (const x of data) u.queue.push(x & 0xff);
    if (u.timer === 0) {
      u.lastAt = Math.max(u.lastAt, this.clock.nowUs());
      this.nextUartByte(u);
    }
  }

  private nextUartByte(u: HostUart): void {
    u.timer = this.clock.setTimer(u.lastAt + u.byteUs, () => {
      u.timer = 0;
      u.lastAt += u.byteUs;
      // Everything due by now arrives together (a long sleep on a wall clock).
      const now = this.clock.nowUs();
      const n = Math.max(1, Math.min(u.queue.length, 1 + Math.floor((now - u.lastAt) / u.byteUs)));
      if (n > 1) u.lastAt += (n - 1) * u.byteUs;
      const bytes = Uint8Array.from(u.queue.splice(0, n));
      this.pins.get(u.rx)?.uart?.(bytes);
      if (u.queue.length > 0) this.nextUartByte(u);
    });
  }

  bitstream(id: number, data: Uint8Array): void {
    let targets = this.dataTargets(this.group(this.pin(id).node));
    let rest = data;
    for (let hops = 0; targets.length > 0 && rest.length > 0 && hops < 1000; hops++) {
      const part = targets[0];
      rest = part.bitstream(rest);
      const dout = part.dataPins!.dout;
      targets = dout === null ? [] : this.dataTargets(this.group(this.node(`${part.id}:${dout}`)));
    }
  }

  private dataTargets(g: number): Part[] {
    return [...this.parts.values()].filter((p) => p.dataPins !== null && this.group(this.node(`${p.id}:${p.dataPins.din}`)) === g);
  }

  dhtRead(id: number): Uint8Array | number {
    const g = this.group(this.pin(id).node);
    for (const part of this.parts.values()) {
      if (!part.pins.includes("SDA") || part.i2cPins !== null) continue;
      if (this.group(this.node(`${part.id}:SDA`)) !== g) continue;
      const r = part.dhtRead();
      if (r !== null) return r;
    }
    return -110; // ETIMEDOUT: nobody answered
  }

  /** The 1-Wire devices on a pin's net. */
  private onewireDevices(id: number): Part[] {
    const g = this.group(this.pin(id).node);
    const out: Part[] = [];
    for (const part of this.parts.values()) if (part.onewire !== null && part.onewirePin !== null && this.onGroup(part, part.onewirePin, g)) out.push(part);
    return out;
  }

  onewireReset(id: number): boolean {
    let presence = false;
    for (const d of this.onewireDevices(id)) if (d.onewire!.reset()) presence = true;
    return presence;
  }

  /** One time slot: the bus is the wired-AND of the master's bit and every device's. */
  private onewireSlot(devs: Part[], out: number): number {
    let bus: 0 | 1 = out & 1 ? 1 : 0;
    for (const d of devs) if (d.onewire!.drive() === 0) bus = 0;
    for (const d of devs) d.onewire!.sample(bus);
    return bus;
  }

  onewireBit(id: number, out: number): number {
    return this.onewireSlot(this.onewireDevices(id), out);
  }

  onewireByte(id: number, out: number): number {
    const devs = this.onewireDevices(id);
    let r = 0;
    for (let i = 0; i < 8; i++) r |= this.onewireSlot(devs, (out >> i) & 1) << i;
    return r;
  }

  // ---------------------------------------------------------------- HAL: time and board

  nowUs(): number {
    return this.clock.nowUs();
  }

  setTimer(atUs: number, fn: () => void): number {
    const id = this.clock.setTimer(atUs, () => {
      this.halTimers.delete(id);
      fn();
    });
    this.halTimers.add(id);
    return id;
  }

  clearTimer(handle: number): void {
    this.halTimers.delete(handle);
    this.clock.clearTimer(handle);
  }

  waitUntil(cond: () => boolean, timeoutUs: number): boolean {
    return this.clock.waitUntil(cond, timeoutUs);
  }

  sleepMs(ms: number): void {
    this.clock.sleepMs(ms);
  }

  boardButton(name: string): boolean {
    const p = this.parts.get(name);
    return p instanceof Button && p.pressed;
  }

  resetCause(): number {
    return this.cause;
  }

  reset(cause: number): never {
    this.flush();
    return this.hooks.reset(cause);
  }

  uniqueId(): Uint8Array {
    return this.uid.slice();
  }

  temperature(): number {
    return this.temperatureC;
  }
}
