// MicroPython's `@micropython.viper` code emitter, as a syntax-tree rewrite run before scope
// analysis. A viper function has typed values (py/emitnative.c): parameters and the return value
// are typed by their annotations (`int`, `uint`, `bool`, `ptr`, `ptr8`, `ptr16`, `ptr32`,
// `object`), a local takes the type of the first value stored in it (in source order), and
// operations on native types are machine operations: 64-bit wrap-around arithmetic, unsigned
// comparison and shifts for uint, loads and stores through pointers (`p[i]`, `p[i] = v`).
//
// The rewrite checks the types as MicroPython's emitter does (ViperTypeError, with its messages,
// at compile time) and turns each native operation into a call of a runtime helper from
// runtime/viper.ts, read as the hidden builtin `$vp_<name>`. Native values are represented as
// the Python values they convert to (see runtime/viper.ts), so passing them to Python code needs
// no conversion and comparisons keep their Python form.
//
// `@micropython.native` functions run as ordinary Python: their semantics are Python's.

import type * as A from "./ast.ts";
import { CompileError } from "./errors.ts";

type VType = "object" | "bool" | "int" | "uint" | "ptr" | "ptr8" | "ptr16" | "ptr32" | "None";

/** A rewritten expression with its viper type. */
interface TE {
  readonly e: A.Expr;
  readonly t: VType;
  /** A compile-time constant (MicroPython's STACK_IMM): pointer constants can't become objects. */
  readonly imm: boolean;
  /** The expression is a casting name (`int`, `ptr8`, ...) not being called. */
  readonly cast?: VType;
}

const ANNOTATION_TYPES = new Set<string>(["object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32"]);
const CAST_NAMES = new Set<string>(["bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32"]);
const PTRS = new Set<VType>(["ptr", "ptr8", "ptr16", "ptr32"]);
const LOADABLE: Record<string, string> = { ptr8: "8", ptr16: "16", ptr32: "32" };

/** MicroPython's small ints on a 64-bit port: constants outside this range are objects. */
const SMALL_INT_LIMIT = 2n ** 62n;

/** Method names of binary operators, for "binary op %q not implemented". */
const OP_NAMES: Partial<Record<A.BinaryOperator, string>> = {
  "/": "__truediv__", "**": "__pow__", "@": "__matmul__",
};
const INT_OPS: Partial<Record<A.BinaryOperator, string>> = {
  "+": "add", "-": "sub", "*": "mul", "&": "and", "|": "or", "^": "xor", "<<": "shl", ">>": "shr",
  "//": "floordiv", "%": "mod",
};

const isNative = (t: VType) => t === "int" || t === "uint";

function isViperDecorator(d: A.Expr): boolean {
  return d.kind === "Attribute" && d.attr === "viper" && d.value.kind === "Name" && d.value.id === "micropython";
}

// ---------------------------------------------------------------- entry point

/** Rewrites every `@micropython.viper` function of the module (unchanged when there is none). */
export function viperTransform(mod: A.Module, filename: string): A.Module {
  if (!mentionsViper(mod.body)) return mod;
  return { ...mod, body: mod.body.map((s) => findViper(s, filename, false)) };
}

function mentionsViper(body: readonly A.Stmt[]): boolean {
  let found = false;
  const visit = (s: A.Stmt): void => {
    if (found) return;
    if ((s.kind === "FunctionDef" || s.kind === "ClassDef") && s.decorators.some(isViperDecorator)) found = true;
    for (const b of childBodies(s)) b.forEach(visit);
  };
  body.forEach(visit);
  return found;
}

function childBodies(s: A.Stmt): (readonly A.Stmt[])[] {
  switch (s.kind) {
    case "FunctionDef": case "ClassDef": case "With":
      return [s.body];
    case "If": case "While": case "For":
      return [s.body, s.orelse];
    case "Try":
      return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    default:
      return [];
  }
}

/** Finds viper functions below s (`inViper`: a class decorated with viper makes its methods viper). */
function findViper(s: A.Stmt, filename: string, inViper: boolean): A.Stmt {
  const rec = (b: readonly A.Stmt[], v = false) => b.map((x) => findViper(x, filename, v));
  switch (s.kind) {
    case "FunctionDef":
      if (inViper || s.decorators.some(isViperDecorator)) return new ViperFunction(s, filename).transform();
      return { ...s, body: rec(s.body) };
    case "ClassDef":
      return { ...s, body: rec(s.body, inViper || s.decorators.some(isViperDecorator)) };
    case "With":
      return { ...s, body: rec(s.body) };
    case "If": case "While": case "For":
      return { ...s, body: rec(s.body), orelse: rec(s.orelse) };
    case "Try":
      return {
        ...s, body: rec(s.body), handlers: s.handlers.map((h) => ({ ...h, body: rec(h.body) })),
        orelse: rec(s.orelse), finalbody: rec(s.finalbody),
      };
    default:
      return s;
  }
}

