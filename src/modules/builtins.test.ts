import { describe, it, expect, beforeEach } from "vitest";
import "../runtime/types/index.ts";
import { typeOf, None, PyType, builtin, Ellipsis, NotImplemented, STOP } from "../runtime/object.ts";
import { call, callType } from "../runtime/call.ts";
import { loadAttr, storeAttr } from "../runtime/attr.ts";
import { repr, str, getIter, iterNext, toArray } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { PyDict } from "../runtime/types/dict.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { typeNew } from "../runtime/types/type.ts";
import { PyProperty } from "../runtime/types/function.ts";
import { newExc, exceptionTypes } from "../runtime/exceptions.ts";
import { registerCode, captureTraceback } from "../runtime/traceback.ts";
import { io } from "../runtime/stdio.ts";
import { makeBuiltins, globalsDict, builtinsHooks } from "./builtins.ts";
import { formatException } from "../runtime/printexc.ts";
import { pyError } from "../testing.ts";

const B = makeBuiltins();
const kw = (o: Record<string, any>) => Object.assign(Object.create(null), o);
const c = (name: string, args: any[], k: Record<string, any> | null = null) => call(B[name], args, k === null ? null : kw(k));
let out = "";
beforeEach(() => {
  out = "";
  io.write = (s: string) => {
    out += s;
  };
});

describe("namespace", () => {
  it("has MicroPython's builtins", () => {
    for (const n of ["abs", "all", "any", "bin", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval",
      "exec", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter",
      "len", "locals", "max", "min", "next", "oct", "open", "ord", "pow", "print", "repr", "round", "setattr",
      "sorted", "sum", "__import__", "__build_class__", "int", "str", "object", "type", "super", "property",
      "ValueError", "BaseException", "NotImplemented", "Ellipsis"]) {
      expect(B[n], n).toBeDefined();
    }
    expect(Object.getPrototypeOf(B)).toBe(null);
  });
});

describe("numbers", () => {
  it("abs, divmod, pow, round", () => {
    expect(c("abs", [-3])).toBe(3);
    expect(c("abs", [-(2n ** 60n)])).toBe(2n ** 60n);
    expect(c("abs", [true])).toBe(1);
    expect(repr(c("divmod", [7, -2]))).toBe("(-4, -1)");
    expect(repr(c("divmod", [-7, 2]))).toBe("(-4, 1)");
    expect(pyError(() => c("divmod", [1, 0]))).toBe("ZeroDivisionError: divide by zero");
    expect(c("pow", [3, 4, 7])).toBe(4);
    expect(c("pow", [3, 4, -5])).toBe(-4);
    expect(c("pow", [1, 0, 1])).toBe(0);
    expect(pyError(() => c("pow", ["x", 5, 6]))).toBe("TypeError: pow() with 3 arguments requires integers");
    expect(c("round", [15, -1])).toBe(20);
    expect(c("round", [25, -1])).toBe(20);
    expect(c("round", [mkFloat(2.5)])).toBe(2);
    expect(c("round", [mkFloat(3.5)])).toBe(4);
    expect(c("round", [mkFloat(-0.5)])).toBe(0);
    expect(pyError(() => c("round", [mkFloat(Infinity)]))).toBe("OverflowError: cannot convert float infinity to integer");
    expect(c("sum", [mkList([1, 2, 3])])).toBe(6);
    expect(c("sum", [mkList([1, 2]), 10])).toBe(13);
  });
  it("bin, oct, hex", () => {
    expect(c("bin", [5])).toBe("0b101");
    expect(c("hex", [-255])).toBe("-0xff");
    expect(c("oct", [8])).toBe("0o10");
    expect(c("hex", [2n ** 64n])).toBe("0x10000000000000000");
  });
});

describe("iteration", () => {
  it("min and max", () => {
    expect(c("min", [0, 1])).toBe(0);
    expect(c("max", [mkList([1, 2, 4, 0])])).toBe(4);
    expect(c("min", [mkList([2, 1, 3])], { key: builtin("neg", (x: number) => -x) })).toBe(3);
    expect(c("max", [mkList([])], { default: -1 })).toBe(-1);
    expect(pyError(() => c("min", [mkList([])]))).toBe("ValueError: arg is an empty sequence");
    // max keeps the first of equal items
    const a = mkTuple([1]), b = mkTuple([1]);
    expect(c("max", [a, b])).toBe(a);
  });
  it("all, any, len, next, iter, sorted", () => {
    expect(c("all", [mkList([1, 1])])).toBe(true);
    expect(c("any", [mkList([0, 0])])).toBe(false);
    expect(c("len", ["a😀"])).toBe(2);
    expect(c("len", [mkList([1, 2])])).toBe(2);
    expect(pyError(() => c("len", [1]))).toBe("TypeError: object of type 'int' has no len()");
    const it = c("iter", [mkList([1])]);
    expect(c("next", [it])).toBe(1);
    expect(c("next", [it, 42])).toBe(42);
    expect(pyError(() => c("next", [it]))).toBe("StopIteration: ");
    let n = 0;
    const ci = c("iter", [builtin("f", () => ++n), 3]);
    const got: any[] = [];
    for (let v = iterNext(ci); v !== STOP; v = iterNext(ci)) got.push(v);
    expect(got).toEqual([1, 2]);
    expect(repr(c("sorted", [mkList([3, 1, 2])], { reverse: true }))).toBe("[3, 2, 1]");
    expect(pyError(() => c("sorted", [mkList([]), 1]))).toBe("TypeError: must use keyword argument for key function");
    void getIter;
  });
});

