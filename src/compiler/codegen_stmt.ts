// Code generation for statements. Every Python statement starts a new line of JS (so tracebacks
// can name its line); compound statements become the matching JS statements:
//   for x in it:  → exact lists/tuples by index, anything else through $getIter/$iterNext
//                   (seqLoopHead); `for i in range(...)` as a counting loop (rangeLoop)
//   try/except    → try { ... } catch ($e) { $e = $toPyExc($e); if ($excMatch($e, T)) {...} }
//   with          → __enter__, then try/catch/finally calling __exit__ exactly as Python does
// A loop with an `else` clause sits in a labelled block that `break` leaves.

import type * as A from "./ast.ts";
import { assertNever } from "./ast.ts";
import { jsString, mangle, isSimple } from "./emitter.ts";
import { ExprGen, BINOP_HELPER, foldConst } from "./codegen_expr.ts";

export type Mode = "exec" | "eval" | "single";

export abstract class StmtGen extends ExprGen {
  abstract readonly mode: Mode;
  private labelCount = 0;

  abstract functionDef(s: A.FunctionDef): void;
  abstract classDef(s: A.ClassDef): void;

  stmts(body: readonly A.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  /** Compiles a nested body at one more level of indentation. */
  protected indented(f: () => void): void {
    this.ctx.block.depth++;
    f();
    this.ctx.block.depth--;
  }

  protected intrCheck(): void {
    // A truth test (no compare with feedback): the flag is an Int32Array element.
    this.emit(`if (${this.h("intr")}[0]) ${this.h("checkIntr")}();`);
  }

  stmt(s: A.Stmt): void {
    const ctx = this.ctx;
    const m = ctx.mark();
    this.stmtKind(s);
    ctx.reset(m);
  }

  private stmtKind(s: A.Stmt): void {
    this.line = s.loc.line;
    switch (s.kind) {
      case "Expr":
        this.exprStmt(s);
        return;
      case "Assign":
        this.assign(s.targets, s.value);
        return;
      case "AugAssign":
        this.augAssign(s);
        return;
      case "AnnAssign":
        if (s.value !== null) this.assign([s.target], s.value);
        return;
      case "Delete":
        for (const t of s.targets) this.del(t);
        return;
      case "Pass":
        return;
      case "Break": {
        const lbl = this.ctx.loopBreak[this.ctx.loopBreak.length - 1];
        this.emit(lbl ? `break ${lbl};` : "break;");
        return;
      }
      case "Continue":
        this.emit("continue;");
        return;
      case "Return":
        this.emit(`return ${s.value === null ? this.h("None") : this.expr(s.value)};`);
        return;
      case "Raise":
        this.raise(s);
        return;
      case "Global":
      case "Nonlocal":
        return;
      case "Assert": {
        const msg = s.msg === null ? "" : this.expr(s.msg);
        this.emit(`if (!${this.test(s.test)}) throw ${this.h("assertFail")}(${msg});`);
        return;
      }
      case "Import":
        for (const al of s.names) this.importName(al);
        return;
      case "ImportFrom":
        this.importFrom(s);
        return;
      case "If":
        this.ifStmt(s);
        return;
      case "While":
        this.whileStmt(s);
        return;
      case "For":
        if (s.isAsync) this.asyncFor(s);
        else this.forStmt(s);
        return;
      case "Try":
        this.tryStmt(s);
        return;
      case "With":
        this.withItems(s, 0);
        return;
      case "FunctionDef":
        this.functionDef(s);
        return;
      case "ClassDef":
        this.classDef(s);
        return;
      default:
        assertNever(s);
    }
  }

  private exprStmt(s: A.ExprStmt): void {
    const v = this.expr(s.value);
    if (this.mode === "single" && this.ctx.scope.kind === "module") this.emit(`${this.h("displayHook")}(${v});`);
    else if (s.value.kind === "Constant") return;
    else this.emit(`${v};`);
  }

  // ------------------------------------------------------------ assignment

  /** Values of MicroPython constants, for folding later const() arguments. */
  private readonly constValues = new Map<string, A.ConstantValue>();

  /**
   * MicroPython's `NAME = const(value)`: the name becomes a compile-time constant (replaced by
   * its value wherever it is read); a name starting with `_` is not stored at all.
   */
  private constAssign(t: A.Name, v: A.Call): boolean {
    if (v.func.kind !== "Name" || v.func.id !== "const" || v.args.length !== 1 || v.keywords.length > 0) return false;
    if (this.mpConsts.has(t.id)) throw this.error("can't assign to expression", t.loc);
    const arg = v.args[0];
    const c = foldConst(arg, this.constValues);
    let code: string;
    if (c !== null) {
      this.constValues.set(t.id, c);
      code = this.constant(c);
    } else if (arg.kind === "Tuple" && arg.elts.every((e) => this.isConstTuplePart(e))) {
      code = this.hoist(`${this.h("mkTuple")}([${arg.elts.map((e) => this.expr(e)).join(", ")}])`);
    } else {
      throw this.error("not a constant", v.loc);
    }
    if (!t.id.startsWith("_")) this.emit(`${this.storeName(t.id, code)};`);
    this.mpConsts.set(t.id, code);
    return true;
  }

  private isConstTuplePart(e: A.Expr): boolean {
    if (foldConst(e, this.constValues) !== null) return true;
    if (e.kind === "Name") return this.mpConsts.has(e.id);
    return e.kind === "Tuple" && e.elts.every((x) => this.isConstTuplePart(x));
  }

  private assign(targets: readonly A.Expr[], valueE: A.Expr): void {
    if (targets.length === 1) {
      const t = targets[0];
      if (t.kind === "Name" && valueE.kind === "Call" && this.constAssign(t, valueE)) return;
      if (t.kind === "Name") {
        this.emit(`${this.storeName(t.id, this.expr(valueE))};`);
        return;
      }
      if ((t.kind === "Tuple" || t.kind === "List") && (valueE.kind === "Tuple" || valueE.kind === "List") && sameShape(t.elts, valueE.elts)) {
        // a, b = b, a: evaluate every value, then assign left to right (no tuple is built).
        const vals = valueE.elts.map((e) => {
          const tmp = this.ctx.temp();
          this.emit(`${tmp} = ${this.expr(e)};`);
          return tmp;
        });
        t.elts.forEach((el, i) => this.assignTo(el, vals[i]));
        this.ctx.release(...vals);
        return;
      }
    }
    let v = this.expr(valueE);
    let tmp: string | null = null;
    if (!isSimple(v) || targets.length > 1) {
      tmp = this.ctx.temp();
      this.emit(`${tmp} = ${v};`);
      v = tmp;
    }
    for (const t of targets) this.assignTo(t, v);
    this.ctx.release(tmp);
  }

  /** Emits the store of an already-evaluated value `v` (simple: an identifier) into target t. */
  assignTo(t: A.Expr, v: string): void {
    switch (t.kind) {
      case "Name":
        this.emit(`${this.storeName(t.id, v)};`);
        return;
      case "Attribute":
        this.emit(this.storeAttrStmt(this.expr(t.value), t.attr, v));
        return;
      case "Subscript": {
        if (t.index.kind === "Slice") {
          this.emit(`${this.h("setSlice")}(${this.expr(t.value)}, ${this.sliceParts(t.index)}, ${v});`);
          return;
        }
        const [o, oFirst, ot] = this.once(this.expr(t.value));
        const [k, kFirst, kt] = this.once(this.expr(t.index));
        if (oFirst !== o) this.emit(`${oFirst};`);
        if (kFirst !== k) this.emit(`${kFirst};`);
        this.emit(this.setItemStmt(o, k, v));
        if (ot !== null) this.ctx.release(ot);
        if (kt !== null) this.ctx.release(kt);
        return;
      }
      case "Tuple":
      case "List":
        this.unpackTo(t.elts, v);
        return;
      case "Starred":
        throw this.error("*x must be assignment target", t.loc);
      default:
        throw this.error("can't assign to expression", t.loc);
    }
  }

  private unpackTo(elts: readonly A.Expr[], v: string): void {
    const star = elts.findIndex((e) => e.kind === "Starred");
    const u = this.ctx.temp();
    if (star < 0) this.emit(`${u} = ${this.h("unpack")}(${v}, ${elts.length});`);
    else this.emit(`${u} = ${this.h("unpackStar")}(${v}, ${star}, ${elts.length - star - 1});`);
    elts.forEach((el, i) => {
      const target = el.kind === "Starred" ? el.value : el;
      if (target.kind === "Name") {
        this.emit(`${this.storeName(target.id, `${u}[${i}]`)};`);
        return;
      }
      const x = this.ctx.temp();
      this.emit(`${x} = ${u}[${i}];`);
      this.assignTo(target, x);
      this.ctx.release(x);
    });
    this.ctx.release(u);
  }

  private augAssign(s: A.AugAssign): void {
    const helper = "i" + BINOP_HELPER[s.op];
    const t = s.target;
    if (t.kind === "Name") {
      const generic = () => this.binOp(s.op, this.loadName(t.id), s.value, helper);
      this.emit(`${this.storeName(t.id, this.floatAugOp(t, s.op, s.value, generic) ?? generic())};`);
      return;
    }
    if (t.kind === "Attribute") {
      const o = this.ctx.temp();
      this.emit(`${o} = ${this.expr(t.value)};`);
      const generic = () => this.binOp(s.op, this.loadAttr(o, t.attr), s.value, helper);
      // With a plain name as the object, the float tree reads name.attr itself (same object).
      const nv = (t.value.kind === "Name" ? this.floatAugOp(t, s.op, s.value, generic) : null) ?? generic();
      const v = this.ctx.temp();
      this.emit(`${v} = ${nv};`);
      this.emit(this.storeAttrStmt(o, t.attr, v));
      this.ctx.release(o, v);
      return;
    }
    if (t.kind === "Subscript") {
      const o = this.ctx.temp();
      const k = this.ctx.temp();
      this.emit(`${o} = ${this.expr(t.value)}; ${k} = ${this.expr(t.index)};`);
      const nv = this.binOp(s.op, `${this.h("getItem")}(${o}, ${k})`, s.value, helper);
      const simple = s.value.kind === "Constant" || s.value.kind === "Name";
      const ix = t.index;
      // (not for slices, or constants that are not non-negative ints: `d["k"] += 1`, `a[-1] *= 2`)
      const intIndex = ix.kind === "Constant" ? ix.value.type === "int" && Number(ix.value.value) >= 0 : ix.kind !== "Slice" && ix.kind !== "UnaryOp";
      if (intIndex && simple) {
        // `a[i] op= v` on an exact list with an index in range (cycles[i] -= 1): element read
        // and written in place; the store re-checks the length (an __iop__ may shrink the list).
        const v = this.ctx.temp();
        const fast = this.binOp(s.op, `${o}.$a[${k}]`, s.value, helper);
        this.emit(`if (${o}.$cls === ${this.h("listT")} && typeof ${k} === "number" && ${k} >= 0 && ${k} < ${o}.$a.length) { ${v} = ${fast}; if (${k} < ${o}.$a.length) ${o}.$a[${k}] = ${v}; else ${this.h("setItem")}(${o}, ${k}, ${v}); }`);
        this.emit(`else ${this.h("setItem")}(${o}, ${k}, ${nv});`);
        this.ctx.release(o, k, v);
        return;
      }
      this.emit(`${this.h("setItem")}(${o}, ${k}, ${nv});`);
      this.ctx.release(o, k);
      return;
    }
    throw this.error("can't assign to expression", t.loc);
  }

  private del(t: A.Expr): void {
    switch (t.kind) {
      case "Name":
        this.delName(t.id, true);
        return;
      case "Attribute":
        this.emit(`${this.h("delAttr")}(${this.expr(t.value)}, ${jsString(t.attr)});`);
        return;
      case "Subscript":
        this.emit(`${this.h("delItem")}(${this.expr(t.value)}, ${this.expr(t.index)});`);
        return;
      case "Tuple":
      case "List":
        for (const e of t.elts) this.del(e);
        return;
      default:
        throw this.error("can't delete expression", t.loc);
    }
  }

  /** `del name`, or the implicit unbinding at the end of `except E as name` (no check). */
  protected delName(id: string, check: boolean): void {
    const q = jsString(id);
    switch (this.ctx.scope.resolve(id)) {
      case "local":
      case "free": {
        const js = mangle(id);
        if (check) this.emit(`if (${js} === undefined) ${this.h("unboundLocal")}(${q});`);
        this.emit(`${js} = undefined;`);
        this.ctx.assigned.delete(id);
        return;
      }
      case "global":
        if (check) this.emit(`if (!Object.hasOwn($g, ${q})) ${this.h("nameError")}(${q});`);
        this.emit(`delete $g.${id};`);
        return;
      default:
        if (check) this.emit(`if (!Object.hasOwn($ns, ${q})) ${this.h("nameError")}(${q});`);
        this.emit(`delete $ns.${id};`);
    }
  }

  // ------------------------------------------------------------ raise, import

  private raise(s: A.Raise): void {
    if (s.exc === null) {
      this.emit(`throw ${this.h("reraise")}();`);
      return;
    }
    const x = this.expr(s.exc);
    const cause = s.cause === null ? "" : `, ${this.expr(s.cause)}`;
    this.emit(`throw ${this.h("mkRaise")}(${x}${cause});`);
  }

  private importName(al: A.Alias): void {
    const imp = `${this.h("importName")}(${jsString(al.name)}, null, 0, $g)`;
    if (al.asname === null) {
      this.emit(`${this.storeName(al.name.split(".")[0], imp)};`);
      return;
    }
    // import a.b.c as d binds the submodule: walk the attributes from the top package.
    let v = imp;
    for (const part of al.name.split(".").slice(1)) v = `${this.h("loadAttr")}(${v}, ${jsString(part)})`;
    this.emit(`${this.storeName(al.asname, v)};`);
  }

  private importFrom(s: A.ImportFrom): void {
    const mod = jsString(s.module ?? "");
    const names = s.names.map((a) => jsString(a.name)).join(", ");
    const imp = `${this.h("importName")}(${mod}, [${names}], ${s.level}, $g)`;
    if (s.names.length === 1 && s.names[0].name === "*") {
      this.emit(`${this.h("importStar")}(${imp}, $g);`);
      return;
    }
    const m = this.ctx.temp();
    this.emit(`${m} = ${imp};`);
    for (const al of s.names) {
      this.emit(`${this.storeName(al.asname ?? al.name, `${this.h("importFrom")}(${m}, ${jsString(al.name)})`)};`);
    }
    this.ctx.release(m);
  }

  // ------------------------------------------------------------ control flow

  private ifStmt(s: A.If): void {
    const entry = new Set(this.ctx.assigned);
    this.emit(`if (${this.test(s.test)}) {`);
    const afterTest = new Set(this.ctx.assigned);
    this.indented(() => this.stmts(s.body));
    const afterBody = this.ctx.assigned;
    this.ctx.assigned = new Set(afterTest);
    let s2: A.If = s;
    // elif chains print as `} else if (...) {` at the elif's own line.
    while (s2.orelse.length === 1 && s2.orelse[0].kind === "If") {
      const e = s2.orelse[0];
      this.line = e.loc.line;
      this.emit(`} else if (${this.test(e.test)}) {`);
      const t = new Set(this.ctx.assigned);
      this.indented(() => this.stmts(e.body));
      intersect(afterBody, this.ctx.assigned);
      this.ctx.assigned = t;
      s2 = e;
    }
    if (s2.orelse.length > 0) {
      this.emit("} else {");
      this.indented(() => this.stmts(s2.orelse));
    }
    intersect(afterBody, this.ctx.assigned);
    this.emit("}");
    for (const n of entry) afterBody.add(n);
    this.ctx.assigned = afterBody;
  }

  /** Opens the labelled block of a loop with `else`; returns the label (or null). */
  private loopStart(orelse: readonly A.Stmt[]): string | null {
    const lbl = orelse.length > 0 ? `$L${this.labelCount++}` : null;
    if (lbl !== null) this.emit(`${lbl}: {`);
    this.ctx.loopBreak.push(lbl);
    return lbl;
  }

  private loopEnd(lbl: string | null, orelse: readonly A.Stmt[], entry: Set<string>): void {
    this.ctx.loopBreak.pop();
    this.ctx.assigned = new Set(entry);
    if (lbl === null) return;
    this.stmts(orelse);
    this.ctx.assigned = new Set(entry);
    this.emit("}");
  }

  private whileStmt(s: A.While): void {
    const lbl = this.loopStart(s.orelse);
    const body = () => {
      this.intrCheck();
      this.stmts(s.body);
    };
    const t = this.test(s.test);
    const entry = new Set(this.ctx.assigned);
    this.emit(t === "true" ? "for (;;) {" : `while (${t}) {`);
    this.indented(body);
    this.line = s.loc.line;
    this.emit("}");
    this.loopEnd(lbl, s.orelse, entry);
  }

  private forStmt(s: A.For): void {
    const lbl = this.loopStart(s.orelse);
    if (!this.rangeLoop(s)) {
      const src = this.ctx.temp();
      this.emit(`${src} = ${this.expr(s.iter)};`);
      const v = this.seqLoopHead(src, null);
      const entry = new Set(this.ctx.assigned);
      this.indented(() => {
        this.intrCheck();
        this.assignTo(s.target, v);
        this.ctx.release(v);
        this.stmts(s.body);
      });
      this.line = s.loc.line;
      this.emit("}");
      this.loopEnd(lbl, s.orelse, entry);
    } else {
      this.loopEnd(lbl, s.orelse, this.ctx.assigned);
    }
  }

  /**
   * Opens `for (;;) {` over the value in temp `src` and emits the step that puts the next item
   * in the returned temp or leaves the loop: exact lists and tuples by index (fastiter.ts),
   * anything else through its iterator. With `iter` set, `src` already holds what seqIter gave
   * (a comprehension's first iterable): the sequence itself or an iterator.
   */
  protected seqLoopHead(src: string, iter: "seqIter" | null): string {
    const s = this.ctx.temp(), it = this.ctx.temp(), i = this.ctx.temp(), v = this.ctx.temp();
    const init = iter === null ? `${this.h("getIter")}(${src})` : src;
    // `s` then holds the sequence's item array itself (a list keeps its array for life): one
    // property load less per step before V8 optimises the loop.
    this.emit(`${s} = ${this.h("seqOf")}(${src}); ${it} = ${s} === null ? ${init} : (${s} = ${s}.$a, null); ${i} = 0;`);
    this.emit("for (;;) {");
    this.emit(`  if (${it} === null) { if (${i} >= ${s}.length) break; ${v} = ${s}[${i}++]; } else if ((${v} = ${this.h("iterNext")}(${it})) === ${this.h("STOP")}) break;`);
    return v;
  }

  /**
   * `for i in range(...)` when `range` is the builtin and the bounds are JS numbers: a counting
   * loop; otherwise the same loop body runs on the general iterator (one body, no duplication).
   */
  private rangeLoop(s: A.For): boolean {
    if (this.reversedRangeLoop(s)) return true;
    const c = s.iter;
    const step = this.rangeStep(c);
    if (step === 0 || c.kind !== "Call") return false;
    const f = this.ctx.temp(), i = this.ctx.temp(), e = this.ctx.temp(), it = this.ctx.temp(), v = this.ctx.temp();
    const args = c.args.length === 1 ? ["0", this.expr(c.args[0])] : [this.expr(c.args[0]), this.expr(c.args[1])];
    this.emit(`${f} = ${this.loadName("range")}; ${i} = ${args[0]}; ${e} = ${args[1]};`);
    const call = `${this.h("call")}(${f}, [${c.args.length === 1 ? e : `${i}, ${e}`}${c.args.length === 3 ? `, ${step}` : ""}], null)`;
    this.emit(`${it} = ${f}.$user === false && ${f}.$name === "range" && typeof ${i} === "number" && typeof ${e} === "number" ? null : ${this.h("getIter")}(${call});`);
    const entry = new Set(this.ctx.assigned);
    this.emit("for (;;) {");
    this.indented(() => {
      const done = step > 0 ? `${i} >= ${e}` : `${i} <= ${e}`;
      this.emit(`if (${it} === null) { if (${done}) break; ${v} = ${i}; ${i} += ${step}; } else if ((${v} = ${this.h("iterNext")}(${it})) === ${this.h("STOP")}) break;`);
      this.intrCheck();
      this.assignTo(s.target, v);
      this.ctx.release(v);
      this.stmts(s.body);
    });
    this.line = s.loc.line;
    this.emit("}");
    this.ctx.release(f, i, e, it);
    this.ctx.assigned = entry;
    return true;
  }

  /**
   * For `range(a[, b[, k]])` with the global name range and a constant nonzero step k: the step
   * (1 if absent), which a counting loop can use when range is the builtin; else 0.
   */
  protected rangeStep(c: A.Expr): number {
    if (c.kind !== "Call" || c.func.kind !== "Name" || c.func.id !== "range" || c.keywords.length > 0) return 0;
    if (this.ctx.scope.resolve("range") !== "global" || c.args.some((a) => a.kind === "Starred")) return 0;
    if (c.args.length < 1 || c.args.length > 3) return 0;
    if (c.args.length < 3) return 1;
    const st = c.args[2];
    const n = st.kind === "Constant" && st.value.type === "int" ? st.value.value : st.kind === "UnaryOp" && st.op === "-" && st.operand.kind === "Constant" && st.operand.value.type === "int" ? -st.operand.value.value : 0;
    return typeof n === "number" ? n : 0;
  }

  /** `for i in reversed(range(a[, b]))` with builtin reversed and range: counts down like rangeLoop. */
  private reversedRangeLoop(s: A.For): boolean {
    const r = s.iter;
    if (r.kind !== "Call" || r.func.kind !== "Name" || r.func.id !== "reversed" || r.keywords.length > 0 || r.args.length !== 1) return false;
    const c = r.args[0];
    if (c.kind !== "Call" || c.func.kind !== "Name" || c.func.id !== "range" || c.keywords.length > 0) return false;
    if (this.ctx.scope.resolve("range") !== "global" || this.ctx.scope.resolve("reversed") !== "global") return false;
    if (c.args.length < 1 || c.args.length > 2 || c.args.some((a) => a.kind === "Starred")) return false;
    const g = this.ctx.temp(), f = this.ctx.temp(), i = this.ctx.temp(), e = this.ctx.temp(), it = this.ctx.temp(), v = this.ctx.temp();
    this.emit(`${g} = ${this.loadName("reversed")}; ${f} = ${this.loadName("range")};`);
    const args = c.args.length === 1 ? ["0", this.expr(c.args[0])] : [this.expr(c.args[0]), this.expr(c.args[1])];
    this.emit(`${i} = ${args[0]}; ${e} = ${args[1]};`);
    const call = `${this.h("call")}(${g}, [${this.h("call")}(${f}, [${c.args.length === 1 ? e : `${i}, ${e}`}], null)], null)`;
    const fast = `${g}.$user === false && ${g}.$name === "reversed" && ${f}.$user === false && ${f}.$name === "range"`;
    this.emit(`${it} = ${fast} && typeof ${i} === "number" && typeof ${e} === "number" ? null : ${this.h("getIter")}(${call});`);
    const entry = new Set(this.ctx.assigned);
    this.emit("for (;;) {");
    this.indented(() => {
      // The stop bound counts down to the start: the items are e-1, e-2, ..., i.
      this.emit(`if (${it} === null) { if (${e} <= ${i}) break; ${e} -= 1; ${v} = ${e}; } else if ((${v} = ${this.h("iterNext")}(${it})) === ${this.h("STOP")}) break;`);
      this.intrCheck();
      this.assignTo(s.target, v);
      this.ctx.release(v);
      this.stmts(s.body);
    });
    this.line = s.loc.line;
    this.emit("}");
    this.ctx.release(g, f, i, e, it);
    this.ctx.assigned = entry;
    return true;
  }

  private asyncFor(s: A.For): void {
    const lbl = this.loopStart(s.orelse);
    const it = this.ctx.temp();
    const v = this.ctx.temp();
    this.emit(`${it} = ${this.h("callMethod")}(${this.expr(s.iter)}, "__aiter__", [], null);`);
    const entry = new Set(this.ctx.assigned);
    this.emit("for (;;) {");
    this.indented(() => {
      this.emit(`try { ${v} = yield* ${this.h("awaitable")}(${this.h("callMethod")}(${it}, "__anext__", [], null)); }`);
      this.emit(`catch ($e) { $e = ${this.h("toPyExc")}($e); if ($e.$cls.$name === "StopAsyncIteration") break; throw $e; }`);
      this.intrCheck();
      this.assignTo(s.target, v);
      this.ctx.release(v);
      this.stmts(s.body);
    });
    this.emit("}");
    this.ctx.release(it);
    this.loopEnd(lbl, s.orelse, entry);
  }

  // ------------------------------------------------------------ try

  private tryStmt(s: A.Try): void {
    const entry = new Set(this.ctx.assigned);
    const fin = s.finalbody.length > 0;
    if (fin) this.emit("try {");
    this.indented(() => {
      if (s.handlers.length === 0) {
        this.stmts(s.body);
        return;
      }
      const ok = s.orelse.length > 0 ? this.ctx.temp() : null;
      if (ok !== null) this.emit(`${ok} = false;`);
      this.emit("try {");
      this.indented(() => {
        this.stmts(s.body);
        if (ok !== null) this.emit(`${ok} = true;`);
      });
      const afterBody = this.ctx.assigned;
      this.line = s.loc.line;
      this.emit("} catch ($e) {");
      const ends = this.handlers(s.handlers, entry, s.loc.line);
      this.emit("}");
      this.ctx.assigned = afterBody;
      if (ok !== null) {
        this.emit(`if (${ok}) {`);
        this.indented(() => this.stmts(s.orelse));
        this.emit("}");
        this.ctx.release(ok);
      }
      for (const e of ends) intersect(this.ctx.assigned, e);
    });
    if (fin) {
      const normal = this.ctx.assigned;
      this.ctx.assigned = new Set(entry);
      this.emit("} finally {");
      this.indented(() => this.stmts(s.finalbody));
      for (const n of normal) this.ctx.assigned.add(n);
      this.emit("}");
    }
  }

  /** The body of the catch block: test each handler in order; returns their end states. */
  private handlers(hs: readonly A.ExceptHandler[], entry: Set<string>, tryLine: number): Set<string>[] {
    const ends: Set<string>[] = [];
    // The catch site for tracebacks (runtime/traceback.ts CatchSite): this function's name and
    // the lines of the try body, hoisted as one constant object.
    const site = this.hoist(`{name: ${jsString(this.ctx.block.name)}, lo: ${tryLine}, hi: ${hs[0].loc.line - 1}}`);
    this.indented(() => {
      this.emit(`$e = ${this.h("toPyExc")}($e);`);
      hs.forEach((h, i) => {
        this.line = h.loc.line;
        this.ctx.assigned = new Set(entry);
        const cond = h.type === null ? null : `${this.h("excMatch")}($e, ${this.expr(h.type)})`;
        if (cond === null) this.emit(i === 0 ? "{" : "} else {");
        else this.emit(i === 0 ? `if (${cond}) {` : `} else if (${cond}) {`);
        this.indented(() => this.handlerBody(h, site));
        ends.push(this.ctx.assigned);
      });
      if (hs[hs.length - 1].type !== null) {
        this.emit("} else {");
        this.emit("  throw $e;");
      }
      this.emit("}");
    });
    return ends;
  }

  private handlerBody(h: A.ExceptHandler, site: string): void {
    this.emit(`${this.h("pushExc")}($e, ${site});`);
    this.emit("try {");
    this.indented(() => {
      if (h.name !== null) this.emit(`${this.storeName(h.name, "$e")};`);
      this.stmts(h.body);
    });
    this.line = h.loc.line;
    this.emit("} finally {");
    this.indented(() => {
      this.emit(`${this.h("popExc")}();`);
      if (h.name !== null) this.delName(h.name, false);
    });
    this.emit("}");
  }

  // ------------------------------------------------------------ with

  private withItems(s: A.With, i: number): void {
    if (i === s.items.length) {
      this.stmts(s.body);
      return;
    }
    const item = s.items[i];
    this.line = s.loc.line;
    const aw = (x: string) => (s.isAsync ? `(yield* ${this.h("awaitable")}(${x}))` : x);
    const m = this.ctx.temp(), exit = this.ctx.temp(), ok = this.ctx.temp();
    const [enter, exitName] = s.isAsync ? ["__aenter__", "__aexit__"] : ["__enter__", "__exit__"];
    this.emit(`${m} = ${this.expr(item.contextExpr)};`);
    this.emit(`${exit} = ${this.h("loadAttr")}(${m}, "${exitName}");`);
    const entered = aw(`${this.h("callMethod")}(${m}, "${enter}", [], null)`);
    let v: string | null = null;
    if (item.optionalVars !== null) {
      v = this.ctx.temp();
      this.emit(`${v} = ${entered};`);
    } else this.emit(`${entered};`);
    this.ctx.release(m);
    this.emit(`${ok} = true;`);
    this.emit("try {");
    this.indented(() => {
      if (item.optionalVars !== null) this.assignTo(item.optionalVars, v!);
      this.ctx.release(v);
      this.withItems(s, i + 1);
    });
    const None = this.h("None");
    this.line = s.loc.line;
    this.emit("} catch ($e) {");
    this.indented(() => {
      this.emit(`${ok} = false; $e = ${this.h("toPyExc")}($e);`);
      const r = aw(`${this.h("call")}(${exit}, [${this.h("loadAttr")}($e, "__class__"), $e, ${None}], null)`);
      this.emit(`if (!${this.h("isTrue")}(${r})) throw $e;`);
    });
    this.emit("} finally {");
    this.emit(`  if (${ok}) ${aw(`${this.h("call")}(${exit}, [${None}, ${None}, ${None}], null)`)};`);
    this.emit("}");
    this.ctx.release(exit, ok);
  }
}

function sameShape(a: readonly A.Expr[], b: readonly A.Expr[]): boolean {
  return a.length === b.length && !a.some((e) => e.kind === "Starred") && !b.some((e) => e.kind === "Starred");
}

/** a := a ∩ b */
function intersect(a: Set<string>, b: Set<string>): void {
  for (const n of a) if (!b.has(n)) a.delete(n);
}
