import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import "./iterators.ts";
import { mkList } from "./list.ts";
import { mkTuple, tupleType, emptyTuple } from "./tuple.ts";
import { mkSlice, sliceType } from "./slice.ts";
import { mkFloat } from "./float.ts";
import { None } from "../object.ts";
import { call } from "../call.ts";
import { callMethod } from "../attr.ts";
import { repr, getItem, add, mul, eq, lt, hash, contains } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { pyErrorArgs } from "../../testing.ts";

const T = (...a: any[]) => mkTuple(a);
const m = (o: any, name: string, ...args: any[]) => callMethod(o, name, args, null);

describe("tuple", () => {
  test("construction, repr, methods", () => {
    expect(repr(T())).toBe("()");
    expect(repr(T(1))).toBe("(1,)");
    expect(repr(T(1, "a"))).toBe("(1, 'a')");
    expect(call(tupleType, [], null)).toBe(emptyTuple);
    const t = T(1, 2);
    expect(call(tupleType, [t], null)).toBe(t);
    expect(repr(call(tupleType, [mkList([3])], null))).toBe("(3,)");
    expect(m(T(1, 2, 1), "count", 1)).toBe(2);
    expect(m(T(1, 2, 1), "index", 1, 1)).toBe(2);
    expect(pyErrorArgs(() => m(T(1), "index", 5))).toBe("ValueError: object not in sequence");
  });

  test("indexing, slicing, operators", () => {
    const t = T(0, 1, 2, 3);
    expect(getItem(t, -1)).toBe(3);
    expect(pyErrorArgs(() => getItem(t, 4))).toBe("IndexError: tuple index out of range");
    expect(repr(getItem(t, mkSlice(1, None, 2)))).toBe("(1, 3)");
    expect(repr(add(T(1), T(2)))).toBe("(1, 2)");
    expect(pyErrorArgs(() => add(T(1), mkList([2])))).toMatch(/^TypeError/);
    expect(repr(mul(T(1, 2), 2))).toBe("(1, 2, 1, 2)");
    expect(repr(mul(3, T(0)))).toBe("(0, 0, 0)");
    expect(eq(T(1, 2), T(1, 2))).toBe(true);
    expect(lt(T(1, 2), T(1, 2, 3))).toBe(true);
    expect(lt(T(2), T(1, 2))).toBe(false);
    expect(contains(T(1, 2), 2)).toBe(true);
  });

  test("hash", () => {
    expect(hash(T(1, 2))).toBe(hash(T(1, 2)));
    expect(hash(T(1, 2))).not.toBe(hash(T(2, 1)));
    expect(hash(T("a", T(1)))).toBe(hash(T("a", T(1))));
    expect(pyErrorArgs(() => hash(T(mkList([]))))).toBe("TypeError: unhashable type: 'list'");
  });

  test("slice object", () => {
    const s = call(sliceType, [1, 10, 2], null);
    expect(repr(s)).toBe("slice(1, 10, 2)");
    expect(repr(m(s, "indices", 5))).toBe("(1, 5, 2)");
    expect(repr(m(mkSlice(None, None, -2), "indices", 7))).toBe("(6, -1, -2)");
    expect(repr(m(mkSlice(7, 2, -2), "indices", 5))).toBe("(4, 2, -2)");
    expect(eq(mkSlice(1, 2, None), mkSlice(1, 2, None))).toBe(true);
    expect(pyErrorArgs(() => m(s, "indices", None))).toMatch(/^TypeError/);
    const s5 = call(sliceType, [5], null);
    expect([s5.start, s5.stop, s5.step]).toEqual([None, 5, None]);
    void mkFloat;
  });
});
