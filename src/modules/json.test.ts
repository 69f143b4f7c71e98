import { describe, it, expect } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, None } from "../runtime/object.ts";
import { call } from "../runtime/call.ts";
import { repr } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkDict, PyDict } from "../runtime/types/dict.ts";
import { mkFloat, PyFloat } from "../runtime/types/float.ts";
import { bytesFromLatin1, mkByteArray } from "../runtime/types/bytes.ts";
import { makeModule } from "./json.ts";
import { pyError } from "../testing.ts";

const json = makeModule();
const dumps = (x: any, seps?: any) => call(json.dumps, [x], seps === undefined ? null : { separators: seps });
const dict = (...kv: any[]) => {
  const d = mkDict();
  for (let i = 0; i < kv.length; i += 2) d.$t.set(kv[i], kv[i + 1]);
  return d;
};
/** A loaded value as a compact, Python-like string (None-safe, dicts in order). */
const show = (v: any): string => {
  if (v === None) return "None";
  if (v instanceof PyDict) return "{" + [...v.$t.entries()].map((e) => `${show(e.k)}: ${show(e.v)}`).join(", ") + "}";
  if (v?.$a !== undefined) return "[" + v.$a.map(show).join(", ") + "]";
  if (v instanceof PyFloat) return String(v.$v) + "f";
  return repr(v);
};
const loads = (s: any) => show(json.loads(s));

describe("json.dumps", () => {
  it("prints values like MicroPython", () => {
    expect(dumps(false)).toBe("false");
    expect(dumps(None)).toBe("null");
    expect(dumps(12345678901234567890n)).toBe("12345678901234567890");
    expect(dumps("\x00\x01\x7e")).toBe('"\\u0000\\u0001~"');
    expect(dumps('"quoted"')).toBe('"\\"quoted\\""');
    expect(dumps("space\n\r\tspace")).toBe('"space\\n\\r\\tspace"');
    expect(dumps("é\x7f")).toBe('"é\x7f"');
    expect(dumps(mkTuple([1, mkTuple([2, 3])]))).toBe("[1, [2, 3]]");
    expect(dumps(dict("a", mkTuple([2, mkList([3, None])])))).toBe('{"a": [2, [3, null]]}');
    expect(dumps(mkFloat(1.2))).toBe("1.2");
    expect(dumps(bytesFromLatin1("1234"))).toBe('"1234"');
  });

  it("quotes keys that are not strings", () => {
    expect(dumps(dict(None, -1))).toBe('{"null": -1}');
    expect(dumps(dict(false, 0))).toBe('{"false": 0}');
    expect(dumps(dict(1, 2))).toBe('{"1": 2}');
    expect(dumps(dict(mkFloat(1.5), "hi"))).toBe('{"1.5": "hi"}');
  });

  it("takes separators", () => {
    const v = dict("a", mkTuple([2, mkList([3, None])]));
    expect(dumps(v, mkTuple([",", ":"]))).toBe('{"a":[2,[3,null]]}');
    expect(dumps(v, mkList([",", ": "]))).toBe('{"a": [2,[3,null]]}');
    expect(dumps(v, None)).toBe('{"a": [2, [3, null]]}');
    expect(pyError(() => dumps(false, 1))).toBe("TypeError: object 'int' isn't a tuple or list");
    expect(pyError(() => dumps(false, mkTuple([","])))).toBe("ValueError: requested length 2 but object has length 1");
    expect(pyError(() => dumps(false, dict("a", 1)))).toMatch(/^TypeError/);
  });

  it("raises RuntimeError for a structure containing itself", () => {
    const l = mkList([]);
    l.$a.push(l);
    expect(pyError(() => dumps(l))).toBe("RuntimeError: maximum recursion depth exceeded");
  });

  it("dump needs a stream", () => {
    expect(pyError(() => call(json.dump, [123, 1], null))).toBe("OSError: stream operation not supported");
  });
});

describe("json.loads", () => {
  it("parses values", () => {
    expect(loads("null")).toBe("None");
    expect(loads("-2")).toBe("-2");
    expect(loads('"abc\\u0064e"')).toBe("'abcde'");
    expect(loads(" [ null , false , true ] ")).toBe("[None, False, True]");
    expect(loads('{"a":[], "b":[1], "c":{"3":4}}')).toBe("{'a': [], 'c': {'3': 4}, 'b': [1]}"); // MicroPython's order
    expect(loads('"abc\\bdef\\f\\n\\r\\t\\/"')).toBe(repr("abc\bdef\f\n\r\t/"));
    expect(loads('"abc\\uabcd"')).toBe(repr("abc\uabcd"));
    expect(loads("9111222333444555666")).toBe("9111222333444555666");
    expect(loads('["9111222333444555666777",-9111222333444555666]')).toBe("['9111222333444555666777', -9111222333444555666]");
    expect(loads("-2e-3")).toBe("-0.002f");
    expect(loads("1e2")).toBe("100f");
    expect(loads('{\n\t"a":[]\r\n, "b":[1]     \n\r\t\r\r\r\n}')).toBe("{'a': [], 'b': [1]}");
  });

  it("accepts MicroPython's superset of JSON", () => {
    expect(loads("[1 2,,3]")).toBe("[1, 2, 3]");
    expect(loads("[1}")).toBe("[1]");
    expect(loads("{1:2}")).toBe("{1: 2}");
    expect(loads("1\x00garbage")).toBe("1"); // NUL ends the input
  });

  it("loads bytes-like objects", () => {
    expect(loads(bytesFromLatin1("[1,2]"))).toBe("[1, 2]");
    expect(loads(mkByteArray(new TextEncoder().encode("[null]")))).toBe("[None]");
    expect(pyError(() => json.loads(1))).toBe("TypeError: object with buffer protocol required");
  });

  it("rejects malformed input with ValueError", () => {
    for (const s of ["", '"abc', "]", "a", '{{}:"abc"}', "[null]   a", '{"a":0,', '{"a":0, [', "[0,", '[0, {"a":0, ', "nul", "1 2"]) {
      expect(pyError(() => json.loads(s))).toBe("ValueError: syntax error in JSON");
    }
    expect(pyError(() => json.loads("1-2"))).toMatch(/^ValueError: invalid syntax for integer/);
    expect(pyError(() => json.loads("1.2.3"))).toBe("ValueError: invalid syntax for number");
  });
});
