// The board's end of the serial link (runs in the board's worker): blocking byte reads from the
// input ring and writes into the output ring, both through the shared memory of shared.ts.
// Reads block with Atomics.wait and wake on new bytes, on Ctrl-C and on host requests; writes
// block when the host has not drained the output yet (the back-pressure of a real UART).

import { SharedState, INTR, WAKE, IN_WANT, OUT_SIGNAL } from "./shared.ts";

export interface SerialEvents {
  /** Tells the host side something (output available, room in the input ring). */
  post(msg: { type: "output" } | { type: "room" }): void;
  /** Called when the interrupt flag is set while blocked: may throw KeyboardInterrupt. */
  pending(): void;
}

const enc = new TextEncoder();

export class BoardSerial {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;

  constructor(private sh: SharedState, private ev: SerialEvents) {}

  /**
   * Waits until WAKE moves from `w` (or ms pass); runs pending work instead when the flag is
   * set. Callers read `w` before checking their condition, so no wake-up is lost in between.
   */
  private block(w: number, ms: number | undefined): void {
    const c = this.sh.ctl;
    if (Atomics.load(c, INTR) !== 0) {
      this.ev.pending();
      return;
    }
    Atomics.wait(c, WAKE, w, ms);
  }

  /** Waits for input to arrive (or pending work to be done). */
  private waitInput(): void {
    for (;;) {
      const w = Atomics.load(this.sh.ctl, WAKE);
      if (this.fill()) return;
      this.block(w, undefined);
    }
  }

  private fill(): boolean {
    if (this.pos < this.buf.length) return true;
    const data = this.sh.takeInput(4096);
    if (data.length === 0) return false;
    this.buf = data;
    this.pos = 0;
    if (Atomics.compareExchange(this.sh.ctl, IN_WANT, 1, 0) === 1) this.ev.post({ type: "room" });
    return true;
  }

  /** Bytes that can be read without blocking. */
  available(): number {
    return this.buf.length - this.pos + this.sh.inputAvailable();
  }

  /** mp_hal_stdin_rx_chr: the next input byte, waiting as long as it takes. */
  readByte(): number {
    if (this.pos >= this.buf.length) this.waitInput();
    return this.buf[this.pos++];
  }

  /** Up to n bytes, at least one (blocking). */
  read(n: number): Uint8Array {
    if (this.pos >= this.buf.length) this.waitInput();
    const end = Math.min(this.buf.length, this.pos + n);
    const out = this.buf.slice(this.pos, end);
    this.pos = end;
    return out;
  }

  /** Waits up to ms for an event (Ctrl-C, a request) unless WAKE already moved from w (sleeps). */
  waitEvent(w: number, ms: number): void {
    this.block(w, ms);
  }

  /** Discards everything received so far (what a reset does to a UART's FIFO). */
  drain(): void {
    this.pos = this.buf.length;
    while (this.sh.takeInput(65536).length > 0);
  }

  // ---- output

  /** Raw bytes out (sys.stdout.buffer, protocol bytes), straight into the output ring. */
  writeBytes(b: Uint8Array): void {
    let off = 0;
    while (off < b.length) {
      const w = Atomics.load(this.sh.ctl, WAKE);
      off += this.sh.pushOutput(b, off);
      this.signal();
      // When the ring is full, wait for the host to drain it.
      if (off < b.length) Atomics.wait(this.sh.ctl, WAKE, w, 50);
    }
  }

  /** Text out with `\n` sent as `\r\n` (mp_hal_stdout_tx_strn_cooked). */
  writeCooked(s: string): void {
    this.writeBytes(enc.encode(s.indexOf("\n") < 0 ? s : s.replace(/\n/g, "\r\n")));
  }

  /** Text sent as UTF-8 without newline translation (the line editor's own output). */
  writeText(s: string): void {
    this.writeBytes(enc.encode(s));
  }

  /** Protocol text, sent as is (latin-1: every char is one byte). */
  writeRaw(s: string): void {
    const b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
    this.writeBytes(b);
  }

  private signal(): void {
    if (Atomics.compareExchange(this.sh.ctl, OUT_SIGNAL, 0, 1) === 0) this.ev.post({ type: "output" });
  }
}