// ---------------------------------------------------------------- AST construction

const name = (id: string, loc: A.Loc): A.Name => ({ kind: "Name", id, loc });
const intConst = (v: number, loc: A.Loc): A.Constant => ({ kind: "Constant", value: { type: "int", value: v }, loc });
const obj = (e: A.Expr): TE => ({ e, t: "object", imm: false });

// ---------------------------------------------------------------- one viper function

class ViperFunction {
  /** Local name → its type, or null while it has none yet. */
  private readonly locals = new Map<string, VType | null>();
  /** Locals captured by inner scopes: always objects. */
  private readonly cells = new Set<string>();
  private readonly globals = new Set<string>();
  private retType: VType = "object";
  /** MicroPython's emitter keeps the last type error of a function (later ones overwrite). */
  private error: CompileError | null = null;
  /** Helpers called: each is read once per call of the function into a local `$vl_<name>`. */
  private readonly used = new Set<string>();

  constructor(private readonly fn: A.FunctionDef, private readonly filename: string) {}

  transform(): A.FunctionDef {
    const f = this.fn;
    const params = [...f.args.posonlyargs, ...f.args.args, ...f.args.kwonlyargs];
    const prologue: A.Stmt[] = [];
    this.scanScope();
    for (const p of params) {
      const t = p.annotation === null ? "object" : this.annotationType(p.annotation);
      this.locals.set(p.name, t);
      if (t !== "object") {
        const conv = this.h("arg_" + (PTRS.has(t) ? "ptr" : t), [name(p.name, p.loc)], p.loc);
        prologue.push({ kind: "Assign", targets: [name(p.name, p.loc)], value: conv, loc: p.loc });
      }
    }
    for (const p of [f.args.vararg, f.args.kwarg]) if (p !== null) this.locals.set(p.name, "object");
    if (f.returns !== null) this.retType = this.annotationType(f.returns);
    this.flush();
    const main = this.stmts(f.body);
    if (this.retType !== "object") main.push(this.zeroReturn(f.loc));
    this.flush();
    const hoist: A.Stmt[] = [...this.used].map((h) =>
      ({ kind: "Assign", targets: [name("$vl_" + h, f.loc)], value: name("$vp_" + h, f.loc), loc: f.loc }));
    const body = [...hoist, ...prologue, ...main];
    return { ...f, body, args: this.args(f.args), decorators: f.decorators };
  }

  /** Defaults are evaluated by the enclosing scope; annotations are dropped (they are types). */
  private args(a: A.Arguments): A.Arguments {
    const strip = (p: A.Arg): A.Arg => ({ ...p, annotation: null });
    return {
      ...a, posonlyargs: a.posonlyargs.map(strip), args: a.args.map(strip), kwonlyargs: a.kwonlyargs.map(strip),
      vararg: a.vararg && strip(a.vararg), kwarg: a.kwarg && strip(a.kwarg),
    };
  }

  private annotationType(e: A.Expr): VType {
    if (e.kind !== "Name") {
      this.syntaxError("annotation must be an identifier", e.loc);
      return "object";
    }
    if (!ANNOTATION_TYPES.has(e.id)) {
      this.typeError(`unknown type '${e.id}'`);
      return "object";
    }
    return e.id as VType;
  }

  /** A call of runtime helper `h` (runtime/viper.ts). */
  private h(h: string, args: A.Expr[], loc: A.Loc): A.Call {
    this.used.add(h);
    return { kind: "Call", func: name("$vl_" + h, loc), args, keywords: [], loc };
  }

  // ------------------------------------------------------------ errors

  private typeError(msg: string): void {
    this.error = new CompileError("ViperTypeError", msg, this.filename, this.fn.loc.line, this.fn.loc.col);
  }

  private syntaxError(msg: string, loc: A.Loc): void {
    if (this.error === null) this.error = new CompileError("SyntaxError", msg, this.filename, loc.line, loc.col);
  }

  /** MicroPython raises NotImplementedError at once for what native code can't do. */
  private notImplemented(msg: string): never {
    throw new CompileError("NotImplementedError", msg, this.filename, this.fn.loc.line, this.fn.loc.col);
  }

  private flush(): void {
    if (this.error !== null) throw this.error;
  }

  // ------------------------------------------------------------ scope

