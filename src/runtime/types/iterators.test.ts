import { describe, test, expect } from "vitest";
import "../helpers.ts";
import "./index.ts";
import "./descriptors.ts";
import { iteratorTypes } from "./iterators.ts";
import { listType, mkList } from "./list.ts";
import { mkTuple } from "./tuple.ts";
import { None, STOP } from "../object.ts";
import { call } from "../call.ts";
import { callMethod } from "../attr.ts";
import { repr, getIter, iterNext } from "../ops.ts";
import { isPyException } from "../exceptions.ts";
import { pyErrorArgs } from "../../testing.ts";

const { enumerate, zip, map, filter, reversed } = iteratorTypes;
const L = (...a: any[]) => mkList(a);
const list = (x: any) => repr(call(listType, [x], null));
const kw = (o: Record<string, any>) => Object.assign(Object.create(null), o);

describe("builtin iterators", () => {
  test("enumerate", () => {
    expect(list(call(enumerate, [L("a", "b")], null))).toBe("[(0, 'a'), (1, 'b')]");
    expect(list(call(enumerate, [L("a")], kw({ start: 5 })))).toBe("[(5, 'a')]");
    expect(list(call(enumerate, [], kw({ iterable: L(1), start: -1 })))).toBe("[(-1, 1)]");
    const e = call(enumerate, [L(1)], null);
    expect(callMethod(e, "__iter__", [], null)).toBe(e);
    expect(repr(callMethod(e, "__next__", [], null))).toBe("(0, 1)");
    expect(pyErrorArgs(() => callMethod(e, "__next__", [], null))).toBe("StopIteration: ");
  });

  test("zip, map, filter", () => {
    expect(list(call(zip, [L(1, 2, 3), mkTuple(["a", "b"])], null))).toBe("[(1, 'a'), (2, 'b')]");
    expect(list(call(zip, [], null))).toBe("[]");
    const double = (x: any) => x * 2;
    const plus = (x: any, y: any) => x + y;
    expect(list(call(map, [double, L(1, 2)], null))).toBe("[2, 4]");
    expect(list(call(map, [plus, L(1, 2), L(10, 20, 30)], null))).toBe("[11, 22]");
    expect(pyErrorArgs(() => call(map, [double], null))).toMatch(/^TypeError/);
    expect(list(call(filter, [None, L(0, 1, "", "x", None)], null))).toBe("[1, 'x']");
    expect(list(call(filter, [(x: any) => x > 1, L(1, 2, 3)], null))).toBe("[2, 3]");
  });

  test("reversed", () => {
    expect(list(call(reversed, [L(1, 2, 3)], null))).toBe("[3, 2, 1]");
    expect(list(call(reversed, [mkTuple([1, 2])], null))).toBe("[2, 1]");
    expect(pyErrorArgs(() => call(reversed, [5], null))).toMatch(/^TypeError/);
    // the list iterator stops if the list shrinks under it
    const l = L(1, 2, 3);
    const it = getIter(call(reversed, [l], null));
    expect(iterNext(it)).toBe(3);
    l.$a.length = 1;
    expect(iterNext(it)).toBe(STOP);
  });
});
