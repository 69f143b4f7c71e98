// Code generation for expressions. Each expression compiles to one JS expression (a string that
// is an identifier, a literal, a call or a parenthesised expression, so it can be embedded
// anywhere); nested function bodies (lambdas, comprehensions) are Blocks embedded by marker.
//
// Fast paths are inline only where they are short and common (see codegen.md in the header of
// codegen.ts): int + - * // % and comparisons on two JS numbers, truth tests of booleans,
// attribute loads/stores and method calls as guarded property accesses, direct calls of JS
// functions. Everything else calls a runtime helper from helpers.ts.

import type * as A from "./ast.ts";
import { assertNever } from "./ast.ts";
import { CompileError } from "./errors.ts";
import { Block, BlockTable, type Line, jsString, jsKey, isSimple, mangle } from "./emitter.ts";
import type { Scope, ScopeInfo, ScopeNode } from "./scope.ts";
import { floatTree } from "./floattree.ts";
import { complexTree, absCompare, type ComplexTreeHost } from "./complextree.ts";

/** Largest safe integer: int results within ±MAX stay JS numbers. */
const MAX = "9007199254740991";
const MAX_N = 9007199254740991;

/** Attribute names that always take the slow path: JS functions and primitives have them. */
const JS_ATTRS = new Set(["length", "name", "prototype", "caller", "arguments", "callee", "constructor"]);

export const BINOP_HELPER: Record<A.BinaryOperator, string> = {
  "+": "add", "-": "sub", "*": "mul", "@": "matmul", "/": "truediv", "//": "floordiv", "%": "mod",
  "**": "pow", "<<": "lshift", ">>": "rshift", "|": "or", "^": "xor", "&": "and",
};