  /** Locals (assigned names, not declared global), and locals that inner scopes capture. */
  private scanScope(): void {
    const assigned = new Set<string>();
    const inner = new Set<string>();
    const declared = new Set<string>();
    const target = (t: A.Expr): void => {
      if (t.kind === "Name") assigned.add(t.id);
      else if (t.kind === "Tuple" || t.kind === "List") t.elts.forEach(target);
      else if (t.kind === "Starred") target(t.value);
    };
    const visitExpr = (e: A.Expr | null): void => {
      if (e === null) return;
      walkExpr(e, (x) => {
        if (x.kind === "NamedExpr") assigned.add(x.target.id);
        if (x.kind === "Lambda" || x.kind === "ListComp" || x.kind === "SetComp" || x.kind === "DictComp" || x.kind === "GeneratorExp") {
          namesIn(x).forEach((n) => inner.add(n));
          return false;
        }
        return true;
      });
    };
    const visit = (s: A.Stmt): void => {
      switch (s.kind) {
        case "Global": case "Nonlocal":
          s.names.forEach((n) => declared.add(n));
          if (s.kind === "Global") s.names.forEach((n) => this.globals.add(n));
          return;
        case "Assign": s.targets.forEach(target); break;
        case "AugAssign": case "AnnAssign": target(s.target); break;
        case "For": target(s.target); break;
        case "Delete": s.targets.forEach(target); break;
        case "With": s.items.forEach((i) => i.optionalVars !== null && target(i.optionalVars)); break;
        case "Try": s.handlers.forEach((h) => h.name !== null && assigned.add(h.name)); break;
        case "Import": case "ImportFrom":
          s.names.forEach((a) => a.name !== "*" && assigned.add(a.asname ?? a.name.split(".")[0]));
          break;
        case "FunctionDef":
          assigned.add(s.name);
          s.decorators.forEach(visitExpr);
          [...s.args.defaults, ...s.args.kwDefaults].forEach((d) => visitExpr(d));
          namesInFunction(s).forEach((n) => inner.add(n));
          return;
        case "ClassDef":
          assigned.add(s.name);
          s.bases.forEach(visitExpr);
          return;
      }
      forEachExpr(s, visitExpr);
      for (const b of childBodies(s)) b.forEach(visit);
    };
    this.fn.body.forEach(visit);
    const params = [...this.fn.args.posonlyargs, ...this.fn.args.args, ...this.fn.args.kwonlyargs];
    for (const p of params) assigned.add(p.name);
    for (const n of assigned) if (!declared.has(n)) this.locals.set(n, null);
    for (const n of inner) if (this.locals.has(n)) this.cells.add(n);
  }

  // ------------------------------------------------------------ statements

