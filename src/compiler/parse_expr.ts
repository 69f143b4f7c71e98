// Expression half of the recursive-descent parser (statements are in parser.ts).
// Grammar names follow CPython's Grammar/python.gram and MicroPython's py/grammar.h:
// test → or_test → and_test → not_test → comparison → binary operators → factor → power → atom.

import type {
  Arg, Arguments, BinaryOperator, Comprehension, CompareOperator, Constant, ConstantValue,
  Expr, Keyword, Loc, NamedExpr,
} from "./ast";
import { CompileError, MESSAGES, type CompileErrorType } from "./errors";
import { Lexer } from "./lexer";
import type { FString, FStringField, FStringPart, Token, TokenKind } from "./tokens";

/** What kind of code the parser is in, for the "outside function/loop" checks. */
export interface FuncContext {
  readonly kind: "module" | "class" | "function";
  readonly isAsync: boolean;
}

/** Binary operators by precedence, loosest first (`|` binds less tightly than `*`). */
const BINARY_PRECEDENCE: Partial<Record<TokenKind, number>> = {
  "|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5,
  "*": 6, "/": 6, "//": 6, "%": 6, "@": 6,
};

/** Tokens that can begin an expression: used to tell `x,` (tuple end) from `x, y`. */
const EXPR_START = new Set<TokenKind>([
  "name", "int", "float", "imag", "str", "bytes", "fstr", "(", "[", "{", "-", "+", "~",
  "not", "lambda", "await", "*", "...", "None", "True", "False",
]);

export function locOf(tok: Token): Loc {
  return { line: tok.line, col: tok.col };
}

export class ExprParser {
  protected tok: Token;
  private readonly buffered: Token[] = [];
  protected func: FuncContext;
  /** Walrus nodes seen lately; a comprehension checks those in its own clauses. */
  protected walrusLog: NamedExpr[] = [];

  constructor(
    protected readonly src: string,
    protected readonly filename: string,
    protected readonly lexer: Lexer,
    func: FuncContext,
  ) {
    this.func = func;
    this.tok = lexer.next();
  }

  // ------------------------------------------------------------ token stream

  protected next(): Token {
    const tok = this.tok;
    this.tok = this.buffered.length > 0 ? this.buffered.shift()! : this.lexer.next();
    return tok;
  }

  /** The token n+1 places after the current one. */
  protected peek(n = 0): Token {
    while (this.buffered.length <= n) this.buffered.push(this.lexer.next());
    return this.buffered[n]!;
  }

  protected at(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }

  protected eat(kind: TokenKind): boolean {
    if (this.tok.kind !== kind) return false;
    this.next();
    return true;
  }

  protected expect(kind: TokenKind): Token {
    if (this.tok.kind !== kind) throw this.unexpected();
    return this.next();
  }

  protected expectName(): string {
    return this.expect("name").value as string;
  }

  /** The error for a token the grammar does not allow here. */
  protected unexpected(tok: Token = this.tok): CompileError {
    if (tok.kind === "indent") {
      return this.errorAt(locOf(tok), MESSAGES.unexpectedIndent, "IndentationError");
    }
    return this.errorAt(locOf(tok), MESSAGES.invalidSyntax);
  }

  protected errorAt(loc: Loc, message: string, pyType: CompileErrorType = "SyntaxError"): CompileError {
    return new CompileError(pyType, message, this.filename, loc.line, loc.col);
  }

  protected startsExpr(): boolean {
    return EXPR_START.has(this.tok.kind);
  }

  // ------------------------------------------------------------ tests and operators

  /** test: lambda, or or_test ['if' or_test 'else' test]. */
  test(): Expr {
    if (this.at("lambda")) return this.lambda();
    const loc = locOf(this.tok);
    const body = this.orTest();
    if (!this.eat("if")) return body;
    const test = this.orTest();
    this.expect("else");
    const orelse = this.test();
    return { kind: "IfExp", loc, test, body, orelse };
  }

