import { describe, expect, test } from "vitest";
import { CompileError } from "./errors";
import { tokenize } from "./lexer";
import type { FString, FStringPart, Token } from "./tokens";

/** Tokens as a compact string: `name:x = int:1 NEWLINE`; the final EOF is left out. */
function show(tok: Token): string {
  switch (tok.kind) {
    case "name": return "name:" + String(tok.value);
    case "int": return "int:" + String(tok.value) + (typeof tok.value === "bigint" ? "n" : "");
    case "float": return "float:" + String(tok.value);
    case "imag": return "imag:" + String(tok.value);
    case "str": return "str:" + JSON.stringify(tok.value);
    case "bytes": return "bytes:" + JSON.stringify(Array.from(tok.value as Uint8Array));
    case "fstr": return "fstr:" + showParts((tok.value as FString).parts);
    case "newline": case "indent": case "dedent": case "eof": return tok.kind.toUpperCase();
    default: return tok.kind;
  }
}

function showParts(parts: readonly FStringPart[]): string {
  return "[" + parts.map((p) => typeof p === "string" ? JSON.stringify(p)
    : "{" + (p.debugText ?? "") + (p.conversion ?? "") + (p.spec === null ? "" : ":" + showParts(p.spec)) + "}").join(",") + "]";
}

function expectTokens(src: string, expected: string): void {
  const toks = tokenize(src);
  expect(toks.slice(0, -1).map(show).join(" ")).toBe(expected);
}

function expectLexError(src: string, message: string, line = 1, pyType = "SyntaxError"): void {
  try {
    tokenize(src);
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    const err = e as CompileError;
    expect([err.pyType, err.message, err.line]).toEqual([pyType, message, line]);
    return;
  }
  throw new Error("expected an error for " + JSON.stringify(src));
}

describe("layout", () => {
  test("simple line", () => expectTokens("a = 1\n", "name:a = int:1 NEWLINE"));
  test("no final newline", () => expectTokens("a", "name:a NEWLINE"));
  test("empty", () => expectTokens("", ""));
  test("only comments", () => expectTokens("# hi\n\n  # there\n", ""));
  test("indent dedent", () => expectTokens("if x:\n  y\nz\n", "if name:x : NEWLINE INDENT name:y NEWLINE DEDENT name:z NEWLINE"));
  test("double dedent at eof", () => expectTokens("if a:\n if b:\n  c", "if name:a : NEWLINE INDENT if name:b : NEWLINE INDENT name:c NEWLINE DEDENT DEDENT"));
  test("blank and comment lines do not indent", () => expectTokens("a\n\n    # c\nb\n", "name:a NEWLINE name:b NEWLINE"));
  test("brackets join lines", () => expectTokens("f(1,\n   2)\n", "name:f ( int:1 , int:2 ) NEWLINE"));
  test("backslash joins lines", () => expectTokens("a = \\\n  1\n", "name:a = int:1 NEWLINE"));
  test("tab is 8 columns", () => expectTokens("if x:\n\ty\n        z\n", "if name:x : NEWLINE INDENT name:y NEWLINE name:z NEWLINE DEDENT"));
  test("byte-order mark", () => expectTokens("\ufeffa", "name:a NEWLINE"));
  test("crlf", () => expectTokens("a\r\nb\rc", "name:a NEWLINE name:b NEWLINE name:c NEWLINE"));
  test("comment after code", () => expectTokens("a # x\n", "name:a NEWLINE"));
  test("dedent mismatch", () => expectLexError("if x:\n    a\n  b\n", "unindent doesn't match any outer indent level", 3, "IndentationError"));
  test("backslash not at line end", () => expectLexError("a \\a\n", "invalid syntax"));
  test("invalid characters", () => expectLexError("a $ b", "invalid syntax"));
  test("lone bang", () => expectLexError("!", "invalid syntax"));
});

describe("operators and keywords", () => {
  test("longest match", () => expectTokens("a **= b // c ... ->", "name:a **= name:b // name:c ... -> NEWLINE"));
  test("walrus and compare", () => expectTokens("(x := 1) != 2 <= 3", "( name:x := int:1 ) != int:2 <= int:3 NEWLINE"));
  test("keywords", () => expectTokens("not in is lambda None", "not in is lambda None NEWLINE"));
  test("non-ascii names", () => expectTokens("αβ = 1", "name:αβ = int:1 NEWLINE"));
});

