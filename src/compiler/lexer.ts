// The tokenizer: source text → tokens, including INDENT/DEDENT/NEWLINE layout tokens.
// Like MicroPython's py/lexer.c it runs on demand (the parser pulls one token at a time), so the
// first error in the file is the one reported. String literals are decoded here; f-strings are
// split into literal text and replacement fields whose expressions the parser lexes again.

import { CompileError, MESSAGES, type CompileErrorType } from "./errors";
import {
  OPERATORS,
  isKeyword,
  type FString,
  type FStringField,
  type FStringPart,
  type Operator,
  type Token,
  type TokenKind,
  type TokenValue,
} from "./tokens";

const NL = 10, TAB = 9, FF = 12, SPACE = 32, HASH = 35, BACKSLASH = 92;
const SQUOTE = 39, DQUOTE = 34, DOT = 46, UNDERSCORE = 95;
const LBRACE = 123, RBRACE = 125;
const CH_0 = 48, CH_9 = 57;

/** Operators grouped by first character, longest first, for longest-match lexing. */
const OPS_BY_FIRST_CHAR: ReadonlyMap<number, readonly Operator[]> = (() => {
  const map = new Map<number, Operator[]>();
  for (const op of OPERATORS) {
    const c = op.charCodeAt(0);
    let list = map.get(c);
    if (list === undefined) map.set(c, (list = []));
    list.push(op);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isIdentStart(c: number): boolean {
  // Non-ASCII characters are allowed in identifiers, as in MicroPython.
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === UNDERSCORE || c >= 128;
}

function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function hexValue(c: number): number {
  if (c >= CH_0 && c <= CH_9) return c - CH_0;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** How a string literal's body is read. */
interface StringCtx {
  readonly quote: number;
  readonly triple: boolean;
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly fstr: boolean;
}

interface StringPrefix {
  readonly raw: boolean;
  readonly bytes: boolean;
  readonly fstr: boolean;
  readonly tstr: boolean;
}

/** Parse a string prefix (any case), or null if `word` is not one. */
function stringPrefix(word: string): StringPrefix | null {
  if (word.length > 2) return null;
  const w = word.toLowerCase();
  switch (w) {
    case "r": case "u": case "b": case "br": case "rb": case "f": case "fr": case "rf":
    case "t": case "tr": case "rt":
      return { raw: w.includes("r"), bytes: w.includes("b"), fstr: w.includes("f"), tstr: w.includes("t") };
    default:
      return null;
  }
}

export interface LexerOptions {
  readonly start?: number;
  readonly end?: number;
  readonly line?: number;
  /** Source offset of the start of `line`, so columns are right for a sub-range. */
  readonly lineStart?: number;
  /** Lex the range as one bracketed line: no NEWLINE/INDENT/DEDENT (f-string expressions). */
  readonly joined?: boolean;
}

export class Lexer {
  private pos: number;
  private line: number;
  private lineStart: number;
  private readonly end: number;
  private readonly joined: boolean;
  private parenDepth = 0;
  private readonly indentStack: number[] = [0];
  private pendingDedents = 0;
  private atLineStart: boolean;
  /** A token has been emitted on this logical line, so a NEWLINE is due at its end. */
  private newlineDue = false;
  // Where the current token starts.
  private tokStart = 0;
  private tokLine = 1;
  private tokCol = 0;

  constructor(
    private readonly src: string,
    readonly filename: string,
    opts: LexerOptions = {},
  ) {
    this.pos = opts.start ?? 0;
    this.end = opts.end ?? src.length;
    this.line = opts.line ?? 1;
    this.lineStart = opts.lineStart ?? 0;
    this.joined = opts.joined ?? false;
    this.atLineStart = !this.joined;
  }

  /** The next token; after the end of input, "eof" forever. */
  next(): Token {
    if (this.pendingDedents > 0) {
      this.pendingDedents--;
      return this.layout("dedent");
    }
    if (this.atLineStart) {
      this.atLineStart = false;
      const tok = this.indentation();
      if (tok !== null) return tok;
    }
    for (;;) {
      this.skipSpace();
      this.markStart();
      if (this.pos >= this.end) return this.endOfInput();
      if (this.src.charCodeAt(this.pos) !== NL) break;
      this.newLine(this.pos + 1);
      if (this.parenDepth === 0 && !this.joined) {
        this.newlineDue = false;
        this.atLineStart = true;
        return this.make("newline", null);
      }
    }
    this.newlineDue = true;
    return this.token();
  }

  // ------------------------------------------------------------ layout

  private layout(kind: "dedent" | "indent" | "newline" | "eof"): Token {
    this.markStart();
    return this.make(kind, null);
  }

  private endOfInput(): Token {
    if (this.joined) return this.make("eof", null);
    if (this.newlineDue) {
      this.newlineDue = false;
      return this.make("newline", null);
    }
    if (this.indentStack.length > 1) {
      this.indentStack.pop();
      return this.make("dedent", null);
    }
    return this.make("eof", null);
  }

  /** At the start of a logical line: skip blank lines, then compare the indentation. */
  private indentation(): Token | null {
    for (;;) {
      const width = this.measureIndent();
      const c = this.pos < this.end ? this.src.charCodeAt(this.pos) : -1;
      if (c === -1) return null;
      if (c === HASH) this.skipComment();
      if (this.pos < this.end && this.src.charCodeAt(this.pos) === NL) {
        this.newLine(this.pos + 1);
        continue;
      }
      if (this.pos >= this.end) return null;
      return this.compareIndent(width);
    }
  }

  /** Indentation width of the current line: tabs go to the next multiple of 8. */
  private measureIndent(): number {
    let width = 0;
    for (; this.pos < this.end; this.pos++) {
      const c = this.src.charCodeAt(this.pos);
      if (c === SPACE) width++;
      else if (c === TAB) width = (width & ~7) + 8;
      else if (c === FF) width = 0;
      else break;
    }
    return width;
  }

  private compareIndent(width: number): Token | null {
    const stack = this.indentStack;
    const top = stack[stack.length - 1]!;
    this.markStart();
    if (width === top) return null;
    if (width > top) {
      stack.push(width);
      return this.make("indent", null);
    }
    let dedents = 0;
    while (stack[stack.length - 1]! > width) {
      stack.pop();
      dedents++;
    }
    if (stack[stack.length - 1] !== width) {
      throw this.error(MESSAGES.unindentMismatch, "IndentationError");
    }
    this.pendingDedents = dedents - 1;
    return this.make("dedent", null);
  }

  private newLine(nextLineStart: number): void {
    this.pos = nextLineStart;
    this.line++;
    this.lineStart = nextLineStart;
  }

  /** Skip spaces, comments and backslash-newline continuations (not newlines). */
  private skipSpace(): void {
    const src = this.src;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === FF) {
        this.pos++;
      } else if (c === HASH) {
        this.skipComment();
      } else if (c === BACKSLASH) {
        if (src.charCodeAt(this.pos + 1) !== NL || this.pos + 1 >= this.end) {
          this.markStart();
          throw this.error(MESSAGES.invalidSyntax);
        }
        this.newLine(this.pos + 2);
      } else {
        return;
      }
    }
  }

  private skipComment(): void {
    const nl = this.src.indexOf("\n", this.pos);
    this.pos = nl === -1 || nl > this.end ? this.end : nl;
  }

  // ------------------------------------------------------------ tokens

  private markStart(): void {
    this.tokStart = this.pos;
    this.tokLine = this.line;
    this.tokCol = this.pos - this.lineStart;
  }

  private make(kind: TokenKind, value: TokenValue): Token {
    return { kind, value, line: this.tokLine, col: this.tokCol, start: this.tokStart, end: this.pos };
  }

  error(message: string, pyType: CompileErrorType = "SyntaxError"): CompileError {
    return new CompileError(pyType, message, this.filename, this.tokLine, this.tokCol);
  }

  private token(): Token {
    const c = this.src.charCodeAt(this.pos);
    if (isIdentStart(c)) return this.nameOrString();
    if (isDigit(c) || (c === DOT && isDigit(this.src.charCodeAt(this.pos + 1)))) return this.number();
    if (c === SQUOTE || c === DQUOTE) return this.string(NO_PREFIX);
    return this.operator(c);
  }

  private operator(c: number): Token {
    const ops = OPS_BY_FIRST_CHAR.get(c);
    if (ops !== undefined) {
      for (const op of ops) {
        if (this.src.startsWith(op, this.pos) && this.pos + op.length <= this.end) {
          this.pos += op.length;
          this.trackBrackets(c);
          return this.make(op, null);
        }
      }
    }
    throw this.error(MESSAGES.invalidSyntax);
  }

  private trackBrackets(c: number): void {
    if (c === 40 || c === 91 || c === LBRACE) this.parenDepth++;
    else if ((c === 41 || c === 93 || c === RBRACE) && this.parenDepth > 0) this.parenDepth--;
  }

  private nameOrString(): Token {
    const src = this.src;
    const start = this.pos;
    let pos = start + 1;
    while (pos < this.end && isIdentChar(src.charCodeAt(pos))) pos++;
    const word = src.slice(start, pos);
    this.pos = pos;
    const next = src.charCodeAt(pos);
    if ((next === SQUOTE || next === DQUOTE) && pos < this.end) {
      const prefix = stringPrefix(word);
      if (prefix !== null) return this.string(prefix);
    }
    return this.make(isKeyword(word) ? word : "name", word);
  }

  // ------------------------------------------------------------ numbers

  private number(): Token {
    const src = this.src;
    const start = this.pos;
    const c1 = src.charCodeAt(start + 1) | 0x20;
    if (src.charCodeAt(start) === CH_0 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      return this.radixNumber(c1 === 120 ? 16 : c1 === 111 ? 8 : 2);
    }
    if (src.charCodeAt(start) !== DOT) this.digits();
    let isFloat = false;
    if (src.charCodeAt(this.pos) === DOT && this.pos < this.end) {
      isFloat = true;
      this.pos++;
      if (isDigit(src.charCodeAt(this.pos))) this.digits();
    }
    const e = src.charCodeAt(this.pos) | 0x20;
    if (e === 101 && this.pos < this.end) {
      isFloat = true;
      this.pos++;
      const sign = src.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      if (!isDigit(src.charCodeAt(this.pos))) throw this.error(MESSAGES.invalidSyntax);
      this.digits();
    }
    const text = src.slice(start, this.pos).replace(/_/g, "");
    if ((src.charCodeAt(this.pos) | 0x20) === 106 && this.pos < this.end) {
      this.pos++;
      this.checkNumberEnd();
      return this.make("imag", Number(text));
    }
    this.checkNumberEnd();
    if (isFloat) return this.make("float", Number(text));
    // "0123" is not allowed in Python 3 ("00" is).
    if (text.length > 1 && text.charCodeAt(0) === CH_0 && /[1-9]/.test(text)) {
      throw this.error(MESSAGES.invalidSyntax);
    }
    return this.make("int", intValue(text));
  }

  /** Digits with single underscores between them. */
  private digits(): void {
    const src = this.src;
    if (!isDigit(src.charCodeAt(this.pos))) throw this.error(MESSAGES.invalidSyntax);
    this.pos++;
    while (this.pos < this.end) {
      const c = src.charCodeAt(this.pos);
      if (isDigit(c)) {
        this.pos++;
      } else if (c === UNDERSCORE && isDigit(src.charCodeAt(this.pos + 1))) {
        this.pos += 2;
      } else {
        break;
      }
    }
  }

  private radixNumber(base: number): Token {
    const src = this.src;
    this.pos += 2;
    const start = this.pos;
    let digits = 0;
    let prevUnderscore = true; // an underscore may follow the prefix: 0x_ff
    while (this.pos < this.end && isIdentChar(src.charCodeAt(this.pos))) {
      const c = src.charCodeAt(this.pos);
      if (c === UNDERSCORE) {
        if (prevUnderscore && digits > 0) throw this.error(MESSAGES.invalidSyntax);
        prevUnderscore = true;
      } else {
        const v = hexValue(c);
        if (v < 0 || v >= base) throw this.error(MESSAGES.invalidSyntax);
        digits++;
        prevUnderscore = false;
      }
      this.pos++;
    }
    if (digits === 0 || prevUnderscore) throw this.error(MESSAGES.invalidSyntax);
    const text = src.slice(start, this.pos).replace(/_/g, "");
    const prefix = base === 16 ? "0x" : base === 8 ? "0o" : "0b";
    const big = BigInt(prefix + text);
    return this.make("int", big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big);
  }

  private checkNumberEnd(): void {
    if (this.pos < this.end && isIdentChar(this.src.charCodeAt(this.pos))) {
      throw this.error(MESSAGES.invalidSyntax);
    }
  }

  // ------------------------------------------------------------ strings

  /** At the opening quote of a string literal with the given prefix. */
  private string(prefix: StringPrefix): Token {
    const ctx = this.openQuote(prefix);
    if (prefix.tstr) throw this.error(MESSAGES.invalidSyntax) // t-strings: MicroPython (as built for the reference) has none;
    if (ctx.fstr) {
      const value: FString = { parts: this.fstringBody(ctx) };
      return this.make("fstr", value);
    }
    const text = this.text(ctx);
    this.closeQuote(ctx);
    if (!ctx.bytes) return this.make("str", text);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return this.make("bytes", bytes);
  }

  private openQuote(prefix: StringPrefix): StringCtx {
    const src = this.src;
    const quote = src.charCodeAt(this.pos);
    const triple = src.charCodeAt(this.pos + 1) === quote && src.charCodeAt(this.pos + 2) === quote
      && this.pos + 2 < this.end;
    this.pos += triple ? 3 : 1;
    return { quote, triple, raw: prefix.raw, bytes: prefix.bytes, fstr: prefix.fstr || prefix.tstr };
  }

  private atCloseQuote(ctx: StringCtx): boolean {
    const src = this.src;
    if (src.charCodeAt(this.pos) !== ctx.quote || this.pos >= this.end) return false;
    return !ctx.triple || (src.charCodeAt(this.pos + 1) === ctx.quote
      && src.charCodeAt(this.pos + 2) === ctx.quote && this.pos + 2 < this.end);
  }

  private closeQuote(ctx: StringCtx): void {
    this.pos += ctx.triple ? 3 : 1;
  }

  /**
   * Decode literal text up to the closing quote (left unconsumed) or, in an f-string, up to a
   * `{` or `}`. Bytes are returned as a string of char codes below 256.
   */
  private text(ctx: StringCtx): string {
    const src = this.src;
    let out = "";
    let run = this.pos;
    for (;;) {
      if (this.pos >= this.end) throw this.error(MESSAGES.invalidSyntax);
      const c = src.charCodeAt(this.pos);
      if (c === ctx.quote && this.atCloseQuote(ctx)) break;
      if (ctx.fstr && (c === LBRACE || c === RBRACE)) break;
      if (c === NL) {
        if (!ctx.triple) throw this.error(MESSAGES.invalidSyntax);
        this.newLine(this.pos + 1);
      } else if (c === BACKSLASH) {
        out += src.slice(run, this.pos);
        out += this.escape(ctx);
        run = this.pos;
      } else {
        if (ctx.bytes && c >= 128) throw this.error(MESSAGES.bytesNonAscii);
        this.pos++;
      }
    }
    return out + src.slice(run, this.pos);
  }

  /** At a backslash in a string: consume the escape and return its value. */
  private escape(ctx: StringCtx): string {
    const src = this.src;
    const c = src.charCodeAt(this.pos + 1);
    if (this.pos + 1 >= this.end) throw this.error(MESSAGES.invalidSyntax);
    if (c === NL) {
      this.newLine(this.pos + 2);
      return ctx.raw ? "\\\n" : "";
    }
    if (ctx.raw) {
      // A raw string keeps the backslash; it still stops a quote or backslash from acting.
      if (c === ctx.quote || c === BACKSLASH) {
        this.pos += 2;
        return src.slice(this.pos - 2, this.pos);
      }
      this.pos++;
      return "\\";
    }
    this.pos += 2;
    switch (c) {
      case BACKSLASH: return "\\";
      case SQUOTE: return "'";
      case DQUOTE: return "\"";
      case 97: return "\x07"; // \a
      case 98: return "\b";
      case 102: return "\f";
      case 110: return "\n";
      case 114: return "\r";
      case 116: return "\t";
      case 118: return "\v";
      case 120: return this.hexEscape(2, ctx); // \x
      default: return this.escapeRare(c, ctx);
    }
  }

  private escapeRare(c: number, ctx: StringCtx): string {
    if (c >= CH_0 && c <= 55) return this.octalEscape(c, ctx);
    if (!ctx.bytes) {
      if (c === 117) return this.hexEscape(4, ctx); // \u
      if (c === 85) return this.hexEscape(8, ctx); // \U
      if (c === 78) throw this.error(MESSAGES.unicodeNameEscapes, "NotImplementedError"); // \N{...}
    }
    // Unknown escapes are kept as they are; the next character is read normally.
    this.pos--;
    return "\\";
  }

  private octalEscape(first: number, ctx: StringCtx): string {
    let value = first - CH_0;
    for (let i = 0; i < 2; i++) {
      const d = this.src.charCodeAt(this.pos);
      if (d < CH_0 || d > 55 || this.pos >= this.end) break;
      value = value * 8 + d - CH_0;
      this.pos++;
    }
    return String.fromCharCode(ctx.bytes ? value & 0xff : value);
  }

  private hexEscape(count: number, ctx: StringCtx): string {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const v = hexValue(this.src.charCodeAt(this.pos));
      if (v < 0 || this.pos >= this.end) throw this.error(MESSAGES.invalidSyntax);
      value = value * 16 + v;
      this.pos++;
    }
    if (value > 0x10ffff) throw this.error(MESSAGES.invalidSyntax);
    return ctx.bytes ? String.fromCharCode(value) : String.fromCodePoint(value);
  }

  // ------------------------------------------------------------ f-strings

  /** The body of an f-string, after the opening quote, through the closing quote. */
  private fstringBody(ctx: StringCtx): FStringPart[] {
    const parts: FStringPart[] = [];
    let lit = "";
    for (;;) {
      lit += this.text(ctx);
      if (this.atCloseQuote(ctx)) break;
      const brace = this.src.charCodeAt(this.pos);
      if (this.src.charCodeAt(this.pos + 1) === brace && this.pos + 1 < this.end) {
        lit += brace === LBRACE ? "{" : "}";
        this.pos += 2;
        continue;
      }
      if (brace === RBRACE) throw this.error(MESSAGES.malformedFString);
      if (lit !== "") parts.push(lit);
      lit = "";
      parts.push(this.field(ctx));
    }
    this.closeQuote(ctx);
    if (lit !== "") parts.push(lit);
    return parts;
  }

  /** At the `{` of a replacement field: read through its closing `}`. */
  private field(ctx: StringCtx): FStringField {
    this.pos++;
    const exprStart = this.pos;
    const line = this.line;
    const lineStart = this.lineStart;
    this.skipFieldExpr(ctx);
    const exprEnd = this.pos;
    if (this.src.slice(exprStart, exprEnd).trim() === "") throw this.error(MESSAGES.malformedFString);
    const src = this.src;
    let debugText: string | null = null;
    if (src.charCodeAt(this.pos) === 61) { // '='
      this.pos++;
      while (src.charCodeAt(this.pos) === SPACE) this.pos++;
      debugText = src.slice(exprStart, this.pos);
    }
    const conversion = this.conversion();
    let spec: FStringPart[] | null = null;
    if (src.charCodeAt(this.pos) === 58) { // ':'
      this.pos++;
      spec = this.formatSpec(ctx);
    }
    if (src.charCodeAt(this.pos) !== RBRACE || this.pos >= this.end) {
      throw this.error(MESSAGES.malformedFString);
    }
    this.pos++;
    return { exprStart, exprEnd, line, lineStart, debugText, conversion, spec };
  }

  private conversion(): "r" | "s" | "a" | null {
    if (this.src.charCodeAt(this.pos) !== 33) return null; // '!'
    const c = this.src[this.pos + 1];
    if (c !== "r" && c !== "s" && c !== "a") throw this.error(MESSAGES.malformedFString);
    this.pos += 2;
    return c;
  }

  /** Skip a field's expression, stopping at a top-level `}`, `!`, `:` or `=`. */
  private skipFieldExpr(ctx: StringCtx): void {
    const src = this.src;
    let depth = 0;
    for (;;) {
      if (this.pos >= this.end) throw this.error(MESSAGES.malformedFString);
      const c = src.charCodeAt(this.pos);
      const next = src.charCodeAt(this.pos + 1);
      if (c === SQUOTE || c === DQUOTE) {
        this.skipNestedString();
        continue;
      }
      if (c === NL) {
        if (!ctx.triple) throw this.error(MESSAGES.invalidSyntax);
        this.newLine(this.pos + 1);
        continue;
      }
      if (c === HASH || c === BACKSLASH) throw this.error(MESSAGES.invalidSyntax);
      if (c === 40 || c === 91 || c === LBRACE) {
        depth++;
      } else if (c === 41 || c === 93 || c === RBRACE) {
        if (depth === 0) {
          if (c === RBRACE) return;
          throw this.error(MESSAGES.malformedFString);
        }
        depth--;
      } else if (depth === 0) {
        // Two-character operators containing '=' are part of the expression.
        if ((c === 33 || c === 61 || c === 60 || c === 62) && next === 61) {
          this.pos += 2;
          continue;
        }
        if (c === 33 || c === 58 || c === 61) return; // '!' conversion, ':' spec, '=' debug
      }
      this.pos++;
    }
  }

  /** Inside a field expression, at a quote: skip a string literal (maybe itself an f-string). */
  private skipNestedString(): void {
    let p = this.pos;
    while (p > 0 && isIdentChar(this.src.charCodeAt(p - 1))) p--;
    const prefix = stringPrefix(this.src.slice(p, this.pos)) ?? NO_PREFIX;
    const ctx = this.openQuote(prefix);
    if (ctx.fstr) {
      this.fstringBody(ctx);
    } else {
      this.text(ctx);
      this.closeQuote(ctx);
    }
  }

  /** After `:` in a field: literal text and nested fields up to the field's `}` (unconsumed). */
  private formatSpec(ctx: StringCtx): FStringPart[] {
    const parts: FStringPart[] = [];
    for (;;) {
      const lit = this.text(ctx);
      if (lit !== "") parts.push(lit);
      if (this.atCloseQuote(ctx)) throw this.error(MESSAGES.malformedFString);
      if (this.src.charCodeAt(this.pos) === RBRACE) return parts;
      parts.push(this.field(ctx));
    }
  }
}

const NO_PREFIX: StringPrefix = { raw: false, bytes: false, fstr: false, tstr: false };

/** A decimal integer literal's value: a number if it is a safe integer, else a bigint. */
function intValue(digits: string): number | bigint {
  if (digits.length <= 15) return parseInt(digits, 10);
  const big = BigInt(digits);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** Tokenize a whole source (for tests and tools); the parser pulls tokens one at a time. */
export function tokenize(source: string, filename = "<string>"): Token[] {
  const lexer = new Lexer(prepareSource(source), filename);
  const tokens: Token[] = [];
  for (;;) {
    const tok = lexer.next();
    tokens.push(tok);
    if (tok.kind === "eof") return tokens;
  }
}

/** Drop a leading byte-order mark; "\r\n" and "\r" become "\n" so the lexer knows one newline. */
export function prepareSource(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
