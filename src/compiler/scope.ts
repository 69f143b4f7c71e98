// Scope analysis: one symbol table per module, function, lambda, class body and comprehension.
// It decides, for each name used in each scope, where the name lives (Python's rules, as in
// MicroPython's scope.c / compile.c):
//   - module scope: every name is a global;
//   - function scopes: `global` declarations win, then `nonlocal`, then names bound in the
//     function are locals; other names are free variables when an enclosing function binds them
//     (class scopes are skipped) and globals (or builtins) otherwise;
//   - class bodies: bound names live in the class namespace; other names are read from the
//     namespace first, then the enclosing functions or the globals;
//   - comprehensions are function scopes of their own, except that their first iterable is
//     evaluated in the enclosing scope and `:=` binds in the enclosing non-comprehension scope.
// It also finds generators (functions containing yield) and methods that use zero-argument
// super() or __class__ (their class gets a cell holding the class), and reports the scope errors
// the parser cannot see.

import type * as A from "./ast.ts";
import { assertNever } from "./ast.ts";
import { CompileError } from "./errors.ts";

export type ScopeKind = "module" | "function" | "lambda" | "class" | "comprehension";

/** Where a name lives, as seen from one scope. */
export type NameKind =
  | "local" // a JS variable of this function
  | "free" // a JS variable of an enclosing function (a closure)
  | "global" // a property of $g (falls back to builtins)
  | "classLocal" // a property of the class namespace $ns
  | "classFree" // class body: $ns first, then the enclosing function's variable
  | "classGlobal"; // class body: $ns first, then $g

export type ScopeNode = A.Module | A.FunctionDef | A.Lambda | A.ClassDef | A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp;

export class Scope {
  /** Names bound in this scope (assignment, parameters, imports, def, class, del, ...). */
  readonly bound = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  /** Names that are deleted (`del x`, `except E as x`): never "definitely assigned". */
  readonly deleted = new Set<string>();
  /** Parameter names in the order of the JS function's parameters. */
  readonly params: string[] = [];
  readonly children: Scope[] = [];
  isGenerator = false;
  isAsync = false;
  /** Function: uses zero-argument super() or __class__. Class: one of its methods does. */
  usesClassCell = false;
  /** Comprehension / generator expression that contains await (compiled as a generator). */
  hasAwait = false;
  private readonly resolved = new Map<string, NameKind>();

  constructor(
    readonly kind: ScopeKind,
    /** Name shown in tracebacks: "<module>", the function or class name, "<lambda>", "<listcomp>". */
    readonly name: string,
    readonly parent: Scope | null,
    readonly qualname: string,
  ) {
    if (parent !== null) parent.children.push(this);
  }

  get isFunction(): boolean {
    return this.kind === "function" || this.kind === "lambda" || this.kind === "comprehension";
  }

  /** Where `name` lives when used in this scope. */
  resolve(name: string): NameKind {
    let k = this.resolved.get(name);
    if (k === undefined) {
      k = this.computeKind(name);
      this.resolved.set(name, k);
    }
    return k;
  }

  /** Locals of this function other than its parameters, for the `let` declaration. */
  localNames(): string[] {
    const out: string[] = [];
    for (const n of this.bound) if (this.resolve(n) === "local" && !this.params.includes(n)) out.push(n);
    return out;
  }

  private computeKind(name: string): NameKind {
    switch (this.kind) {
      case "module":
        return "global";
      case "class":
        if (this.globals.has(name)) return "global";
        if (this.nonlocals.has(name)) return "free";
        if (this.bound.has(name)) return "classLocal";
        return enclosingKind(this.parent, name) === "free" ? "classFree" : "classGlobal";
      default:
        if (this.globals.has(name)) return "global";
        if (this.nonlocals.has(name)) return "free";
        if (this.bound.has(name)) return "local";
        return enclosingKind(this.parent, name);
    }
  }
}

/** How a name not bound in a function resolves through its enclosing scopes. */
function enclosingKind(s: Scope | null, name: string): "free" | "global" {
  for (; s !== null; s = s.parent) {
    if (s.kind === "class") continue;
    if (s.kind === "module") return "global";
    if (s.globals.has(name)) return "global";
    if (s.nonlocals.has(name) || s.bound.has(name)) return "free";
  }
  return "global";
}

export interface ScopeInfo {
  module: Scope;
  scopes: Map<ScopeNode, Scope>;
}

