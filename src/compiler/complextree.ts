// Unboxed complex arithmetic for expression trees (the complex analogue of floattree.ts).
//
// `z * z + c` on complex numbers goes through the generic operators, which allocate a PyComplex
// per operation. For a tree of + - * (and `/` by a nonzero numeric or imaginary literal) whose
// leaves are pure reads (floattree.ts's rules: names, `name.attr`, numeric and imaginary
// literals), the compiler emits
//   (leaf1 is an exact complex && leaf2 is an exact complex, float or small int ... ?
//      $mkComplex(<re in JS doubles>, <im in JS doubles>) : <generic>)
// Every operator node has an operand that is certainly complex once the guards hold (a guarded
// leaf, an imaginary literal or another node), so each node is complex math, never int or float
// math: the operations are those of complex.ts (complexFast, cMul, cDiv), in the same order, with
// a real operand's imaginary part a literal 0 (as complexFast takes it), so the result is the
// generic path's bit for bit, signed zeros and NaNs included. The leaves are pure: when a guard
// fails, the generic code may read them again.
//
// Compiled only in modules that mention complex numbers (an imaginary literal, `complex`,
// `cmath`), as the fallback of a float tree whose guards failed, or alone: the code is never run
// elsewhere and cold runs pay for its size.

import type * as A from "./ast.ts";
import type { ScopeInfo } from "./scope.ts";
import { pureLeaf, numLiteral, type FloatTreeHost } from "./floattree.ts";

/** What the code generator provides (beyond the float tree's needs). */
export interface ComplexTreeHost extends FloatTreeHost {
  /** JS name of the exact-complex type helper (`$complexT`). */
  complexType(): string;
  /** `$mkComplex`. */
  mkComplex(): string;
  /** The unit's scopes (its module node is the key of the module scope). */
  scopes(): ScopeInfo;
}

/**
 * A compiled node: JS doubles for its real and imaginary parts. The re expression must be
 * evaluated before the im one (im may read temporaries re assigns). kind: "c" complex once the
 * guards hold, "r" a real literal, "n" a leaf holding a complex or a real (im 0).
 */
interface N {
  re: string;
  im: string;
  kind: "c" | "r" | "n";
  /** re and im are cheap to repeat (names, properties, literals). */
  simple: boolean;
}

interface Ctx {
  host: ComplexTreeHost;
  guards: string[];
  /** Guarded leaves: key (Python source) → node; "#key" for complex-or-real leaves. */
  seen: Map<string, N>;
}

const OPS = new Set(["+", "-", "*", "/"]);

/**
 * The speculative code for `e`, given `generic` (its ordinary code), or null when `e` is not a
 * pure complex arithmetic tree worth it (two operators, or one with an imaginary literal).
 */
export function complexTree(e: A.BinOp, host: ComplexTreeHost, generic: () => string): string | null {
  if (!isCandidate(e) || !usesComplex(host.scopes())) return null;
  const c: Ctx = { host, guards: [], seen: new Map() };
  const r = compile(e, c, true);
  if (r === null || r.kind !== "c" || c.guards.length === 0) return null;
  return `(${c.guards.join(" && ")} ? ${host.mkComplex()}(${r.re}, ${r.im}) : ${generic()})`;
}

/** Cheap pre-check on the shape, before any code is generated. */
function isCandidate(e: A.Expr): boolean {
  let ops = 0, imag = false, ok = true;
  const walk = (x: A.Expr): void => {
    if (!ok) return;
    if (x.kind === "BinOp") {
      if (!OPS.has(x.op)) {
        ok = false;
        return;
      }
      ops++;
      walk(x.left);
      walk(x.right);
    } else if (x.kind === "UnaryOp" && x.op === "-") {
      walk(x.operand);
    } else if (x.kind === "Constant") {
      if (x.value.type === "complex") imag = true;
      else if (x.value.type !== "float" && (x.value.type !== "int" || typeof x.value.value !== "number")) ok = false;
    } else if (x.kind === "Attribute") {
      if (x.value.kind !== "Name") ok = false;
    } else if (x.kind !== "Name") {
      ok = false;
    }
  };
  walk(e);
  return ok && (ops >= 2 || imag);
}

// ---------------------------------------------------------------- does the module use complex?

