import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Module } from "./ast";
import { dumpAst } from "./astdump";
import { CompileError } from "./errors";
import { parse } from "./parser";

/** The module's statements, dumped and joined by spaces. */
function dumpBody(mod: Module, loc = false): string {
  return mod.body.map((s) => dumpAst(s, { loc })).join(" ");
}

function expectParsed(src: string, expected: string): void {
  expect(dumpBody(parse(src, "<test>", "exec"))).toBe(expected);
}

/** An expression, parsed in "eval" mode. */
function expectExpr(src: string, expected: string): void {
  const mod = parse(src, "<test>", "eval");
  const stmt = mod.body[0]!;
  expect(mod.body.length === 1 && stmt.kind === "Expr" ? dumpAst(stmt.value) : "?").toBe(expected);
}

function expectLocs(src: string, expected: string): void {
  expect(dumpBody(parse(src, "<test>", "exec"), true)).toBe(expected);
}

function expectError(src: string, message: string, line = 1, pyType = "SyntaxError"): void {
  try {
    parse(src, "<test>", "exec");
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    expect([e.pyType, e.message, e.line]).toEqual([pyType, message, line]);
    return;
  }
  throw new Error("expected an error for " + JSON.stringify(src));
}

describe("atoms", () => {
  test("name", () => expectExpr("a", "a"));
  test("numbers", () => expectExpr("(1, 2.0, 3j, 0xffffffffffffffff)", "(Tuple 1 2.0 3.0j 18446744073709551615)"));
  test("constants", () => expectExpr("[None, True, False, ...]", "(List None True False ...)"));
  test("string concatenation", () => expectExpr(`"a" 'b' """c"""`, `"abc"`));
  test("bytes concatenation", () => expectExpr(`b"a" b"b"`, `b"ab"`));
  test("mixing bytes and str", () => expectError(`'abc' b'def'`, "cannot mix bytes and nonbytes literals"));
  test("mixing str and bytes", () => expectError(`b'abc' 'def'`, "cannot mix bytes and nonbytes literals"));
  test("empty tuple", () => expectExpr("()", "(Tuple)"));
  test("parenthesised", () => expectExpr("(a)", "a"));
  test("one-tuple", () => expectExpr("(a,)", "(Tuple a)"));
  test("tuple without parens", () => expectExpr("a, b,", "(Tuple a b)"));
  test("list", () => expectExpr("[1, *a, 2,]", "(List 1 (Star a) 2)"));
  test("set", () => expectExpr("{1, *a}", "(Set 1 (Star a))"));
  test("empty dict", () => expectExpr("{}", "(Dict)"));
  test("dict", () => expectExpr("{1: 2, **d, 3: 4,}", "(Dict (1 2) (** d) (3 4))"));
  test("dict starting with **", () => expectExpr("{**a, **b}", "(Dict (** a) (** b))"));
  test("dict then set element", () => expectError("{1:2, 3}", "invalid syntax"));
  test("set then dict element", () => expectError("{1, 2:3}", "invalid syntax"));
});

describe("operators", () => {
  test("precedence", () => expectExpr("a + b * c", "(BinOp + a (BinOp * b c))"));
  test("left associative", () => expectExpr("a - b - c", "(BinOp - (BinOp - a b) c)"));
  test("power is right associative", () => expectExpr("a ** b ** c", "(BinOp ** a (BinOp ** b c))"));
  test("unary binds looser than power", () => expectExpr("-a ** -b", "(UnaryOp - (BinOp ** a (UnaryOp - b)))"));
  test("bitwise", () => expectExpr("a | b ^ c & d << e", "(BinOp | a (BinOp ^ b (BinOp & c (BinOp << d e))))"));
  test("matmul floordiv mod", () => expectExpr("a @ b // c % d", "(BinOp % (BinOp // (BinOp @ a b) c) d)"));
  test("invert", () => expectExpr("~+x", "(UnaryOp ~ (UnaryOp + x))"));
  test("boolean", () => expectExpr("a or b and not c or d", "(BoolOp or a (BoolOp and b (UnaryOp not c)) d)"));
  test("chained comparison", () => expectExpr("a < b <= c != d", "(Compare a < b <= c != d)"));
  test("not in, is not", () => expectExpr("a not in b is not c", "(Compare a not in b is not c)"));
  test("is, in", () => expectExpr("a is b in c", "(Compare a is b in c)"));
  test("conditional", () => expectExpr("a if b else c if d else e", "(IfExp b a (IfExp d c e))"));
  test("walrus", () => expectExpr("(x := 1)", "(Walrus x 1)"));
  test("walrus in call", () => expectExpr("f(y := 2)", "(Call f (Walrus y 2))"));
  test("await", () => expectParsed("async def f(): await x ** 2", "(AsyncDef f (args) [(Expr (BinOp ** (Await x) 2))])"));
});