  /** namedexpr_test: test [':=' test]. */
  namedExprTest(): Expr {
    const loc = locOf(this.tok);
    const target = this.test();
    if (!this.at(":=")) return target;
    if (target.kind !== "Name") throw this.errorAt(target.loc, MESSAGES.assignExpr);
    this.next();
    const node: NamedExpr = { kind: "NamedExpr", loc, target, value: this.test() };
    this.walrusLog.push(node);
    return node;
  }

  protected orTest(): Expr {
    const loc = locOf(this.tok);
    const first = this.andTest();
    if (!this.at("or")) return first;
    const values = [first];
    while (this.eat("or")) values.push(this.andTest());
    return { kind: "BoolOp", loc, op: "or", values };
  }

  private andTest(): Expr {
    const loc = locOf(this.tok);
    const first = this.notTest();
    if (!this.at("and")) return first;
    const values = [first];
    while (this.eat("and")) values.push(this.notTest());
    return { kind: "BoolOp", loc, op: "and", values };
  }

  private notTest(): Expr {
    if (!this.at("not")) return this.comparison();
    const loc = locOf(this.next());
    return { kind: "UnaryOp", loc, op: "not", operand: this.notTest() };
  }

  private comparison(): Expr {
    const loc = locOf(this.tok);
    const left = this.expr();
    let op = this.compareOp();
    if (op === null) return left;
    const ops: CompareOperator[] = [];
    const comparators: Expr[] = [];
    while (op !== null) {
      ops.push(op);
      comparators.push(this.expr());
      op = this.compareOp();
    }
    return { kind: "Compare", loc, left, ops, comparators };
  }

  /** Consume a comparison operator (`not in` and `is not` are two tokens), or return null. */
  private compareOp(): CompareOperator | null {
    const kind = this.tok.kind;
    switch (kind) {
      case "<": case ">": case "==": case ">=": case "<=": case "!=": case "in":
        this.next();
        return kind;
      case "not":
        if (this.peek().kind !== "in") return null;
        this.next();
        this.next();
        return "not in";
      case "is":
        this.next();
        return this.eat("not") ? "is not" : "is";
      default:
        return null;
    }
  }

  /** expr: the binary operators `|` ... `*`, by precedence climbing. */
  expr(minPrec = 1): Expr {
    const loc = locOf(this.tok);
    let left = this.factor();
    for (;;) {
      const prec = BINARY_PRECEDENCE[this.tok.kind];
      if (prec === undefined || prec < minPrec) return left;
      const op = this.next().kind as BinaryOperator;
      const right = this.expr(prec + 1);
      left = { kind: "BinOp", loc, op, left, right };
    }
  }

  private factor(): Expr {
    const kind = this.tok.kind;
    if (kind === "-" || kind === "+" || kind === "~") {
      const loc = locOf(this.next());
      return { kind: "UnaryOp", loc, op: kind, operand: this.factor() };
    }
    return this.power();
  }

  private power(): Expr {
    const loc = locOf(this.tok);
    const base = this.at("await") ? this.await() : this.primary();
    if (!this.eat("**")) return base;
    return { kind: "BinOp", loc, op: "**", left: base, right: this.factor() };
  }

  private await(): Expr {
    const loc = locOf(this.next());
    if (this.func.kind !== "function") throw this.errorAt(loc, MESSAGES.awaitOutside);
    return { kind: "Await", loc, value: this.primary() };
  }

  /** atom followed by trailers: calls, subscripts, attributes. */
  private primary(): Expr {
    const loc = locOf(this.tok);
    let node = this.atom();
    for (;;) {
      if (this.eat(".")) {
        node = { kind: "Attribute", loc, value: node, attr: this.expectName() };
      } else if (this.at("(")) {
        node = this.call(node, loc);
      } else if (this.eat("[")) {
        node = { kind: "Subscript", loc, value: node, index: this.subscript() };
        this.expect("]");
      } else {
        return node;
      }
    }
  }

  // ------------------------------------------------------------ atoms

