// A compact S-expression printer for the AST, for tests and debugging.
// Expressions print as `(BinOp + a 1)`, statement lists as `[s1 s2]`, absent parts as `_`.
// Locations are not printed; pass { loc: true } to prefix each node with `<line:col>`.

import {
  assertNever, type Arguments, type ConstantValue, type Expr, type Node, type Stmt,
} from "./ast";

export interface DumpOptions {
  readonly loc?: boolean;
}

export function dumpAst(node: Node, options: DumpOptions = {}): string {
  return new Dumper(options.loc ?? false).node(node);
}

class Dumper {
  constructor(private readonly withLoc: boolean) {}

  node(n: Node): string {
    const text = this.bare(n);
    return this.withLoc && n.kind !== "Module" ? `<${n.loc.line}:${n.loc.col}>${text}` : text;
  }

  private opt(n: Node | null): string {
    return n === null ? "_" : this.node(n);
  }

  private list(nodes: readonly Node[]): string {
    return nodes.map((n) => this.node(n)).join(" ");
  }

  private body(stmts: readonly Stmt[]): string {
    return "[" + this.list(stmts) + "]";
  }

  private sexp(...parts: string[]): string {
    return "(" + parts.filter((p) => p !== "").join(" ") + ")";
  }

  /** The node without its location. One case per node kind: a dispatcher, so it is long. */
  private bare(n: Node): string {
    switch (n.kind) {
      case "Name": return n.id;
      case "Constant": return dumpConstant(n.value);
      case "JoinedStr": return this.sexp("JoinedStr", this.list(n.values));
      case "FormattedValue":
        return this.sexp("Fmt", this.node(n.value), n.conversion === null ? "" : "!" + n.conversion,
          n.formatSpec === null ? "" : ":" + this.node(n.formatSpec));
      case "BinOp": return this.sexp("BinOp", n.op, this.node(n.left), this.node(n.right));
      case "UnaryOp": return this.sexp("UnaryOp", n.op, this.node(n.operand));
      case "BoolOp": return this.sexp("BoolOp", n.op, this.list(n.values));
      case "Compare":
        return this.sexp("Compare", this.node(n.left),
          ...n.ops.map((op, i) => op + " " + this.node(n.comparators[i]!)));
      case "Call": return this.sexp("Call", this.node(n.func), this.list(n.args), this.list(n.keywords));
      case "keyword": return this.sexp("kw", n.arg ?? "**", this.node(n.value));
      case "Attribute": return this.sexp("Attr", this.node(n.value), n.attr);
      case "Subscript": return this.sexp("Sub", this.node(n.value), this.node(n.index));
      case "Slice": return this.sexp("Slice", this.opt(n.lower), this.opt(n.upper), this.opt(n.step));
      case "Starred": return this.sexp("Star", this.node(n.value));
      case "List": return this.sexp("List", this.list(n.elts));
      case "Tuple": return this.sexp("Tuple", this.list(n.elts));
      case "Set": return this.sexp("Set", this.list(n.elts));
      case "Dict":
        return this.sexp("Dict", ...n.keys.map((k, i) =>
          "(" + (k === null ? "**" : this.node(k)) + " " + this.node(n.values[i]!) + ")"));
      case "ListComp": return this.sexp("ListComp", this.node(n.elt), this.list(n.generators));
      case "SetComp": return this.sexp("SetComp", this.node(n.elt), this.list(n.generators));
      case "GeneratorExp": return this.sexp("GenExp", this.node(n.elt), this.list(n.generators));
      case "DictComp":
        return this.sexp("DictComp", this.node(n.key), this.node(n.value), this.list(n.generators));
      case "comprehension":
        return this.sexp(n.isAsync ? "async-for" : "for", this.node(n.target), this.node(n.iter),
          ...n.ifs.map((e) => this.sexp("if", this.node(e))));
      case "Lambda": return this.sexp("Lambda", this.args(n.args), this.node(n.body));
      case "IfExp": return this.sexp("IfExp", this.node(n.test), this.node(n.body), this.node(n.orelse));
      case "NamedExpr": return this.sexp("Walrus", this.node(n.target), this.node(n.value));
      case "Yield": return this.sexp("Yield", n.value === null ? "" : this.node(n.value));
      case "YieldFrom": return this.sexp("YieldFrom", this.node(n.value));
      case "Await": return this.sexp("Await", this.node(n.value));
      case "arg": return n.annotation === null ? n.name : n.name + ":" + this.node(n.annotation);
      default: return this.statement(n);
    }
  }

