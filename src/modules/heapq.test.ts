import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf } from "../runtime/object.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { makeModule } from "./heapq.ts";
import { pyError } from "../testing.ts";

const hq = makeModule();

describe("heapq", () => {
  it("keeps MicroPython's (and CPython's) layout", () => {
    const h = mkList([]);
    for (const x of [3, 1, 2]) hq.heappush(h, x);
    expect(h.$a).toEqual([1, 3, 2]);
    const g = mkList([4, 3, 8, 9, 10, 2, 7, 11, 5]);
    hq.heapify(g);
    expect(g.$a).toEqual([2, 3, 4, 5, 10, 8, 7, 11, 9]);
    for (const x of [1, 6, 12]) hq.heappush(g, x);
    expect(g.$a).toEqual([1, 2, 4, 5, 3, 8, 7, 11, 9, 10, 6, 12]);
    const out = [];
    while (g.$a.length) out.push(hq.heappop(g));
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  it("orders any comparable items", () => {
    const h = mkList([]);
    for (const x of ["b", "c", "a"]) hq.heappush(h, x);
    expect(hq.heappop(h)).toBe("a");
    const t = mkList([mkTuple([2, "x"]), mkTuple([1, "y"])]);
    hq.heapify(t);
    expect(t.$a[0].$a[1]).toBe("y");
  });
  it("raises MicroPython's errors", () => {
    expect(pyError(() => hq.heappop(mkList([])))).toBe("IndexError: empty heap");
    expect(pyError(() => hq.heappush(mkTuple([]), 1))).toBe("TypeError: heap must be a list");
  });
});