const COMP_NAMES = { ListComp: "<listcomp>", SetComp: "<setcomp>", DictComp: "<dictcomp>", GeneratorExp: "<genexpr>" };

/** Builds the symbol tables of a module and checks the scope rules. */
export function analyzeScopes(mod: A.Module, filename: string): ScopeInfo {
  const a = new Analyzer(filename);
  const top = new Scope("module", "<module>", null, "");
  a.scopes.set(mod, top);
  a.body(top, mod.body);
  a.checkNonlocals(top);
  markDeletedFree(top);
  return { module: top, scopes: a.scopes };
}

/** A closure that deletes a variable of its enclosing function makes it "maybe unbound" there. */
function markDeletedFree(s: Scope): void {
  for (const n of s.deleted) {
    if (s.resolve(n) !== "free") continue;
    for (let p = s.parent; p !== null; p = p.parent) {
      if (p.isFunction && p.resolve(n) === "local") {
        p.deleted.add(n);
        break;
      }
    }
  }
  for (const c of s.children) markDeletedFree(c);
}

class Analyzer {
  readonly scopes = new Map<ScopeNode, Scope>();
  /** nonlocal declarations to check once every scope is known: [scope, name, loc]. */
  private readonly nonlocalDecls: [Scope, string, A.Loc][] = [];

  constructor(private readonly filename: string) {}

  error(msg: string, loc: A.Loc): CompileError {
    return new CompileError("SyntaxError", msg, this.filename, loc.line, loc.col);
  }

  checkNonlocals(_top: Scope): void {
    for (const [s, name, loc] of this.nonlocalDecls) {
      if (enclosingKind(s.parent, name) !== "free") throw this.error("no binding for nonlocal found", loc);
    }
  }

  body(s: Scope, stmts: readonly A.Stmt[]): void {
    for (const st of stmts) this.stmt(s, st);
  }

  private bind(s: Scope, name: string): void {
    s.bound.add(name);
  }

  private declare(s: Scope, names: readonly string[], loc: A.Loc, global: boolean): void {
    for (const n of names) {
      if (s.kind === "module") {
        if (!global) throw this.error("can't declare nonlocal in outer code", loc);
        continue;
      }
      if (global) {
        if (s.nonlocals.has(n) || s.bound.has(n)) throw this.error("identifier redefined as global", loc);
        s.globals.add(n);
      } else {
        if (s.globals.has(n) || s.bound.has(n)) throw this.error("identifier redefined as nonlocal", loc);
        s.nonlocals.add(n);
        this.nonlocalDecls.push([s, n, loc]);
      }
    }
  }

  /** Binds the names of an assignment target and visits the expressions inside it. */
  target(s: Scope, t: A.Expr): void {
    switch (t.kind) {
      case "Name":
        this.bind(s, t.id);
        return;
      case "Tuple":
      case "List":
        for (const e of t.elts) this.target(s, e);
        return;
      case "Starred":
        this.target(s, t.value);
        return;
      default:
        this.expr(s, t);
    }
  }

