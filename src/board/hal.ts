// The board side of the hardware abstraction: board time and its timers. The HAL interface
// itself lives with the module that uses it (src/modules/machine/hal.ts, re-exported here) so
// modules never import from the board layer; the circuit simulator (circuit.ts) implements it.
//
// Board time is kept in microseconds. On the wall clock it follows performance.now(); on the
// virtual clock it only moves when the program sleeps or waits (plus 1 µs per clock read, so a
// busy loop on ticks_us() still ends): timers, pin traces and sensor timings are then the same
// on every run, and a test of `sleep(60)` takes no time.
//
// Timers are JavaScript callbacks kept in a heap by due time. They fire from sleeps, from the
// interrupt check (pending work) and, while the board waits for serial input, from an alarm:
// the host side sets a timeout and sends an "alarm" request that wakes the board.

export * from "../modules/machine/hal.ts";

interface Timer {
  at: number;
  seq: number;
  id: number;
  fn: () => void;
}

export interface ClockHooks {
  /** Blocks up to ms of real time, returning early when woken (input, requests, Ctrl-C). */
  waitReal(ms: number): void;
  /** Is something pending (the interrupt flag)? */
  pendingFlag(): boolean;
  /** Runs pending work (requests, Ctrl-C → KeyboardInterrupt, scheduled callbacks). */
  pending(): void;
  /** Asks the host side for an alarm in ms of real time. */
  postAlarm(ms: number): void;
  /** The time limit was reached (virtual clock): the board stands still from now on. */
  onLimit(): void;
}

/** 1 µs per read on the virtual clock. */
const READ_STEP_US = 1;

export class BoardClock {
  private vUs = 0;
  private readonly t0 = performance.now();
  /** Wall clock: time skipped by lightsleep/deepsleep emulation. */
  private offsetUs = 0;
  private heap: Timer[] = [];
  private seq = 0;
  private nextId = 1;
  private live = new Map<number, Timer>();
  private alarmOut = false;
  private alarmAt = Infinity;
  /** True while the board is blocked waiting for serial input. */
  blocked = false;
  /** Board time (µs) after which a virtual board stands still (tests). */
  limitUs = Infinity;
  private limitHit = false;

  constructor(readonly virtual: boolean, private hooks: ClockHooks) {}

  /** The current board time in µs (without side effects). */
  nowUs(): number {
    return this.virtual ? this.vUs : (performance.now() - this.t0) * 1000 + this.offsetUs;
  }

  /** The clock as the program reads it (time.ticks_*): moves 1 µs per read on a virtual clock. */
  readUs(): number {
    if (!this.virtual) return this.nowUs();
    this.vUs += READ_STEP_US;
    if (this.heap.length > 0 && this.heap[0].at <= this.vUs) this.fireDue();
    return this.vUs;
  }

  // ---------------------------------------------------------------- timers

  setTimer(atUs: number, fn: () => void): number {
    const t: Timer = { at: atUs, seq: this.seq++, id: this.nextId++, fn };
    this.live.set(t.id, t);
    this.push(t);
    this.arm();
    return t.id;
  }

  clearTimer(id: number): void {
    const t = this.live.get(id);
    if (t === undefined) return;
    this.live.delete(id);
    t.fn = noop;
  }

  clearAll(): void {
    for (const t of this.live.values()) t.fn = noop;
    this.live.clear();
    this.heap.length = 0;
  }

  private nextDue(): number {
    while (this.heap.length > 0 && this.heap[0].fn === noop) this.pop();
    return this.heap.length > 0 ? this.heap[0].at : Infinity;
  }

  /** Fires every timer due by now (in due order; timers added meanwhile fire when due too). */
  fireDue(): void {
    const now = this.nowUs();
    for (;;) {
      const next = this.nextDue();
      if (next > now) break;
      const t = this.pop()!;
      this.live.delete(t.id);
      t.fn();
    }
    this.arm();
  }

  /** Asks the host for an alarm at the next due time (one outstanding at a time). */
  private arm(): void {
    const next = this.nextDue();
    if (next === Infinity || (this.alarmOut && this.alarmAt <= next)) return;
    this.alarmOut = true;
    this.alarmAt = next;
    this.hooks.postAlarm(Math.max(0, (next - this.nowUs()) / 1000));
  }

  /** The host's alarm arrived. */
  onAlarm(): void {
    this.alarmOut = false;
    this.alarmAt = Infinity;
    // A virtual clock only jumps ahead while the board waits for input (not while code runs).
    if (this.virtual && this.blocked) {
      const next = this.nextDue();
      if (next !== Infinity && next > this.vUs) this.vUs = Math.min(next, this.limitUs);
    }
    // The due timers fire at the interrupt check that follows (poll), outside request handling.
    if (this.nextDue() > this.nowUs()) this.arm();
  }

  /** Called at every interrupt check. */
  poll(): void {
    if (this.heap.length > 0 && this.nextDue() <= this.nowUs()) this.fireDue();
  }

  // ---------------------------------------------------------------- sleeping

  /** time.sleep_ms: timers and pending work run meanwhile. */
  sleepMs(ms: number): void {
    if (!(ms > 0)) {
      this.runPending();
      return;
    }
    const end = this.nowUs() + ms * 1000;
    this.sleepUntil(this.virtual ? Math.round(end) : end);
  }

  sleepUntil(endUs: number): void {
    this.waitUntil(() => false, endUs - this.nowUs());
  }

  /**
   * Waits until cond() holds or timeoutUs passed, running timers as they fall due and pending
   * work; returns cond(). On a virtual clock time jumps from one due timer to the next.
   */
  waitUntil(cond: () => boolean, timeoutUs: number): boolean {
    const end = this.nowUs() + Math.max(0, timeoutUs);
    for (;;) {
      this.runPending();
      if (cond()) return true;
      const now = this.nowUs();
      if (now >= end) return false;
      const next = this.nextDue();
      if (next <= now) {
        this.fireDue();
        continue;
      }
      const until = Math.min(next, end);
      if (this.virtual) {
        if (until > this.limitUs) this.halt();
        this.vUs = until;
        if (next <= until) this.fireDue();
      } else {
        this.hooks.waitReal((until - now) / 1000);
        if (next <= this.nowUs()) this.fireDue();
      }
    }
  }

  private runPending(): void {
    // One scheduled callback runs per check: keep checking while the flag stays set.
    for (let i = 0; i < 64 && this.hooks.pendingFlag(); i++) this.hooks.pending();
  }

  /** The time limit: stand still (serving the host, Ctrl-C still interrupts) for ever. */
  private halt(): void {
    this.vUs = this.limitUs;
    if (!this.limitHit) {
      this.limitHit = true;
      this.hooks.onLimit();
    }
    for (;;) {
      this.hooks.waitReal(1000);
      if (this.hooks.pendingFlag()) this.hooks.pending();
    }
  }

  /** lightsleep/deepsleep on the wall clock: time passes at once. */
  skip(ms: number): void {
    if (this.virtual) this.vUs += ms * 1000;
    else this.offsetUs += ms * 1000;
  }

  // ---------------------------------------------------------------- heap

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function noop(): void {}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
