import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import "./iterators.ts";
import { mkList } from "./list.ts";
import { mkTuple } from "./tuple.ts";
import { mkSet, setType, frozensetType } from "./set.ts";
import { None } from "../object.ts";
import { call } from "../call.ts";
import { callMethod } from "../attr.ts";
import { repr, eq, ne, lt, le, gt, ge, contains, or, and, sub, xor, ior, iand, isub, ixor, hash, getIter, iterNext } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { mkDict } from "../lang.ts";
import { pyErrorArgs } from "../../testing.ts";

const S = (...a: any[]) => mkSet(a);
const F = (...a: any[]) => call(frozensetType, [mkList(a)], null);
const m = (o: any, name: string, ...args: any[]) => callMethod(o, name, args, null);

describe("set and frozenset", () => {
  test("repr and construction", () => {
    expect(repr(S())).toBe("set()");
    // Orders are MicroPython's (slot order of its hash tables; checked on its unix port).
    expect(repr(S(1, 2))).toBe("{2, 1}");
    expect(repr(F())).toBe("frozenset()");
    expect(repr(F(1))).toBe("frozenset({1})");
    expect(repr(call(setType, [mkTuple([1, 1, 2])], null))).toBe("{2, 1}");
    const f = F(1);
    expect(call(frozensetType, [f], null)).toBe(f);
  });

  test("mutation", () => {
    const s = S(1);
    m(s, "add", 2);
    m(s, "discard", 5);
    m(s, "remove", 1);
    expect(pyErrorArgs(() => m(s, "remove", 1))).toBe("KeyError: 1");
    m(s, "update", mkList([3, 4]), mkTuple([5]));
    expect(repr(s)).toBe("{4, 5, 2, 3}");
    expect(m(s, "pop")).toBe(4);
    m(s, "clear");
    expect(pyErrorArgs(() => m(s, "pop"))).toBe("KeyError: pop from an empty set");
    expect(pyErrorArgs(() => m(F(1), "add", 2))).toMatch(/^AttributeError/);
  });

  test("algebra", () => {
    expect(repr(m(S(1, 2), "union", mkList([3]), mkList([4])))).toBe("{4, 1, 2, 3}");
    expect(repr(m(S(1, 2, 3), "intersection", mkList([2, 3, 4])))).toBe("{2, 3}");
    expect(repr(m(S(1, 2, 3), "difference", mkList([2]), S(3)))).toBe("{1}");
    expect(repr(m(S(1, 2), "symmetric_difference", mkList([2, 3])))).toBe("{3, 1}");
    expect(repr(or(S(1), F(2)))).toBe("{2, 1}");
    expect(repr(or(F(1), S(2)))).toBe("frozenset({2, 1})");
    expect(repr(and(S(1, 2), S(2)))).toBe("{2}");
    expect(repr(sub(S(1, 2), S(2)))).toBe("{1}");
    expect(repr(xor(S(1, 2), S(2, 3)))).toBe("{3, 1}");
    expect(pyErrorArgs(() => or(S(1), mkList([2])))).toMatch(/^TypeError/);
    const s = S(1, 2, 3);
    expect(ior(s, S(4))).toBe(s);
    iand(s, S(1, 2, 4));
    isub(s, S(1));
    ixor(s, S(2, 9));
    expect(repr(s)).toBe("{4, 9}");
    const t = S(1, 2);
    m(t, "intersection_update", mkList([2]));
    m(t, "difference_update", mkList([7]));
    m(t, "symmetric_difference_update", mkList([2, 5]));
    expect(repr(t)).toBe("{5}");
  });

  test("comparisons and hashing", () => {
    expect(eq(S(1, 2), F(2, 1))).toBe(true);
    expect(ne(S(1, 2), S(1))).toBe(true);
    expect(le(S(1), S(1, 2))).toBe(true);
    expect(lt(S(1, 2), S(1, 2))).toBe(false);
    expect(ge(S(1, 2), S(1))).toBe(true);
    expect(gt(S(1, 2), S(1))).toBe(true);
    expect(m(S(1), "issubset", mkList([1, 2]))).toBe(true);
    expect(m(S(1, 3), "issuperset", mkList([1]))).toBe(true);
    expect(m(S(1), "isdisjoint", mkList([2]))).toBe(true);
    expect(hash(F(1, 2))).toBe(hash(F(2, 1)));
    expect(pyErrorArgs(() => hash(S()))).toMatch(/^TypeError/);
    expect(contains(S(mkTuple([1])), mkTuple([1]))).toBe(true);
    const d = mkDict([F(1, 2), "x"]);
    expect(contains(d, F(2, 1))).toBe(true);
    expect(None).toBe(None);
  });

  test("iteration detects size change", () => {
    const s = S(1, 2);
    const it = getIter(s);
    expect(iterNext(it)).toBe(2); // slot order: 2 % 2 = 0, 1 % 2 = 1
    m(s, "add", 3);
    expect(pyErrorArgs(() => iterNext(it))).toBe("RuntimeError: Set changed size during iteration");
  });
});