describe("trailers", () => {
  test("call", () => expectExpr("f(a, *b, c=1, **d)", "(Call f a (Star b) (kw c 1) (kw ** d))"));
  test("star after keyword (MicroPython rejects)", () => expectError("f(y=1, *(3,))", "* arg after kwarg"));
  test("star after **", () => expectError("f(**a, *b)", "* arg after **"));
  test("print star sep", () => expectExpr("print(*a, sep='')", `(Call print (Star a) (kw sep ""))`));
  test("call trailing comma", () => expectExpr("f(a,)", "(Call f a)"));
  test("generator argument", () => expectExpr("f(x for x in y)", "(Call f (GenExp x (for x y)))"));
  test("attribute and subscript", () => expectExpr("a.b[c].d()", "(Call (Attr (Sub (Attr a b) c) d))"));
  test("slice", () => expectExpr("a[1:2]", "(Sub a (Slice 1 2 _))"));
  test("slice step", () => expectExpr("a[::2]", "(Sub a (Slice _ _ 2))"));
  test("slice all", () => expectExpr("a[:]", "(Sub a (Slice _ _ _))"));
  test("slice empty step", () => expectExpr("a[1::]", "(Sub a (Slice 1 _ _))"));
  test("tuple of slices", () => expectExpr("a[1:2, 3]", "(Sub a (Tuple (Slice 1 2 _) 3))"));
  test("tuple index", () => expectExpr("a[1,]", "(Sub a (Tuple 1))"));
  test("positional after keyword", () => expectError("f(a=1, 2)", "positional arg after keyword arg"));
  test("positional after **", () => expectError("f(**a, b)", "positional arg after **"));
  test("keyword must be a name", () => expectError("f(1=2)", "LHS of keyword arg must be an id"));
  test("generator not alone", () => expectError("f(a, x for x in y)", "invalid syntax"));
});

describe("comprehensions and lambda", () => {
  test("list comp", () => expectExpr("[x for x in y if x if z]", "(ListComp x (for x y (if x) (if z)))"));
  test("nested for", () => expectExpr("[x for a in b for x in a]", "(ListComp x (for a b) (for x a))"));
  test("set comp", () => expectExpr("{x for x, in y}", "(SetComp x (for (Tuple x) y))"));
  test("dict comp", () => expectExpr("{k: v for k, v in d}", "(DictComp k v (for (Tuple k v) d))"));
  test("generator", () => expectExpr("(x for x in y)", "(GenExp x (for x y))"));
  test("async comprehension", () => expectParsed("async def f(): [x async for x in y]", "(AsyncDef f (args) [(Expr (ListComp x (async-for x y)))])"));
  test("lambda", () => expectExpr("lambda: 0", "(Lambda (args) 0)"));
  test("lambda parameters", () => expectExpr("lambda a, b=1, *c, d, e=2, **f: a", "(Lambda (args a b=1 *c d e=2 **f) a)"));
  test("lambda keyword-only", () => expectExpr("lambda *, a: a", "(Lambda (args * a) a)"));
  test("lambda positional-only", () => expectExpr("lambda a, /, b: a", "(Lambda (args a / b) a)"));
  test("lambda yield", () => expectExpr("lambda: (yield)", "(Lambda (args) (Yield))"));
  test("lambda in conditional", () => expectExpr("lambda x: x if x else 0", "(Lambda (args x) (IfExp x x 0))"));
  test("walrus rebinding iteration variable", () => expectError("[i := 0 for i in y]", "assignment expression cannot rebind comprehension iteration variable"));
  test("walrus rebinding inner variable", () => expectError("[[(i := j) for i in r] for j in r]", "assignment expression cannot rebind comprehension iteration variable"));
  test("walrus to outer variable is allowed", () => expectExpr("[[(j := i) for i in r] for j in r]", "(ListComp (ListComp (Walrus j i) (for i r)) (for j r))"));
  test("walrus to non-name", () => expectError("((x, y) := 1)", "can't assign to expression"));
  test("walrus statement needs parens", () => expectError("x := 1", "invalid syntax"));
});