  private stmts(body: readonly A.Stmt[]): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (const s of body) this.stmt(s, out);
    return out;
  }

  private stmt(s: A.Stmt, out: A.Stmt[]): void {
    switch (s.kind) {
      case "Expr": {
        if (s.value.kind === "Constant") return; // MicroPython compiles nothing for a lone constant
        out.push({ ...s, value: this.ex(s.value).e });
        return;
      }
      case "Assign": return this.assign(s, out);
      case "AnnAssign":
        if (s.value !== null) this.assign({ kind: "Assign", targets: [s.target], value: s.value, loc: s.loc }, out);
        return;
      case "AugAssign": return this.augAssign(s, out);
      case "Return": return this.return(s, out);
      case "Raise": {
        if (s.exc === null || s.cause !== null) this.notImplemented("native raise");
        const te = this.ex(s.exc);
        if (te.t !== "object") this.typeError("must raise an object");
        out.push({ ...s, exc: te.e });
        return;
      }
      case "If": {
        const test = this.cond(s.test);
        out.push({ ...s, test, body: this.stmts(s.body), orelse: this.stmts(s.orelse) });
        return;
      }
      case "While": {
        // MicroPython compiles the condition after the body (it is tested at the loop's end).
        const body = this.stmts(s.body);
        const test = this.cond(s.test);
        out.push({ ...s, test, body, orelse: this.stmts(s.orelse) });
        return;
      }
      case "For": return this.for(s, out);
      case "Try": {
        const body = this.stmts(s.body);
        const handlers = s.handlers.map((h) => {
          const type = h.type === null ? null : this.asObj(this.ex(h.type));
          if (h.name !== null) this.storeType(h.name, "object");
          return { ...h, type, body: this.stmts(h.body) };
        });
        out.push({ ...s, body, handlers, orelse: this.stmts(s.orelse), finalbody: this.stmts(s.finalbody) });
        return;
      }
      case "With": {
        const items = s.items.map((i) => {
          const contextExpr = this.asObj(this.ex(i.contextExpr));
          const optionalVars = i.optionalVars === null ? null : this.target(i.optionalVars, obj(i.optionalVars));
          return { ...i, contextExpr, optionalVars };
        });
        out.push({ ...s, items, body: this.stmts(s.body) });
        return;
      }
      case "Assert": {
        const test = this.cond(s.test);
        out.push({ ...s, test, msg: s.msg === null ? null : this.asObj(this.ex(s.msg)) });
        return;
      }
      case "Delete":
        for (const t of s.targets) {
          if (t.kind === "Name" && this.isTypedLocal(t.id)) this.storeType(t.id, "None");
        }
        out.push({ ...s, targets: s.targets.map((t) => this.delTarget(t)) });
        return;
      case "Import": case "ImportFrom":
        for (const a of s.names) if (a.name !== "*") this.storeType(a.asname ?? a.name.split(".")[0], "object");
        out.push(s);
        return;
      case "FunctionDef": {
        const decorators = s.decorators.map((d) => this.asObj(this.ex(d)));
        const args = {
          ...s.args, defaults: s.args.defaults.map((d) => this.asObj(this.ex(d))),
          kwDefaults: s.args.kwDefaults.map((d) => (d === null ? null : this.asObj(this.ex(d)))),
        };
        const inner = new ViperFunction({ ...s, decorators, args }, this.filename).transform();
        this.storeType(s.name, "object");
        out.push(inner);
        return;
      }
      case "ClassDef": {
        const bases = s.bases.map((b) => this.asObj(this.ex(b)));
        this.storeType(s.name, "object");
        out.push({ ...s, bases });
        return;
      }
      case "Pass": case "Break": case "Continue": case "Global": case "Nonlocal":
        out.push(s);
        return;
    }
  }

  private zeroReturn(loc: A.Loc): A.Return {
    const zero: A.Expr = this.retType === "bool"
      ? { kind: "Constant", value: { type: "bool", value: false }, loc }
      : intConst(0, loc);
    return { kind: "Return", value: zero, loc };
  }

  private return(s: A.Return, out: A.Stmt[]): void {
    const te: TE | null = s.value === null ? null : this.ex(s.value);
    if (te === null || te.t === "None") {
      out.push(this.retType === "object" ? { ...s, value: te === null ? null : te.e } : this.zeroReturn(s.loc));
      return;
    }
    if (te.t !== this.retType) this.typeError(`return expected '${this.retType}' but got '${te.t}'`);
    out.push({ ...s, value: this.retType === "object" ? this.asObj(te) : te.e });
  }

  private assign(s: A.Assign, out: A.Stmt[]): void {
    const te = this.ex(s.value);
    if (s.targets.length === 1) {
      const t = s.targets[0];
      const store = this.ptrStore(t, te);
      if (store !== null) out.push(store);
      else out.push({ ...s, targets: [this.target(t, te)], value: this.valueFor(t, te) });
      return;
    }
    // a = b = v: MicroPython stores left-most first.
    const plain: A.Expr[] = [];
    const stores: A.Stmt[] = [];
    for (const t of s.targets) {
      const store = this.ptrStore(t, te);
      if (store !== null) stores.push(store);
      else plain.push(this.target(t, te));
    }
    if (plain.length > 0) out.push({ ...s, targets: plain, value: te.e });
    out.push(...stores);
  }

  /** The value to store into target t: an object unless t is a native local. */
  private valueFor(t: A.Expr, te: TE): A.Expr {
    if (t.kind === "Name" && this.isTypedLocal(t.id)) return te.e;
    return this.asObj(te);
  }

  /** `p[i] = v` for a pointer p: a store helper call (null when t is not a pointer store). */
  private ptrStore(t: A.Expr, te: TE): A.Stmt | null {
    if (t.kind !== "Subscript") return null;
    const base = this.ex(t.value);
    if (base.t === "object") return null;
    const imm = isImmInt(t.index);
    const idx = imm ? { e: t.index, t: "int" as VType, imm: true } : this.ex(t.index);
    if (!imm && !isNative(idx.t)) this.typeError(`can't store with '${idx.t}' index`);
    if (te.t !== "bool" && !isNative(te.t)) this.typeError(`can't store '${te.t}'`);
    const w = LOADABLE[base.t];
    if (w === undefined) {
      this.typeError(`can't store to '${base.t}'`);
      return { kind: "Pass", loc: t.loc };
    }
    return { kind: "Expr", value: this.h("store" + w, [base.e, idx.e, te.e], t.loc), loc: t.loc };
  }

  /** Rewrites a store target, recording the type stored into locals. */
  private target(t: A.Expr, te: TE): A.Expr {
    switch (t.kind) {
      case "Name":
        this.storeType(t.id, te.t);
        return t;
      case "Tuple": case "List":
        this.asObj(te);
        return { ...t, elts: t.elts.map((x) => this.target(x, obj(x))) };
      case "Starred":
        return { ...t, value: this.target(t.value, obj(t.value)) };
      case "Attribute":
        return { ...t, value: this.asObj(this.ex(t.value)) };
      case "Subscript":
        return { ...t, value: this.asObj(this.ex(t.value)), index: this.index(t.index) };
      default:
        return t;
    }
  }

  private delTarget(t: A.Expr): A.Expr {
    if (t.kind === "Attribute") return { ...t, value: this.asObj(this.ex(t.value)) };
    if (t.kind === "Subscript") return { ...t, value: this.asObj(this.ex(t.value)), index: this.index(t.index) };
    if (t.kind === "Tuple" || t.kind === "List") return { ...t, elts: t.elts.map((x) => this.delTarget(x)) };
    return t;
  }

  private isTypedLocal(id: string): boolean {
    return this.locals.has(id) && !this.cells.has(id);
  }

  /** Storing a value of type t into name id: a local gets its type from the first store. */
  private storeType(id: string, t: VType): void {
    if (!this.isTypedLocal(id)) return;
    const cur = this.locals.get(id);
    if (cur === null || cur === undefined) this.locals.set(id, t);
    else if (cur !== t) this.typeError(`local '${id}' has type '${cur}' but source is '${t}'`);
  }

  private augAssign(s: A.AugAssign, out: A.Stmt[]): void {
    const t = s.target;
    if (t.kind === "Name") {
      const cur = this.ex(t);
      const r = this.binop(s.op, cur, this.ex(s.value), s.loc);
      this.storeType(t.id, r.t);
      if (r.e.kind === "BinOp") {
        out.push({ ...s, value: r.e.right }); // objects: keep the in-place operator
        return;
      }
      out.push({ kind: "Assign", targets: [t], value: r.e, loc: s.loc });
      return;
    }
    if (t.kind === "Subscript") {
      const base = this.ex(t.value);
      if (base.t !== "object") {
        const load = this.ex(t);
        const r = this.binop(s.op, load, this.ex(s.value), s.loc);
        const store = this.ptrStore(t, r);
        if (store !== null) out.push(store);
        return;
      }
    }
    // An object target: the operation is on objects.
    const target = this.target(t, obj(t));
    const v = this.ex(s.value);
    if (v.t !== "object") this.typeError(`can't do binary op between 'object' and '${v.t}'`);
    out.push({ ...s, target, value: v.e });
  }

  private for(s: A.For, out: A.Stmt[]): void {
    const range = this.rangeArgs(s);
    if (range !== null) {
      const [startE, endE, stepE] = range;
      const end = isImmInt(endE) ? { e: endE, t: "int" as VType, imm: true } : this.ex(endE);
      const start = this.ex(startE);
      const target = this.target(s.target, start);
      const body = this.stmts(s.body);
      const step = stepE === null ? { e: intConst(1, s.loc), t: "int" as VType, imm: true } : this.ex(stepE);
      const next = this.binop("+", start, step, s.loc);
      this.compare(next, end, stepValue(stepE) >= 0 ? "<" : ">");
      const args = [this.asObjQuiet(start), this.asObjQuiet(end)];
      if (stepE !== null) args.push(this.asObjQuiet(step));
      const iter = s.iter as A.Call;
      out.push({ ...s, target, iter: { ...iter, args }, body, orelse: this.stmts(s.orelse) });
      return;
    }
    const iter = this.asObj(this.ex(s.iter));
    const target = this.target(s.target, obj(s.target));
    out.push({ ...s, iter, target, body: this.stmts(s.body), orelse: this.stmts(s.orelse) });
  }

  /** `for x in range(...)` as MicroPython's compiler optimises it: [start, end, step]. */
  private rangeArgs(s: A.For): [A.Expr, A.Expr, A.Expr | null] | null {
    const c = s.iter;
    if (s.target.kind !== "Name" || c.kind !== "Call" || c.func.kind !== "Name" || c.func.id !== "range") return null;
    if (this.locals.has("range") || c.keywords.length > 0 || c.args.some((a) => a.kind === "Starred")) return null;
    const a = c.args;
    if (a.length === 1) return [intConst(0, c.loc), a[0], null];
    if (a.length === 2) return [a[0], a[1], null];
    if (a.length === 3 && isImmInt(a[2]) && stepValue(a[2]) !== 0) return [a[0], a[1], a[2]];
    return null;
  }

  // ------------------------------------------------------------ expressions

  /** A condition (if/while/assert): a native must be bool, int or uint. */
  private cond(e: A.Expr): A.Expr {
    const te = this.ex(e);
    this.checkBool(te);
    return te.e;
  }

  private checkBool(te: TE): void {
    if (te.t !== "object" && te.t !== "bool" && !isNative(te.t)) {
      this.typeError(`can't implicitly convert '${te.t}' to 'bool'`);
    }
  }

  /** A value passed to Python code (call argument, display item, attribute store...). */
  private asObj(te: TE): A.Expr {
    if (te.cast !== undefined || (te.imm && PTRS.has(te.t))) this.notImplemented("conversion to object");
    return te.e;
  }

  private asObjQuiet(te: TE): A.Expr {
    return te.e;
  }

  private exObj(e: A.Expr): A.Expr {
    return this.asObj(this.ex(e));
  }

  private index(e: A.Expr): A.Expr {
    if (e.kind === "Slice") {
      const part = (x: A.Expr | null) => (x === null ? null : this.exObj(x));
      return { ...e, lower: part(e.lower), upper: part(e.upper), step: part(e.step) };
    }
    return this.exObj(e);
  }

  private ex(e: A.Expr): TE {
    switch (e.kind) {
      case "Constant": return constType(e);
      case "Name": return this.loadName(e);
      case "BinOp": return this.binop(e.op, this.ex(e.left), this.ex(e.right), e.loc);
      case "UnaryOp": return this.unary(e);
      case "Compare": return this.compareExpr(e);
      case "BoolOp": {
        const vs = e.values.map((v) => this.ex(v));
        vs.forEach((v) => this.checkBool(v));
        const t = vs.every((v) => v.t === vs[0].t) ? vs[0].t : "object";
        return { e: { ...e, values: vs.map((v) => v.e) }, t, imm: false };
      }
      case "IfExp": {
        const test = this.cond(e.test);
        const body = this.ex(e.body);
        const orelse = this.ex(e.orelse);
        const t = body.t === orelse.t ? body.t : "object";
        return { e: { ...e, test, body: body.e, orelse: orelse.e }, t, imm: false };
      }
      case "Call": return this.call(e);
      case "Attribute": return obj({ ...e, value: this.exObj(e.value) });
      case "Subscript": return this.subscript(e);
      case "Starred": return obj({ ...e, value: this.exObj(e.value) });
      case "List": case "Tuple": case "Set":
        return obj({ ...e, elts: e.elts.map((x) => this.exObj(x)) });
      case "Dict":
        return obj({ ...e, keys: e.keys.map((k) => (k === null ? null : this.exObj(k))), values: e.values.map((v) => this.exObj(v)) });
      case "JoinedStr":
        return obj({ ...e, values: e.values.map((v) => this.exObj(v)) });
      case "FormattedValue":
        return obj({ ...e, value: this.exObj(e.value) });
      case "NamedExpr": {
        const te = this.ex(e.value);
        this.storeType(e.target.id, te.t);
        return { ...te, e: { ...e, value: te.e } };
      }
      case "Yield": case "YieldFrom":
        return this.notImplemented("native yield");
      case "Slice":
        return obj(this.index(e));
      case "Lambda": case "ListComp": case "SetComp": case "DictComp": case "GeneratorExp": case "Await":
        return obj(e);
    }
  }

  private loadName(e: A.Name): TE {
    const id = e.id;
    if (this.locals.has(id)) {
      if (this.cells.has(id)) return obj(e);
      const t = this.locals.get(id);
      if (t === null || t === undefined) {
        this.typeError(`local '${id}' used before type known`);
        return obj(e);
      }
      return { e, t, imm: false };
    }
    if (!this.globals.has(id) && CAST_NAMES.has(id)) return { e, t: "object", imm: false, cast: id as VType };
    return obj(e);
  }

  private unary(e: A.UnaryOp): TE {
    // The parser folds a negated constant (as MicroPython's does).
    if (e.op === "-" && e.operand.kind === "Constant" && e.operand.value.type === "int") {
      const v = e.operand.value.value;
      const neg: A.Constant = { kind: "Constant", value: { type: "int", value: typeof v === "number" ? -v + 0 : -v }, loc: e.loc };
      return constType(neg);
    }
    const x = this.ex(e.operand);
    if (isNative(x.t)) {
      const s = x.t === "int" ? "_i" : "_u";
      if (e.op === "+") return { ...x, imm: false };
      if (e.op === "-") return { e: this.h("neg" + s, [x.e], e.loc), t: x.t, imm: false };
      if (e.op === "~") return { e: this.h("inv" + s, [x.e], e.loc), t: x.t, imm: false };
      this.typeError("'not' not implemented");
      return x;
    }
    if (x.t === "object") return obj({ ...e, operand: this.asObj(x) });
    this.typeError(`can't do unary op of '${x.t}'`);
    return x;
  }

  private binop(op: A.BinaryOperator, l: TE, r: TE, loc: A.Loc): TE {
    if (isNative(l.t) && isNative(r.t)) {
      const h = INT_OPS[op];
      if (h === undefined) {
        this.typeError(`binary op ${OP_NAMES[op] ?? ""} not implemented`);
        return { e: l.e, t: l.t, imm: false };
      }
      if ((h === "floordiv" || h === "mod") && l.t !== "int") {
        this.typeError("div/mod not implemented for uint");
      }
      const s = l.t === "int" ? "_i" : "_u";
      const fn = h === "floordiv" || h === "mod" ? h + "_i" : h + s;
      return { e: this.h(fn, [l.e, r.e], loc), t: l.t, imm: false };
    }
    if (l.t === "object" && r.t === "object") {
      return obj({ kind: "BinOp", op, left: this.asObj(l), right: this.asObj(r), loc });
    }
    this.typeError(`can't do binary op between '${l.t}' and '${r.t}'`);
    return obj({ kind: "BinOp", op, left: l.e, right: r.e, loc });
  }

  /** One comparison of a chain: the type of its result. */
  private compare(l: TE, r: TE, op: A.CompareOperator): VType {
    if (isNative(l.t) && isNative(r.t)) {
      if (op === "in" || op === "not in" || op === "is" || op === "is not") {
        this.typeError("binary op  not implemented");
      } else if (l.t !== r.t) {
        this.typeError("comparison of int and uint");
      }
      return "bool";
    }
    if (l.t === "object" && r.t === "object") {
      this.asObj(l);
      this.asObj(r);
      return "object";
    }
    this.typeError(`can't do binary op between '${l.t}' and '${r.t}'`);
    return "object";
  }

  private compareExpr(e: A.Compare): TE {
    const left = this.ex(e.left);
    let prev = left;
    let t: VType = "bool";
    const comparators = e.comparators.map((c, i) => {
      const r = this.ex(c);
      if (this.compare(prev, r, e.ops[i]) === "object") t = "object";
      prev = r;
      return r.e;
    });
    return { e: { ...e, left: left.e, comparators }, t, imm: false };
  }

  private call(e: A.Call): TE {
    const f = this.ex(e.func);
    if (f.cast !== undefined && e.args.length === 1 && e.keywords.length === 0 && e.args[0].kind !== "Starred") {
      return this.castTo(f.cast, this.ex(e.args[0]), e.loc);
    }
    const func = e.func.kind === "Attribute" ? { ...e.func, value: this.exObj(e.func.value) } : this.asObj(f);
    const args = e.args.map((a) => this.exObj(a));
    const keywords = e.keywords.map((k) => ({ ...k, value: this.exObj(k.value) }));
    return obj({ ...e, func, args, keywords });
  }

  private castTo(t: VType, x: TE, loc: A.Loc): TE {
    if (x.cast !== undefined) this.notImplemented("casting");
    const kind = PTRS.has(t) ? "ptr" : t;
    if (x.t === "object") return { e: this.h("arg_" + kind, [x.e], loc), t, imm: false };
    if (x.t === t) return x;
    // Between native types the machine word is kept (a constant stays a constant).
    return { e: this.h("cast_" + kind, [x.e], loc), t, imm: x.imm };
  }

  private subscript(e: A.Subscript): TE {
    const base = this.ex(e.value);
    if (base.t === "object") return obj({ ...e, value: base.e, index: this.index(e.index) });
    const imm = isImmInt(e.index);
    const idx = imm ? { e: e.index, t: "int" as VType, imm: true } : this.ex(e.index);
    if (!imm && !isNative(idx.t)) this.typeError(`can't load with '${idx.t}' index`);
    const w = LOADABLE[base.t];
    if (w === undefined) {
      this.typeError(`can't load from '${base.t}'`);
      return { e: e, t: "int", imm: false };
    }
    return { e: this.h("load" + w, [base.e, idx.e], e.loc), t: "int", imm: false };
  }
}

