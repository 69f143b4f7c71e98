// Node.js only: the JavaScript API for embedders and tests. createBoard() starts a virtual board
// in a worker thread; the returned Board is the host's end of its serial link (bytes in, bytes
// out), plus conveniences: run code through the raw REPL, read and write the board's files
// without disturbing it, soft-reset it, stop it.
//
// Ctrl-C is detected here, as bytes arrive, like a board's UART interrupt: while the board runs
// code with an interrupt character set, that byte raises KeyboardInterrupt instead of being queued.

import { Worker, MessageChannel } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SharedState, INTR, KBD, INTR_CHAR, IN_WANT, OUT_SIGNAL, REQ, type BoardMessage, type BoardRequest } from "./shared.ts";
import { findProfile, profiles, type BoardProfile } from "./profiles.ts";
import type { HwEvent, HwCommand } from "./circuit.ts";

export { profiles, findProfile, type BoardProfile };

/** A hardware event: pin changes ("pin"), PWM settings ("pwm"), parts ("part"); t in board ms. */
export type { HwEvent, HwCommand } from "./circuit.ts";

export interface BoardOptions {
  /** Profile id: "pico" (default), "pico_w", "esp32", "pyboard". */
  board?: string;
  /** "memory" (default: a fresh in-memory file system) or a host folder that keeps the files. */
  fs?: "memory" | { dir: string };
  /** Files to put on a memory file system before power-on (path → contents). */
  files?: Record<string, string | Uint8Array>;
  /** Flash size in bytes (default: the profile's). */
  flashSize?: number;
  /** "wall" (default) or "virtual": sleeps return at once while the clock jumps ahead. */
  clock?: "wall" | "virtual";
  /** The worker script (default: board_worker.js beside the bundle, or dist/board_worker.js). */
  workerUrl?: string | URL;
  /** The circuit: Wokwi diagram.json (text or parsed). */
  diagram?: string | object;
  /** Commands to run at board times (`at`), set up before the board boots: repeatable tests. */
  stimuli?: HwCommand[];
  /** Board time (ms) at which a virtual clock stops: sleeps beyond it never end (tests). */
  until?: number;
  /**
   * JS heap the board's worker may use (MB, default 1024). Python code that allocates without
   * bound stops the board with a MemoryError message instead of exhausting the host's memory.
   */
  heapLimitMb?: number;
}

/** The host's end of a board UART (Board.uart(id)). */
export interface HostUart {
  /** Sends bytes (a string as UTF-8) to the board's RX, now or at a board time (ms). */
  write(data: Uint8Array | number[] | string, at?: number): Promise<void>;
  /** Calls cb with the bytes the board sends on TX and the board time (ms); returns a remover. */
  onData(cb: (data: Uint8Array, t: number) => void): () => void;
  /** Every byte the board sent on this UART so far. */
  received(): Uint8Array;
}

export interface ExecResult {
  stdout: string;
  /** The exception text (traceback), empty when the code succeeded. */
  error: string;
}

export interface FileEntry {
  name: string;
  isDir: boolean;
  size: number;
}

type Listener = (data: Uint8Array) => void;
const MAX_CAPTURE = 4 << 20;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function defaultWorkerUrl(): URL {
  const beside = new URL("./board_worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../dist/board_worker.js", import.meta.url);
}

const latin1 = (b: Uint8Array) => {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
};

export class Board {
  readonly profile: BoardProfile;
  private readonly sh = SharedState.create();
  private readonly worker: Worker;
  private readonly requests = new MessageChannel();
  private listeners = new Set<Listener>();
  private queue: Uint8Array[] = [];
  private replies = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private stopped = false;
  /** Everything output since the last take (for expect-style helpers). */
  private captured = "";
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  private hwListeners = new Set<(e: HwEvent) => void>();
  private alarm: ReturnType<typeof setTimeout> | null = null;
  private limitWaiters: (() => void)[] = [];
  /** Every hardware event so far (pin changes, PWM, parts), in board-time order. */
  readonly events: HwEvent[] = [];
  /** The virtual clock reached the `until` limit. */
  limitReached = false;
  /** What the board is doing: "running" code, waiting at the friendly "repl" or "raw" REPL. */
  state: "starting" | "repl" | "raw" | "running" | "stopped" = "starting";
  readonly exited: Promise<number>;