  stmt(s: Scope, st: A.Stmt): void {
    switch (st.kind) {
      case "Expr":
        this.expr(s, st.value);
        return;
      case "Assign":
        this.expr(s, st.value);
        for (const t of st.targets) this.target(s, t);
        return;
      case "AugAssign":
        this.expr(s, st.value);
        if (st.target.kind === "Name") s.bound.add(st.target.id);
        else this.expr(s, st.target);
        return;
      case "AnnAssign":
        if (st.value !== null) this.expr(s, st.value);
        this.target(s, st.target);
        return;
      case "Delete":
        for (const t of st.targets) this.delTarget(s, t);
        return;
      case "Pass":
      case "Break":
      case "Continue":
        return;
      case "Return":
        if (!s.isFunction) throw this.error("'return' outside function", st.loc);
        if (st.value !== null) this.expr(s, st.value);
        return;
      case "Raise":
        if (st.exc !== null) this.expr(s, st.exc);
        if (st.cause !== null) this.expr(s, st.cause);
        return;
      case "Global":
        this.declare(s, st.names, st.loc, true);
        return;
      case "Nonlocal":
        this.declare(s, st.names, st.loc, false);
        return;
      case "Assert":
        this.expr(s, st.test);
        if (st.msg !== null) this.expr(s, st.msg);
        return;
      case "Import":
        for (const al of st.names) this.bind(s, al.asname ?? al.name.split(".")[0]);
        return;
      case "ImportFrom":
        for (const al of st.names) {
          if (al.name === "*") {
            if (s.kind !== "module") throw this.error("import * not at module level", st.loc);
          } else this.bind(s, al.asname ?? al.name);
        }
        return;
      case "If":
      case "While":
        this.expr(s, st.test);
        this.body(s, st.body);
        this.body(s, st.orelse);
        return;
      case "For":
        this.expr(s, st.iter);
        this.target(s, st.target);
        this.body(s, st.body);
        this.body(s, st.orelse);
        return;
      case "Try":
        this.body(s, st.body);
        for (const h of st.handlers) {
          if (h.type !== null) this.expr(s, h.type);
          if (h.name !== null) {
            this.bind(s, h.name);
            s.deleted.add(h.name);
          }
          this.body(s, h.body);
        }
        this.body(s, st.orelse);
        this.body(s, st.finalbody);
        return;
      case "With":
        for (const it of st.items) {
          this.expr(s, it.contextExpr);
          if (it.optionalVars !== null) this.target(s, it.optionalVars);
        }
        this.body(s, st.body);
        return;
      case "FunctionDef":
        this.funcDef(s, st);
        return;
      case "ClassDef":
        this.classDef(s, st);
        return;
      default:
        assertNever(st);
    }
  }

  private delTarget(s: Scope, t: A.Expr): void {
    if (t.kind === "Name") {
      this.bind(s, t.id);
      s.deleted.add(t.id);
    } else if (t.kind === "Tuple" || t.kind === "List") {
      for (const e of t.elts) this.delTarget(s, e);
    } else {
      this.expr(s, t);
    }
  }

  private childQualname(s: Scope, name: string): string {
    if (s.kind === "module") return name;
    if (s.kind === "class") return s.qualname + "." + name;
    return s.qualname + ".<locals>." + name;
  }

  private args(s: Scope, args: A.Arguments): void {
    for (const d of args.defaults) this.expr(s, d);
    for (const d of args.kwDefaults) if (d !== null) this.expr(s, d);
  }

  private addParams(f: Scope, args: A.Arguments): void {
    const names = [...args.posonlyargs, ...args.args].map((a) => a.name);
    if (args.vararg !== null) names.push(args.vararg.name);
    for (const a of args.kwonlyargs) names.push(a.name);
    if (args.kwarg !== null) names.push(args.kwarg.name);
    for (const n of names) {
      f.params.push(n);
      f.bound.add(n);
    }
  }

  private funcDef(s: Scope, st: A.FunctionDef): void {
    for (const d of st.decorators) this.expr(s, d);
    this.args(s, st.args);
    this.bind(s, st.name);
    const f = new Scope("function", st.name, s, this.childQualname(s, st.name));
    f.isAsync = st.isAsync;
    f.isGenerator = st.isAsync;
    this.scopes.set(st, f);
    this.addParams(f, st.args);
    this.body(f, st.body);
  }

  private classDef(s: Scope, st: A.ClassDef): void {
    for (const d of st.decorators) this.expr(s, d);
    for (const b of st.bases) this.expr(s, b);
    for (const k of st.keywords) this.expr(s, k.value);
    this.bind(s, st.name);
    const c = new Scope("class", st.name, s, this.childQualname(s, st.name));
    this.scopes.set(st, c);
    this.body(c, st.body);
  }

  private lambda(s: Scope, e: A.Lambda): void {
    this.args(s, e.args);
    const f = new Scope("lambda", "<lambda>", s, this.childQualname(s, "<lambda>"));
    this.scopes.set(e, f);
    this.addParams(f, e.args);
    this.expr(f, e.body);
  }

  private comprehension(s: Scope, e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const gens = e.generators;
    // The first iterable is evaluated in the enclosing scope.
    this.expr(s, gens[0].iter);
    const name = COMP_NAMES[e.kind];
    const c = new Scope("comprehension", name, s, this.childQualname(s, name));
    c.isGenerator = e.kind === "GeneratorExp";
    this.scopes.set(e, c);
    for (let i = 0; i < gens.length; i++) {
      const g = gens[i];
      if (i > 0) this.expr(c, g.iter);
      this.target(c, g.target);
      for (const cond of g.ifs) this.expr(c, cond);
      if (g.isAsync) c.hasAwait = true;
    }
    if (e.kind === "DictComp") {
      this.expr(c, e.key);
      this.expr(c, e.value);
    } else {
      this.expr(c, e.elt);
    }
  }