  private statement(n: Exclude<Node, Expr | { kind: "keyword" | "comprehension" | "arg" }>): string {
    switch (n.kind) {
      case "Module": return this.sexp("Module", this.list(n.body));
      case "Expr": return this.sexp("Expr", this.node(n.value));
      case "Assign": return this.sexp("Assign", "[" + this.list(n.targets) + "]", this.node(n.value));
      case "AugAssign": return this.sexp("AugAssign", this.node(n.target), n.op + "=", this.node(n.value));
      case "AnnAssign":
        return this.sexp("AnnAssign", this.node(n.target), this.node(n.annotation), this.opt(n.value));
      case "Delete": return this.sexp("Del", this.list(n.targets));
      case "Pass": case "Break": case "Continue": return n.kind;
      case "Return": return this.sexp("Return", n.value === null ? "" : this.node(n.value));
      case "Raise": return this.sexp("Raise", this.opt(n.exc), n.cause === null ? "" : "from " + this.node(n.cause));
      case "Global": case "Nonlocal": return this.sexp(n.kind, ...n.names);
      case "Assert": return this.sexp("Assert", this.node(n.test), n.msg === null ? "" : this.node(n.msg));
      case "Import": return this.sexp("Import", this.list(n.names));
      case "ImportFrom":
        return this.sexp("ImportFrom", ".".repeat(n.level) + (n.module ?? ""), this.list(n.names));
      case "alias": return n.asname === null ? n.name : `${n.name}:${n.asname}`;
      case "If": return this.sexp("If", this.node(n.test), this.body(n.body), this.orelse(n.orelse));
      case "While": return this.sexp("While", this.node(n.test), this.body(n.body), this.orelse(n.orelse));
      case "For":
        return this.sexp(n.isAsync ? "AsyncFor" : "For", this.node(n.target), this.node(n.iter),
          this.body(n.body), this.orelse(n.orelse));
      case "Try":
        return this.sexp("Try", this.body(n.body), this.list(n.handlers), this.orelse(n.orelse),
          n.finalbody.length === 0 ? "" : "finally" + this.body(n.finalbody));
      case "ExceptHandler":
        return this.sexp("except", this.opt(n.type), n.name === null ? "" : "as " + n.name, this.body(n.body));
      case "With": return this.sexp(n.isAsync ? "AsyncWith" : "With", this.list(n.items), this.body(n.body));
      case "withitem":
        return n.optionalVars === null ? this.node(n.contextExpr)
          : this.sexp("as", this.node(n.contextExpr), this.node(n.optionalVars));
      case "FunctionDef":
        return this.sexp(n.isAsync ? "AsyncDef" : "Def", n.name, this.args(n.args),
          n.returns === null ? "" : "-> " + this.node(n.returns), this.decorators(n.decorators), this.body(n.body));
      case "ClassDef":
        return this.sexp("Class", n.name, this.sexp(this.list(n.bases), this.list(n.keywords)),
          this.decorators(n.decorators), this.body(n.body));
      default: return assertNever(n);
    }
  }

  private orelse(stmts: readonly Stmt[]): string {
    return stmts.length === 0 ? "" : "else" + this.body(stmts);
  }

  private decorators(exprs: readonly Expr[]): string {
    return exprs.map((e) => "@" + this.node(e)).join(" ");
  }

  /** (args a b=1 / c *rest d e=2 **kw), defaults attached to their parameters. */
  private args(a: Arguments): string {
    const parts: string[] = [];
    const positional = [...a.posonlyargs, ...a.args];
    const firstDefault = positional.length - a.defaults.length;
    positional.forEach((arg, i) => {
      parts.push(this.node(arg) + (i >= firstDefault ? "=" + this.node(a.defaults[i - firstDefault]!) : ""));
      if (i === a.posonlyargs.length - 1) parts.push("/");
    });
    if (a.vararg !== null) parts.push("*" + this.node(a.vararg));
    else if (a.kwonlyargs.length > 0) parts.push("*");
    a.kwonlyargs.forEach((arg, i) => {
      const d = a.kwDefaults[i] ?? null;
      parts.push(this.node(arg) + (d === null ? "" : "=" + this.node(d)));
    });
    if (a.kwarg !== null) parts.push("**" + this.node(a.kwarg));
    return this.sexp("args", ...parts);
  }
}

function dumpConstant(v: ConstantValue): string {
  switch (v.type) {
    case "int": return String(v.value);
    case "float": return dumpFloat(v.value);
    case "complex": return dumpFloat(v.imag) + "j";
    case "str": return JSON.stringify(v.value);
    case "bytes": return "b" + JSON.stringify(String.fromCharCode(...v.value));
    case "bool": return v.value ? "True" : "False";
    case "None": return "None";
    case "Ellipsis": return "...";
    default: return assertNever(v);
  }
}

function dumpFloat(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? x.toFixed(1) : String(x);
}