  private atom(): Expr {
    const tok = this.tok;
    const loc = locOf(tok);
    switch (tok.kind) {
      case "name":
        this.next();
        return { kind: "Name", loc, id: tok.value as string };
      case "int":
        this.next();
        return this.constant(loc, { type: "int", value: tok.value as number | bigint });
      case "float":
        this.next();
        return this.constant(loc, { type: "float", value: tok.value as number });
      case "imag":
        this.next();
        return this.constant(loc, { type: "complex", imag: tok.value as number });
      case "str": case "bytes": case "fstr":
        return this.strings();
      case "None":
        this.next();
        return this.constant(loc, { type: "None" });
      case "True": case "False":
        this.next();
        return this.constant(loc, { type: "bool", value: tok.kind === "True" });
      case "...":
        this.next();
        return this.constant(loc, { type: "Ellipsis" });
      case "(":
        return this.parenAtom();
      case "[":
        return this.listAtom();
      case "{":
        return this.braceAtom();
      default:
        throw this.unexpected();
    }
  }

  protected constant(loc: Loc, value: ConstantValue): Constant {
    return { kind: "Constant", loc, value };
  }

  /** `( ... )`: empty tuple, yield, parenthesised expression, tuple or generator. */
  private parenAtom(): Expr {
    const loc = locOf(this.next());
    if (this.eat(")")) return { kind: "Tuple", loc, elts: [] };
    if (this.at("yield")) {
      const value = this.yieldExpr();
      this.expect(")");
      return value;
    }
    const mark = this.walrusLog.length;
    const first = this.starOrNamedExpr();
    if (this.atCompFor()) {
      const generators = this.compFor(first, mark);
      this.expect(")");
      return { kind: "GeneratorExp", loc, elt: first, generators };
    }
    if (this.eat(")")) {
      if (first.kind === "Starred") throw this.errorAt(first.loc, MESSAGES.starNotTarget);
      return first;
    }
    this.expect(",");
    const elts = this.elementsAfterComma(first, ")");
    return { kind: "Tuple", loc, elts };
  }

  /** After `first,` in a display: the remaining elements through the closing bracket. */
  private elementsAfterComma(first: Expr, close: TokenKind): Expr[] {
    const elts = [first];
    while (!this.eat(close)) {
      elts.push(this.starOrNamedExpr());
      if (!this.at(close)) this.expect(",");
    }
    return elts;
  }

  private listAtom(): Expr {
    const loc = locOf(this.next());
    if (this.eat("]")) return { kind: "List", loc, elts: [] };
    const mark = this.walrusLog.length;
    const first = this.starOrNamedExpr();
    if (this.atCompFor()) {
      const generators = this.compFor(first, mark);
      this.expect("]");
      return { kind: "ListComp", loc, elt: first, generators };
    }
    if (this.eat("]")) return { kind: "List", loc, elts: [first] };
    this.expect(",");
    return { kind: "List", loc, elts: this.elementsAfterComma(first, "]") };
  }

  /** `{ ... }`: dict, set, or their comprehensions. */
  private braceAtom(): Expr {
    const loc = locOf(this.next());
    if (this.eat("}")) return { kind: "Dict", loc, keys: [], values: [] };
    const mark = this.walrusLog.length;
    if (this.at("**")) return this.dictDisplay(loc, null, mark);
    const first = this.starOrNamedExpr();
    if (this.at(":") && first.kind !== "Starred") return this.dictDisplay(loc, first, mark);
    if (this.atCompFor()) {
      const generators = this.compFor(first, mark);
      this.expect("}");
      return { kind: "SetComp", loc, elt: first, generators };
    }
    if (this.eat("}")) return { kind: "Set", loc, elts: [first] };
    this.expect(",");
    return { kind: "Set", loc, elts: this.elementsAfterComma(first, "}") };
  }

