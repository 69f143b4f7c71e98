import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import "./iterators.ts";
import { rangeType } from "./range.ts";
import { listType } from "./list.ts";
import { mkSlice } from "./slice.ts";
import { mkFloat } from "./float.ts";
import { None } from "../object.ts";
import { call } from "../call.ts";
import { callMethod } from "../attr.ts";
import { repr, eq, contains, getItem, isTrue } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { iteratorTypes } from "./iterators.ts";
import { pyErrorArgs } from "../../testing.ts";

const R = (...a: any[]) => call(rangeType, a, null);
const list = (x: any) => repr(call(listType, [x], null));
const len = (x: any) => callMethod(x, "__len__", [], null);

describe("range", () => {
  test("repr, len, items", () => {
    expect(repr(R(4))).toBe("range(0, 4)");
    expect(repr(R(1, 9, 2))).toBe("range(1, 9, 2)");
    expect([len(R(0)), len(R(1, 4)), len(R(1, 4, 2)), len(R(1, 4, -1)), len(R(4, 1, -2))]).toEqual([0, 3, 2, 0, 2]);
    expect(isTrue(R(0))).toBe(false);
    expect(list(R(5, 0, -2))).toBe("[5, 3, 1]");
    expect(getItem(R(4), -1)).toBe(3);
    expect(pyErrorArgs(() => getItem(R(4), 4))).toBe("IndexError: range index out of range");
    expect(repr(getItem(R(4), mkSlice(1, -2, 2)))).toBe("range(1, 2, 2)");
    expect(repr(getItem(R(1, 100, 5), mkSlice(15, 5, -3)))).toBe("range(76, 26, -15)");
    expect(pyErrorArgs(() => R(1, 2, 0))).toBe("ValueError: zero step");
    expect(pyErrorArgs(() => R(mkFloat(1.5)))).toMatch(/^TypeError/);
  });

  test("contains, eq, index, reversed", () => {
    expect(contains(R(0, 10, 3), 9)).toBe(true);
    expect(contains(R(0, 10, 3), 8)).toBe(false);
    expect(contains(R(10, 0, -3), 4)).toBe(true);
    expect(contains(R(3), mkFloat(2))).toBe(true);
    expect(eq(R(0), R(5, 1))).toBe(true);
    expect(eq(R(1, 2, 5), R(1, 3, 7))).toBe(true);
    expect(eq(R(3), R(0, 3, 1))).toBe(true);
    expect(eq(R(3), R(4))).toBe(false);
    expect(callMethod(R(0, 10, 2), "index", [6], null)).toBe(3);
    expect(list(call(iteratorTypes.reversed, [R(1, 10, 3)], null))).toBe("[7, 4, 1]");
    expect(list(call(iteratorTypes.reversed, [R(0)], null))).toBe("[]");
  });

  test("big bounds", () => {
    const big = 2n ** 63n - 1n;
    const r = R(big, 0, -1);
    expect(len(r)).toBe(big);
    expect(getItem(r, 1)).toBe(big - 1n);
    const r2 = R(-big + 1n, -1);
    expect(getItem(r2, -1)).toBe(-2);
    expect(r2.start).toBe(-big + 1n);
    expect(None).toBe(None);
  });
});