describe("f-strings", () => {
  test("plain", () => expectExpr(`f"abc"`, `(JoinedStr "abc")`));
  test("empty", () => expectExpr(`f""`, `(JoinedStr)`));
  test("field", () => expectExpr(`f"a{x}b"`, `(JoinedStr "a" (Fmt x) "b")`));
  test("conversion", () => expectExpr(`f"{x!r}{y!s}{z!a}"`, `(JoinedStr (Fmt x !r) (Fmt y !s) (Fmt z !a))`));
  test("format spec", () => expectExpr(`f"{x:08x}"`, `(JoinedStr (Fmt x :(JoinedStr "08x")))`));
  test("nested spec", () => expectExpr(`f"{x:{w}.{p}f}"`, `(JoinedStr (Fmt x :(JoinedStr (Fmt w) "." (Fmt p) "f")))`));
  test("debug", () => expectExpr(`f"{x=}"`, `(JoinedStr "x=" (Fmt x !r))`));
  test("debug keeps spaces", () => expectExpr(`f"a {x + 1 = } b"`, `(JoinedStr "a x + 1 = " (Fmt (BinOp + x 1) !r) " b")`));
  test("debug with spec", () => expectExpr(`f"{x=:>4}"`, `(JoinedStr "x=" (Fmt x :(JoinedStr ">4")))`));
  test("debug with conversion", () => expectExpr(`f"{x=!s}"`, `(JoinedStr "x=" (Fmt x !s))`));
  test("braces", () => expectExpr(`f"{{{x}}}"`, `(JoinedStr "{" (Fmt x) "}")`));
  test("tuple field", () => expectExpr(`f"{x, y}"`, `(JoinedStr (Fmt (Tuple x y)))`));
  test("nested quotes", () => expectExpr(`f"{d['k']}"`, `(JoinedStr (Fmt (Sub d "k")))`));
  test("nested f-string", () => expectExpr(`f"{f'{x}'}"`, `(JoinedStr (Fmt (JoinedStr (Fmt x))))`));
  test("same-quote nesting", () => expectExpr(`f"a{f"b{x}"}"`, `(JoinedStr "a" (Fmt (JoinedStr "b" (Fmt x))))`));
  test("dict in field needs space", () => expectExpr(`f"{ {1: 2}[1] }"`, `(JoinedStr (Fmt (Sub (Dict (1 2)) 1)))`));
  test("concatenation", () => expectExpr(`"a" f"{x}" "b"`, `(JoinedStr "a" (Fmt x) "b")`));
  test("raw", () => expectExpr(`rf"\\d{x}"`, `(JoinedStr "\\\\d" (Fmt x))`));
  test("syntax error in field", () => expectError(`f"{a b}"`, "invalid syntax"));
  test("field location", () => expectLocs(`s = f"ab{ x }"`, `<1:0>(Assign [<1:0>s] <1:4>(JoinedStr <1:4>"ab" <1:10>(Fmt <1:10>x)))`));
  test("field location in triple-quoted string", () => expectLocs(`f"""\n{x}"""`, `<1:0>(Expr <1:0>(JoinedStr <1:0>"\\n" <2:1>(Fmt <2:1>x)))`));
});