  /** A dict display or comprehension; `firstKey` was parsed (null: starts with `**`). */
  private dictDisplay(loc: Loc, firstKey: Expr | null, mark: number): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    let key = firstKey;
    for (;;) {
      if (key === null) {
        this.expect("**");
        keys.push(null);
        values.push(this.expr());
      } else {
        if (!this.at(":")) throw this.errorAt(locOf(this.tok), MESSAGES.invalidSyntax);
        this.next();
        keys.push(key);
        values.push(this.test());
      }
      if (keys.length === 1 && key !== null && this.atCompFor()) {
        const generators = this.compFor(values[0]!, mark);
        this.expect("}");
        return { kind: "DictComp", loc, key, value: values[0]!, generators };
      }
      if (this.eat("}")) return { kind: "Dict", loc, keys, values };
      this.expect(",");
      if (this.eat("}")) return { kind: "Dict", loc, keys, values };
      key = this.at("**") ? null : this.test();
    }
  }

  /** Adjacent string literals, concatenated; any f-string makes the whole a JoinedStr. */
  private strings(): Expr {
    const first = this.tok;
    const loc = locOf(first);
    const parts: Expr[] = [];
    let text = "";
    let hasFString = false;
    let bytes: Uint8Array[] | null = first.kind === "bytes" ? [] : null;
    while (this.at("str") || this.at("bytes") || this.at("fstr")) {
      const tok = this.next();
      if ((tok.kind === "bytes") !== (bytes !== null)) throw this.errorAt(locOf(tok), MESSAGES.mixBytes);
      if (tok.kind === "bytes") bytes!.push(tok.value as Uint8Array);
      else if (tok.kind === "str") text += tok.value as string;
      else {
        hasFString = true;
        text = this.fstringParts((tok.value as FString).parts, locOf(tok), parts, text);
      }
    }
    if (bytes !== null) return this.constant(loc, { type: "bytes", value: concatBytes(bytes) });
    if (!hasFString) return this.constant(loc, { type: "str", value: text });
    if (text !== "") parts.push(this.constant(loc, { type: "str", value: text }));
    return { kind: "JoinedStr", loc, values: parts };
  }

  /**
   * Append an f-string's pieces to `out`. Literal text is carried in `text` so adjacent pieces
   * merge into one Constant; returns the text not yet flushed.
   */
  private fstringParts(parts: readonly FStringPart[], loc: Loc, out: Expr[], text: string): string {
    for (const part of parts) {
      if (typeof part === "string") {
        text += part;
        continue;
      }
      if (part.debugText !== null) text += part.debugText;
      if (text !== "") out.push(this.constant(loc, { type: "str", value: text }));
      text = "";
      out.push(this.formattedValue(part, loc));
    }
    return text;
  }

  private formattedValue(field: FStringField, loc: Loc): Expr {
    const value = this.fieldExpr(field);
    let formatSpec = null;
    if (field.spec !== null) {
      const values: Expr[] = [];
      const rest = this.fstringParts(field.spec, loc, values, "");
      if (rest !== "") values.push(this.constant(loc, { type: "str", value: rest }));
      formatSpec = { kind: "JoinedStr", loc, values } as const;
    }
    // `{x=}` shows repr(x) unless a conversion or format spec is given, as CPython does.
    const conversion = field.conversion ?? (field.debugText !== null && field.spec === null ? "r" : null);
    return { kind: "FormattedValue", loc: value.loc, value, conversion, formatSpec };
  }

  /** Parse a replacement field's expression, as if it were in parentheses. */
  private fieldExpr(field: FStringField): Expr {
    const lexer = new Lexer(this.src, this.filename, {
      start: field.exprStart, end: field.exprEnd, line: field.line, lineStart: field.lineStart, joined: true,
    });
    const sub = new ExprParser(this.src, this.filename, lexer, this.func);
    const value = sub.at("yield") ? sub.yieldExpr() : sub.testListStarExpr(true);
    if (!sub.at("eof")) throw sub.unexpected();
    return value;
  }

  // ------------------------------------------------------------ lists of expressions

  /** `*expr` or a named expression: an element of a display or call. */
  protected starOrNamedExpr(): Expr {
    if (!this.at("*")) return this.namedExprTest();
    const loc = locOf(this.next());
    return { kind: "Starred", loc, value: this.expr() };
  }

  /** `*expr` or test. */
  protected starOrTest(named: boolean): Expr {
    if (!this.at("*")) return named ? this.namedExprTest() : this.test();
    const loc = locOf(this.next());
    return { kind: "Starred", loc, value: this.expr() };
  }

  /** testlist_star_expr: one element, or a tuple of them without parentheses. */
  testListStarExpr(named = false): Expr {
    const loc = locOf(this.tok);
    const first = this.starOrTest(named);
    if (!this.at(",")) {
      if (first.kind === "Starred") throw this.errorAt(first.loc, MESSAGES.starNotTarget);
      return first;
    }
    const elts = [first];
    while (this.eat(",") && this.startsExpr()) elts.push(this.starOrTest(named));
    return { kind: "Tuple", loc, elts };
  }

  /** exprlist: targets of `for` and `del` (operators only, so `in` is not swallowed). */
  protected exprList(): Expr {
    const loc = locOf(this.tok);
    const first = this.starOrExpr();
    if (!this.at(",")) {
      if (first.kind === "Starred") throw this.errorAt(first.loc, MESSAGES.starNotTarget);
      return first;
    }
    const elts = [first];
    while (this.eat(",") && this.startsExpr()) elts.push(this.starOrExpr());
    return { kind: "Tuple", loc, elts };
  }

  private starOrExpr(): Expr {
    if (!this.at("*")) return this.expr();
    const loc = locOf(this.next());
    return { kind: "Starred", loc, value: this.expr() };
  }

  /** yield_expr: 'yield' ['from' test | testlist_star_expr]. */
  yieldExpr(): Expr {
    const loc = locOf(this.next());
    if (this.func.kind !== "function") throw this.errorAt(loc, MESSAGES.yieldOutside);
    if (this.eat("from")) return { kind: "YieldFrom", loc, value: this.test() };
    const value = this.startsExpr() ? this.testListStarExpr() : null;
    return { kind: "Yield", loc, value };
  }

  // ------------------------------------------------------------ comprehensions

  private atCompFor(): boolean {
    return this.at("for") || (this.at("async") && this.peek().kind === "for");
  }

  /** The `for ... in ... if ...` clauses after a comprehension's element. */
  private compFor(elt: Expr, mark: number): Comprehension[] {
    if (elt.kind === "Starred") throw this.errorAt(elt.loc, MESSAGES.invalidSyntax);
    const generators: Comprehension[] = [];
    while (this.atCompFor()) {
      const loc = locOf(this.tok);
      const isAsync = this.eat("async");
      if (isAsync && !this.func.isAsync) throw this.errorAt(loc, MESSAGES.asyncOutside);
      this.expect("for");
      const target = this.exprList();
      this.checkTarget(target, "assign");
      this.expect("in");
      const iter = this.orTest();
      const ifs: Expr[] = [];
      while (this.eat("if")) ifs.push(this.orTest());
      generators.push({ kind: "comprehension", loc, target, iter, ifs, isAsync });
    }
    this.checkWalrus(generators, mark);
    return generators;
  }

  /** A walrus in a comprehension may not rebind that comprehension's iteration variables. */
  private checkWalrus(generators: readonly Comprehension[], mark: number): void {
    const log = this.walrusLog;
    if (log.length === mark) return;
    const names = new Set<string>();
    for (const gen of generators) collectNames(gen.target, names);
    for (let i = mark; i < log.length; i++) {
      const node = log[i]!;
      if (names.has(node.target.id)) throw this.errorAt(node.loc, MESSAGES.walrusRebind);
    }
    // The outer comprehension's check must not see this one's walruses.
    log.length = mark;
  }

  // ------------------------------------------------------------ calls and subscripts

  /** At `(`: a call's arguments through `)`. */
  private call(func: Expr, loc: Loc): Expr {
    const { args, keywords } = this.callArguments();
    return { kind: "Call", loc, func, args, keywords };
  }

  /** At `(`: arguments through `)`, for a call or a class's bases. */
  protected callArguments(): { args: Expr[]; keywords: Keyword[] } {
    // A generator expression as sole argument takes its location from the `(`, as in CPython.
    const paren = locOf(this.expect("("));
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.eat(")")) {
      const mark = this.walrusLog.length;
      this.argument(args, keywords);
      const last = args[args.length - 1];
      if (last !== undefined && this.atCompFor() && args.length === 1 && keywords.length === 0) {
        args[0] = { kind: "GeneratorExp", loc: paren, elt: last, generators: this.compFor(last, mark) };
      }
      if (!this.at(")")) this.expect(",");
    }
    return { args, keywords };
  }

  /** One argument: positional, *args, **kwargs or name=value. */
  private argument(args: Expr[], keywords: Keyword[]): void {
    const loc = locOf(this.tok);
    const hasStarStar = keywords.some((k) => k.arg === null);
    if (this.eat("**")) {
      keywords.push({ kind: "keyword", loc, arg: null, value: this.test() });
    } else if (this.eat("*")) {
      // MicroPython does not support *args after keyword arguments (CPython does).
      if (hasStarStar) throw this.errorAt(loc, MESSAGES.starAfterStarStar);
      if (keywords.length > 0) throw this.errorAt(loc, MESSAGES.starAfterKwarg);
      args.push({ kind: "Starred", loc, value: this.test() });
    } else if (this.at("name") && this.peek().kind === "=") {
      const arg = this.next().value as string;
      this.next();
      keywords.push({ kind: "keyword", loc, arg, value: this.test() });
    } else {
      const value = this.namedExprTest();
      if (this.at("=")) throw this.errorAt(loc, MESSAGES.kwargNotId);
      if (hasStarStar) throw this.errorAt(loc, MESSAGES.posAfterStarStar);
      if (keywords.length > 0) throw this.errorAt(loc, MESSAGES.posAfterKwarg);
      args.push(value);
    }
  }

  /** After `[`: one index or slice, or a tuple of them. */
  private subscript(): Expr {
    const loc = locOf(this.tok);
    const first = this.sliceItem();
    if (!this.at(",")) return first;
    const elts = [first];
    while (this.eat(",") && !this.at("]")) elts.push(this.sliceItem());
    return { kind: "Tuple", loc, elts };
  }

  private sliceItem(): Expr {
    const loc = locOf(this.tok);
    const lower = this.at(":") ? null : this.namedExprTest();
    if (!this.eat(":")) return lower!;
    const upper = this.at(":") || this.at("]") || this.at(",") ? null : this.test();
    let step: Expr | null = null;
    if (this.eat(":")) step = this.at("]") || this.at(",") ? null : this.test();
    return { kind: "Slice", loc, lower, upper, step };
  }

  // ------------------------------------------------------------ lambda and parameters

  private lambda(): Expr {
    const loc = locOf(this.next());
    const args = this.parameters(":", false);
    this.expect(":");
    const outer = this.func;
    const log = this.walrusLog;
    this.func = { kind: "function", isAsync: false };
    this.walrusLog = [];
    try {
      return { kind: "Lambda", loc, args, body: this.test() };
    } finally {
      this.func = outer;
      this.walrusLog = log;
    }
  }

  /**
   * A parameter list up to `close` (not consumed): typedargslist for def (with annotations),
   * varargslist for lambda.
   */
  protected parameters(close: TokenKind, annotations: boolean): Arguments {
    const p = new ParamBuilder();
    while (!this.at(close)) {
      const loc = locOf(this.tok);
      if (this.eat("/")) {
        if (!p.slash()) throw this.errorAt(loc, MESSAGES.invalidSyntax);
      } else if (this.eat("**")) {
        p.kwarg = this.param(annotations, p);
      } else if (this.eat("*")) {
        if (p.seenStar) throw this.errorAt(loc, MESSAGES.invalidSyntax);
        p.seenStar = true;
        if (this.at("name")) p.vararg = this.param(annotations, p);
      } else {
        this.namedParam(annotations, p);
      }
      if (this.at(close)) break;
      this.expect(",");
      if (p.kwarg !== null && !this.at(close)) throw this.unexpected();
    }
    // A bare `*` with no keyword-only parameters after it is allowed, as in MicroPython.
    return p.build();
  }

  private namedParam(annotations: boolean, p: ParamBuilder): void {
    if (p.kwarg !== null) throw this.unexpected();
    const arg = this.param(annotations, p);
    const value = this.eat("=") ? this.test() : null;
    if (p.seenStar) {
      p.kwonlyargs.push(arg);
      p.kwDefaults.push(value);
    } else {
      if (value !== null) p.defaults.push(value);
      else if (p.defaults.length > 0) throw this.errorAt(arg.loc, MESSAGES.nonDefaultArg);
      p.args.push(arg);
    }
  }

  private param(annotations: boolean, p: ParamBuilder): Arg {
    const loc = locOf(this.tok);
    const name = this.expectName();
    if (p.names.has(name)) throw this.errorAt(loc, MESSAGES.argReused);
    p.names.add(name);
    const annotation = annotations && this.eat(":") ? this.test() : null;
    return { kind: "arg", loc, name, annotation };
  }

  // ------------------------------------------------------------ targets

  /** Check that `target` can be assigned to (or deleted); MicroPython's compile.c errors. */
  protected checkTarget(target: Expr, mode: "assign" | "del"): void {
    switch (target.kind) {
      case "Name": case "Attribute": case "Subscript":
        return;
      case "Tuple": case "List": {
        // MicroPython rejects `() = x` and `del ()`, which CPython 3.6+ allows.
        if (target.kind === "Tuple" && target.elts.length === 0) {
          throw this.errorAt(target.loc, mode === "del" ? MESSAGES.deleteExpr : MESSAGES.assignExpr);
        }
        let stars = 0;
        for (const elt of target.elts) {
          if (elt.kind !== "Starred") {
            this.checkTarget(elt, mode);
            continue;
          }
          if (mode === "del") throw this.errorAt(elt.loc, MESSAGES.deleteExpr);
          if (++stars > 1) throw this.errorAt(elt.loc, MESSAGES.multipleStar);
          this.checkTarget(elt.value, mode);
        }
        return;
      }
      default:
        throw this.errorAt(target.loc, mode === "del" ? MESSAGES.deleteExpr : MESSAGES.assignExpr);
    }
  }
}

