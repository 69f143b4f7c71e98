// The code generator: Python AST (with its scopes) → the body of a JS function
// `new Function("$rt", "$g", body)`. This file holds the unit's layout and everything that makes
// a new JS function: def, lambda, class bodies, comprehensions, generators. Expressions are in
// codegen_expr.ts, statements in codegen_stmt.ts, the line-tagged output in emitter.ts.
//
// Layout of a unit:
//   const $add = $rt.add, ...;        the helpers it uses (helpers.ts is the contract)
//   const $c0 = $mkFloat(1.5), ...;   constants created once
//   let $t0, ...;                     temporaries
//   ...statements...                  module globals are properties of $g
//
// A Python function becomes
//   $mkFunction(function $fn(a, b) { let locals; <prologue>; ...; return $None; }, "f", "f",
//               ["a", "b"], posonly, [defaults], [kwonly], [kwDefaults], flags)
// Its prologue fills defaults of parameters that arrive `undefined` (direct calls pass fewer
// arguments) and sends calls that cannot be bound directly (a required argument missing, or
// *args/**kwargs/keyword-only parameters not supplied) back through the general binder
// `$call($fn, [positionals], null)`, which raises the right TypeError or calls again with
// every parameter bound. A generator function returns `$mkGen(function* () {...}(), name)`.

import type * as A from "./ast.ts";
import { jsString, mangle, type Line } from "./emitter.ts";
import { FnCtx } from "./codegen_expr.ts";
import { StmtGen, type Mode } from "./codegen_stmt.ts";
import type { Scope, ScopeInfo } from "./scope.ts";

/** V8 puts two lines before the body of `new Function` code: `function anonymous($rt,$g\n) {`. */
export const BODY_LINE_OFFSET = 2;

export interface GeneratedCode {
  /** The function body. */
  js: string;
  /** lines[n] = Python line of JS line n as V8 numbers them (1-based, counting the wrapper). */
  lines: number[];
  names: string[];
}

const FN_VARARGS = 1, FN_VARKW = 2, FN_GEN = 4, FN_ASYNC = 8;

export class Codegen extends StmtGen {
  private cellCount = 0;

  constructor(filename: string, info: ScopeInfo, readonly mode: Mode) {
    super(filename, info);
  }

  generate(mod: A.Module): GeneratedCode {
    const ctx = new FnCtx(this.info.module, null, "<module>");
    this.ctx = ctx;
    ctx.declLine = ctx.block.add("", 0);
    if (this.mode === "eval") {
      const st = mod.body[0] as A.ExprStmt;
      this.line = st.loc.line;
      this.emit(`return ${this.expr(st.value)};`);
    } else {
      this.stmts(mod.body);
    }
    this.finishDecls(ctx, []);
    // The header: helper bindings and constants, then the body.
    const header: Line[] = [];
    const hs = [...this.helpers].sort();
    if (hs.length > 0) header.push(headerLine(`var ${hs.map((n) => `$${n} = $rt.${n}`).join(", ")};`));
    if (this.consts.length > 0) header.push(headerLine(`var ${this.consts.map(([n, c]) => `${n} = ${c}`).join(", ")};`));
    ctx.block.lines.unshift(...header);
    const out = this.blocks.print(ctx.block);
    const lines: number[] = new Array(BODY_LINE_OFFSET + 1).fill(0);
    const names: string[] = new Array(BODY_LINE_OFFSET + 1).fill("");
    for (let i = 0; i < out.text.length; i++) {
      lines.push(out.py[i]);
      names.push(out.names[i]);
    }
    return { js: out.text.join("\n"), lines, names };
  }

  /** Fills the `let` line of a finished function with its locals and temporaries. */
  private finishDecls(ctx: FnCtx, locals: string[]): void {
    const all = [...locals.map(mangle), ...ctx.tempNames()];
    if (ctx.declLine !== null) ctx.declLine.text = all.length > 0 ? `var ${all.join(", ")};` : "";
    if (ctx.declLine !== null && all.length === 0) {
      const i = ctx.block.lines.indexOf(ctx.declLine);
      if (i >= 0) ctx.block.lines.splice(i, 1);
    }
  }

  /** Names of enclosing functions certainly bound whenever a function defined here runs. */
  private closureSafeFor(outer: FnCtx): Set<string> {
    const safe = new Set(outer.closureSafe);
    if (outer.scope.isFunction) {
      for (const n of outer.scope.bound) if (outer.scope.resolve(n) === "local") safe.delete(n);
      for (const n of outer.assigned) if (!outer.scope.deleted.has(n)) safe.add(n);
    }
    return safe;
  }