// ---------------------------------------------------------------- helpers

function constType(e: A.Constant): TE {
  const v = e.value;
  if (v.type === "int") {
    const b = BigInt(v.value);
    if (b >= -SMALL_INT_LIMIT && b < SMALL_INT_LIMIT) return { e, t: "int", imm: true };
    return obj(e);
  }
  if (v.type === "bool") return { e, t: "bool", imm: true };
  if (v.type === "None") return { e, t: "None", imm: true };
  return obj(e);
}

/** A small int constant, possibly negated (MicroPython folds `-1` into a constant). */
function isImmInt(e: A.Expr): boolean {
  if (e.kind === "UnaryOp" && e.op === "-") return isImmInt(e.operand);
  return e.kind === "Constant" && e.value.type === "int" && typeof e.value.value === "number";
}

function stepValue(e: A.Expr | null): number {
  if (e === null) return 1;
  if (e.kind === "UnaryOp" && e.op === "-") return -stepValue(e.operand);
  return e.kind === "Constant" && e.value.type === "int" ? Number(e.value.value) : 1;
}

/** Calls f on each expression directly held by statement s (not in nested statements). */
function forEachExpr(s: A.Stmt, f: (e: A.Expr | null) => void): void {
  switch (s.kind) {
    case "Expr": f(s.value); break;
    case "Assign": s.targets.forEach(f); f(s.value); break;
    case "AugAssign": f(s.target); f(s.value); break;
    case "AnnAssign": f(s.target); f(s.value); break;
    case "Return": f(s.value); break;
    case "Raise": f(s.exc); f(s.cause); break;
    case "If": case "While": f(s.test); break;
    case "For": f(s.target); f(s.iter); break;
    case "With": s.items.forEach((i) => { f(i.contextExpr); f(i.optionalVars); }); break;
    case "Assert": f(s.test); f(s.msg); break;
    case "Delete": s.targets.forEach(f); break;
    case "Try": s.handlers.forEach((h) => f(h.type)); break;
    default: break;
  }
}

