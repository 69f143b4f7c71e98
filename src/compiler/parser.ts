// Statement half of the recursive-descent parser; expressions are in parse_expr.ts.
// parse() turns source text into the typed AST of ast.ts, raising CompileError with
// MicroPython's messages for syntax errors and for the checks MicroPython's compiler makes
// early (assignment targets, 'return' outside function, 'break' outside loop, ...).

import type {
  Alias, ExceptHandler, Expr, Keyword, Loc, Module, Stmt, WithItem,
} from "./ast";
import { MESSAGES } from "./errors";
import { Lexer, prepareSource } from "./lexer";
import { ExprParser, locOf, type FuncContext } from "./parse_expr";
import { AUG_ASSIGN_OPS, isAugAssignOp } from "./tokens";

export type ParseMode = "exec" | "eval" | "single";

/**
 * Parse a module ("exec"), a REPL input ("single") or an expression ("eval", giving a Module
 * whose body is one Expr statement).
 */
export function parse(source: string, filename: string, mode: ParseMode): Module {
  const src = prepareSource(source);
  const parser = new Parser(src, filename, new Lexer(src, filename));
  if (mode === "eval") return parser.evalInput();
  // MicroPython's single_input needs a statement or a NEWLINE: nothing at all, or a line
  // continuation that runs into the end, is a syntax error there (`compile("\\\n", f, "single")`).
  if (mode === "single" && (source === "" || /\\\r?\n$/.test(source))) throw parser.noInput();
  return parser.fileInput();
}

class Parser extends ExprParser {
  /** Loops enclosing the current statement in this function: 'break' needs one. */
  private loopDepth = 0;

  constructor(src: string, filename: string, lexer: Lexer) {
    super(src, filename, lexer, { kind: "module", isAsync: false });
  }

  /** The syntax error for a "single" input that holds no statement (parse above). */
  noInput(): Error {
    return this.unexpected();
  }

  fileInput(): Module {
    const body: Stmt[] = [];
    while (!this.at("eof")) {
      if (this.eat("newline")) continue;
      this.statement(body);
    }
    return { kind: "Module", body };
  }

  /** eval_input: testlist NEWLINE* ENDMARKER; leading indentation is ignored, as in CPython. */
  evalInput(): Module {
    this.eat("indent");
    const loc = locOf(this.tok);
    const value = this.testListStarExpr();
    while (this.eat("newline") || this.eat("dedent")) { /* trailing layout */ }
    if (!this.at("eof")) throw this.unexpected();
    return { kind: "Module", body: [{ kind: "Expr", loc, value }] };
  }

  // ------------------------------------------------------------ statement dispatch

  private statement(body: Stmt[]): void {
    switch (this.tok.kind) {
      case "if": body.push(this.ifStmt()); return;
      case "while": body.push(this.whileStmt()); return;
      case "for": body.push(this.forStmt(locOf(this.tok), false)); return;
      case "try": body.push(this.tryStmt()); return;
      case "with": body.push(this.withStmt(locOf(this.tok), false)); return;
      case "def": body.push(this.funcDef([], false)); return;
      case "class": body.push(this.classDef([])); return;
      case "@": body.push(this.decorated()); return;
      case "async": body.push(this.asyncStmt([])); return;
      default: this.simpleStatements(body);
    }
  }

  /** simple_stmt: small statements separated by `;`, then NEWLINE. */
  private simpleStatements(body: Stmt[]): void {
    this.walrusLog.length = 0;
    for (;;) {
      body.push(this.smallStmt());
      if (!this.eat(";") || this.at("newline")) break;
    }
    this.expect("newline");
  }

  /** suite: `:` then a simple_stmt on the same line, or NEWLINE INDENT stmt+ DEDENT. */
  private suite(): Stmt[] {
    this.expect(":");
    const body: Stmt[] = [];
    if (!this.eat("newline")) {
      this.simpleStatements(body);
      return body;
    }
    this.expect("indent");
    while (!this.eat("dedent")) this.statement(body);
    return body;
  }

  private loopSuite(): Stmt[] {
    this.loopDepth++;
    const body = this.suite();
    this.loopDepth--;
    return body;
  }

  /** Parse a function or class body with its own context. */
  private nested<T>(func: FuncContext, parse: () => T): T {
    const outerFunc = this.func;
    const outerLoops = this.loopDepth;
    this.func = func;
    this.loopDepth = 0;
    const result = parse();
    this.func = outerFunc;
    this.loopDepth = outerLoops;
    return result;
  }

  private smallStmt(): Stmt {
    const tok = this.tok;
    const loc = locOf(tok);
    switch (tok.kind) {
      case "pass": this.next(); return { kind: "Pass", loc };
      case "break": case "continue": {
        this.next();
        if (this.loopDepth === 0) throw this.errorAt(loc, MESSAGES.breakOutside);
        return { kind: tok.kind === "break" ? "Break" : "Continue", loc };
      }
      case "return": return this.returnStmt();
      case "raise": return this.raiseStmt();
      case "global": case "nonlocal": return this.globalStmt();
      case "del": return this.delStmt();
      case "assert": return this.assertStmt();
      case "import": return this.importStmt();
      case "from": return this.fromImportStmt();
      default: return this.exprStmt();
    }
  }