  /** Runs `f` with a new function context; returns the context (its block holds the body). */
  private withCtx(scope: Scope, f: (ctx: FnCtx) => void): FnCtx {
    const outer = this.ctx;
    const outerLine = this.line;
    const ctx = new FnCtx(scope, outer, scope.name);
    ctx.closureSafe = this.closureSafeFor(outer);
    this.ctx = ctx;
    try {
      f(ctx);
    } finally {
      this.ctx = outer;
      this.line = outerLine;
    }
    return ctx;
  }

  // ------------------------------------------------------------ functions

  functionDef(s: A.FunctionDef): void {
    const scope = this.scopeOf(s);
    const fn = this.functionExpr(scope, s.args, () => this.stmts(s.body), s.loc.line);
    const decorated = this.decorate(s.decorators, fn);
    this.line = s.loc.line;
    this.emit(`${this.storeName(s.name, decorated)};`);
  }

  lambda(e: A.Lambda): string {
    const scope = this.scopeOf(e);
    return this.functionExpr(scope, e.args, () => {
      this.line = e.body.loc.line;
      this.emit(`return ${this.expr(e.body)};`);
    }, e.loc.line);
  }

  /** Applies decorators bottom-up; each decorator expression was evaluated first, in order. */
  private decorate(decorators: readonly A.Expr[], value: string): string {
    decorators = decorators.filter((d) => !this.isCodeEmitterDecorator(d));
    if (decorators.length === 0) return value;
    const ds = decorators.map((d) => this.expr(d));
    let out = value;
    for (let i = ds.length - 1; i >= 0; i--) out = this.directCall(ds[i], [out]);
    return out;
  }

  /**
   * MicroPython's compile-time decorators `@micropython.bytecode/native/viper` choose a code
   * emitter; here every function is compiled to JS, so they are dropped.
   */
  private isCodeEmitterDecorator(d: A.Expr): boolean {
    if (d.kind !== "Attribute" || d.value.kind !== "Name" || d.value.id !== "micropython") {
      if (d.kind === "Attribute" && d.value.kind === "Attribute" && d.value.value.kind === "Name" && d.value.value.id === "micropython") {
        throw this.error("invalid micropython decorator", d.loc);
      }
      return false;
    }
    if (d.attr === "bytecode" || d.attr === "native" || d.attr === "viper") return true;
    throw this.error("invalid micropython decorator", d.loc);
  }

  /** The `$mkFunction(...)` expression for a def or lambda; defaults are evaluated here. */
  private functionExpr(scope: Scope, args: A.Arguments, body: () => void, defLine: number): string {
    const positional = [...args.posonlyargs, ...args.args].map((a) => a.name);
    const defaults = args.defaults.map((d) => this.expr(d));
    const kwDefaults = args.kwDefaults.map((d) => (d === null ? "undefined" : this.expr(d)));
    let flags = 0;
    if (args.vararg !== null) flags |= FN_VARARGS;
    if (args.kwarg !== null) flags |= FN_VARKW;
    if (scope.isGenerator) flags |= FN_GEN;
    if (scope.isAsync) flags |= FN_ASYNC;
    const params = scope.params.map(mangle);
    const ctx = this.withCtx(scope, (c) => {
      c.firstParam = scope.params.length > 0 ? scope.params[0] : null;
      for (const p of scope.params) c.assigned.add(p);
      this.line = defLine;
      this.prologue(args, positional, defaults.length);
      if (scope.isGenerator) this.generatorBody(c, scope, body, defLine);
      else {
        c.declLine = c.block.add("", defLine);
        body();
        const last = c.block.lines[c.block.lines.length - 1];
        if (last === undefined || !/^return\b/.test(last.text) || last.depth !== 0) c.block.add(`return ${this.h("None")};`, 0);
        this.finishDecls(c, scope.localNames());
      }
    });
    const js = `function $fn(${params.join(", ")}) {${this.blocks.embed(ctx.block)}}`;
    const list = (xs: string[]) => `[${xs.join(", ")}]`;
    return `${this.h("mkFunction")}(${js}, ${jsString(scope.name)}, ${jsString(scope.qualname)}, ` +
      `${list(positional.map(jsString))}, ${args.posonlyargs.length}, ${list(defaults)}, ` +
      `${list(args.kwonlyargs.map((a) => jsString(a.name)))}, ${list(kwDefaults)}, ${flags}, $g)`;
  }