describe("numbers", () => {
  test("decimal", () => expectTokens("0 00 123 1_000", "int:0 int:0 int:123 int:1000 NEWLINE"));
  test("radix", () => expectTokens("0x1F 0o17 0b101 0X_f", "int:31 int:15 int:5 int:15 NEWLINE"));
  test("max safe is a number", () => expectTokens("9007199254740991", "int:9007199254740991 NEWLINE"));
  test("above max safe is bigint", () => expectTokens("9007199254740992", "int:9007199254740992n NEWLINE"));
  test("big hex", () => expectTokens("0xffffffffffffffff", "int:18446744073709551615n NEWLINE"));
  test("floats", () => expectTokens("1. .5 1e10 1_000.5 1.5e-3 1E+2", "float:1 float:0.5 float:10000000000 float:1000.5 float:0.0015 float:100 NEWLINE"));
  test("imaginary", () => expectTokens("1j 1.5J 2e1j", "imag:1 imag:1.5 imag:20 NEWLINE"));
  test("attribute of int needs space", () => expectTokens("1 .real", "int:1 . name:real NEWLINE"));
  test("leading zero", () => expectLexError("0123", "invalid syntax"));
  test("letters after number", () => expectLexError("123z", "invalid syntax"));
  test("bad underscore", () => expectLexError("1__0", "invalid syntax"));
  test("trailing underscore", () => expectLexError("0x1_", "invalid syntax"));
  test("bad binary digit", () => expectLexError("0b102", "invalid syntax"));
  test("empty exponent", () => expectLexError("1e", "invalid syntax"));
});

describe("strings", () => {
  test("quotes", () => expectTokens(`'a' "b" '''c''' """d"""`, `str:"a" str:"b" str:"c" str:"d" NEWLINE`));
  test("other quote inside", () => expectTokens(`"it's" 'say "hi"'`, `str:"it's" str:"say \\"hi\\"" NEWLINE`));
  test("triple quoted spans lines", () => expectTokens(`"""a\nb"""\nx`, `str:"a\\nb" NEWLINE name:x NEWLINE`));
  test("triple with inner quotes", () => expectTokens(`'''a''b'''`, `str:"a''b" NEWLINE`));
  test("simple escapes", () => expectTokens(`"\\n\\t\\r\\\\\\'\\"\\a\\b\\f\\v"`, `str:"\\n\\t\\r\\\\'\\"\\u0007\\b\\f\\u000b" NEWLINE`));
  test("hex and unicode escapes", () => expectTokens(`"\\x41\\u00e9\\U0001F600"`, `str:"Aé😀" NEWLINE`));
  test("octal escapes", () => expectTokens(`"\\101\\0\\7"`, `str:"A\\u0000\\u0007" NEWLINE`));
  test("unknown escape kept", () => expectTokens(`"\\q\\d"`, `str:"\\\\q\\\\d" NEWLINE`));
  test("backslash newline in string", () => expectTokens(`"a\\\nb"`, `str:"ab" NEWLINE`));
  test("raw string", () => expectTokens(`r"\\n\\"" R'\\d'`, `str:"\\\\n\\\\\\"" str:"\\\\d" NEWLINE`));
  test("u prefix", () => expectTokens(`u"x" U"y"`, `str:"x" str:"y" NEWLINE`));
  test("prefix is a name without quote", () => expectTokens(`rb + f`, `name:rb + name:f NEWLINE`));
  test("bytes", () => expectTokens(`b"A\\x00\\xff" B'\\n' rb"\\n" Br'a' bR'b'`, `bytes:[65,0,255] bytes:[10] bytes:[92,110] bytes:[97] bytes:[98] NEWLINE`));
  test("bytes keep \\u literally", () => expectTokens(`b"\\u0041"`, `bytes:[92,117,48,48,52,49] NEWLINE`));
  test("bytes octal wraps", () => expectTokens(`b"\\777"`, `bytes:[255] NEWLINE`));
  test("unicode name escape unsupported", () => expectLexError(`"\\N{DASH}"`, "unicode name escapes", 1, "NotImplementedError"));
  test("non-ascii in bytes", () => expectLexError(`b"é"`, "bytes can only contain ASCII literal characters"));
  test("unterminated", () => expectLexError(`'abc`, "invalid syntax"));
  test("newline in short string", () => expectLexError(`'ab\nc'`, "invalid syntax"));
  test("unterminated triple", () => expectLexError(`x = """abc\n\n`, "invalid syntax"));
  test("truncated \\x", () => expectLexError(`"\\x4"`, "invalid syntax"));
  test("truncated \\u", () => expectLexError(`"\\u12"`, "invalid syntax"));
  test("code point too big", () => expectLexError(`"\\U00110000"`, "invalid syntax"));
  test("line after triple string", () => expect(tokenize(`"""a\nb\nc""" x`)[1]!.line).toBe(3));
});