/** Parameters as they are read; `build` gives the AST's Arguments. */
class ParamBuilder {
  args: Arg[] = [];
  posonlyargs: Arg[] = [];
  defaults: Expr[] = [];
  vararg: Arg | null = null;
  kwonlyargs: Arg[] = [];
  kwDefaults: (Expr | null)[] = [];
  kwarg: Arg | null = null;
  seenStar = false;
  readonly names = new Set<string>();

  /** `/`: the parameters so far are positional-only. False if not allowed here. */
  slash(): boolean {
    if (this.seenStar || this.kwarg !== null || this.args.length === 0 || this.posonlyargs.length > 0) {
      return false;
    }
    this.posonlyargs = this.args;
    this.args = [];
    return true;
  }

  build(): Arguments {
    const { posonlyargs, args, defaults, vararg, kwonlyargs, kwDefaults, kwarg } = this;
    return { posonlyargs, args, defaults, vararg, kwonlyargs, kwDefaults, kwarg };
  }
}

function collectNames(target: Expr, out: Set<string>): void {
  if (target.kind === "Name") out.add(target.id);
  else if (target.kind === "Starred") collectNames(target.value, out);
  else if (target.kind === "Tuple" || target.kind === "List") {
    for (const elt of target.elts) collectNames(elt, out);
  }
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