  private markYield(s: Scope, loc: A.Loc, what: "yield" | "await"): void {
    if (s.kind === "comprehension") {
      if (what === "await") {
        s.hasAwait = true;
        for (let p: Scope | null = s.parent; p !== null && p.kind === "comprehension"; p = p.parent) p.hasAwait = true;
        return;
      }
      if (!s.isGenerator) throw this.error("'yield' inside list comprehension", loc);
    }
    if (!s.isFunction) throw this.error(what === "yield" ? "'yield' outside function" : "'await' outside function", loc);
    if (what === "yield") s.isGenerator = true;
  }

  private useName(s: Scope, name: string): void {
    if ((name === "super" || name === "__class__") && s.isFunction) {
      // The class cell: every function up to the nearest class uses it.
      for (let p: Scope | null = s; p !== null; p = p.parent) {
        p.usesClassCell = true;
        if (p.kind === "class") break;
      }
    }
  }

  /** The scope `:=` binds in: the nearest enclosing scope that is not a comprehension. */
  private walrusScope(s: Scope, loc: A.Loc): Scope {
    let p = s;
    while (p.kind === "comprehension") p = p.parent!;
    if (p !== s && p.kind === "class") {
      throw this.error("assignment expression within a comprehension cannot be used in a class body", loc);
    }
    return p;
  }

  expr(s: Scope, e: A.Expr): void {
    switch (e.kind) {
      case "Name":
        this.useName(s, e.id);
        return;
      case "Constant":
        return;
      case "JoinedStr":
        for (const v of e.values) this.expr(s, v);
        return;
      case "FormattedValue":
        this.expr(s, e.value);
        if (e.formatSpec !== null) this.expr(s, e.formatSpec);
        return;
      case "BinOp":
        this.expr(s, e.left);
        this.expr(s, e.right);
        return;
      case "UnaryOp":
        this.expr(s, e.operand);
        return;
      case "BoolOp":
      case "Tuple":
      case "List":
      case "Set":
        for (const v of e.kind === "BoolOp" ? e.values : e.elts) this.expr(s, v);
        return;
      case "Compare":
        this.expr(s, e.left);
        for (const c of e.comparators) this.expr(s, c);
        return;
      case "Call":
        this.expr(s, e.func);
        for (const a of e.args) this.expr(s, a);
        for (const k of e.keywords) this.expr(s, k.value);
        return;
      case "Attribute":
      case "Starred":
        this.expr(s, e.value);
        return;
      case "Subscript":
        this.expr(s, e.value);
        this.expr(s, e.index);
        return;
      case "Slice":
        if (e.lower !== null) this.expr(s, e.lower);
        if (e.upper !== null) this.expr(s, e.upper);
        if (e.step !== null) this.expr(s, e.step);
        return;
      case "Dict":
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i];
          if (k !== null) this.expr(s, k);
          this.expr(s, e.values[i]);
        }
        return;
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        this.comprehension(s, e);
        return;
      case "Lambda":
        this.lambda(s, e);
        return;
      case "IfExp":
        this.expr(s, e.test);
        this.expr(s, e.body);
        this.expr(s, e.orelse);
        return;
      case "NamedExpr": {
        this.expr(s, e.value);
        const ws = this.walrusScope(s, e.loc);
        ws.bound.add(e.target.id);
        // Inside the comprehension the name is the enclosing scope's variable.
        if (ws !== s && ws.kind !== "module" && !ws.globals.has(e.target.id)) {
          for (let p: Scope = s; p !== ws; p = p.parent!) p.nonlocals.add(e.target.id);
        } else if (ws !== s) {
          for (let p: Scope = s; p !== ws; p = p.parent!) p.globals.add(e.target.id);
        }
        return;
      }
      case "Yield":
        this.markYield(s, e.loc, "yield");
        if (e.value !== null) this.expr(s, e.value);
        return;
      case "YieldFrom":
        this.markYield(s, e.loc, "yield");
        this.expr(s, e.value);
        return;
      case "Await":
        this.markYield(s, e.loc, "await");
        this.expr(s, e.value);
        return;
      default:
        assertNever(e);
    }
  }
}