const CMP_HELPER: Record<string, string> = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" };
const CMP_JS: Record<string, string> = { "==": "===", "!=": "!==", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** The state of one JS function being generated (a Python function, class body or module). */
export class FnCtx {
  readonly block: Block;
  private readonly temps: string[] = [];
  private top = 0;
  /** Python names of this scope that are certainly bound at the current point. */
  assigned = new Set<string>();
  /** Names of enclosing functions that are certainly bound whenever this function runs. */
  closureSafe: Set<string>;
  /** JS name of the class cell if this is a class body that needs one. */
  classCell: string | null = null;
  /** First parameter (for zero-argument super()). */
  firstParam: string | null = null;
  /** Placeholder line for the `let` declarations, filled in when the function is done. */
  declLine: Line | null = null;
  /** Label of the innermost loop's else-skipping block (for `break` in loops with else). */
  loopBreak: (string | null)[] = [];

  constructor(readonly scope: Scope, readonly parent: FnCtx | null, name: string) {
    this.block = new Block(name);
    this.closureSafe = new Set();
  }

  /**
   * Temporaries are never reused within one statement (so an expression compiled before a
   * temp was taken can never clobber it while it is live); each statement releases the temps
   * it took when it ends (see StmtGen.stmt), so a function needs as many as its largest statement.
   */
  temp(): string {
    const n = "$t" + this.top++;
    if (this.top > this.temps.length) this.temps.push(n);
    return n;
  }

  mark(): number {
    return this.top;
  }

  reset(m: number): void {
    this.top = m;
  }

  /** Kept for readability at use sites: temps are released per statement. */
  release(..._ts: (string | null | undefined)[]): void {}

  tempNames(): string[] {
    return this.temps;
  }

  /** The class cell visible from here (the nearest enclosing class body's). */
  findClassCell(): string | null {
    for (let c: FnCtx | null = this; c !== null; c = c.parent) if (c.classCell !== null) return c.classCell;
    return null;
  }

  findFirstParam(): string | null {
    for (let c: FnCtx | null = this; c !== null; c = c.parent) {
      if (c.scope.kind === "function") return c.firstParam;
    }
    return null;
  }
}

/** Callees that runtime callGE collects a generator expression into directly (fastiter.ts). */
/** Builtins that read the calling module's globals (call() marks their call sites). */
const CALLER_GLOBALS = new Set(["globals", "locals", "dir", "vars", "eval", "exec", "execfile", "__import__"]);
const GE_CONSUMERS = new Set(["tuple", "list", "set", "sum"]);

export abstract class ExprGen {
  readonly blocks = new BlockTable();
  /** Helpers used (bound at the top of the unit as `const $name = $rt.name`). */
  readonly helpers = new Set<string>();
  /** Hoisted constants: [jsName, code]. */
  readonly consts: [string, string][] = [];
  private readonly constIndex = new Map<string, string>();
  ctx!: FnCtx;
  /** Python line of the statement being compiled. */
  line = 0;
  protected uid = 0;

  constructor(readonly filename: string, readonly info: ScopeInfo) {}

  // ------------------------------------------------------------ plumbing

  h(name: string): string {
    this.helpers.add(name);
    return "$" + name;
  }

  error(msg: string, loc: A.Loc): CompileError {
    return new CompileError("SyntaxError", msg, this.filename, loc.line, loc.col);
  }

  emit(text: string): void {
    this.ctx.block.add(text, this.line);
  }

  scopeOf(n: ScopeNode): Scope {
    const s = this.info.scopes.get(n);
    if (s === undefined) throw new Error("internal: no scope for " + n.kind);
    return s;
  }

  /** A module-level constant created once (floats, tuples of constants, bytes, slices). */
  hoist(code: string): string {
    let name = this.constIndex.get(code);
    if (name === undefined) {
      name = "$c" + this.consts.length;
      this.consts.push([name, code]);
      this.constIndex.set(code, name);
    }
    return name;
  }

  /** `code` if it can be evaluated twice, else a temp holding it: [use, assignFirst, temp]. */
  protected once(code: string): [string, string, string | null] {
    if (isSimple(code)) return [code, code, null];
    const t = this.ctx.temp();
    return [t, `(${t} = ${code})`, t];
  }

  // ------------------------------------------------------------ names

  /** MicroPython's compile-time constants (`X = const(1)`): name → JS literal. */
  readonly mpConsts = new Map<string, string>();

  /** JS expression reading Python name `id` in the current scope. */
  loadName(id: string): string {
    const k = this.mpConsts.get(id);
    if (k !== undefined) return k;
    const s = this.ctx.scope;
    switch (s.resolve(id)) {
      case "local":
        return this.checkedLocal(id, this.ctx.assigned.has(id));
      case "free":
        return this.checkedLocal(id, this.ctx.closureSafe.has(id));
      case "global": {
        const cell = id === "__class__" && s.isFunction ? this.ctx.findClassCell() : null;
        if (cell !== null) return cell;
        return `($g.${id} ?? ${this.h("nameError")}(${jsString(id)}))`;
      }
      case "classLocal":
      case "classGlobal":
        return `($ns.${id} ?? $g.${id} ?? ${this.h("nameError")}(${jsString(id)}))`;
      case "classFree":
        return `($ns.${id} ?? ${this.checkedLocal(id, this.ctx.closureSafe.has(id))})`;
    }
  }

  private checkedLocal(id: string, safe: boolean): string {
    const js = mangle(id);
    if (safe) return js;
    return `(${js} !== undefined ? ${js} : ${this.h("unboundLocal")}(${jsString(id)}))`;
  }

  /** JS expression storing `value` into Python name `id` (its value is the stored value). */
  storeName(id: string, value: string): string {
    switch (this.ctx.scope.resolve(id)) {
      case "local":
        this.ctx.assigned.add(id);
        return `${mangle(id)} = ${value}`;
      case "free":
        return `${mangle(id)} = ${value}`;
      case "global":
        return `$g.${id} = ${value}`;
      default:
        return `$ns.${id} = ${value}`;
    }
  }

  // ------------------------------------------------------------ expressions

  expr(e: A.Expr): string {
    switch (e.kind) {
      case "Name":
        return this.loadName(e.id);
      case "Constant":
        return this.constant(e.value);
      case "JoinedStr":
        return this.joinedStr(e);
      case "FormattedValue":
        return this.formattedValue(e);
      case "BinOp":
        return this.floatBinOp(e) ?? this.binOp(e.op, this.expr(e.left), e.right);
      case "UnaryOp":
        return this.unaryOp(e);
      case "BoolOp":
        return this.boolOp(e);
      case "Compare":
        return this.compare(e, false);
      case "Call":
        return this.call(e);
      case "Attribute":
        return this.attribute(e);
      case "Subscript":
        return this.subscript(e);
      case "Slice":
        return this.slice(e);
      case "Starred":
        throw this.error("*x must be assignment target", e.loc);
      case "List":
        return `${this.h("mkList")}(${this.array(e.elts)})`;
      case "Tuple":
        return this.tuple(e);
      case "Set":
        return `${this.h("mkSet")}(${this.array(e.elts)})`;
      case "Dict":
        return this.dict(e);
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return this.comprehension(e);
      case "Lambda":
        return this.lambda(e);
      case "IfExp":
        return `(${this.test(e.test)} ? ${this.expr(e.body)} : ${this.expr(e.orelse)})`;
      case "NamedExpr":
        return `(${this.storeName(e.target.id, this.expr(e.value))})`;
      case "Yield":
        // next() resumes a generator with undefined: the value of the yield is then None.
        return `((yield ${e.value === null ? this.h("None") : this.expr(e.value)}) ?? ${this.h("None")})`;
      case "YieldFrom":
        return `(yield* ${this.h("yieldFrom")}(${this.expr(e.value)}))`;
      case "Await":
        return `(yield* ${this.h("awaitable")}(${this.expr(e.value)}))`;
      default:
        return assertNever(e);
    }
  }

  abstract genExprCall(fn: string, e: A.GeneratorExp, consumer: string): string | null;
  abstract comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): string;
  abstract lambda(e: A.Lambda): string;

  constant(v: A.ConstantValue): string {
    switch (v.type) {
      case "int":
        return typeof v.value === "bigint" ? `${v.value}n` : String(v.value);
      case "float":
        return this.hoist(`${this.h("mkFloat")}(${floatLiteral(v.value)})`);
      case "complex":
        return this.hoist(`${this.h("mkComplex")}(0, ${floatLiteral(v.imag)})`);
      case "str":
        return jsString(v.value);
      case "bytes":
        return this.hoist(`${this.h("mkBytes")}(${jsString(String.fromCharCode(...v.value))})`);
      case "bool":
        return v.value ? "true" : "false";
      case "None":
        return this.h("None");
      case "Ellipsis":
        return this.h("Ellipsis");
      default:
        return assertNever(v);
    }
  }

  private joinedStr(e: A.JoinedStr): string {
    if (e.values.length === 0) return '""';
    const parts = e.values.map((v) => (v.kind === "Constant" ? this.expr(v) : this.formattedValue(v as A.FormattedValue)));
    if (parts.length === 1 && e.values[0].kind === "Constant") return parts[0];
    return "(" + (e.values[0].kind === "Constant" ? "" : '"" + ') + parts.join(" + ") + ")";
  }

  private formattedValue(e: A.FormattedValue): string {
    const conv = e.conversion === null ? "null" : jsString(e.conversion);
    const spec = e.formatSpec === null ? '""' : this.joinedStr(e.formatSpec);
    return `${this.h("formatValue")}(${this.expr(e.value)}, ${conv}, ${spec})`;
  }

  // ------------------------------------------------------------ operators

  /** Inside the generic code of a float tree: no nested speculation. */
  private inFloatTree = false;

  /** A float arithmetic tree computed unboxed when its leaves are floats (floattree.ts). */
  private floatBinOp(e: A.BinOp, generic = () => this.binOp(e.op, this.expr(e.left), e.right)): string | null {
    if (this.inFloatTree) return null;
    const g = (): string => {
      this.inFloatTree = true;
      try {
        return generic();
      } finally {
        this.inFloatTree = false;
      }
    };
    // A complex tree (complextree.ts) when the float tree's guards fail, or alone.
    return floatTree(e, this.floatHost, () => complexTree(e, this.floatHost, g) ?? g()) ?? complexTree(e, this.floatHost, g);
  }

  /**
   * `target op= value` for a name or `name.attr` target as a float tree (`x += y * z` on floats
   * computes unboxed); `generic` is the in-place operator's code. Null when not a float tree.
   */
  protected floatAugOp(target: A.Name | A.Attribute, op: A.BinaryOperator, value: A.Expr, generic: () => string): string | null {
    const e: A.BinOp = { kind: "BinOp", op, left: target, right: value, loc: target.loc } as A.BinOp;
    return this.floatBinOp(e, generic);
  }

  private readonly floatHost: ComplexTreeHost = {
    pureName: (id) => this.pureName(id),
    temp: () => this.ctx.temp(),
    floatType: () => this.h("floatT"),
    mkFloat: () => this.h("mkFloat"),
    complexType: () => this.h("complexT"),
    mkComplex: () => this.h("mkComplex"),
    scopes: () => this.info,
  };

  /** JS reading name `id` with no side effect and no possible error, or null. */
  private pureName(id: string): string | null {
    if (this.mpConsts.has(id)) return null;
    switch (this.ctx.scope.resolve(id)) {
      case "local":
        return this.ctx.assigned.has(id) ? mangle(id) : null;
      case "free":
        return this.ctx.closureSafe.has(id) ? mangle(id) : null;
      case "global":
        return id === "__class__" ? null : `$g.${id}`;
      default:
        return null;
    }
  }

  /** left (already compiled) op right, with the inline int fast path for + - * // %. */
  binOp(op: A.BinaryOperator, left: string, rightE: A.Expr, helper = BINOP_HELPER[op]): string {
    const fn = this.h(helper);
    const rc = intConst(rightE);
    if (rc !== null && (op === "+" || op === "-") && Math.abs(rc) < 1e9) {
      // x + c: only x's type and range need checking.
      const [l, la, lt] = this.once(left);
      this.ctx.release(lt);
      const c = op === "+" ? rc : -rc;
      const bound = c >= 0 ? `${l} <= ${MAX_N - c}` : `${l} >= ${-MAX_N - c}`;
      return `(typeof ${la} === "number" && ${bound} ? ${l} ${op} ${rc} : ${fn}(${l}, ${rc}))`;
    }
    const right = this.expr(rightE);
    if (op !== "+" && op !== "-" && op !== "*" && op !== "//" && op !== "%") return `${fn}(${left}, ${right})`;
    // An operand that is a non-int constant (float, str, tuple...) never takes the int path.
    if (isNonIntConst(left) || isNonIntConst(right)) return `${fn}(${left}, ${right})`;
    // `x // 0` and `x % c` with c <= 0 never take the inline path.
    if ((op === "//" && rc === 0) || (op === "%" && rc !== null && rc <= 0)) return `${fn}(${left}, ${right})`;
    const [l, r, pre] = this.operands(left, right);
    // Checks: both are JS numbers (an int literal needs no check).
    const nums = pre + (rc !== null || l === r ? `typeof ${l} === "number"` : `typeof ${l} === "number" && typeof ${r} === "number"`);
    const slow = `${fn}(${l}, ${r})`;
    if (op === "//") {
      const nz = rc === null ? ` && ${r} !== 0` : "";
      return `(${nums}${nz} ? Math.floor(${l} / ${r}) + 0 : ${slow})`;
    }
    const t = this.ctx.temp();
    if (op === "%") {
      // Python's result has the sign of the divisor; only positive divisors are inlined.
      const pos = rc === null ? ` && ${r} > 0` : "";
      return `(${nums}${pos} ? ((${t} = ${l} % ${r}) < 0 ? ${t} + ${r} : ${t} + 0) : ${slow})`;
    }
    const z = op === "*" ? " + 0" : ""; // -0 → 0
    return `(${nums} && (${t} = ${l} ${op} ${r}) <= ${MAX} && ${t} >= -${MAX} ? ${t}${z} : ${slow})`;
  }

  /**
   * Two operands evaluated left to right, each once: [l, r, pre]. `pre` is a comma-expression
   * prefix that evaluates them into temps (empty when both are simple); it must come before any
   * short-circuit test so both are always evaluated. The left one gets a temp unless the right
   * is simple too (a local could change while the right runs).
   */
  protected operands(left: string, right: string): [string, string, string] {
    const rSimple = isSimple(right);
    let l = left, r = right, pre = "";
    if (!isSimple(left) || (!rSimple && !isLiteral(left))) {
      l = this.ctx.temp();
      pre += `${l} = ${left}, `;
    }
    if (!rSimple) {
      r = this.ctx.temp();
      pre += `${r} = ${right}, `;
    }
    return [l, r, pre];
  }

  private unaryOp(e: A.UnaryOp): string {
    if (e.op === "not") return `!${this.test(e.operand)}`;
    if (e.op === "-") {
      const c = e.operand.kind === "Constant" ? e.operand.value : null;
      if (c !== null && c.type === "int") {
        const v = c.value;
        if (typeof v === "number") return v === 0 ? "0" : `-${v}`;
        const n = -v;
        return Number.isSafeInteger(Number(n)) && BigInt(Number(n)) === n ? String(Number(n)) : `-${v}n`;
      }
      if (c !== null && c.type === "float") return this.hoist(`${this.h("mkFloat")}(${floatLiteral(-c.value)})`);
      const [x, xa, t] = this.once(this.expr(e.operand));
      this.ctx.release(t);
      return `(typeof ${xa} === "number" ? 0 - ${x} : ${this.h("neg")}(${x}))`;
    }
    return `${this.h(e.op === "+" ? "pos" : "invert")}(${this.expr(e.operand)})`;
  }

  private boolOp(e: A.BoolOp): string {
    // Python's and/or give an operand's value: a and b → (truth(a) ? b : a).
    let out = this.expr(e.values[e.values.length - 1]);
    for (let i = e.values.length - 2; i >= 0; i--) {
      const t = this.ctx.temp();
      const v = this.expr(e.values[i]);
      const test = this.truthy(`(${t} = ${v})`, t);
      out = e.op === "and" ? `(${test} ? ${out} : ${t})` : `(${test} ? ${t} : ${out})`;
      this.ctx.release(t);
    }
    return out;
  }

  /** JS boolean for the truth of an already-compiled value (`first` evaluates it, `x` reads it). */
  truthy(first: string, x: string): string {
    if (first === "true" || first === "false") return first;
    return `(${first} === true || (${x} !== false && ${this.h("isTrue")}(${x})))`;
  }

  /** A JS boolean expression for the truth of e (conditions of if/while, and/or, not). */
  test(e: A.Expr): string {
    switch (e.kind) {
      case "Compare":
        return this.compare(e, true);
      case "UnaryOp":
        if (e.op === "not") return `!${this.test(e.operand)}`;
        break;
      case "BoolOp":
        return "(" + e.values.map((v) => this.test(v)).join(e.op === "and" ? " && " : " || ") + ")";
      case "Constant":
        if (e.value.type === "bool") return String(e.value.value);
        if (e.value.type === "None") return "false";
        if (e.value.type === "int") return e.value.value == 0 ? "false" : "true";
        if (e.value.type === "str") return e.value.value === "" ? "false" : "true";
        break;
    }
    const [x, xa, t] = this.once(this.expr(e));
    this.ctx.release(t);
    return this.truthy(xa, x);
  }

  /** One comparison of compiled operands; a JS boolean if `asTest`, else a Python value. */
  private compareOne(op: A.CompareOperator, left: string, right: string, asTest: boolean): string {
    switch (op) {
      case "is":
        return `(${left} === ${right})`;
      case "is not":
        return `(${left} !== ${right})`;
      case "in":
      case "not in": {
        const [l, r, pre] = this.operands(left, right);
        const fn = this.h(op === "in" ? "contains" : "notContains");
        return `(${pre}${fn}(${r}, ${l}))`;
      }
    }
    const [l, r, pre] = this.operands(left, right);
    // The slow path is out of line; as a condition, one helper gives the JS boolean (with float
    // and str fast paths, fastops.ts).
    const slow = asTest ? `${this.h(CMP_HELPER[op] + "B")}(${l}, ${r})` : `${this.h(CMP_HELPER[op])}(${l}, ${r})`;
    if (isNonIntConst(l) || isNonIntConst(r)) return pre === "" ? slow : `(${pre}${slow})`;
    const nums = l === r || /^-?\d+$/.test(r) ? `typeof ${l} === "number"` : `typeof ${l} === "number" && typeof ${r} === "number"`;
    return `(${pre}${nums} ? ${l} ${CMP_JS[op]} ${r} : ${slow})`;
  }

  private compare(e: A.Compare, asTest: boolean): string {
    if (e.ops.length === 1) {
      const generic = (): string => this.compareOne(e.ops[0], this.expr(e.left), this.expr(e.comparators[0]), asTest);
      return absCompare(e, this.floatHost, generic) ?? generic();
    }
    // a < b < c: each middle operand is evaluated once; stop at the first false result.
    let left = this.expr(e.left);
    const parts: string[] = [];
    const held: string[] = [];
    for (let i = 0; i < e.ops.length; i++) {
      let right = this.expr(e.comparators[i]);
      if (i < e.ops.length - 1 && !isSimple(right)) {
        const t = this.ctx.temp();
        held.push(t);
        right = `(${t} = ${right})`;
        parts.push(this.compareOne(e.ops[i], left, right, asTest));
        left = t;
      } else {
        parts.push(this.compareOne(e.ops[i], left, right, asTest));
        left = right;
      }
    }
    this.ctx.release(...held);
    if (asTest) return "(" + parts.join(" && ") + ")";
    // Value form: the first false result, or the last result.
    let out = parts[parts.length - 1];
    for (let i = parts.length - 2; i >= 0; i--) {
      const t = this.ctx.temp();
      out = `(${this.truthy(`(${t} = ${parts[i]})`, t)} ? ${out} : ${t})`;
      this.ctx.release(t);
    }
    return out;
  }

  // ------------------------------------------------------------ attributes

  /** Attribute names whose fast path could see a JS property (or needs special handling). */
  static slowAttr(name: string): boolean {
    return JS_ATTRS.has(name) || name.startsWith("__");
  }

  attribute(e: A.Attribute): string {
    if (isSuperCall(e.value, this)) return `${this.h("superLoad")}(${this.expr(e.value)}, ${jsString(e.attr)})`;
    return this.loadAttr(this.expr(e.value), e.attr);
  }

  loadAttr(obj: string, name: string): string {
    const la = this.h("loadAttr");
    if (ExprGen.slowAttr(name)) return `${la}(${obj}, ${jsString(name)})`;
    const [o, oa, ot] = this.once(obj);
    const t = this.ctx.temp();
    this.ctx.release(ot, t);
    // JS functions have `$desc === true` too (runtime/fastops.ts): methods found on the class.
    return `((${t} = ${member(oa)}.${name}) === undefined || ${t}.$desc === true ? ${la}(${o}, ${jsString(name)}) : ${t})`;
  }

  /** Statement storing `value` (compiled, evaluated first) into obj.name (compiled). */
  storeAttrStmt(obj: string, name: string, value: string): string {
    const sa = this.h("storeAttr");
    if (ExprGen.slowAttr(name)) {
      if (isSimple(value) || isSimple(obj)) return `${sa}(${obj}, ${jsString(name)}, ${value});`;
    }
    // Python evaluates the value before the object.
    const [v, va, vt] = isSimple(value) ? [value, value, null] : this.tempFor(value);
    const [o, oa, ot] = this.once(obj);
    this.ctx.release(vt, ot);
    const pre = va === v ? "" : `${va}; `;
    if (ExprGen.slowAttr(name)) return `${pre}${sa}(${oa}, ${jsString(name)}, ${v});`;
    // A function stored on an instance must be wrapped (attr.ts); literals never are functions.
    const fnCheck = isLiteral(v) ? "" : ` && typeof ${v} !== "function"`;
    return `${pre}if (${member(oa)}.$setOk === true${fnCheck}) ${member(o)}.${name} = ${v}; else ${sa}(${o}, ${jsString(name)}, ${v});`;
  }

  protected tempFor(code: string): [string, string, string] {
    const t = this.ctx.temp();
    return [t, `${t} = ${code}`, t];
  }

  // ------------------------------------------------------------ calls

  call(e: A.Call): string {
    const f = e.func;
    if (f.kind === "Name" && f.id === "super" && e.args.length === 0 && e.keywords.length === 0 && this.ctx.scope.resolve("super") === "global") {
      const cell = this.ctx.findClassCell();
      const self = this.ctx.findFirstParam();
      return `${this.h("mkSuper")}(${cell ?? "undefined"}, ${self === null ? "undefined" : mangle(self)})`;
    }
    if (f.kind === "Name" && CALLER_GLOBALS.has(f.id) && this.ctx.scope.resolve(f.id) === "global") {
      // These builtins work on the calling module's globals: say which (lang.ts callerG).
      return `(${this.h("callerG")}.g = $g, ${this.callKind(e)})`;
    }
    return this.callKind(e);
  }

  private callKind(e: A.Call): string {
    const f = e.func;
    const plain = e.keywords.length === 0 && !e.args.some((a) => a.kind === "Starred");
    if (f.kind === "Attribute" && !ExprGen.slowAttr(f.attr) && plain && !isSuperCall(f.value, this)) {
      return this.methodCall(this.expr(f.value), f.attr, e.args.map((a) => this.expr(a)));
    }
    const fn = this.expr(f);
    if (plain && e.args.length === 1 && e.args[0].kind === "GeneratorExp" && f.kind === "Name" && GE_CONSUMERS.has(f.id)) {
      const c = this.genExprCall(fn, e.args[0], f.id);
      if (c !== null) return c;
    }
    if (plain) return this.directCall(fn, e.args.map((a) => this.expr(a)));
    return this.generalCall(fn, e.args, e.keywords);
  }

  /** f(a, b) with the direct-call fast path for JS functions that take at least 2 params. */
  directCall(fn: string, args: string[]): string {
    const n = args.length;
    const pre: string[] = [];
    const held: string[] = [];
    let f = fn;
    const allSimple = args.every(isSimple);
    if (!allSimple || !/^[$\w]+$/.test(fn)) {
      f = this.ctx.temp();
      held.push(f);
      pre.push(`${f} = ${fn}`);
    }
    const as = this.holdArgs(args, held, pre);
    this.ctx.release(...held);
    const list = as.join(", ");
    const test = n === 0 ? `typeof ${f} === "function"` : `typeof ${f} === "function" && ${f}.$n >= ${n}`;
    const slow = n <= 3 ? `${this.h("call" + n)}(${[f, ...as].join(", ")})` : `${this.h("call")}(${f}, [${list}], null)`;
    const body = `${test} ? ${f}(${list}) : ${slow}`;
    return pre.length === 0 ? `(${body})` : `(${pre.join(", ")}, ${body})`;
  }

  /**
   * Call arguments as the call site uses them: short or simple ones as they are, others
   * evaluated once, in order, into temps (their assignments appended to `pre`, temps to `held`).
   */
  private holdArgs(args: string[], held: string[], pre: string[]): string[] {
    return args.map((a) => {
      if (isSimple(a) || a.length < 30) return a;
      const t = this.ctx.temp();
      held.push(t);
      pre.push(`${t} = ${a}`);
      return t;
    });
  }

  /** o.m(args): calls a method found on the class without creating a bound method. */
  methodCall(obj: string, name: string, args: string[]): string {
    const k = args.length;
    const slowCall = (o: string, as: string[]): string =>
      k <= 3 ? `${this.h("callMethod" + k)}(${[o, jsString(name), ...as].join(", ")})` : `${this.h("callMethod")}(${o}, ${jsString(name)}, [${as.join(", ")}], null)`;
    // A str literal has no inline path (its methods live on str's class, not a JS prototype).
    if (obj.startsWith('"')) return slowCall(obj, args);
    const held: string[] = [];
    const o = this.ctx.temp();
    const m = this.ctx.temp();
    held.push(o, m);
    const pre = [`${o} = ${obj}`];
    const as = this.holdArgs(args, held, pre);
    this.ctx.release(...held);
    const n = args.length + 1;
    const fast = `typeof ${o} === "object" && typeof (${m} = ${o}.${name}) === "function" && ${m}.$n >= ${n} ? ${m}(${[o, ...as].join(", ")})`;
    return `(${pre.join(", ")}, ${fast} : ${slowCall(o, as)})`;
  }

  /** Calls with keywords, *args or **kwargs. */
  generalCall(fn: string, args: readonly A.Expr[], keywords: readonly A.Keyword[]): string {
    const arr = this.argArray(args);
    const kw = this.kwObject(keywords);
    const starred = args.some((a) => a.kind === "Starred") || keywords.some((k) => k.arg === null);
    return `${this.h(starred ? "callEx" : "call")}(${fn}, ${arr}, ${kw})`;
  }

  /** A JS array of positional values; *x items are spread in order. */
  argArray(args: readonly A.Expr[]): string {
    let out: string | null = null;
    let pending: string[] = [];
    for (const a of args) {
      if (a.kind !== "Starred") {
        pending.push(this.expr(a));
        continue;
      }
      const base: string = out === null ? `[${pending.join(", ")}]` : pending.length > 0 ? `${out}.concat([${pending.join(", ")}])` : out;
      out = `${this.h("spread")}(${base}, ${this.expr(a.value)})`;
      pending = [];
    }
    if (out === null) return `[${pending.join(", ")}]`;
    return pending.length > 0 ? `${out}.concat([${pending.join(", ")}])` : out;
  }

  /**
   * The kw object of a call: null, `{k: v}`, or merged with **mappings. A plain literal keeps one
   * hidden class per site (a `__proto__: null` literal would be a slow dictionary object); readers
   * only enumerate it with for-in, which sees no inherited keys.
   */
  kwObject(keywords: readonly A.Keyword[]): string {
    if (keywords.length === 0) return "null";
    let out: string | null = null;
    let pending: [string, string][] = [];
    const flush = (): string => {
      const p = pending;
      pending = [];
      if (out === null) return `{${p.map(([k, v]) => `${jsKey(k)}: ${v}`).join(", ")}}`;
      // After a **mapping: merge as a dict so duplicates are still reported.
      const kv = p.map(([k, v]) => `${jsString(k)}, ${v}`).join(", ");
      return `${this.h("mergeKw")}(${out}, ${this.h("mkDict")}([${kv}]))`;
    };
    for (const k of keywords) {
      if (k.arg !== null) {
        pending.push([k.arg, this.expr(k.value)]);
        continue;
      }
      if (pending.length > 0) out = flush();
      out = `${this.h("mergeKw")}(${out ?? "null"}, ${this.expr(k.value)})`;
    }
    if (pending.length > 0) out = flush();
    return out!;
  }

  // ------------------------------------------------------------ displays

  /** A JS array of the values of a display (with *x spread). */
  array(elts: readonly A.Expr[]): string {
    return this.argArray(elts);
  }

  private tuple(e: A.TupleExpr): string {
    if (e.elts.length > 0 && e.elts.every((x) => isConstant(x) || (x.kind === "Name" && this.mpConsts.has(x.id)))) {
      return this.hoist(`${this.h("mkTuple")}([${e.elts.map((x) => this.expr(x)).join(", ")}])`);
    }
    return `${this.h("mkTuple")}(${this.array(e.elts)})`;
  }

  private dict(e: A.DictExpr): string {
    let out: string | null = null;
    let pending: string[] = [];
    // Each value is evaluated before its key, as MicroPython does (CPython since 3.8: key first).
    const mk = (): string => `${this.h("mkDictVK")}([${pending.join(", ")}])`;
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k !== null) {
        pending.push(this.expr(e.values[i]), this.expr(k));
        continue;
      }
      if (out === null) out = mk();
      else if (pending.length > 0) out = `${this.h("dictUpdate")}(${out}, ${mk()})`;
      pending = [];
      out = `${this.h("dictUpdate")}(${out}, ${this.expr(e.values[i])})`;
    }
    if (out === null) return mk();
    return pending.length > 0 ? `${this.h("dictUpdate")}(${out}, ${mk()})` : out;
  }

  /**
   * `o[k]`: an exact list or tuple with an int index in range is read inline (a hole - negative
   * or out of range - reads undefined, never a Python value); anything else goes to getItem.
   */
  private subscript(e: A.Subscript): string {
    const gi = this.h("getItem");
    if (e.index.kind === "Slice") return `${this.h("getSlice")}(${this.expr(e.value)}, ${this.sliceParts(e.index)})`;
    if ((e.index.kind === "Constant" && e.index.value.type !== "int")) {
      return `${gi}(${this.expr(e.value)}, ${this.expr(e.index)})`;
    }
    const [o, oFirst] = this.once(this.expr(e.value));
    const [k, kFirst] = this.once(this.expr(e.index));
    const pre = oFirst !== o || kFirst !== k ? `${oFirst}, ${kFirst}, ` : "";
    const isInt = /^\d+$/.test(k);
    if (/^-/.test(k)) return `${gi}(${oFirst}, ${kFirst})`;
    const t = this.ctx.temp();
    const num = isInt ? "" : `typeof ${k} === "number" && `;
    const m = member(o);
    return `(${pre}(${m}.$cls === ${this.h("listT")} || ${m}.$cls === ${this.h("tupleT")}) && ${num}(${t} = ${m}.$a[${k}]) !== undefined ? ${t} : ${gi}(${o}, ${k}))`;
  }

  /** The statement `o[k] = v` (o, k, v simple, already evaluated): exact lists inline. */
  setItemStmt(o: string, k: string, v: string): string {
    const si = `${this.h("setItem")}(${o}, ${k}, ${v});`;
    if (/^-/.test(k) || /^\$c\d+$|^"/.test(k)) return si;
    const num = /^\d+$/.test(k) ? "" : `typeof ${k} === "number" && ${k} >= 0 && `;
    const m = member(o);
    return `if (${m}.$cls === ${this.h("listT")} && ${num}${k} < ${m}.$a.length) ${m}.$a[${k}] = ${v}; else ${si}`;
  }

  /** The parts of a slice `lo:hi:st` as three arguments, None for those omitted. */
  sliceParts(e: A.Slice): string {
    const part = (x: A.Expr | null) => (x === null ? this.h("None") : this.expr(x));
    return `${part(e.lower)}, ${part(e.upper)}, ${part(e.step)}`;
  }

  private slice(e: A.Slice): string {
    const part = (x: A.Expr | null) => (x === null ? this.h("None") : this.expr(x));
    const code = `${this.h("mkSlice")}(${part(e.lower)}, ${part(e.upper)}, ${part(e.step)})`;
    const constant = [e.lower, e.upper, e.step].every((x) => x === null || isConstant(x));
    return constant ? this.hoist(code) : code;
  }
}