describe("assignment", () => {
  test("simple", () => expectParsed("a = 1 + 2", "(Assign [a] (BinOp + 1 2))"));
  test("chained", () => expectParsed("a = b = c", "(Assign [a b] c)"));
  test("tuple unpacking", () => expectParsed("a, (b, c) = x", "(Assign [(Tuple a (Tuple b c))] x)"));
  test("list target", () => expectParsed("[a, b] = x", "(Assign [(List a b)] x)"));
  test("starred target", () => expectParsed("a, *b = x", "(Assign [(Tuple a (Star b))] x)"));
  test("starred target first", () => expectParsed("*a, b = x", "(Assign [(Tuple (Star a) b)] x)"));
  test("attribute and subscript targets", () => expectParsed("a.b, c[0] = x", "(Assign [(Tuple (Attr a b) (Sub c 0))] x)"));
  test("parenthesised name target", () => expectParsed("(a) = 1", "(Assign [a] 1)"));
  test("yield value", () => expectParsed("def f(): x = yield", "(Def f (args) [(Assign [x] (Yield))])"));
  test("starred value", () => expectParsed("x = *a, b", "(Assign [x] (Tuple (Star a) b))"));
  test("augmented", () => expectParsed("a += 1; b //= 2; c **= 3", "(AugAssign a += 1) (AugAssign b //= 2) (AugAssign c **= 3)"));
  test("augmented all operators", () => expectParsed("a -= 1; a *= 1; a @= 1; a /= 1; a %= 1; a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1", "(AugAssign a -= 1) (AugAssign a *= 1) (AugAssign a @= 1) (AugAssign a /= 1) (AugAssign a %= 1) (AugAssign a <<= 1) (AugAssign a >>= 1) (AugAssign a &= 1) (AugAssign a |= 1) (AugAssign a ^= 1)"));
  test("annotated", () => expectParsed("x: int = 1", "(AnnAssign x int 1)"));
  test("annotated without value", () => expectParsed("x.y: List[int]", "(AnnAssign (Attr x y) (Sub List int) _)"));
  test("to literal", () => expectError("1 = 2", "can't assign to expression"));
  test("to string", () => expectError("'' = 1", "can't assign to expression"));
  test("to dict", () => expectError("{} = 1", "can't assign to expression"));
  test("to generator", () => expectError("(i for i in a) = 1", "can't assign to expression"));
  test("to call", () => expectError("f() = 1", "can't assign to expression"));
  test("to operator", () => expectError("f**2 = 1", "can't assign to expression"));
  test("to composite operator", () => expectError("f[0]**2 = 1", "can't assign to expression"));
  test("to empty tuple (MicroPython rejects)", () => expectError("() = []", "can't assign to expression"));
  test("delete empty tuple", () => expectError("del ()", "can't delete expression"));
  test("nested bad target", () => expectError("a, f() = x", "can't assign to expression"));
  test("star on right", () => expectError("x = *x", "*x must be assignment target"));
  test("two stars", () => expectError("*a, *b = c", "multiple *x in assignment"));
  test("augmented to tuple", () => expectError("a, b += c", "can't assign to expression"));
  test("augmented to parenthesised tuple", () => expectError("(a, b) += c", "can't assign to expression"));
  test("augmented to list", () => expectError("[a, b] += c", "can't assign to expression"));
  test("annotated tuple", () => expectError("a, b: int", "invalid syntax"));
  test("error line of target", () => expectError("x = 1\n\nf() = 1", "can't assign to expression", 3));
});

describe("simple statements", () => {
  test("expression", () => expectParsed("f(x)", "(Expr (Call f x))"));
  test("semicolons", () => expectParsed("a; b;", "(Expr a) (Expr b)"));
  test("pass", () => expectParsed("pass", "Pass"));
  test("del", () => expectParsed("del a, b[0], c.d", "(Del a (Sub b 0) (Attr c d))"));
  test("del tuple", () => expectParsed("del (a, b), [c]", "(Del (Tuple a b) (List c))"));
  test("del call", () => expectError("del f()", "can't delete expression"));
  test("del operator", () => expectError("del f[0]**2", "can't delete expression"));
  test("del generator", () => expectError("del (a for a in a)", "can't delete expression"));
  test("assert", () => expectParsed("assert x, 'msg'", `(Assert x "msg")`));
  test("raise", () => expectParsed("raise", "(Raise _)"));
  test("raise from", () => expectParsed("raise E from e", "(Raise E from e)"));
  test("global", () => expectParsed("global a, b", "(Global a b)"));
  test("nonlocal", () => expectParsed("def f():\n nonlocal a", "(Def f (args) [(Nonlocal a)])"));
  test("nonlocal at module level", () => expectError("nonlocal a", "can't declare nonlocal in outer code"));
  test("import", () => expectParsed("import a.b.c as d, e", "(Import a.b.c:d e)"));
  test("from import", () => expectParsed("from a.b import c as d, e", "(ImportFrom a.b c:d e)"));
  test("relative import", () => expectParsed("from .. import x", "(ImportFrom .. x)"));
  test("relative import with ellipsis", () => expectParsed("from ....m import (x, y,)", "(ImportFrom ....m x y)"));
  test("import star", () => expectParsed("from m import *", "(ImportFrom m *)"));
  test("import star in function", () => expectError("def f():\n from m import *", "import * not at module level", 2));
  test("return tuple", () => expectParsed("def f(): return 1, 2", "(Def f (args) [(Return (Tuple 1 2))])"));
  test("return starred", () => expectParsed("def f(): return *a, b", "(Def f (args) [(Return (Tuple (Star a) b))])"));
  test("bare star", () => expectError("*a", "*x must be assignment target"));
  test("return outside function", () => expectError("return", "'return' outside function"));
  test("return in class", () => expectError("class C:\n return", "'return' outside function", 2));
  test("yield outside function", () => expectError("yield", "'yield' outside function"));
  test("await outside function", () => expectError("await 1", "'await' outside function"));
  test("break outside loop", () => expectError("break", "'break'/'continue' outside loop"));
  test("continue outside loop", () => expectError("if x:\n    continue", "'break'/'continue' outside loop", 2));
  test("break in loop else", () => expectError("while x:\n pass\nelse:\n break", "'break'/'continue' outside loop", 4));
  test("break in function in loop", () => expectError("while x:\n def f():\n  break", "'break'/'continue' outside loop", 3));
});

