import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import { listType, mkList, PyList } from "./list.ts";
import "./iterators.ts";
import { mkTuple } from "./tuple.ts";
import { mkSlice } from "./slice.ts";
import { None, STOP } from "../object.ts";
import { call } from "../call.ts";
import { callMethod } from "../attr.ts";
import { repr, getItem, setItem, delItem, add, mul, iadd, imul, eq, lt, le, getIter, iterNext, contains, isTrue } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { pyErrorArgs } from "../../testing.ts";

const L = (...a: any[]) => mkList(a);
const m = (o: any, name: string, ...args: any[]) => callMethod(o, name, args, null);
const S = (a: any, b: any, c: any = None) => mkSlice(a, b, c);
/** "ExcName: message" of the Python exception f raises. */

describe("list", () => {
  test("construction and repr", () => {
    expect(repr(call(listType, [], null))).toBe("[]");
    expect(repr(call(listType, [mkTuple([1, 2])], null))).toBe("[1, 2]");
    expect(repr(call(listType, ["ab"], null))).toBe("['a', 'b']");
    const l = L(1);
    l.$a.push(l);
    expect(repr(l)).toBe("[1, [...]]");
    expect(pyErrorArgs(() => call(listType, [1], null))).toBe("TypeError: 'int' object isn't iterable");
  });

  test("methods", () => {
    const l = L(1, 2, 3);
    m(l, "append", 4);
    m(l, "extend", mkTuple([5, 6]));
    m(l, "insert", 0, 0);
    m(l, "insert", -1, 9);
    m(l, "insert", 100, 7);
    expect(repr(l)).toBe("[0, 1, 2, 3, 4, 5, 9, 6, 7]");
    expect(m(l, "pop")).toBe(7);
    expect(m(l, "pop", 0)).toBe(0);
    expect(m(l, "pop", -2)).toBe(9);
    m(l, "remove", 3);
    expect(repr(l)).toBe("[1, 2, 4, 5, 6]");
    expect(m(l, "index", 4)).toBe(2);
    expect(m(l, "index", 4, 1, 3)).toBe(2);
    expect(pyErrorArgs(() => m(l, "index", 4, 3))).toBe("ValueError: object not in sequence");
    expect(pyErrorArgs(() => m(l, "remove", 42))).toBe("ValueError: object not in sequence");
    expect(m(L(1, 2, 1, 1), "count", 1)).toBe(3);
    expect(pyErrorArgs(() => m(L(), "pop"))).toBe("IndexError: pop from empty list");
    expect(pyErrorArgs(() => m(L(1), "pop", 5))).toBe("IndexError: list index out of range");
    m(l, "reverse");
    expect(repr(l)).toBe("[6, 5, 4, 2, 1]");
    const c = m(l, "copy");
    m(l, "clear");
    expect(repr(l)).toBe("[]");
    expect(repr(c)).toBe("[6, 5, 4, 2, 1]");
    m(c, "extend", c);
    expect(c.$a.length).toBe(10);
  });

  test("sort with key and reverse", () => {
    const l = L(3, 1, 2);
    m(l, "sort");
    expect(repr(l)).toBe("[1, 2, 3]");
    callMethod(l, "sort", [], { __proto__: null, reverse: true } as any);
    expect(repr(l)).toBe("[3, 2, 1]");
    const words = L("bb", "a", "ccc", "dd");
    const len = (x: any) => x.length;
    callMethod(words, "sort", [], { __proto__: null, key: len } as any);
    expect(repr(words)).toBe("['a', 'bb', 'dd', 'ccc']");
    callMethod(words, "sort", [], { __proto__: null, key: len, reverse: true } as any);
    expect(repr(words)).toBe("['ccc', 'bb', 'dd', 'a']");
    expect(pyErrorArgs(() => m(L(1, "a"), "sort"))).toMatch(/^TypeError/);
    expect(pyErrorArgs(() => m(L(1), "sort", 1))).toMatch(/^TypeError/);
  });

  test("indexing and slicing", () => {
    const l = L(0, 1, 2, 3, 4, 5);
    expect(getItem(l, -1)).toBe(5);
    expect(getItem(l, true)).toBe(1);
    expect(pyErrorArgs(() => getItem(l, 6))).toBe("IndexError: list index out of range");
    expect(pyErrorArgs(() => getItem(l, "a"))).toBe("TypeError: list indices must be integers, not str");
    expect(repr(getItem(l, S(1, 3)))).toBe("[1, 2]");
    expect(repr(getItem(l, S(None, None, -2)))).toBe("[5, 3, 1]");
    expect(repr(getItem(l, S(-2, None)))).toBe("[4, 5]");
    expect(repr(getItem(l, S(4, 1)))).toBe("[]");
    expect(pyErrorArgs(() => getItem(l, S(None, None, 0)))).toBe("ValueError: slice step can't be zero");
  });

  test("slice assignment and deletion", () => {
    let l = L(0, 1, 2, 3, 4, 5);
    setItem(l, S(1, 3), L(10, 20, 30));
    expect(repr(l)).toBe("[0, 10, 20, 30, 3, 4, 5]");
    setItem(l, S(None, None), "ab");
    expect(repr(l)).toBe("['a', 'b']");
    l = L(0, 1, 2, 3, 4, 5);
    setItem(l, S(None, None, 2), L(7, 8, 9));
    expect(repr(l)).toBe("[7, 1, 8, 3, 9, 5]");
    expect(pyErrorArgs(() => setItem(l, S(None, None, 2), L(1)))).toBe(
      "ValueError: attempt to assign sequence of size 1 to extended slice of size 3");
    setItem(l, S(4, 2), L(42));
    expect(repr(l)).toBe("[7, 1, 8, 3, 42, 9, 5]");
    setItem(l, S(None, None), l);
    expect(repr(l)).toBe("[7, 1, 8, 3, 42, 9, 5]");
    delItem(l, S(None, None, 2));
    expect(repr(l)).toBe("[1, 3, 9]");
    l = L(0, 1, 2, 3, 4, 5, 6);
    delItem(l, S(None, None, -3));
    expect(repr(l)).toBe("[1, 2, 4, 5]");
    delItem(l, S(1, 3));
    delItem(l, -1);
    expect(repr(l)).toBe("[1]");
    expect(pyErrorArgs(() => setItem(L(), S(0, 1), 123))).toBe("TypeError: 'int' object isn't iterable");
  });

  test("operators", () => {
    expect(repr(add(L(1), L(2)))).toBe("[1, 2]");
    expect(pyErrorArgs(() => add(L(1), mkTuple([2])))).toMatch(/^TypeError/);
    const l = L(1);
    expect(iadd(l, mkTuple([2]))).toBe(l);
    expect(repr(mul(L(1, 2), 2))).toBe("[1, 2, 1, 2]");
    expect(repr(mul(2, L(1)))).toBe("[1, 1]");
    expect(repr(mul(L(1), -1))).toBe("[]");
    expect(imul(l, 2)).toBe(l);
    expect(repr(l)).toBe("[1, 2, 1, 2]");
    expect(eq(L(1, 2), L(1, 2))).toBe(true);
    expect(eq(L(1, 2), mkTuple([1, 2]))).toBe(false);
    expect(lt(L(1, 2), L(1, 3))).toBe(true);
    expect(lt(L(1, 2), L(1, 2, 0))).toBe(true);
    expect(le(L(2), L(1, 5))).toBe(false);
    expect(pyErrorArgs(() => lt(L(1), 1))).toMatch(/^TypeError/);
    expect(contains(L(1, 2), 2)).toBe(true);
    expect(isTrue(L())).toBe(false);
  });

  test("iteration sees appends", () => {
    const l = L(1, 2);
    const it = getIter(l);
    const seen: any[] = [];
    for (let v = iterNext(it); v !== STOP; v = iterNext(it)) {
      seen.push(v);
      if (v < 4) l.$a.push(v + 2);
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(l instanceof PyList).toBe(true);
  });
});