describe("objects", () => {
  it("isinstance, issubclass", () => {
    expect(c("isinstance", [true, B.int])).toBe(true);
    expect(c("isinstance", [1, mkTuple([B.str, mkTuple([B.int])])])).toBe(true);
    expect(c("isinstance", [1, mkTuple([B.str])])).toBe(false);
    expect(pyError(() => c("isinstance", [1, 1]))).toBe("TypeError: issubclass() arg 2 must be a class or a tuple of classes");
    expect(c("issubclass", [B.bool, B.int])).toBe(true);
    expect(pyError(() => c("issubclass", [1, B.int]))).toBe("TypeError: issubclass() arg 1 must be a class");
  });
  it("getattr, setattr, hasattr, delattr, callable", () => {
    const A = typeNew(B.type, "A", [], Object.create(null));
    const a = callType(A, [], null);
    c("setattr", [a, "x", 5]);
    expect(c("getattr", [a, "x"])).toBe(5);
    expect(c("getattr", [a, "y", 7])).toBe(7);
    expect(c("hasattr", [a, "x"])).toBe(true);
    c("delattr", [a, "x"]);
    expect(c("hasattr", [a, "x"])).toBe(false);
    expect(pyError(() => c("getattr", [a, "y"]))).toBe("AttributeError: 'A' object has no attribute 'y'");
    expect(c("callable", [A])).toBe(true);
    expect(c("callable", [a])).toBe(false);
    expect(c("callable", [B.print])).toBe(true);
    expect(c("id", [a])).toBe(c("id", [a]));
    expect(c("id", [1]) === c("id", [2])).toBe(false);
    expect(c("dir", [a]).$a.includes("__init__")).toBe(true);
  });
  it("print and repr", () => {
    c("print", [1, "a", None]);
    c("print", [1, 2], { sep: "", end: "!" });
    expect(out).toBe("1 a None\n12!");
    expect(c("repr", ["a"])).toBe("'a'");
    expect(c("ord", ["😀"])).toBe(0x1f600);
    expect(c("chr", [65])).toBe("A");
  });
  it("globals dict view", () => {
    const g: any = Object.create(B);
    g.x = 1;
    const d = globalsDict(g);
    expect(globalsDict(g)).toBe(d);
    expect(d.$t.get("x")!.v).toBe(1);
    d.$t.set("y", 2);
    expect(g.y).toBe(2);
    expect(d.$t.size).toBe(2);
    expect([...d.$t.entries()].map((e) => e.k)).toEqual(["x", "y"]);
    expect(toArray(d)).toEqual(["x", "y"]);
    expect(repr(d)).toBe("{'x': 1, 'y': 2}");
    d.$t.delete("x");
    expect("x" in g).toBe(false);
  });
  it("exec with dicts (stub compiler)", () => {
    const seen: any[] = [];
    const saved = { ...builtinsHooks };
    builtinsHooks.compile = (src, _f, mode) => ({ js: src, lines: [], names: [mode] });
    builtinsHooks.run = (code, _f, g) => {
      seen.push([code.js, code.names[0]]);
      g.z = g.q + 1;
      return g.z;
    };
    const d = new PyDict();
    d.$t.set("q", 41);
    expect(c("eval", ["z", d])).toBe(42);
    expect(d.$t.get("z")!.v).toBe(42);
    const code = c("compile", ["pass", "f", "exec"]);
    expect(c("exec", [code, d])).toBe(None);
    expect(seen).toEqual([["z", "eval"], ["pass", "exec"]]);
    expect(pyError(() => c("compile", ["1", "f", ""]))).toBe("ValueError: bad compile mode");
    expect(pyError(() => c("exec", ["1", "foo"]))).toBe("TypeError: globals must be a dict");
    // locals shadow globals; new names go to locals
    const gd = new PyDict(), ld = new PyDict();
    gd.$t.set("q", 1);
    ld.$t.set("q", 10);
    expect(c("eval", ["z", gd, ld])).toBe(11);
    expect(ld.$t.get("z")!.v).toBe(11);
    expect(gd.$t.get("z")).toBe(undefined);
    Object.assign(builtinsHooks, saved);
  });
});