describe("yield", () => {
  test("statement", () => expectParsed("def f(): yield", "(Def f (args) [(Expr (Yield))])"));
  test("tuple", () => expectParsed("def f(): yield 1, 2", "(Def f (args) [(Expr (Yield (Tuple 1 2)))])"));
  test("starred", () => expectParsed("def f(): yield *a, b", "(Def f (args) [(Expr (Yield (Tuple (Star a) b)))])"));
  test("from", () => expectParsed("def f(): yield from g()", "(Def f (args) [(Expr (YieldFrom (Call g)))])"));
  test("in parens", () => expectParsed("def f(): print((yield x))", "(Def f (args) [(Expr (Call print (Yield x)))])"));
  test("augmented", () => expectParsed("def f(): x += yield", "(Def f (args) [(AugAssign x += (Yield))])"));
});

describe("compound statements", () => {
  test("if elif else", () => expectParsed("if a:\n b\nelif c:\n d\nelse:\n e", "(If a [(Expr b)] else[(If c [(Expr d)] else[(Expr e)])])"));
  test("one-line suite", () => expectParsed("if x: pass; y", "(If x [Pass (Expr y)])"));
  test("if walrus", () => expectParsed("if n := f(): pass", "(If (Walrus n (Call f)) [Pass])"));
  test("while else", () => expectParsed("while x:\n  break\nelse:\n  pass", "(While x [Break] else[Pass])"));
  test("for", () => expectParsed("for a, b in c: continue", "(For (Tuple a b) c [Continue])"));
  test("for starred iter", () => expectParsed("for x in *a, b: pass", "(For x (Tuple (Star a) b) [Pass])"));
  test("for bad target", () => expectError("for f() in x: pass", "can't assign to expression"));
  test("try", () => expectParsed("try:\n a\nexcept E as e:\n b\nexcept (A, B):\n c\nexcept:\n d\nelse:\n e\nfinally:\n f",
    "(Try [(Expr a)] (except E as e [(Expr b)]) (except (Tuple A B) [(Expr c)]) (except _ [(Expr d)]) else[(Expr e)] finally[(Expr f)])"));
  test("try finally", () => expectParsed("try: a\nfinally: b", "(Try [(Expr a)] finally[(Expr b)])"));
  test("try alone", () => expectError("try:\n a\nx = 1", "invalid syntax", 3));
  test("default except not last", () => expectError("try:\n a\nexcept:\n pass\nexcept:\n pass", "default 'except' must be last", 3));
  test("with", () => expectParsed("with a as b, c: pass", "(With (as a b) c [Pass])"));
  test("with parenthesised items", () => expectParsed("with (a as b, c as d,): pass", "(With (as a b) (as c d) [Pass])"));
  test("with parenthesised expression", () => expectParsed("with (a) as b: pass", "(With (as a b) [Pass])"));
  test("with tuple target", () => expectParsed("with a as (b, c): pass", "(With (as a (Tuple b c)) [Pass])"));
  test("with call in parens", () => expectParsed("with (open(x)) as f, (open(y)) as g: pass", "(With (as (Call open x) f) (as (Call open y) g) [Pass])"));
  test("async for and with", () => expectParsed("async def f():\n async for x in y: pass\n async with a as b: pass",
    "(AsyncDef f (args) [(AsyncFor x y [Pass]) (AsyncWith (as a b) [Pass])])"));
  test("async for outside async function", () => expectError("def f():\n async for x in y: pass", "async for/with outside async function", 2));
});