// ---------------------------------------------------------------- MicroPython's const()

/** Folds the argument of `const(...)` (ints, strings, floats, tuples, earlier consts), or null. */
export function foldConst(e: A.Expr, consts: Map<string, A.ConstantValue>): A.ConstantValue | null {
  switch (e.kind) {
    case "Constant":
      return e.value;
    case "Name":
      return consts.get(e.id) ?? null;
    case "Attribute": {
      // MICROPY_COMP_MODULE_CONST: math's constants are known at compile time.
      const v = e.value.kind === "Name" && e.value.id === "math" ? MATH_CONSTS[e.attr] : undefined;
      return v === undefined ? null : { type: "float", value: v };
    }
    case "UnaryOp": {
      const v = foldConst(e.operand, consts);
      if (v !== null && v.type === "float" && (e.op === "-" || e.op === "+")) return { type: "float", value: e.op === "-" ? -v.value : v.value };
      if (v === null || v.type !== "int") return null;
      const x = BigInt(v.value);
      const r = e.op === "-" ? -x : e.op === "+" ? x : e.op === "~" ? ~x : null;
      return r === null ? null : intValue(r);
    }
    case "BinOp": {
      const a = foldConst(e.left, consts), b = foldConst(e.right, consts);
      if (a === null || b === null) return null;
      if (a.type === "int" && b.type === "int") {
        if (e.op === "/" || (e.op === "**" && BigInt(b.value) < 0n)) return foldFloatOp(e.op, Number(a.value), Number(b.value));
        const r = foldIntOp(e.op, BigInt(a.value), BigInt(b.value));
        return r === null ? null : intValue(r);
      }
      const x = numberOf(a), y = numberOf(b);
      return x === null || y === null ? null : foldFloatOp(e.op, x, y);
    }
    default:
      return null;
  }
}