  constructor(opts: BoardOptions = {}) {
    const profile = findProfile(opts.board ?? "pico");
    if (profile === null) throw new Error(`unknown board '${opts.board}' (known: ${Object.keys(profiles).join(", ")})`);
    this.profile = profile;
    const fsCfg = opts.fs === undefined || opts.fs === "memory" ? { kind: "memory", files: opts.files } : { kind: "folder", dir: opts.fs.dir };
    this.worker = new Worker(opts.workerUrl ?? defaultWorkerUrl(), {
      workerData: {
        sab: this.sh.sab, board: profile.id, fs: fsCfg, flashSize: opts.flashSize,
        clock: opts.clock ?? "wall", requests: this.requests.port2,
        hw: { diagram: opts.diagram ?? null, limitMs: opts.until, commands: opts.stimuli ?? [] },
      },
      transferList: [this.requests.port2],
      resourceLimits: { maxOldGenerationSizeMb: opts.heapLimitMb ?? 1024 },
    });
    this.worker.on("message", (m: BoardMessage) => this.onMessage(m));
    this.exited = new Promise((resolve) => this.worker.on("exit", (code) => {
      this.stopped = true;
      this.state = "stopped";
      if (this.alarm !== null) clearTimeout(this.alarm);
      for (const r of this.replies.values()) r.reject(new Error("board stopped"));
      this.replies.clear();
      resolve(code);
    }));
    this.worker.on("error", (e) => {
      const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      const text = oom ? "MemoryError: memory allocation failed (the board ran out of memory and stopped)" : `board crashed: ${e.message}`;
      this.emit(new TextEncoder().encode(`\r\n[${text}]\r\n`));
    });
  }

  private onHw(m: { events?: HwEvent[]; alarm?: number; limit?: boolean }): void {
    if (m.events !== undefined) {
      for (const e of m.events) {
        if (this.events.length < 1_000_000) this.events.push(e);
        for (const l of this.hwListeners) l(e);
      }
    }
    if (m.alarm !== undefined) {
      if (this.alarm !== null) clearTimeout(this.alarm);
      this.alarm = setTimeout(() => {
        this.alarm = null;
        this.request({ op: "hw", cmd: "alarm" } as any).catch(() => {});
      }, Math.min(m.alarm, 2 ** 31 - 1));
      this.alarm.unref?.();
    }
    if (m.limit === true) {
      this.limitReached = true;
      for (const w of this.limitWaiters.splice(0)) w();
    }
  }

  private onMessage(m: BoardMessage): void {
    if ((m as { type: string }).type === "hw") return this.onHw(m as any);
    switch (m.type) {
      case "output": {
        Atomics.store(this.sh.ctl, OUT_SIGNAL, 0);
        const data = this.sh.takeOutput();
        if (data.length > 0) this.emit(data);
        break;
      }
      case "room":
        this.pump();
        break;
      case "reply": {
        const r = this.replies.get(m.id);
        this.replies.delete(m.id);
        if (r === undefined) break;
        if (m.ok) r.resolve(m.value);
        else r.reject(new Error(m.error));
        break;
      }
      case "state":
        this.state = m.state;
        break;
      case "fatal":
        this.emit(new TextEncoder().encode(`\r\n[board fault: ${m.error}]\r\n`));
        break;
    }
  }

  private emit(data: Uint8Array): void {
    this.captured += latin1(data);
    // Nobody may ever take it (a long session): keep only the recent output.
    if (this.captured.length > MAX_CAPTURE) this.captured = this.captured.slice(-MAX_CAPTURE / 2);
    for (const l of this.listeners) l(data);
    if (this.waiters.length > 0) {
      this.waiters = this.waiters.filter((w) => {
        if (!w.test()) return true;
        w.resolve();
        return false;
      });
    }
  }

