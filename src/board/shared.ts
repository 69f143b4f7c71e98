// The memory a board's worker and its host side share: one SharedArrayBuffer holding control
// words, the serial input ring (host → board) and the serial output ring (board → host).
//
// Control words (Int32, indexes below):
//   INTR       the runtime's interrupt flag (RT.intr): generated code tests it at loop back-edges;
//              set when something is pending (Ctrl-C, a host request, a scheduled callback)
//   KBD        a Ctrl-C arrived while code ran: checkIntr raises KeyboardInterrupt
//   INTR_CHAR  the character that interrupts running code (MicroPython's mp_interrupt_char),
//              -1 while the REPL is waiting for input; the host side reads it as bytes arrive
//   WAKE       bumped (and notified) to wake a board blocked in a serial read or a sleep
//   IN_HEAD / IN_TAIL    input ring: bytes written / read so far (wrapping at 2^31)
//   IN_WANT    the host has bytes waiting for room in the input ring: tell it when room frees
//   OUT_HEAD / OUT_TAIL  output ring: bytes written / read so far
//   OUT_SIGNAL the board told the host there is output; reset by the host before it drains
//   REQ        the host posted a request (file access, stop) for the board to service
//   STOP       the host asks the board to stop

export const INTR = 0;
export const KBD = 1;
export const INTR_CHAR = 2;
export const WAKE = 3;
export const IN_HEAD = 4;
export const IN_TAIL = 5;
export const IN_WANT = 6;
export const OUT_HEAD = 7;
export const OUT_TAIL = 8;
export const OUT_SIGNAL = 9;
export const REQ = 10;
export const STOP = 11;
const N_CTL = 16;

export const IN_SIZE = 1 << 16;
export const OUT_SIZE = 1 << 16;

/** Views on the shared memory; both sides build one over the same buffer. */
export class SharedState {
  readonly ctl: Int32Array;
  readonly inBuf: Uint8Array;
  readonly outBuf: Uint8Array;
  constructor(readonly sab: SharedArrayBuffer) {
    this.ctl = new Int32Array(sab, 0, N_CTL);
    this.inBuf = new Uint8Array(sab, N_CTL * 4, IN_SIZE);
    this.outBuf = new Uint8Array(sab, N_CTL * 4 + IN_SIZE, OUT_SIZE);
  }
  static create(): SharedState {
    const s = new SharedState(new SharedArrayBuffer(N_CTL * 4 + IN_SIZE + OUT_SIZE));
    s.ctl[INTR_CHAR] = -1;
    return s;
  }

  /** Wakes the board if it is blocked (serial read, sleep, output back-pressure). */
  wake(): void {
    Atomics.add(this.ctl, WAKE, 1);
    Atomics.notify(this.ctl, WAKE);
  }

  /** Bytes waiting in a ring given its head and tail counters. */
  static used(head: number, tail: number): number {
    return (head - tail) & 0x7fffffff;
  }

  // ---- input ring: the host writes, the board reads

  /** Host side: copies as much of data as fits; returns the count copied. */
  pushInput(data: Uint8Array): number {
    const c = this.ctl;
    const head = Atomics.load(c, IN_HEAD);
    const free = IN_SIZE - SharedState.used(head, Atomics.load(c, IN_TAIL));
    const n = Math.min(free, data.length);
    for (let i = 0; i < n; i++) this.inBuf[(head + i) & (IN_SIZE - 1)] = data[i];
    if (n > 0) {
      Atomics.store(c, IN_HEAD, (head + n) & 0x7fffffff);
      this.wake();
    }
    return n;
  }

  /** Board side: bytes available to read. */
  inputAvailable(): number {
    return SharedState.used(Atomics.load(this.ctl, IN_HEAD), Atomics.load(this.ctl, IN_TAIL));
  }

  /** Board side: takes up to max bytes (none when the ring is empty). */
  takeInput(max: number): Uint8Array {
    const c = this.ctl;
    const tail = Atomics.load(c, IN_TAIL);
    const n = Math.min(max, SharedState.used(Atomics.load(c, IN_HEAD), tail));
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.inBuf[(tail + i) & (IN_SIZE - 1)];
    if (n > 0) Atomics.store(c, IN_TAIL, (tail + n) & 0x7fffffff);
    return out;
  }

  // ---- output ring: the board writes, the host reads

  /** Board side: copies as much as fits; returns the count copied. */
  pushOutput(data: Uint8Array, from: number): number {
    const c = this.ctl;
    const head = Atomics.load(c, OUT_HEAD);
    const free = OUT_SIZE - SharedState.used(head, Atomics.load(c, OUT_TAIL));
    const n = Math.min(free, data.length - from);
    for (let i = 0; i < n; i++) this.outBuf[(head + i) & (OUT_SIZE - 1)] = data[from + i];
    if (n > 0) Atomics.store(c, OUT_HEAD, (head + n) & 0x7fffffff);
    return n;
  }

  /** Host side: takes everything written so far. */
  takeOutput(): Uint8Array {
    const c = this.ctl;
    const tail = Atomics.load(c, OUT_TAIL);
    const n = SharedState.used(Atomics.load(c, OUT_HEAD), tail);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.outBuf[(tail + i) & (OUT_SIZE - 1)];
    if (n > 0) {
      Atomics.store(c, OUT_TAIL, (tail + n) & 0x7fffffff);
      this.wake();
    }
    return out;
  }
}

/** Messages the board posts to its host side. */
export type BoardMessage =
  | { type: "output" }
  | { type: "room" }
  | { type: "reply"; id: number; ok: boolean; value?: unknown; error?: string }
  | { type: "state"; state: "repl" | "raw" | "running" | "stopped" }
  | { type: "fatal"; error: string };

/** Requests the host side posts to the board (serviced without disturbing Python state). */
export type BoardRequest =
  | { id: number; op: "readFile"; path: string }
  | { id: number; op: "writeFile"; path: string; data: Uint8Array }
  | { id: number; op: "listFiles"; path: string }
  | { id: number; op: "remove"; path: string }
  | { id: number; op: "mkdir"; path: string };