function foldIntOp(op: A.BinaryOperator, x: bigint, y: bigint): bigint | null {
  switch (op) {
    case "+": return x + y;
    case "-": return x - y;
    case "*": return x * y;
    case "&": return x & y;
    case "|": return x | y;
    case "^": return x ^ y;
    case "<<": return y < 0n ? null : x << y;
    case ">>": return y < 0n ? null : x >> y;
    case "**": return y < 0n ? null : x ** y;
    case "//":
    case "%": {
      if (y === 0n) return null;
      let q = x / y;
      if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
      return op === "//" ? q : x - q * y;
    }
    default:
      return null;
  }
}

const MATH_CONSTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity, nan: NaN };

/** An int or float constant as a JS number, or null. */
function numberOf(v: A.ConstantValue): number | null {
  return v.type === "float" ? v.value : v.type === "int" ? Number(v.value) : null;
}

/** Float arithmetic MicroPython folds at compile time (+ - * / **), or null to leave it. */
function foldFloatOp(op: A.BinaryOperator, x: number, y: number): A.ConstantValue | null {
  let r: number;
  switch (op) {
    case "+": r = x + y; break;
    case "-": r = x - y; break;
    case "*": r = x * y; break;
    case "/": if (y === 0) return null; r = x / y; break;
    case "**": if (x === 0 && y < 0) return null; r = x ** y; break;
    default: return null;
  }
  return Number.isFinite(r) ? { type: "float", value: r } : null;
}