describe("definitions", () => {
  test("def", () => expectParsed("def f(a, b): return a", "(Def f (args a b) [(Return a)])"));
  test("all parameter kinds", () => expectParsed("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass", "(Def f (args a b=1 / c=2 *args d e=3 **kw) [Pass])"));
  test("annotations", () => expectParsed("def f(a: int, *b: str, c: int = 1) -> bool: pass", "(Def f (args a:int *b:str c:int=1) -> bool [Pass])"));
  test("keyword-only", () => expectParsed("def f(*, a, b=1): pass", "(Def f (args * a b=1) [Pass])"));
  test("bare star alone (MicroPython accepts)", () => expectParsed("def f(*): pass", "(Def f (args) [Pass])"));
  test("trailing comma", () => expectParsed("def f(a, **k,): pass", "(Def f (args a **k) [Pass])"));
  test("decorators", () => expectParsed("@a.b(1)\n@c\ndef f(): pass", "(Def f (args) @(Call (Attr a b) 1) @c [Pass])"));
  test("async def", () => expectParsed("@d\nasync def f(): await x", "(AsyncDef f (args) @d [(Expr (Await x))])"));
  test("class", () => expectParsed("class C(A, B, metaclass=M):\n  x = 1", "(Class C (A B (kw metaclass M)) [(Assign [x] 1)])"));
  test("class without bases", () => expectParsed("@dec\nclass C: pass", "(Class C () @dec [Pass])"));
  test("class with empty parens", () => expectParsed("class C(): pass", "(Class C () [Pass])"));
  test("non-default after default", () => expectError("def f(a=1, b): pass", "non-default argument follows default argument"));
  test("duplicate argument", () => expectError("def f(a, a): pass", "argument name reused"));
  test("duplicate lambda argument", () => expectError("lambda a, *a: 0", "argument name reused"));
  test("two stars", () => expectError("def f(x, *a, *):\n pass", "invalid syntax"));
  test("lambda two stars", () => expectError("lambda x, *a, *: 1", "invalid syntax"));
  test("kwargs not last", () => expectError("def f(x, *a, **kw, r):\n pass", "invalid syntax"));
  test("lambda kwargs not last", () => expectError("lambda x, *a, **kw, r: 1", "invalid syntax"));
  test("slash first", () => expectError("def f(/, a): pass", "invalid syntax"));
  test("default refers to outer yield", () => expectError("def f(a=(yield)): pass", "'yield' outside function"));
});

describe("layout errors", () => {
  test("unexpected indent", () => expectError(" a\n", "unexpected indent", 1, "IndentationError"));
  test("unexpected indent later", () => expectError("a\n  b\n", "unexpected indent", 2, "IndentationError"));
  test("unindent mismatch", () => expectError("def f():\n  a\n b\n", "unindent doesn't match any outer indent level", 3, "IndentationError"));
  test("missing indented block", () => expectError("if x:\ny\n", "invalid syntax", 2));
  test("incomplete expression", () => expectError("1 or 2 or", "invalid syntax"));
  test("unclosed bracket", () => expectError("{1:", "invalid syntax"));
  test("error line", () => expectError("a = 1\nb = (\n  2 +\n)\n", "invalid syntax", 4));
  test("elif without if", () => expectError("elif x: pass", "invalid syntax"));
});

describe("modes", () => {
  test("eval", () => expectExpr("1 + 2\n", "(BinOp + 1 2)"));
  test("eval leading space", () => expectExpr("  x", "x"));
  test("eval rejects statements", () => expect(() => parse("x = 1", "<e>", "eval")).toThrow("invalid syntax"));
  test("eval rejects walrus", () => expect(() => parse("x := 1", "<e>", "eval")).toThrow("invalid syntax"));
  test("single", () => expect(dumpBody(parse("if x:\n  y\n", "<stdin>", "single"))).toBe("(If x [(Expr y)])"));
  test("single with no statement", () => {
    for (const src of ["", "\\\n", "x = 1\\\n"]) expect(() => parse(src, "<stdin>", "single")).toThrow(/invalid syntax/);
    expect(dumpBody(parse("\n", "<stdin>", "single"))).toBe("");
  });
  test("error carries filename", () => expect(() => parse("(", "foo.py", "exec")).toThrow(expect.objectContaining({ filename: "foo.py" })));
});

