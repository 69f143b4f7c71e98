// Unboxed float arithmetic for expression trees (speculation at run time).
//
// Floats are boxed (PyFloat), so `x*x + y*y + z*z` on floats allocates five boxes through the
// generic per-operator path. For a tree of + - * / (and `** 2`, `** <float literal>`) whose leaves are *pure* - reading
// them has no side effects and cannot raise: numeric literals, bound locals, globals, and
// `name.attr` read as a plain property (what the inline attribute fast path reads) - the
// compiler emits
//   (leaf1 is an exact float && leaf2 ... && divisors !== 0 ? $mkFloat(<JS double math>) : <generic>)
// Because the leaves are pure, the generic path may evaluate them again, and in Python's order:
// the result is the same as the generic code alone. Int literals mix in exactly (int op float is
// float math on the converted int); every + - * node needs an operand that is certainly a float,
// so no int-only subexpression is computed in doubles. Division by zero takes the generic path,
// which raises ZeroDivisionError.

import type * as A from "./ast.ts";

/** What the code generator provides to compile leaves. */
export interface FloatTreeHost {
  /** JS for a pure read of a Python name (no unbound check needed), or null if not pure. */
  pureName(id: string): string | null;
  /** A fresh temporary. */
  temp(): string;
  /** JS name of the exact-float type helper (`$floatT`). */
  floatType(): string;
  /** `$mkFloat`. */
  mkFloat(): string;
}

interface Ctx {
  host: FloatTreeHost;
  guards: string[];
  /** Leaves already guarded: Python source form → JS double. */
  seen: Map<string, string>;
  ops: number;
  hint: boolean;
}

/** Ops that keep a float a float (and int/int for `/`). */
const OPS = new Set(["+", "-", "*", "/"]);

/**
 * The speculative code for `e`, given `generic` (its ordinary code), or null when `e` is not a
 * pure arithmetic tree worth it: at least two operators, or one operator with a float literal.
 */
export function floatTree(e: A.BinOp, host: FloatTreeHost, generic: () => string): string | null {
  if (!isCandidate(e)) return null;
  const c: Ctx = { host, guards: [], seen: new Map(), ops: 0, hint: false };
  const r = compile(e, c);
  if (r === null) return null;
  // No guarded leaf: constants only (left to the generic path).
  if (!(c.ops >= 2 || c.hint) || !r.float || c.seen.size === 0) return null;
  return `(${c.guards.join(" && ")} ? ${host.mkFloat()}(${r.js}) : ${generic()})`;
}

/** Cheap pre-check on the shape, before any code is generated. */
function isCandidate(e: A.Expr): boolean {
  let ops = 0, hint = false, ok = true;
  const walk = (x: A.Expr): void => {
    if (!ok) return;
    if (x.kind === "BinOp") {
      if (!OPS.has(x.op) && !isSquare(x) && floatPower(x) === null) {
        ok = false;
        return;
      }
      ops++;
      if (x.op === "/" || floatPower(x) !== null) hint = true;
      walk(x.left);
      if (x.op !== "**") walk(x.right);
    } else if (x.kind === "UnaryOp" && x.op === "-") {
      walk(x.operand);
    } else if (x.kind === "Constant") {
      if (x.value.type === "float") hint = true;
      else if (x.value.type !== "int" || typeof x.value.value !== "number") ok = false;
    } else if (x.kind === "Attribute") {
      if (x.value.kind !== "Name") ok = false;
    } else if (x.kind !== "Name") {
      ok = false;
    }
  };
  walk(e);
  return ok && (ops >= 2 || hint);
}

/** `x ** c` with a float literal c: c, else null. */
function floatPower(x: A.BinOp): number | null {
  if (x.op !== "**" || x.right.kind !== "Constant" || x.right.value.type !== "float") return null;
  const c = x.right.value.value;
  return Number.isFinite(c) ? c : null;
}

function isSquare(x: A.BinOp): boolean {
  return x.op === "**" && x.right.kind === "Constant" && x.right.value.type === "int" && x.right.value.value === 2;
}

interface R {
  js: string;
  /** Certainly a float when the guards hold (else an int literal). */
  float: boolean;
}

/**
 * Compiles `e`; with `num`, a leaf may also be a (small) int - allowed where the parent's result
 * is certainly a float anyway: under `/`, or beside an operand that is certainly a float (int op
 * float is float math on the converted int, exact for safe ints).
 */
function compile(e: A.Expr, c: Ctx, num = false): R | null {
  switch (e.kind) {
    case "Constant": {
      const v = e.value;
      if (v.type === "float") {
        c.hint = true;
        return { js: `(${numLiteral(v.value)})`, float: true };
      }
      if (v.type === "int" && typeof v.value === "number") return { js: `(${v.value})`, float: false };
      return null;
    }
    case "Name":
    case "Attribute":
      return leaf(e, c, num);
    case "UnaryOp": {
      if (e.op !== "-") return null;
      const x = compile(e.operand, c);
      if (x === null || !x.float) return null;
      return { js: `(-${x.js})`, float: true };
    }
    case "BinOp":
      return binOp(e, c);
    default:
      return null;
  }
}