/** Walks e and its subexpressions; `visit` returning false skips a node's children. */
function walkExpr(e: A.Expr, visit: (x: A.Expr) => boolean): void {
  if (!visit(e)) return;
  const w = (x: A.Expr | null | undefined) => { if (x) walkExpr(x, visit); };
  switch (e.kind) {
    case "BinOp": w(e.left); w(e.right); break;
    case "UnaryOp": w(e.operand); break;
    case "BoolOp": e.values.forEach(w); break;
    case "Compare": w(e.left); e.comparators.forEach(w); break;
    case "Call": w(e.func); e.args.forEach(w); e.keywords.forEach((k) => w(k.value)); break;
    case "Attribute": w(e.value); break;
    case "Subscript": w(e.value); w(e.index); break;
    case "Slice": w(e.lower); w(e.upper); w(e.step); break;
    case "Starred": w(e.value); break;
    case "List": case "Tuple": case "Set": e.elts.forEach(w); break;
    case "Dict": e.keys.forEach(w); e.values.forEach(w); break;
    case "JoinedStr": e.values.forEach(w); break;
    case "FormattedValue": w(e.value); w(e.formatSpec); break;
    case "IfExp": w(e.test); w(e.body); w(e.orelse); break;
    case "NamedExpr": w(e.value); break;
    case "Yield": w(e.value); break;
    case "YieldFrom": case "Await": w(e.value); break;
    case "Lambda": w(e.body); break;
    case "ListComp": case "SetComp": case "GeneratorExp":
      w(e.elt); e.generators.forEach((g) => { w(g.target); w(g.iter); g.ifs.forEach(w); }); break;
    case "DictComp":
      w(e.key); w(e.value); e.generators.forEach((g) => { w(g.target); w(g.iter); g.ifs.forEach(w); }); break;
    default: break;
  }
}