describe("f-strings", () => {
  test("plain", () => expectTokens(`f"abc"`, `fstr:["abc"] NEWLINE`));
  test("field", () => expectTokens(`f"a{x}b"`, `fstr:["a",{},"b"] NEWLINE`));
  test("doubled braces", () => expectTokens(`f"{{a}}"`, `fstr:["{a}"] NEWLINE`));
  test("conversion and spec", () => expectTokens(`f"{x!r:>{w}}"`, `fstr:[{r:[">",{}]}] NEWLINE`));
  test("debug", () => expectTokens(`f"{x = }"`, `fstr:[{x = }] NEWLINE`));
  test("not-equal is not a conversion", () => expectTokens(`f"{a != b}"`, `fstr:[{}] NEWLINE`));
  test("nested quotes", () => expectTokens(`f"{'}'}" f'{"a"}'`, `fstr:[{}] fstr:[{}] NEWLINE`));
  test("same quotes nested (3.12)", () => expectTokens(`f"a{f"b{x}"}c"`, `fstr:["a",{},"c"] NEWLINE`));
  test("brackets in field", () => expectTokens(`f"{d['a'][0:2]}"`, `fstr:[{}] NEWLINE`));
  test("raw f-string", () => expectTokens(`rf"\\d{x}" fR"\\n"`, `fstr:["\\\\d",{}] fstr:["\\\\n"] NEWLINE`));
  test("escapes decoded", () => expectTokens(`f"\\t{x}\\n"`, `fstr:["\\t",{},"\\n"] NEWLINE`));
  test("field offsets", () => {
    const tok = tokenize(`s = f"ab{ x + 1 }"`)[2]!;
    const field = (tok.value as FString).parts[1];
    expect(typeof field === "object" && [field.exprStart, field.exprEnd]).toEqual([9, 16]);
  });
  test("single close brace", () => expectLexError(`f"a}b"`, "malformed f-string"));
  test("empty field", () => expectLexError(`f"{}"`, "malformed f-string"));
  test("blank field", () => expectLexError(`f"{ }"`, "malformed f-string"));
  test("unclosed field", () => expectLexError(`f"{x"`, "invalid syntax"));
  test("unclosed field before spec end", () => expectLexError(`f"{x:"`, "malformed f-string"));
  test("bad conversion", () => expectLexError(`f"{x!z}"`, "malformed f-string"));
  test("backslash in field", () => expectLexError(`f'{\\}'`, "invalid syntax"));
  test("comment in field", () => expectLexError(`f'{#}'`, "invalid syntax"));
  test("t-strings unsupported", () => expectLexError(`t"{x}"`, "invalid syntax"));
});

describe("locations", () => {
  test("line and column", () => {
    const toks = tokenize("a = 1\n  \nif b:\n    c\n");
    expect(toks.map((t) => `${t.kind}@${t.line}:${t.col}`).join(" ")).toBe(
      "name@1:0 =@1:2 int@1:4 newline@1:5 if@3:0 name@3:3 :@3:4 newline@3:5 indent@4:4 name@4:4 newline@4:5 dedent@5:0 eof@5:0");
  });
  test("after continuation", () => expect(tokenize("a + \\\n   b")[2]).toMatchObject({ line: 2, col: 3 }));
  test("inside brackets", () => expect(tokenize("f(\n  x)")[2]).toMatchObject({ line: 2, col: 2 }));
});
