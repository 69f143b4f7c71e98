import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { RT } from "../runtime/helpers.ts";
import { langHooks } from "../runtime/hooks.ts";
import { host, setHost } from "../runtime/host.ts";
import { call } from "../runtime/call.ts";
import { callMethod } from "../runtime/attr.ts";
import { repr } from "../runtime/ops.ts";
import { mkBytes, mkByteArray } from "../runtime/types/bytes.ts";
import { makeModule, runScheduled, scheduled, heapLock, mpState } from "./micropython.ts";
import { pyError } from "../testing.ts";

const mp = makeModule();

describe("micropython", () => {
  it("const and the emitter decorators are identities", () => {
    const f = () => 1;
    expect(mp.const(5)).toBe(5);
    expect(mp.native(f)).toBe(f);
    expect(mp.viper(f)).toBe(f);
  });
  it("opt_level gets and sets", () => {
    mp.opt_level(1);
    expect(mp.opt_level()).toBe(1);
    expect(mpState.optLevel).toBe(1);
    mp.opt_level(0);
  });
  it("heap_lock nests", () => {
    mp.heap_lock();
    mp.heap_lock();
    expect(heapLock.depth).toBe(2);
    expect(mp.heap_unlock()).toBe(1);
    expect(mp.heap_locked()).toBe(1);
    expect(mp.heap_unlock()).toBe(0);
  });
  it("schedule queues callbacks run at the next check", () => {
    const seen: any[] = [];
    const cb = (x: any) => {
      seen.push(x);
      // scheduled from a callback: runs after this one returns
      if (x === 1) mp.schedule(cb, 2);
      seen.push("end " + x);
    };
    mp.schedule(cb, 1);
    expect(RT.intr[0]).not.toBe(0);
    // One Python callback per check, as MicroPython's scheduler: the one scheduled from a
    // callback waits for the next check, and the flag stays set for it.
    langHooks.checkIntr();
    expect(seen).toEqual([1, "end 1"]);
    expect(RT.intr[0]).not.toBe(0);
    langHooks.checkIntr();
    expect(seen).toEqual([1, "end 1", 2, "end 2"]);
    expect(scheduled.length).toBe(0);
  });
  it("schedule refuses a fifth pending callback", () => {
    const f = (_x: any) => 0;
    for (let i = 0; i < 4; i++) mp.schedule(f, i);
    expect(pyError(() => mp.schedule(f, 4))).toBe("RuntimeError: schedule queue full");
    while (scheduled.length > 0) runScheduled();
  });
  it("mem_info prints MicroPython's layout", () => {
    let out = "";
    const saved = host;
    setHost({ ...saved, write: (_fd, s) => void (out += s) });
    try {
      mp.mem_info();
      mp.qstr_info();
    } finally {
      setHost(saved);
    }
    expect(out).toMatch(/^mem: total=\d+, current=\d+, peak=\d+\nstack: \d+ out of \d+\nGC: total: \d+, used: \d+, free: \d+\n No\. of 1-blocks: \d+, 2-blocks: \d+, max blk sz: \d+, max free sz: \d+\nqstr pool: /);
  });
  it("RingIO is a byte FIFO of fixed capacity", () => {
    const b = (s: string) => mkBytes(new TextEncoder().encode(s));
    const rb = call(mp.RingIO, [4], null);
    expect(repr(rb)).toBe("<RingIO>");
    expect(callMethod(rb, "write", [b("abcdef")], null)).toBe(4);
    expect(callMethod(rb, "any", [], null)).toBe(4);
    expect(repr(callMethod(rb, "read", [3], null))).toBe("b'abc'");
    callMethod(rb, "write", [b("x\ny")], null);
    expect(repr(callMethod(rb, "readline", [], null))).toBe("b'dx\\n'");
    expect(repr(callMethod(rb, "read", [], null))).toBe("b'y'");
    const ba = mkByteArray(new Uint8Array(3));
    const r2 = call(mp.RingIO, [ba], null);
    expect(callMethod(r2, "write", [b("xyz")], null)).toBe(2);
    expect(pyError(() => call(mp.RingIO, [0], null))).toBe("ValueError: ");
    expect(pyError(() => call(mp.RingIO, [65535], null))).toBe("ValueError: ");
    expect(pyError(() => call(mp.RingIO, [mkByteArray(new Uint8Array(1))], null))).toBe("ValueError: ");
  });
});