/** Names an inner scope (lambda, comprehension) reads: a superset of its free names. */
function namesIn(e: A.Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(e, (x) => {
    if (x.kind === "Name") out.add(x.id);
    return true;
  });
  // The first iterable of a comprehension is evaluated in the enclosing scope.
  if ((e.kind === "ListComp" || e.kind === "SetComp" || e.kind === "DictComp" || e.kind === "GeneratorExp")) {
    const first = e.generators[0].iter;
    if (first.kind === "Name") {
      let elsewhere = false;
      walkExpr(e, (x) => {
        if (x !== first && x.kind === "Name" && x.id === first.id) elsewhere = true;
        return true;
      });
      if (!elsewhere) out.delete(first.id);
    }
  }
  return out;
}

/** Names read anywhere in a nested function's body. */
function namesInFunction(fn: A.FunctionDef): Set<string> {
  const out = new Set<string>();
  const visit = (s: A.Stmt): void => {
    forEachExpr(s, (e) => {
      if (e !== null) walkExpr(e, (x) => { if (x.kind === "Name") out.add(x.id); return true; });
    });
    if (s.kind === "FunctionDef") {
      namesInFunction(s).forEach((n) => out.add(n));
      return;
    }
    for (const b of childBodies(s)) b.forEach(visit);
  };
  fn.body.forEach(visit);
  return out;
}
