import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, isInstance } from "../runtime/object.ts";
import { call } from "../runtime/call.ts";
import { repr, toArray, getItem, setItem, isTrue, eqBool } from "../runtime/ops.ts";
import { loadAttr, storeAttr, callMethod } from "../runtime/attr.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple, tupleType } from "../runtime/types/tuple.ts";
import { makeModule } from "./collections.ts";
import { pyError } from "../testing.ts";

const m = makeModule();

describe("namedtuple", () => {
  const T = call(m.namedtuple, ["Tup", mkList(["foo", "bar"])], null);
  it("creates tuples with fields", () => {
    const t = call(T, [1, 2], null);
    expect(repr(t)).toBe("Tup(foo=1, bar=2)");
    expect(loadAttr(t, "foo")).toBe(1);
    expect(t.bar).toBe(2);
    expect(getItem(t, 1)).toBe(2);
    expect(isInstance(t, tupleType)).toBe(true);
    expect(eqBool(t, mkTuple([1, 2]))).toBe(true);
    expect(eqBool(mkTuple([1, 2]), t)).toBe(true);
  });
  it("takes keyword arguments", () => {
    expect(repr(call(T, [], { bar: 1, foo: 2 }))).toBe("Tup(foo=2, bar=1)");
    expect(repr(call(T, [3], { bar: 4 }))).toBe("Tup(foo=3, bar=4)");
  });
  it("checks arguments like MicroPython", () => {
    expect(pyError(() => call(T, [1], null))).toBe("TypeError: Tup() takes 2 positional arguments but 1 were given");
    expect(pyError(() => call(T, [1, 2, 3], null))).toBe("TypeError: Tup() takes 2 positional arguments but 3 were given");
    expect(pyError(() => call(T, [1], { foo: 1 }))).toBe("TypeError: function got multiple values for argument 'foo'");
    expect(pyError(() => call(T, [1], { baz: 3 }))).toBe("TypeError: unexpected keyword argument 'baz'");
    expect(pyError(() => call(m.namedtuple, ["T", 1], null))).toBe("TypeError: object 'int' isn't a tuple or list");
  });
  it("has read-only fields", () => {
    const t = call(T, [1, 2], null);
    expect(pyError(() => storeAttr(t, "bar", 5))).toBe("AttributeError: can't set attribute");
    expect(pyError(() => setItem(t, 0, 5))).toMatch(/^TypeError/);
  });
  it("accepts a string of names, a tuple, or nothing", () => {
    const T3 = call(m.namedtuple, ["TupComma", "foo  bar"], null);
    expect(repr(call(T3, [1, 2], null))).toBe("TupComma(foo=1, bar=2)");
    const T5 = call(m.namedtuple, ["TupEmpty", mkList([])], null);
    expect(repr(call(T5, [], null))).toBe("TupEmpty()");
  });
  it("keeps function-valued fields", () => {
    const f = () => 1;
    const t = call(T, [f, 2], null);
    expect(loadAttr(t, "foo")).toBe(f);
  });
});

describe("OrderedDict", () => {
  const OD = m.OrderedDict;
  it("keeps order, pops the last item", () => {
    const d = call(OD, [mkList([mkTuple([10, 20]), mkTuple(["b", 100]), mkTuple([1, 2])])], null);
    expect(repr(d)).toBe("OrderedDict({10: 20, 'b': 100, 1: 2})");
    expect(repr(callMethod(d, "popitem", [], null))).toBe("(1, 2)");
    expect(repr(d)).toBe("OrderedDict({10: 20, 'b': 100})");
  });
  it("compares order with another OrderedDict", () => {
    const a = call(OD, [], null);
    const b = call(OD, [], null);
    setItem(a, "a", 1);
    setItem(a, "b", 2);
    setItem(b, "b", 2);
    setItem(b, "a", 1);
    expect(eqBool(a, b)).toBe(false);
    callMethod(b, "pop", ["b"], null);
    setItem(b, "b", 2);
    expect(eqBool(a, b)).toBe(true);
  });
  it("takes keyword arguments", () => {
    expect(repr(call(OD, [], { x: 1, y: 2 }))).toBe("OrderedDict({'x': 1, 'y': 2})");
  });
  it("raises on popitem of an empty dict", () => {
    expect(pyError(() => callMethod(call(OD, [], null), "popitem", [], null))).toBe("KeyError: popitem(): dictionary is empty");
  });
});

describe("deque", () => {
  const D = m.deque;
  it("drops the oldest items beyond maxlen", () => {
    const d = call(D, [mkList([1, 2, 3, 4, 5]), 3], null);
    expect(toArray(d)).toEqual([3, 4, 5]);
    callMethod(d, "extend", [mkList([6, 7])], null);
    expect(toArray(d)).toEqual([5, 6, 7]);
    callMethod(d, "appendleft", [0], null);
    expect(toArray(d)).toEqual([0, 5, 6]);
  });
  it("pops from both ends", () => {
    const d = call(D, [mkTuple([]), 2], null);
    expect(isTrue(d)).toBe(false);
    expect(pyError(() => callMethod(d, "popleft", [], null))).toBe("IndexError: empty");
    callMethod(d, "append", [1], null);
    callMethod(d, "append", [2], null);
    callMethod(d, "append", [3], null);
    expect(callMethod(d, "__len__", [], null)).toBe(2);
    expect(callMethod(d, "pop", [], null)).toBe(3);
    expect(callMethod(d, "popleft", [], null)).toBe(2);
    expect(pyError(() => callMethod(d, "pop", [], null))).toBe("IndexError: empty");
  });
  it("indexes from both ends", () => {
    const d = call(D, [mkTuple([0, 1, 2, 3]), 5], null);
    expect([getItem(d, 0), getItem(d, 1), getItem(d, -1)]).toEqual([0, 1, 3]);
    setItem(d, 3, 5);
    expect(getItem(d, 3)).toBe(5);
    expect(pyError(() => getItem(d, 4))).toBe("IndexError: deque index out of range");
    expect(pyError(() => getItem(d, call(m.deque, [mkTuple([]), 1], null)))).toMatch(/^TypeError/);
  });
  it("raises 'full' with the overflow flag", () => {
    const d = call(D, [mkTuple([]), 2, true], null);
    callMethod(d, "append", [5], null);
    callMethod(d, "append", [6], null);
    expect(pyError(() => callMethod(d, "append", [7], null))).toBe("IndexError: full");
    expect(pyError(() => callMethod(d, "appendleft", [8], null))).toBe("IndexError: full");
    expect(toArray(d)).toEqual([5, 6]);
  });
  it("checks its arguments", () => {
    expect(pyError(() => call(D, [mkTuple([])], null))).toBe("TypeError: function missing 1 required positional arguments");
    expect(pyError(() => call(D, [mkTuple([]), -1], null))).toBe("ValueError: ");
  });
});
