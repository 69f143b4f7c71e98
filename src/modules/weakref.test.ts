import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, None } from "../runtime/object.ts";
import { call } from "../runtime/call.ts";
import { repr } from "../runtime/ops.ts";
import { loadAttr, callMethod } from "../runtime/attr.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { makeModule } from "./weakref.ts";
import { pyError } from "../testing.ts";

const wr = makeModule();

describe("weakref", () => {
  it("ref returns its object while alive", () => {
    const o = mkList([1]);
    const r = call(wr.ref, [o], null);
    expect(call(r, [], null)).toBe(o);
    callMethod(r, "__del__", [], null);
    expect(call(r, [], null)).toBe(None);
  });
  it("refuses non-heap objects", () => {
    for (const v of [None, false, true, 0, "", mkTuple([])])
      expect(pyError(() => call(wr.ref, [v], null))).toBe("TypeError: not a heap object");
  });
  it("finalize: alive, peek, detach, call", () => {
    const o = mkList([]);
    const p = call(wr.finalize, [o, () => 0, 1, 2], { k: 3 });
    expect(repr(callMethod(p, "peek", [], null)).endsWith("(1, 2), {'k': 3})")).toBe(true);
    const f = call(wr.finalize, [o, (a: any, b: any) => a + b, 1, 2], null);
    expect(loadAttr(f, "alive")).toBe(true);
    expect(call(f, [], null)).toBe(3);
    expect(loadAttr(f, "alive")).toBe(false);
    expect(call(f, [], null)).toBe(None);
    const g = call(wr.finalize, [o, () => 1], null);
    expect(callMethod(g, "detach", [], null).$a.length).toBe(4);
    expect(callMethod(g, "detach", [], null)).toBe(None);
  });
});