describe("locations", () => {
  test("statement and expressions", () => expectLocs("x = a + b", "<1:0>(Assign [<1:0>x] <1:4>(BinOp + <1:4>a <1:8>b))"));
  test("parenthesised operand starts at paren", () => expectLocs("(a) * b", "<1:0>(Expr <1:0>(BinOp * <1:1>a <1:6>b))"));
  test("call and attribute", () => expectLocs("  \nf(x).y", "<2:0>(Expr <2:0>(Attr <2:0>(Call <2:0>f <2:2>x) y))"));
  test("def after decorator", () => expectLocs("@d\ndef f(a): pass", "<2:0>(Def f (args <2:6>a) @<1:1>d [<2:10>Pass])"));
  test("nested block", () => expectLocs("if a:\n    b", "<1:0>(If <1:3>a [<2:4>(Expr <2:4>b)])"));
  test("generator argument at paren", () => expectLocs("f(x for x in y)", "<1:0>(Expr <1:0>(Call <1:0>f <1:1>(GenExp <1:2>x <1:4>(for <1:8>x <1:13>y))))"));
});

describe("speed", () => {
  test("a 5000-line file parses to one definition per chunk", () => {
    // Speed is measured by benchmarks, not here: this checks a large input parses completely.
    const chunk = "def f(a, b=1):\n    x = [i * 2 for i in range(a) if i % 3]\n    return {'k': x, **d}, f\"{a!r:>{b}}\"\n";
    const mod = parse(chunk.repeat(1700), "big.py", "exec");
    expect(mod.body.length).toBe(1700);
    expect(mod.body.every((s) => s.kind === "FunctionDef")).toBe(true);
  });
});

// ---------------------------------------------------------------- MicroPython's test suite

/**
 * Files that are expected not to parse, with the reason. Every other .py file must parse, and
 * every file listed here must fail with a SyntaxError.
 */
const EXPECTED_FAILURES: Record<string, string> = {
  "basics/string_module_tstring.py": "t-strings (PEP 750): the AST has no TemplateStr node",
  "basics/string_tstring_basic.py": "t-strings (PEP 750)",
  "basics/string_tstring_basic1.py": "t-strings (PEP 750)",
  "basics/string_tstring_constructor.py": "t-strings (PEP 750)",
  "basics/string_tstring_errors1.py": "t-strings (PEP 750)",
  "basics/string_tstring_format1.py": "t-strings (PEP 750)",
  "basics/string_tstring_interpolation1.py": "t-strings (PEP 750)",
  "basics/string_tstring_operations.py": "t-strings (PEP 750)",
  "basics/string_tstring_parser1.py": "t-strings (PEP 750)",
  "micropython/heapalloc_fail_tstring.py": "t-strings (PEP 750)",
};

const MP_TREE = process.env["MP_TREE"];
const TEST_DIRS = ["basics", "float", "misc", "import", "unicode", "stress", "micropython", "extmod"];

describe.skipIf(MP_TREE === undefined)("MicroPython tests/ (MP_TREE)", () => {
  test("every file parses, except the expected failures", () => {
    const unexpected: string[] = [];
    for (const dir of TEST_DIRS) {
      const path = join(MP_TREE!, "tests", dir);
      for (const file of readdirSync(path).filter((f) => f.endsWith(".py")).sort()) {
        const name = `${dir}/${file}`;
        const outcome = parseOutcome(readFileSync(join(path, file), "utf8"), name);
        const expectFail = name in EXPECTED_FAILURES;
        if (outcome !== null && !expectFail) unexpected.push(`${name}: ${outcome}`);
        if (outcome === null && expectFail) unexpected.push(`${name}: parses but is listed as failing`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});

/** null if the file parses, else the error as text. */
function parseOutcome(src: string, name: string): string | null {
  try {
    parse(src, name, "exec");
    return null;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return `${e.pyType}: ${e.message} (line ${e.line})`;
  }
}
