import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { repr } from "../runtime/ops.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { makeModule, TICKS_PERIOD } from "./time.ts";
import { pyError } from "../testing.ts";

const t = makeModule();

describe("ticks arithmetic", () => {
  const MAX = t.ticks_add(0, -1);
  const HALF = Math.floor(MAX / 2) + 1;
  it("wraps around the period", () => {
    expect(MAX).toBe(TICKS_PERIOD - 1);
    expect(t.ticks_add(20, 12)).toBe(32);
    expect(t.ticks_add(20, -12)).toBe(8);
    expect(t.ticks_diff(0, MAX)).toBe(1);
    expect(t.ticks_diff(MAX, 0)).toBe(-1);
    expect(t.ticks_diff(HALF, 1)).toBe(HALF - 1);
    expect(t.ticks_diff(HALF, 0)).toBe(-HALF);
  });
  it("keeps ticks_diff(ticks_add(T, d), T) == d within half a period", () => {
    const IMAX = Math.floor(MAX / 2);
    for (const T of [0, 10, MAX]) {
      for (const d of [-IMAX, 0, IMAX]) {
        expect(t.ticks_diff(t.ticks_add(T, d), T)).toBe(d);
        expect(t.ticks_diff(T, t.ticks_add(T, d))).toBe(0 - d);
      }
      expect(pyError(() => t.ticks_add(T, -IMAX - 1))).toBe("OverflowError: ticks interval overflow");
      expect(pyError(() => t.ticks_add(T, IMAX + 1))).toBe("OverflowError: ticks interval overflow");
    }
    expect(pyError(() => t.ticks_add(0, 2n ** 70n))).toBe("OverflowError: overflow converting long int to machine word");
  });
  it("counts forwards", () => {
    const a = t.ticks_us();
    const b = t.ticks_us();
    expect(t.ticks_diff(b, a)).toBeGreaterThanOrEqual(0);
    expect(t.ticks_ms()).toBeLessThan(TICKS_PERIOD);
  });
});

describe("calendar", () => {
  it("gmtime gives the unix port's 9-tuple", () => {
    expect(repr(t.gmtime(0))).toBe("(1970, 1, 1, 0, 0, 0, 3, 1, 0)");
    expect(repr(t.gmtime(951782400))).toBe("(2000, 2, 29, 0, 0, 0, 1, 60, 0)");
    expect(repr(t.gmtime(mkFloat(86399.9)))).toBe("(1970, 1, 1, 23, 59, 59, 3, 1, 0)");
  });
  it("mktime inverts localtime", () => {
    for (const s of [0, 86400 * 365, 1700000000, 4102444800]) {
      const lt = t.localtime(s);
      expect(t.mktime(lt)).toBe(s);
    }
    expect(pyError(() => t.mktime(mkTuple([1, 2, 3])))).toBe("TypeError: mktime needs a tuple of length 8 or 9");
  });
  it("time() is a float near time_ns()", () => {
    const s = t.time().$v;
    const ns = Number(t.time_ns());
    expect(Math.abs(s * 1000 - ns / 1e6)).toBeLessThan(1000);
  });
});