function intValue(r: bigint): A.ConstantValue {
  const n = Number(r);
  return { type: "int", value: Number.isSafeInteger(n) ? n : r };
}

// ---------------------------------------------------------------- small helpers

function isConstant(e: A.Expr): boolean {
  if (e.kind === "Constant") return true;
  if (e.kind === "UnaryOp" && e.op === "-" && e.operand.kind === "Constant") {
    const t = e.operand.value.type;
    return t === "int" || t === "float";
  }
  return e.kind === "Tuple" && e.elts.every(isConstant);
}

/** A literal (or hoisted constant): never changes while other code runs. */
function isLiteral(code: string): boolean {
  return /^(?:-?\d|"|true$|false$|\$c\d+$|\$None$)/.test(code);
}

/** A hoisted constant (float, complex, tuple, bytes, slice), a string or None literal. */
function isNonIntConst(code: string): boolean {
  return /^(?:\$c\d+|\$None)$/.test(code) || (code.startsWith('"') && code.endsWith('"'));
}

/** The value of a small int literal, else null. */
function intConst(e: A.Expr): number | null {
  if (e.kind === "Constant" && e.value.type === "int" && typeof e.value.value === "number") return e.value.value;
  return null;
}

function floatLiteral(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "1/0";
  if (v === -Infinity) return "-1/0";
  if (Object.is(v, -0)) return "-0";
  return String(v);
}

/** Wraps a numeric literal so `.name` can follow it. */
function member(code: string): string {
  return /^-?\d/.test(code) ? `(${code})` : code;
}

/** Is e a call of the builtin super (zero-arg or explicit)? */
function isSuperCall(e: A.Expr, g: ExprGen): boolean {
  return e.kind === "Call" && e.func.kind === "Name" && e.func.id === "super" && g.ctx.scope.resolve("super") === "global";
}
