import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import "./iterators.ts";
import { mkList } from "./list.ts";
import { mkTuple } from "./tuple.ts";
import { dictType, PyDict } from "./dict.ts";
import { None, STOP } from "../object.ts";
import { call } from "../call.ts";
import { callMethod, loadAttr } from "../attr.ts";
import { repr, getItem, setItem, delItem, eq, contains, getIter, iterNext, or, ior, toArray, hash } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { mkDict } from "../lang.ts";
import { pyErrorArgs } from "../../testing.ts";

const D = (...kv: any[]) => mkDict(kv);
const T = (...a: any[]) => mkTuple(a);
const kw = (o: Record<string, any>) => Object.assign(Object.create(null), o);
const m = (o: any, name: string, ...args: any[]) => callMethod(o, name, args, null);

describe("dict", () => {
  test("construction and repr", () => {
    expect(repr(call(dictType, [], null))).toBe("{}");
    // Orders are MicroPython's (slot order of its hash tables; checked on its unix port).
    expect(repr(call(dictType, [mkList([T(1, 2), "ab"])], kw({ c: 3 })))).toBe("{'a': 'b', 1: 2, 'c': 3}");
    expect(repr(call(dictType, [D("x", 1)], null))).toBe("{'x': 1}");
    expect(pyErrorArgs(() => call(dictType, [mkList([T(1)])], null))).toBe("ValueError: dict update sequence has wrong length");
    const d = D(1, 2);
    setItem(d, 2, d);
    expect(repr(d)).toBe("{2: {...}, 1: 2}");
  });

  test("item access and methods", () => {
    const d = D("a", 1, "b", 2);
    expect(getItem(d, "a")).toBe(1);
    expect(pyErrorArgs(() => getItem(d, "z"))).toBe("KeyError: z");
    expect(m(d, "get", "z")).toBe(None);
    expect(m(d, "get", "z", 5)).toBe(5);
    expect(m(d, "setdefault", "c", 3)).toBe(3);
    expect(m(d, "setdefault", "c", 4)).toBe(3);
    expect(m(d, "pop", "c")).toBe(3);
    expect(m(d, "pop", "c", 0)).toBe(0);
    expect(pyErrorArgs(() => m(d, "pop", "c"))).toBe("KeyError: c");
    delItem(d, "b");
    expect(pyErrorArgs(() => delItem(d, "b"))).toBe("KeyError: b");
    callMethod(d, "update", [D("x", 1)], kw({ y: 2 }));
    m(d, "update", mkList([T("z", 3)]));
    expect(repr(d)).toBe("{'a': 1, 'x': 1, 'y': 2, 'z': 3}");
    expect(repr(m(d, "popitem"))).toBe("('a', 1)");
    const c = m(d, "copy");
    m(d, "clear");
    expect(repr(d)).toBe("{}");
    expect(pyErrorArgs(() => m(d, "popitem"))).toBe("KeyError: popitem(): dictionary is empty");
    expect(c.$t.size).toBe(3);
    expect(repr(call(loadAttr(dictType, "fromkeys"), [mkList(["a", "b"])], null))).toBe("{'a': None, 'b': None}");
    expect(repr(call(loadAttr(dictType, "fromkeys"), [mkList([1]), 0], null))).toBe("{1: 0}");
  });

  test("views and iteration", () => {
    const d = D(1, 2, 3, 4);
    // MicroPython's order: {1: 2, 3: 4} has 2 slots; 1 goes to slot 1, 3 to the next free one, 0.
    expect(repr(m(d, "keys"))).toBe("dict_keys([3, 1])");
    expect(repr(m(d, "values"))).toBe("dict_values([4, 2])");
    expect(repr(m(d, "items"))).toBe("dict_items([(3, 4), (1, 2)])");
    expect(contains(m(d, "keys"), 3)).toBe(true);
    expect(contains(m(d, "items"), T(3, 4))).toBe(true);
    expect(contains(m(d, "items"), T(3, 5))).toBe(false);
    expect(repr(mkList(toArray(d)))).toBe("[3, 1]");
    expect(pyErrorArgs(() => hash(m(d, "keys")))).toMatch(/^TypeError/);
    expect(typeof hash(m(d, "values"))).toBe("number");
    const it = getIter(d);
    iterNext(it);
    setItem(d, 5, 6);
    expect(pyErrorArgs(() => iterNext(it))).toBe("RuntimeError: dictionary changed size during iteration");
    void STOP;
  });

  test("equality, union, keys", () => {
    expect(eq(D(1, 2, 3, 4), D(3, 4, 1, 2))).toBe(true);
    expect(eq(D(1, 2), D(1, 3))).toBe(false);
    expect(repr(or(D(1, 2), D(1, 3, 4, 5)))).toBe("{4: 5, 1: 3}"); // MicroPython's order
    const d = D(1, 2);
    expect(ior(d, mkList([T(7, 8)]))).toBe(d);
    expect(pyErrorArgs(() => or(D(), 1))).toMatch(/^TypeError/);
    // 1, 1.0 and True are one key; tuples hash by value
    const e = D(T(1, 2), "t", true, "one");
    expect(getItem(e, T(1, 2))).toBe("t");
    expect(getItem(e, 1)).toBe("one");
    expect(pyErrorArgs(() => setItem(e, mkList([]), 1))).toBe("TypeError: unhashable type: 'list'");
    expect(e instanceof PyDict).toBe(true);
  });
});

describe("fixed dict", () => {
  test("mutation raises TypeError, reads work", async () => {
    const { freezeDict, dictType: dt } = await import("./dict.ts");
    const d = freezeDict(D(1, "a"));
    expect(getItem(d, 1)).toBe("a");
    expect(pyErrorArgs(() => setItem(d, 2, 0))).toMatch(/^TypeError/);
    expect(pyErrorArgs(() => delItem(d, 1))).toMatch(/^TypeError/);
    expect(pyErrorArgs(() => m(d, "popitem"))).toMatch(/^TypeError/);
    expect(pyErrorArgs(() => m(d, "update", D()))).toMatch(/^TypeError/);
    expect(eq(m(d, "copy"), D(1, "a"))).toBe(true);
    expect(d.$cls.$name).toBe("dict");
    void dt;
  });
});