describe("exceptions", () => {
  it("str, repr and attributes", () => {
    const IE = exceptionTypes.IndexError;
    expect(repr(callType(IE, [], null))).toBe("IndexError()");
    expect(str(callType(IE, [], null))).toBe("");
    expect(str(callType(IE, ["foo"], null))).toBe("foo");
    const a = callType(IE, [1, "test", mkList([100, 200])], null);
    expect(repr(a)).toBe("IndexError(1, 'test', [100, 200])");
    expect(str(a)).toBe("(1, 'test', [100, 200])");
    expect(repr(callType(IE, ["x"], null))).toBe("IndexError('x',)");
    expect(loadAttr(callType(exceptionTypes.StopIteration, [], null), "value")).toBe(None);
    expect(loadAttr(callType(exceptionTypes.StopIteration, [1, 2], null), "value")).toBe(1);
    expect(loadAttr(callType(exceptionTypes.OSError, [1, "msg"], null), "errno")).toBe(1);
    expect(str(callType(exceptionTypes.OSError, [2], null))).toBe("[Errno 2] ENOENT");
    expect(str(callType(exceptionTypes.OSError, [5, "details"], null))).toBe("[Errno 5] EIO: details");
    expect(str(callType(exceptionTypes.OSError, [9999], null))).toBe("9999");
    expect(str(callType(exceptionTypes.KeyError, ["k"], null))).toBe("k");
    const e = callType(exceptionTypes.ValueError, [], null);
    storeAttr(e, "extra", 3);
    expect(loadAttr(e, "extra")).toBe(3);
  });
  it("user subclasses", () => {
    const ns = Object.create(null);
    const E = typeNew(B.type, "MyErr", [exceptionTypes.Exception], ns);
    const e = callType(E, ["boom"], null);
    expect(repr(e)).toBe("MyErr('boom',)");
    expect(str(e)).toBe("boom");
    expect(formatException(e)).toBe("MyErr: boom\n");
    storeAttr(e, "value", 9);
    expect(loadAttr(e, "value")).toBe(9);
  });
  it("formats tracebacks", () => {
    const url = registerCode({ file: "t.py", lines: [0, 5, 2], names: [undefined, "<module>", "f"] });
    // A stack as V8 prints it, innermost first.
    const tb = { stack: `Error\n    at f (${url}:2:10)\n    at ${url}:1:3\n    at other (x.js:1:1)` };
    const e = newExc(exceptionTypes.ZeroDivisionError, "divide by zero");
    e.$tb = tb;
    expect(formatException(e)).toBe(
      'Traceback (most recent call last):\n  File "t.py", line 5, in <module>\n  File "t.py", line 2, in f\nZeroDivisionError: divide by zero\n');
    const s = newExc(exceptionTypes.SyntaxError, "invalid syntax");
    s.$tb = null;
    s.$extraFrames = [{ file: "t.py", line: 3, name: null }];
    expect(formatException(s)).toBe('Traceback (most recent call last):\n  File "t.py", line 3\nSyntaxError: invalid syntax\n');
    const a = newExc(exceptionTypes.AssertionError);
    a.$tb = null;
    expect(formatException(a)).toBe("AssertionError: \n");
    void captureTraceback;
  });
});

describe("descriptors", () => {
  it("property, staticmethod, classmethod", () => {
    const p = callType(B.property, [], kw({ doc: "x" }));
    expect(p instanceof PyProperty).toBe(true);
    const g = builtin("g", () => 1);
    const p2 = call(loadAttr(p, "getter"), [g], null);
    expect(p2.fget).toBe(g);
    expect(p.fget).toBe(None);
    const sm = callType(B.staticmethod, [g], null);
    expect(loadAttr(sm, "__func__")).toBe(g);
  });
  it("reprs of singletons and functions", () => {
    expect(repr(None)).toBe("None");
    expect(repr(Ellipsis)).toBe("Ellipsis");
    expect(repr(NotImplemented)).toBe("NotImplemented");
    expect(callType(typeOf(None), [], null)).toBe(None);
    expect(repr(B.abs)).toBe("<function>");
    const f: any = function f() {};
    f.$name = "f";
    expect(repr(f)).toMatch(/^<function f at 0x[0-9a-f]+>$/);
  });
  it("super objects look past object's methods", () => {
    const ns = Object.create(null);
    ns.__init__ = function (self: any) {
      self.inited = true;
      return None;
    };
    const A = typeNew(B.type, "A", [], ns);
    const Bc = typeNew(B.type, "B", [A], Object.create(null));
    const b = Object.create(Bc.$proto);
    const s = callType(B.super, [Bc, b], null);
    call(loadAttr(s, "__init__"), [], null);
    expect(b.inited).toBe(true);
    expect(pyError(() => callType(B.super, [Bc, 1], null))).toBe("TypeError: ");
    void PyType;
  });
});