const USES = new WeakMap<ScopeInfo, boolean>();

/** Does the unit's module mention an imaginary literal, `complex` or `cmath` anywhere? */
function usesComplex(info: ScopeInfo): boolean {
  let u = USES.get(info);
  if (u === undefined) {
    u = false;
    for (const [node, scope] of info.scopes) if (scope === info.module) u = mentionsComplex(node);
    USES.set(info, u);
  }
  return u;
}

function mentionsComplex(x: unknown): boolean {
  if (typeof x === "string") return x === "complex" || x === "cmath";
  if (typeof x !== "object" || x === null || ArrayBuffer.isView(x)) return false;
  if ((x as { type?: unknown }).type === "complex") return true;
  for (const v of Object.values(x)) if (mentionsComplex(v)) return true;
  return false;
}

// ---------------------------------------------------------------- compiling

/** Compiles `e`; with `needC` a name or attribute leaf is guarded as an exact complex. */
function compile(e: A.Expr, c: Ctx, needC: boolean): N | null {
  switch (e.kind) {
    case "Constant":
    case "UnaryOp": {
      const k = constant(e);
      if (k !== null) return k;
      if (e.kind === "Constant" || e.op !== "-") return null;
      // -x: (-re, -im) as complex.__neg__ (a real leaf would negate as an int or float).
      const x = compile(e.operand, c, true);
      if (x === null || x.kind !== "c") return null;
      return { re: `(-${x.re})`, im: `(-${x.im})`, kind: "c", simple: false };
    }
    case "Name":
    case "Attribute":
      return leaf(e, c, needC);
    case "BinOp":
      return e.op === "/" ? divide(e, c) : binOp(e, c);
    default:
      return null;
  }
}

/** A numeric or imaginary literal, possibly negated, as the generic code computes it. */
function constant(e: A.Expr): N | null {
  if (e.kind === "UnaryOp") {
    if (e.op !== "-" || e.operand.kind !== "Constant") return null;
    const v = e.operand.value;
    if (v.type === "int" && typeof v.value === "number") return real(v.value === 0 ? 0 : -v.value);
    if (v.type === "float") return real(-v.value);
    if (v.type === "complex") return { re: "(-0)", im: `(${numLiteral(-v.imag)})`, kind: "c", simple: true };
    return null;
  }
  if (e.kind !== "Constant") return null;
  const v = e.value;
  if (v.type === "int" && typeof v.value === "number") return real(v.value);
  if (v.type === "float") return real(v.value);
  if (v.type === "complex") return { re: "0", im: `(${numLiteral(v.imag)})`, kind: "c", simple: true };
  return null;
}

function real(v: number): N {
  return { re: `(${numLiteral(v)})`, im: "0", kind: "r", simple: true };
}

/** Is e complex whatever its leaves hold (an operator node is, or the tree is rejected)? */
function certainComplex(e: A.Expr): boolean {
  if (e.kind === "BinOp") return true;
  if (e.kind === "UnaryOp") return e.op === "-" && certainComplex(e.operand);
  return e.kind === "Constant" && e.value.type === "complex";
}

/** + - *: complexFast's formulas (cMul for *), one operand certainly complex. */
function binOp(e: A.BinOp, c: Ctx): N | null {
  const l = compile(e.left, c, !certainComplex(e.right));
  if (l === null) return null;
  const r = compile(e.right, c, l.kind !== "c");
  if (r === null || (l.kind !== "c" && r.kind !== "c")) return null;
  if (e.op !== "*") return { re: `(${l.re} ${e.op} ${r.re})`, im: `(${l.im} ${e.op} ${r.im})`, kind: "c", simple: false };
  // (a+bj)(c+dj) = (a*c - b*d) + (a*d + b*c)j; the re part evaluates a, c, b, d in that order.
  const [a1, a2] = once(l.re, l.simple, c);
  const [c1, c2] = once(r.re, r.simple, c);
  const [b1, b2] = once(l.im, l.simple, c);
  const [d1, d2] = once(r.im, r.simple, c);
  return { re: `(${a1} * ${c1} - ${b1} * ${d1})`, im: `(${a2} * ${d2} + ${b2} * ${c2})`, kind: "c", simple: false };
}