function binOp(e: A.BinOp, c: Ctx): R | null {
  c.ops++;
  if (isSquare(e)) {
    const x = compile(e.left, c);
    if (x === null || !x.float) return null;
    if (/^\((?:[$\w.]+|-?[\d.e+-]+)\)$/.test(x.js)) return { js: `(${x.js} * ${x.js})`, float: true };
    const t = c.host.temp();
    return { js: `((${t} = ${x.js}) * ${t})`, float: true };
  }
  const p = floatPower(e);
  if (p !== null) {
    // A negative base would give a complex number, NaN stays NaN: both to the generic path (the
    // base is computed once, in the guards). Math.sqrt is exact where pow(x, 0.5) is.
    c.hint = true;
    const x = compile(e.left, c, true);
    if (x === null) return null;
    const t = c.host.temp();
    c.guards.push(`(${t} = ${x.js}) >= 0`);
    return { js: p === 0.5 ? `(Math.sqrt(${t}) + 0)` : `(${t} === 1 ? 1 : Math.pow(${t}, ${numLiteral(p)}))`, float: true };
  }
  if (!OPS.has(e.op)) return null;
  // Which operands may be ints: both under `/`; else the one beside a certain float (the right
  // one when the left is a guarded float leaf).
  const div = e.op === "/";
  const lNum = div || certainFloat(e.right);
  const l = compile(e.left, c, lNum);
  if (l === null) return null;
  const r = compile(e.right, c, div || l.float);
  if (r === null) return null;
  if (e.op === "/") {
    c.hint = true;
    const lit = /^\((-?[\d.e+-]+)\)$/.exec(r.js);
    if (lit !== null && Number(lit[1]) !== 0) return { js: `(${l.js} / ${r.js})`, float: true };
    // The divisor is computed once in the guards; zero goes to the generic path.
    const d = c.host.temp();
    c.guards.push(`(${d} = ${r.js}) !== 0`);
    return { js: `(${l.js} / ${d})`, float: true };
  }
  if (!l.float && !r.float) return null;
  return { js: `(${l.js} ${e.op} ${r.js})`, float: true };
}

/** Is e a float whatever its leaves hold (once they pass their guards)? */
function certainFloat(e: A.Expr): boolean {
  switch (e.kind) {
    case "Constant":
      return e.value.type === "float";
    case "UnaryOp":
      return e.op === "-" && certainFloat(e.operand);
    case "BinOp":
      if (e.op === "/" || floatPower(e) !== null) return true;
      return (e.op === "+" || e.op === "-" || e.op === "*") && (certainFloat(e.left) || certainFloat(e.right));
    default:
      return false;
  }
}

/**
 * A guarded leaf: its JS double, with a guard that it holds an exact float - or with `num`, an
 * exact float or a JS number (int), its double computed into a temp by the guard.
 */
function leaf(e: A.Name | A.Attribute, c: Ctx, num: boolean): R | null {
  const p = pureLeaf(e, c.host);
  if (p === null) return null;
  const { src, key } = p;
  const known = c.seen.get(key);
  if (known !== undefined) return { js: known, float: true };
  if (num) {
    const k = c.seen.get("#" + key);
    if (k !== undefined) return { js: k, float: false };
    const f = c.host.floatType();
    const d = c.host.temp();
    let x = src;
    let first = src;
    if (!/^[$\w]+$/.test(src)) {
      x = c.host.temp();
      first = `(${x} = ${src})`;
    }
    c.guards.push(`(${d} = ${first}?.$cls === ${f} ? ${x}.$v : typeof ${x} === "number" ? ${x} : undefined) !== undefined`);
    c.seen.set("#" + key, d);
    return { js: d, float: false };
  }
  let js: string;
  if (/^[$\w]+$/.test(src)) {
    c.guards.push(`${src}.$cls === ${c.host.floatType()}`);
    js = `${src}.$v`;
  } else {
    // A property read may find nothing (undefined): `?.` keeps the guard from throwing.
    const t = c.host.temp();
    c.guards.push(`(${t} = ${src})?.$cls === ${c.host.floatType()}`);
    js = `${t}.$v`;
  }
  c.seen.set(key, js);
  return { js, float: true };
}

/**
 * The JS reading a leaf (a name, or `name.attr` as a plain property) with no side effect and no
 * possible error, and its key (its Python source form); null when the read is not pure.
 */
export function pureLeaf(e: A.Name | A.Attribute, host: FloatTreeHost): { src: string; key: string } | null {
  if (e.kind === "Name") {
    const src = host.pureName(e.id);
    return src === null ? null : { src, key: e.id };
  }
  if (e.value.kind !== "Name" || e.attr.startsWith("__") || JS_PROPS.has(e.attr)) return null;
  const o = host.pureName(e.value.id);
  if (o === null) return null;
  // A global may be missing (`?.`: the guard fails and the generic path raises NameError).
  return { src: /^[$\w]+$/.test(o) ? `${o}.${e.attr}` : `${o}?.${e.attr}`, key: e.value.id + "." + e.attr };
}

/** Names a plain property read could find on JS functions or primitives. */
const JS_PROPS = new Set(["length", "name", "prototype", "caller", "arguments", "callee", "constructor"]);

export function numLiteral(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "1/0";
  if (v === -Infinity) return "-1/0";
  if (Object.is(v, -0)) return "-0";
  return String(v);
}