  // ---------------------------------------------------------------- serial link

  /** Sends bytes to the board's serial input (a string is sent as UTF-8). */
  write(data: Uint8Array | string): void {
    if (this.stopped) return;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const ctl = this.sh.ctl;
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      // The UART interrupt: the interrupt character never reaches the input while code runs.
      const ic = Atomics.load(ctl, INTR_CHAR);
      if (ic >= 0 && bytes[i] === ic) {
        if (i > start) this.queue.push(bytes.slice(start, i));
        start = i + 1;
        Atomics.store(ctl, KBD, 1);
        Atomics.store(ctl, INTR, 1);
        this.sh.wake();
      }
    }
    if (start < bytes.length) this.queue.push(start === 0 ? bytes.slice() : bytes.slice(start));
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      let n = this.sh.pushInput(head);
      if (n < head.length) {
        // Full: ask the board to tell us when it has read some, then retry once in case it
        // already did between the push and the flag.
        Atomics.store(this.sh.ctl, IN_WANT, 1);
        n += this.sh.pushInput(head.subarray(n));
      }
      if (n === head.length) {
        this.queue.shift();
        continue;
      }
      this.queue[0] = head.subarray(n);
      if (n === 0) return;
    }
  }

  /** Calls cb with every chunk of output; returns a function that removes it. */
  onOutput(cb: Listener): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Output as an async iterator of byte chunks (ends when the board stops). */
  async *output(): AsyncGenerator<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let wake: (() => void) | null = null;
    const off = this.onOutput((d) => {
      chunks.push(d);
      wake?.();
    });
    try {
      while (!this.stopped || chunks.length > 0) {
        if (chunks.length === 0) {
          await new Promise<void>((r) => {
            wake = r;
            this.exited.then(() => r());
          });
          wake = null;
          continue;
        }
        yield chunks.shift()!;
      }
    } finally {
      off();
    }
  }

  /** The output received since the last call (latin-1: one char per byte), and forgets it. */
  takeOutput(): string {
    const s = this.captured;
    this.captured = "";
    return s;
  }

  /** Waits until the output since the last takeOutput() contains `text`; returns it all and forgets it. */
  expect(text: string | RegExp, timeoutMs = 10000): Promise<string> {
    const test = () => (typeof text === "string" ? this.captured.includes(text) : text.test(this.captured));
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        resolve(this.takeOutput());
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timeout waiting for ${JSON.stringify(String(text))}; got ${JSON.stringify(this.captured)}`));
      }, timeoutMs);
      if (test()) return done();
      this.waiters.push({ test, resolve: done });
    });
  }

  // ---------------------------------------------------------------- conveniences

  /**
   * Runs code through the raw REPL (as mpremote does: interrupt, enter raw REPL, send, read
   * the framed output), then returns to the friendly REPL. Resolves with stdout and error text.
   */
  async exec(code: string, timeoutMs = 30000): Promise<ExecResult> {
    this.write("\r\x03\x03");
    await sleep(10);
    this.takeOutput();
    this.write("\r\x01");
    await this.expect("raw REPL; CTRL-B to exit\r\n>", timeoutMs);
    this.write(code);
    this.write("\x04");
    const all = await this.expect(/OK[^]*\x04[^]*\x04>$/, timeoutMs);
    const body = all.slice(all.indexOf("OK") + 2);
    const i = body.indexOf("\x04");
    const j = body.indexOf("\x04", i + 1);
    this.write("\x02");
    await this.expect(">>> ", timeoutMs);
    // The worker reports its state in a message of its own, which may follow the prompt's bytes.
    for (const end = Date.now() + timeoutMs; this.state === "raw" && Date.now() < end; ) await sleep(2);
    return { stdout: decodeLatin1Utf8(body.slice(0, i)), error: decodeLatin1Utf8(body.slice(i + 1, j)) };
  }

  /** Evaluates an expression on the board and returns its repr. */
  async eval(expr: string): Promise<string> {
    const r = await this.exec(`print(repr(${expr}))`);
    if (r.error !== "") throw new Error(r.error);
    return r.stdout.replace(/\r\n$/, "");
  }

  private request(req: DistributiveOmit<BoardRequest, "id">): Promise<any> {
    if (this.stopped) return Promise.reject(new Error("board stopped"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.requests.port1.postMessage({ ...req, id });
      const ctl = this.sh.ctl;
      Atomics.store(ctl, REQ, 1);
      Atomics.store(ctl, INTR, 1);
      this.sh.wake();
    });
  }

  /** A file's contents (served by the board between two steps of whatever it is doing). */
  readFile(path: string): Promise<Uint8Array> {
    return this.request({ op: "readFile", path });
  }

  async readText(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readFile(path));
  }

  writeFile(path: string, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    return this.request({ op: "writeFile", path, data: bytes });
  }

  listFiles(path = "/"): Promise<FileEntry[]> {
    return this.request({ op: "listFiles", path });
  }

  removeFile(path: string): Promise<void> {
    return this.request({ op: "remove", path });
  }

  mkdir(path: string): Promise<void> {
    return this.request({ op: "mkdir", path });
  }

  // ---------------------------------------------------------------- hardware

  /** Calls cb with every hardware event (pin changes, PWM, parts); returns a function that removes it. */
  onEvent(cb: (e: HwEvent) => void): () => void {
    this.hwListeners.add(cb);
    return () => this.hwListeners.delete(cb);
  }

  /** Drives a part: control("btn1", "press"), control("pot1", "set", 0.5), ... (at: board ms). */
  control(part: string, action: string, value?: unknown, at?: number): Promise<void> {
    return this.request({ op: "hw", cmd: "command", part, action, value, at } as any);
  }

  press(part: string, at?: number): Promise<void> {
    return this.control(part, "press", undefined, at);
  }

  release(part: string, at?: number): Promise<void> {
    return this.control(part, "release", undefined, at);
  }

  /** Sets a knob (0..1), a switch position, a distance or sensor readings ({temperature: 21}). */
  set(part: string, value: unknown, at?: number): Promise<void> {
    return this.control(part, "set", value, at);
  }

  /** Reads a part: query("oled1", "pixels"), query("led1") (its state), query("$board", "parts"). */
  query(part: string, what = "state"): Promise<any> {
    return this.request({ op: "hw", cmd: "query", part, query: what } as any);
  }

  /**
   * The host's end of a UART (as a USB-serial adapter on its pins): write() sends bytes to the
   * board's RX, one frame time apart at the UART's baud rate on board time (at: board ms);
   * onData() sees what the board sends on its TX; received() is everything sent so far.
   */
  uart(id: number): HostUart {
    const mine = (e: HwEvent) => e.type === "uart" && e.uart === id;
    return {
      write: (data, at) => {
        const bytes = typeof data === "string" ? new TextEncoder().encode(data) : Uint8Array.from(data);
        return this.control(`$uart${id}`, "write", bytes, at);
      },
      onData: (cb) => this.onEvent((e) => {
        if (mine(e)) cb(Uint8Array.from(e.data as number[]), e.t);
      }),
      received: () => Uint8Array.from(this.events.filter(mine).flatMap((e) => e.data as number[])),
    };
  }

  /** Resolves when a virtual clock reaches the `until` limit. */
  untilLimit(): Promise<void> {
    if (this.limitReached) return Promise.resolve();
    return new Promise((r) => this.limitWaiters.push(r));
  }

  /** Interrupts what runs and soft-resets (boot.py and main.py run again). */
  softReset(): void {
    this.write("\r\x03\x03\x02\x04");
  }

  /** Stops the board's worker. */
  async stop(): Promise<void> {
    if (!this.stopped) await this.worker.terminate();
    await this.exited;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function decodeLatin1Utf8(s: string): string {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return new TextDecoder().decode(b);
}

/** Starts a virtual board. */
export function createBoard(opts: BoardOptions = {}): Board {
  return new Board(opts);
}