  // ------------------------------------------------------------ simple statements

  /** Expression statement, assignment, augmented or annotated assignment. */
  private exprStmt(): Stmt {
    const loc = locOf(this.tok);
    const first = this.rhs();
    if (isAugAssignOp(this.tok.kind)) {
      if (first.kind !== "Name" && first.kind !== "Attribute" && first.kind !== "Subscript") {
        throw this.errorAt(first.loc, MESSAGES.assignExpr);
      }
      const op = AUG_ASSIGN_OPS[this.next().kind as keyof typeof AUG_ASSIGN_OPS];
      return { kind: "AugAssign", loc, target: first, op, value: this.rhs() };
    }
    if (this.at(":")) return this.annAssign(loc, first);
    if (!this.at("=")) return { kind: "Expr", loc, value: first };
    const targets = [first];
    while (this.eat("=")) targets.push(this.rhs());
    const value = targets.pop()!;
    for (const target of targets) this.checkTarget(target, "assign");
    return { kind: "Assign", loc, targets, value };
  }

  /** The right-hand side of an assignment: a yield expression or testlist_star_expr. */
  private rhs(): Expr {
    return this.at("yield") ? this.yieldExpr() : this.testListStarExpr();
  }

  private annAssign(loc: Loc, target: Expr): Stmt {
    if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript") {
      throw this.unexpected();
    }
    this.next();
    const annotation = this.test();
    const value = this.eat("=") ? this.rhs() : null;
    return { kind: "AnnAssign", loc, target, annotation, value };
  }

  private returnStmt(): Stmt {
    const loc = locOf(this.next());
    if (this.func.kind !== "function") throw this.errorAt(loc, MESSAGES.returnOutside);
    const value = this.startsExpr() ? this.testListStarExpr() : null;
    return { kind: "Return", loc, value };
  }

  private raiseStmt(): Stmt {
    const loc = locOf(this.next());
    if (!this.startsExpr()) return { kind: "Raise", loc, exc: null, cause: null };
    const exc = this.test();
    const cause = this.eat("from") ? this.test() : null;
    return { kind: "Raise", loc, exc, cause };
  }

  private globalStmt(): Stmt {
    const tok = this.next();
    const loc = locOf(tok);
    const names = [this.expectName()];
    while (this.eat(",")) names.push(this.expectName());
    if (tok.kind === "global") return { kind: "Global", loc, names };
    if (this.func.kind === "module") throw this.errorAt(loc, MESSAGES.nonlocalOuter);
    return { kind: "Nonlocal", loc, names };
  }

  /** del: targets separated by commas; `del (a, b)` has one Tuple target. */
  private delStmt(): Stmt {
    const loc = locOf(this.next());
    const targets = [this.expr()];
    while (this.eat(",") && this.startsExpr()) targets.push(this.expr());
    for (const target of targets) this.checkTarget(target, "del");
    return { kind: "Delete", loc, targets };
  }

  private assertStmt(): Stmt {
    const loc = locOf(this.next());
    const test = this.test();
    const msg = this.eat(",") ? this.test() : null;
    return { kind: "Assert", loc, test, msg };
  }

  private importStmt(): Stmt {
    const loc = locOf(this.next());
    const names = [this.dottedAsName()];
    while (this.eat(",")) names.push(this.dottedAsName());
    return { kind: "Import", loc, names };
  }

  private dottedAsName(): Alias {
    const loc = locOf(this.tok);
    const name = this.dottedName();
    const asname = this.eat("as") ? this.expectName() : null;
    return { kind: "alias", loc, name, asname };
  }

  private dottedName(): string {
    let name = this.expectName();
    while (this.eat(".")) name += "." + this.expectName();
    return name;
  }

  /** from ..mod import a as b, (c, d), * */
  private fromImportStmt(): Stmt {
    const loc = locOf(this.next());
    let level = 0;
    for (;;) {
      if (this.eat(".")) level += 1;
      else if (this.eat("...")) level += 3;
      else break;
    }
    const module = level === 0 || this.at("name") ? this.dottedName() : null;
    this.expect("import");
    if (this.at("*")) {
      const star = locOf(this.next());
      if (this.func.kind !== "module") throw this.errorAt(loc, MESSAGES.importStarNotModule);
      return { kind: "ImportFrom", loc, module, names: [{ kind: "alias", loc: star, name: "*", asname: null }], level };
    }
    const paren = this.eat("(");
    const names = [this.importAsName()];
    while (this.eat(",")) {
      if (paren && this.at(")")) break;
      names.push(this.importAsName());
    }
    if (paren) this.expect(")");
    return { kind: "ImportFrom", loc, module, names, level };
  }

  private importAsName(): Alias {
    const loc = locOf(this.tok);
    const name = this.expectName();
    const asname = this.eat("as") ? this.expectName() : null;
    return { kind: "alias", loc, name, asname };
  }

  // ------------------------------------------------------------ compound statements

  private ifStmt(): Stmt {
    const loc = locOf(this.next());
    const test = this.namedExprTest();
    const body = this.suite();
    return { kind: "If", loc, test, body, orelse: this.elifElse() };
  }

  private elifElse(): Stmt[] {
    if (this.at("elif")) return [this.ifStmt()];
    return this.eat("else") ? this.suite() : [];
  }

  private whileStmt(): Stmt {
    const loc = locOf(this.next());
    const test = this.namedExprTest();
    const body = this.loopSuite();
    const orelse = this.eat("else") ? this.suite() : [];
    return { kind: "While", loc, test, body, orelse };
  }

  private forStmt(loc: Loc, isAsync: boolean): Stmt {
    this.expect("for");
    const target = this.exprList();
    this.checkTarget(target, "assign");
    this.expect("in");
    const iter = this.testListStarExpr();
    const body = this.loopSuite();
    const orelse = this.eat("else") ? this.suite() : [];
    return { kind: "For", loc, target, iter, body, orelse, isAsync };
  }

  private tryStmt(): Stmt {
    const loc = locOf(this.next());
    const body = this.suite();
    const handlers: ExceptHandler[] = [];
    while (this.at("except")) {
      const last = handlers[handlers.length - 1];
      if (last !== undefined && last.type === null) throw this.errorAt(last.loc, MESSAGES.defaultExceptLast);
      handlers.push(this.exceptHandler());
    }
    const orelse = handlers.length > 0 && this.eat("else") ? this.suite() : [];
    const hasFinally = this.eat("finally");
    const finalbody = hasFinally ? this.suite() : [];
    if (handlers.length === 0 && !hasFinally) throw this.unexpected();
    return { kind: "Try", loc, body, handlers, orelse, finalbody };
  }

  private exceptHandler(): ExceptHandler {
    const loc = locOf(this.next());
    const type = this.at(":") ? null : this.test();
    const name = type !== null && this.eat("as") ? this.expectName() : null;
    return { kind: "ExceptHandler", loc, type, name, body: this.suite() };
  }

  private withStmt(loc: Loc, isAsync: boolean): Stmt {
    this.expect("with");
    const items: WithItem[] = [];
    if (this.parenthesisedWithItems()) {
      this.next();
      while (!this.eat(")")) {
        items.push(this.withItem());
        if (!this.at(")")) this.expect(",");
      }
    } else {
      items.push(this.withItem());
      while (this.eat(",")) items.push(this.withItem());
    }
    return { kind: "With", loc, items, body: this.suite(), isAsync };
  }

  /** `with (a as b, c):` — a `(` whose matching `)` is followed by the suite's `:`. */
  private parenthesisedWithItems(): boolean {
    if (!this.at("(")) return false;
    let depth = 1;
    for (let i = 0; ; i++) {
      const kind = this.peek(i).kind;
      if (kind === "(" || kind === "[" || kind === "{") depth++;
      else if (kind === ")" || kind === "]" || kind === "}") depth--;
      else if (kind === "eof" || kind === "newline") return false;
      if (depth === 0) return this.peek(i + 1).kind === ":";
    }
  }

  private withItem(): WithItem {
    const loc = locOf(this.tok);
    const contextExpr = this.test();
    let optionalVars: Expr | null = null;
    if (this.eat("as")) {
      optionalVars = this.expr();
      this.checkTarget(optionalVars, "assign");
    }
    return { kind: "withitem", loc, contextExpr, optionalVars };
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eat("@")) {
      decorators.push(this.namedExprTest());
      this.expect("newline");
    }
    if (this.at("def")) return this.funcDef(decorators, false);
    if (this.at("class")) return this.classDef(decorators);
    if (this.at("async")) return this.asyncStmt(decorators);
    throw this.unexpected();
  }

  /** async def / async for / async with. */
  private asyncStmt(decorators: Expr[]): Stmt {
    const loc = locOf(this.next());
    if (this.at("def")) return this.funcDef(decorators, true, loc);
    if (decorators.length > 0 || !(this.at("for") || this.at("with"))) throw this.unexpected();
    if (!this.func.isAsync) throw this.errorAt(loc, MESSAGES.asyncOutside);
    return this.at("for") ? this.forStmt(loc, true) : this.withStmt(loc, true);
  }

  private funcDef(decorators: Expr[], isAsync: boolean, asyncLoc?: Loc): Stmt {
    const loc = asyncLoc ?? locOf(this.tok);
    this.expect("def");
    const name = this.expectName();
    this.expect("(");
    const args = this.parameters(")", true);
    this.expect(")");
    const returns = this.eat("->") ? this.test() : null;
    const body = this.nested({ kind: "function", isAsync }, () => this.suite());
    return { kind: "FunctionDef", loc, name, args, body, decorators, returns, isAsync };
  }

  private classDef(decorators: Expr[]): Stmt {
    const loc = locOf(this.next());
    const name = this.expectName();
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.at("(")) ({ args: bases, keywords } = this.callArguments());
    const body = this.nested({ kind: "class", isAsync: false }, () => this.suite());
    return { kind: "ClassDef", loc, name, bases, keywords, body, decorators };
  }
}