/** x / k for a nonzero real or imaginary literal k: cDiv's formulas for those divisors. */
function divide(e: A.BinOp, c: Ctx): N | null {
  const k = constant(e.right);
  if (k === null) return null;
  if (k.kind === "r") {
    if (Number(k.re.slice(1, -1)) === 0) return null;
    const l = compile(e.left, c, true);
    if (l === null || l.kind !== "c") return null;
    return { re: `(${l.re} / ${k.re})`, im: `(${l.im} / ${k.re})`, kind: "c", simple: false };
  }
  // (a+bj) / dj = b/d - (a/d)j: a is read first, into a temporary.
  if (Number(k.im.slice(1, -1)) === 0) return null;
  const l = compile(e.left, c, false);
  if (l === null) return null;
  const [a1, a2] = once(l.re, l.simple, c, true);
  return { re: `(${a1}, ${l.im} / ${k.im})`, im: `(-${a2} / ${k.im})`, kind: "c", simple: false };
}

/** A value used twice: [first use, later uses], through a temporary unless it is cheap. */
function once(js: string, simple: boolean, c: Ctx, force = false): [string, string] {
  if (simple && !force) return [js, js];
  const t = c.host.temp();
  return [`(${t} = ${js})`, t];
}

/**
 * A guarded leaf. With `needC`, an exact complex (re and im read from it); else an exact complex,
 * exact float or small int, its parts computed into temporaries by the guard (im 0 for a real).
 */
function leaf(e: A.Name | A.Attribute, c: Ctx, needC: boolean): N | null {
  const p = pureLeaf(e, c.host);
  if (p === null) return null;
  const known = c.seen.get(p.key) ?? (needC ? undefined : c.seen.get("#" + p.key));
  if (known !== undefined) return known;
  const plain = /^[$\w]+$/.test(p.src);
  // A property read may find nothing (undefined): `?.` keeps the guards from throwing.
  let x = p.src, first = p.src + ".", dot = ".";
  if (!plain) {
    x = c.host.temp();
    first = `(${x} = ${p.src})?.`;
    dot = "?.";
  }
  const cT = c.host.complexType();
  // The parts are read once, into temporaries (cheaper than repeated reads before V8 optimises).
  const re = c.host.temp(), im = c.host.temp();
  const real = needC ? "undefined" : `(${im} = 0, ${x}${dot}$cls === ${c.host.floatType()} ? ${x}.$v : typeof ${x} === "number" ? ${x} : undefined)`;
  c.guards.push(`(${re} = ${first}$cls === ${cT} ? (${im} = ${x}.$im, ${x}.$re) : ${real}) !== undefined`);
  const n: N = { re, im, kind: needC ? "c" : "n", simple: true };
  c.seen.set(needC ? p.key : "#" + p.key, n);
  return n;
}

// ---------------------------------------------------------------- abs(z) < k

const CMP = new Set(["<", "<=", ">", ">="]);

/**
 * `abs(z) OP k` (z a pure leaf, k a numeric literal, OP an ordering) when `abs` is the builtin and
 * z an exact complex: the float abs would return (complexAbs's formula) compared in JS, with no
 * float allocated; else `generic` (the comparison's ordinary code). Null when not of that form.
 */
export function absCompare(e: A.Compare, host: ComplexTreeHost, generic: () => string): string | null {
  const call = e.left;
  if (e.ops.length !== 1 || !CMP.has(e.ops[0]) || call.kind !== "Call" || call.func.kind !== "Name" || call.func.id !== "abs") return null;
  const arg = call.args[0];
  if (call.args.length !== 1 || call.keywords.length !== 0 || (arg.kind !== "Name" && arg.kind !== "Attribute")) return null;
  const k = constant(e.comparators[0]);
  if (k === null || k.kind !== "r" || !usesComplex(host.scopes())) return null;
  const fn = host.pureName("abs");
  if (fn === null) return null;
  const c: Ctx = { host, guards: [], seen: new Map() };
  const f = host.temp();
  const x = leaf(arg, c, true);
  if (x === null) return null;
  const abs = `Math.sqrt(${x.re} * ${x.re} + ${x.im} * ${x.im})`;
  return `((${f} = ${fn})?.$builtin === true && ${f}.$name === "abs" && ${c.guards[0]} ? ${abs} ${e.ops[0]} ${k.re} : ${generic()})`;
}
