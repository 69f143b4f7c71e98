import { test, expect } from "vitest";
import "./helpers.ts";
import "./types/index.ts";
import { sortArray } from "./sort.ts";
import { mkTuple } from "./types/tuple.ts";
import { mkFloat } from "./types/float.ts";
import { None } from "./object.ts";
import { repr } from "./ops.ts";
import { isPyException } from "./exceptions.ts";

test("ints, strings and mixed numbers", () => {
  const a = [5, 3, 9, 1];
  sortArray(a, None, false);
  expect(a).toEqual([1, 3, 5, 9]);
  sortArray(a, None, true);
  expect(a).toEqual([9, 5, 3, 1]);
  const s = ["b", "c", "a"];
  sortArray(s, None, false);
  expect(s).toEqual(["a", "b", "c"]);
  const m = [3, mkFloat(2.5), 1];
  sortArray(m, None, false);
  expect(m.map(repr).join(" ")).toMatch(/^1 2.5 3$/);
});

test("stable with key, reverse keeps ties in order", () => {
  const items = Array.from({ length: 100 }, (_, i) => mkTuple([i % 3, i]));
  const key = (t: any) => t.$a[0];
  const a = items.slice();
  sortArray(a, key, false);
  for (let i = 1; i < a.length; i++) {
    const [k0, i0] = a[i - 1].$a, [k1, i1] = a[i].$a;
    expect(k0 < k1 || (k0 === k1 && i0 < i1)).toBe(true);
  }
  sortArray(a, key, true);
  for (let i = 1; i < a.length; i++) {
    const [k0, i0] = a[i - 1].$a, [k1, i1] = a[i].$a;
    expect(k0 > k1 || (k0 === k1 && i0 < i1)).toBe(true);
  }
});

test("tuples compare lexicographically; errors propagate and leave the array", () => {
  const a = [mkTuple([2, "a"]), mkTuple([1, "b"]), mkTuple([1, "a"])];
  sortArray(a, None, false);
  expect(a.map(repr).join(" ")).toBe("(1, 'a') (1, 'b') (2, 'a')");
  const b = [2, "x", 1];
  let err: unknown;
  try {
    sortArray(b, None, false);
  } catch (e) {
    err = e;
  }
  expect(isPyException(err)).toBe(true);
  expect(b).toEqual([2, "x", 1]);
});