  /** Parameter checks and defaults at the top of a function (see the header comment). */
  private prologue(args: A.Arguments, positional: string[], nDefaults: number): void {
    const firstDefault = positional.length - nDefaults;
    const checks = positional.slice(0, firstDefault).map((p) => `${mangle(p)} === undefined`);
    const special = args.vararg ?? args.kwonlyargs[0] ?? args.kwarg;
    if (special) checks.push(`${mangle(special.name)} === undefined`);
    if (checks.length > 0) {
      this.emit(`if (${checks.join(" || ")}) return ${this.h("call")}($fn, [${positional.map(mangle).join(", ")}], null);`);
    }
    for (let i = firstDefault; i < positional.length; i++) {
      const p = mangle(positional[i]);
      this.emit(`if (${p} === undefined) ${p} = $fn.$sig.defaults[${i - firstDefault}];`);
    }
  }

  /** The body of a generator (or coroutine): a JS generator wrapped by $mkGen. */
  private generatorBody(outer: FnCtx, scope: Scope, body: () => void, defLine: number): void {
    const inner = new FnCtx(scope, outer.parent, scope.name);
    inner.closureSafe = outer.closureSafe;
    inner.assigned = outer.assigned;
    inner.firstParam = outer.firstParam;
    this.ctx = inner;
    inner.declLine = inner.block.add("", this.line);
    body();
    this.finishDecls(inner, scope.localNames());
    this.ctx = outer;
    this.line = defLine;
    const asyncArg = scope.isAsync ? ", true" : "";
    this.emit(`return ${this.h("mkGen")}((function* () {${this.blocks.embed(inner.block)}})(), ${jsString(scope.name)}${asyncArg});`);
  }

  // ------------------------------------------------------------ classes

  classDef(s: A.ClassDef): void {
    const scope = this.scopeOf(s);
    const decorators = s.decorators.map((d) => this.expr(d));
    const bases = this.argArray(s.bases);
    const kw = this.kwObject(s.keywords);
    const cell = scope.usesClassCell ? `$cls${this.cellCount++}` : null;
    const ctx = this.withCtx(scope, (c) => {
      c.classCell = cell;
      c.declLine = c.block.add("", s.loc.line);
      this.stmts(s.body);
      this.finishDecls(c, []);
    });
    this.line = s.loc.line;
    const mod = "($g.__name__ ?? \"__main__\")";
    // The class statement goes through builtins.__build_class__ when a program replaced it.
    const bc = `$g.__build_class__`;
    let cls = `${this.h("buildClass")}(function ($ns) {${this.blocks.embed(ctx.block)}}, ${jsString(s.name)}, ${bases}, ${kw}, ${mod}, ${jsString(scope.qualname)}, ${bc})`;
    if (cell !== null) {
      // The cell must be fresh for each execution of the class statement: a block-scoped let.
      this.emit(`{ let ${cell};`);
      cls = `(${cell} = ${cls})`;
    }
    let out = cls;
    for (let i = decorators.length - 1; i >= 0; i--) out = this.directCall(decorators[i], [out]);
    this.emit(`${this.storeName(s.name, out)};`);
    if (cell !== null) this.emit("}");
  }

  // ------------------------------------------------------------ comprehensions

  comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): string {
    const scope = this.scopeOf(e);
    const isGen = e.kind === "GeneratorExp";
    const step = isGen || scope.hasAwait ? 0 : this.rangeStep(e.generators[0].iter);
    if (step !== 0) return this.rangeComprehension(e as A.ListComp | A.SetComp | A.DictComp, scope, step);
    const first = `${this.h(isGen ? "getIter" : "seqIter")}(${this.expr(e.generators[0].iter)})`;
    if (isGen && isSimpleGenExpr(e, scope)) return this.genExprIter(e, scope, first);
    const ctx = this.withCtx(scope, (c) => {
      c.declLine = c.block.add("", this.line);
      if (!isGen) this.emit("const $r = [];");
      this.compLoops(e, 0, "$i0");
      if (!isGen) {
        const mk = e.kind === "ListComp" ? "mkList" : e.kind === "SetComp" ? "mkSet" : "mkDictVK";
        this.emit(`return ${this.h(mk)}($r${mk === "mkSet" || mk === "mkDictVK" ? ", 0" : ""});`);
      }
      this.finishDecls(c, scope.localNames());
    });
    const body = this.blocks.embed(ctx.block);
    if (isGen) return `${this.h("mkGen")}((function* ($i0) {${body}})(${first}), "<genexpr>")`;
    if (scope.hasAwait) return `(yield* (function* ($i0) {${body}})(${first}))`;
    return `(($i0) => {${body}})(${first})`;
  }

  /**
   * A list/set/dict comprehension over `range(...)` (see rangeStep): range and its bounds are
   * evaluated in the enclosing scope as usual; when range is the builtin and the bounds are JS
   * numbers the comprehension counts from $s0 to $e0 ($i0 null), else $i0 is range(...)'s iterator.
   */
  private rangeComprehension(e: A.ListComp | A.SetComp | A.DictComp, scope: Scope, step: number): string {
    const c = e.generators[0].iter as A.Call;
    const f = this.ctx.temp(), i = this.ctx.temp(), end = this.ctx.temp();
    const args = c.args.length === 1 ? ["0", this.expr(c.args[0])] : [this.expr(c.args[0]), this.expr(c.args[1])];
    const call = `${this.h("call")}(${f}, [${c.args.length === 1 ? end : `${i}, ${end}`}${c.args.length === 3 ? `, ${step}` : ""}], null)`;
    const test = `${f}.$user === false && ${f}.$name === "range" && typeof ${i} === "number" && typeof ${end} === "number"`;
    const first = `(${f} = ${this.loadName("range")}, ${i} = ${args[0]}, ${end} = ${args[1]}, ${test} ? null : ${this.h("getIter")}(${call}))`;
    this.ctx.release(f, i, end);
    const ctx = this.withCtx(scope, (cx) => {
      cx.declLine = cx.block.add("", this.line);
      this.emit("const $r = [];");
      this.compLoops(e, 0, "$i0", step);
      const mk = e.kind === "ListComp" ? "mkList" : e.kind === "SetComp" ? "mkSet" : "mkDictVK";
      this.emit(`return ${this.h(mk)}($r${mk === "mkSet" || mk === "mkDictVK" ? ", 0" : ""});`);
      this.finishDecls(cx, scope.localNames());
    });
    return `(($i0, $s0, $e0) => {${this.blocks.embed(ctx.block)}})(${first}, ${i}, ${end})`;
  }

  /**
   * A generator expression with one `for` clause as an iterator object (runtime/fastiter.ts):
   * its step function advances the source iterator past the filtered-out items and returns the
   * next item, or STOP. Its variables are fresh on each step, so no nested scope may capture them.
   */
  private genExprIter(e: A.GeneratorExp, scope: Scope, first: string): string {
    return `${this.h("mkGenExpr")}(${this.genExprStep(e, scope)}, ${first})`;
  }

  /**
   * `consumer(genexpr)` for a simple generator expression and a consumer named tuple, list, set
   * or sum: callGE(fn, map, iterable) (runtime/fastiter.ts), else null. For tuple/list/set, when
   * the name holds the builtin type, the items are collected by an inline loop instead (as a
   * list comprehension, with no call per item), a StopIteration from the body still becoming
   * RuntimeError as in a generator.
   */
  genExprCall(fn: string, e: A.GeneratorExp, consumer: string): string | null {
    const scope = this.scopeOf(e);
    if (!isSimpleGenExpr(e, scope)) return null;
    const first = this.expr(e.generators[0].iter);
    if (consumer === "sum") return `${this.h("callGE")}(${fn}, ${this.genExprMap(e, scope)}, ${first})`;
    const f = this.ctx.temp(), src = this.ctx.temp();
    const type = this.h(consumer === "tuple" ? "tupleT" : consumer === "list" ? "listT" : "setT");
    const inline = this.collectGenExpr(e, scope, consumer === "tuple" ? "mkTuple" : consumer === "list" ? "mkList" : "mkSet", src);
    const out = `(${f} = ${fn}, ${src} = ${first}, ${f} === ${type} ? ${inline} : ${this.h("callGE")}(${f}, ${this.genExprMap(e, scope)}, ${src}))`;
    this.ctx.release(f, src);
    return out;
  }

  /** The generator expression whose items compLoops collects into `$r` (collectGenExpr). */
  private collecting: A.GeneratorExp | null = null;

  private collectGenExpr(e: A.GeneratorExp, scope: Scope, mk: string, src: string): string {
    const ctx = this.withCtx(scope, (c) => {
      c.declLine = c.block.add("", this.line);
      this.emit("const $r = [];");
      this.emit("try {");
      const outer = this.collecting;
      this.collecting = e;
      this.indented(() => this.compLoops(e, 0, "$i0"));
      this.collecting = outer;
      this.emit(`} catch ($e) { throw ${this.h("genStop")}($e); }`);
      this.emit(`return ${this.h(mk)}($r${mk === "mkSet" || mk === "mkDictVK" ? ", 0" : ""});`);
      this.finishDecls(c, scope.localNames());
    });
    return `(($i0) => {${this.blocks.embed(ctx.block)}})(${this.h("seqIter")}(${src}))`;
  }

  /** The map function for callGE: one source item → the item, or undefined if filtered out. */
  private genExprMap(e: A.GeneratorExp, scope: Scope): string {
    const g = e.generators[0];
    const ctx = this.withCtx(scope, (c) => {
      c.declLine = c.block.add("", this.line);
      this.intrCheck();
      this.assignTo(g.target, "$x0");
      for (const cond of g.ifs) this.emit(`if (!${this.test(cond)}) return;`);
      this.emit(`return ${this.expr(e.elt)};`);
      this.finishDecls(c, scope.localNames());
    });
    return `function ($x0) {${this.blocks.embed(ctx.block)}}`;
  }

  private genExprStep(e: A.GeneratorExp, scope: Scope): string {
    const g = e.generators[0];
    const ctx = this.withCtx(scope, (c) => {
      c.declLine = c.block.add("", this.line);
      const v = c.temp();
      const loop = g.ifs.length > 0;
      if (loop) {
        this.emit("for (;;) {");
        c.block.depth++;
      }
      this.emit(`if ((${v} = ${this.h("iterNext")}($i0)) === ${this.h("STOP")}) return ${this.h("STOP")};`);
      this.intrCheck();
      this.assignTo(g.target, v);
      for (const cond of g.ifs) this.emit(`if (!${this.test(cond)}) continue;`);
      this.emit(`return ${this.expr(e.elt)};`);
      if (loop) {
        c.block.depth--;
        this.emit("}");
      }
      this.finishDecls(c, scope.localNames());
    });
    return `function ($i0) {${this.blocks.embed(ctx.block)}}`;
  }

  private compLoops(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, k: number, it: string, step = 0): void {
    const g = e.generators[k];
    if (g.isAsync) throw this.error("async comprehensions are not supported", g.loc);
    let v: string;
    if (step !== 0) {
      // rangeComprehension's first loop: count $s0 towards $e0, or step the iterator $i0.
      v = this.ctx.temp();
      const done = step > 0 ? "$s0 >= $e0" : "$s0 <= $e0";
      this.emit("for (;;) {");
      this.emit(`  if (${it} === null) { if (${done}) break; ${v} = $s0; $s0 += ${step}; } else if ((${v} = ${this.h("iterNext")}(${it})) === ${this.h("STOP")}) break;`);
    } else if (e.kind === "GeneratorExp" && this.collecting !== e) {
      // A generator's first iterable is an iterator (getIter ran when it was created).
      v = this.ctx.temp();
      if (k > 0) this.emit(`${it} = ${this.h("getIter")}(${this.expr(g.iter)});`);
      this.emit(`for (; (${v} = ${this.h("iterNext")}(${it})) !== ${this.h("STOP")}; ) {`);
    } else {
      if (k > 0) this.emit(`${it} = ${this.expr(g.iter)};`);
      v = this.seqLoopHead(it, k === 0 ? "seqIter" : null);
    }
    this.indented(() => {
      this.intrCheck();
      this.assignTo(g.target, v);
      this.ctx.release(v);
      for (const cond of g.ifs) this.emit(`if (!${this.test(cond)}) continue;`);
      if (k + 1 < e.generators.length) {
        const it2 = this.ctx.temp();
        this.compLoops(e, k + 1, it2);
        this.ctx.release(it2);
      } else if (e.kind === "DictComp") {
        // MicroPython evaluates the value before the key (see dict displays).
        this.emit(`if (($r.push(${this.expr(e.value)}, ${this.expr(e.key)}) & 0xffff) === 0) ${this.h("growthCheck")}($r.length);`);
      } else if (e.kind === "GeneratorExp" && this.collecting !== e) {
        this.emit(`yield ${this.expr(e.elt)};`);
      } else {
        // every 65536 items the heap guard (runtime/memguard.ts): MemoryError, not a dead process
        this.emit(`if (($r.push(${this.expr(e.elt)}) & 0xffff) === 0) ${this.h("growthCheck")}($r.length);`);
      }
    });
    this.emit("}");
  }
}

/** Can this generator expression be an iterator object (see genExprIter)? */
function isSimpleGenExpr(e: A.GeneratorExp, scope: Scope): boolean {
  return e.generators.length === 1 && !e.generators[0].isAsync && !scope.hasAwait && scope.children.length === 0;
}

function headerLine(text: string): Line {
  return { text, depth: 0, py: 0, name: "" };
}

/** Generates the JS body of a module / exec / eval unit. */
export function generate(mod: A.Module, info: ScopeInfo, filename: string, mode: Mode): GeneratedCode {
  return new Codegen(filename, info, mode).generate(mod);
}
