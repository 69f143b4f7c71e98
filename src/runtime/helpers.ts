// The contract between the compiler and the runtime: every helper generated code may call.
// Generated code receives this table as `$rt` and binds the helpers it uses to locals named
// `$` + key (`const $add = $rt.add;`). Nothing else of the runtime is reachable from generated
// code. Adding a helper is adding one line here.
//
// Calling conventions (see call.ts, attr.ts and object.ts for the representation):
//   - kw arguments are `null` or a plain object literal `{ name: value }` (read with for-in only;
//     mergeKw builds a prototype-less one)
//   - helpers that take "args" take a JS array of positional values
//   - iteration: `it = getIter(x)`, `v = iterNext(it)` until `v === STOP`

import { None, NotImplemented, Ellipsis, STOP } from "./object.ts";
import * as ops from "./ops.ts";
import { call, call0, call1, call2, call3 } from "./call.ts";
import * as fast from "./fastops.ts";
import { loadAttr, storeAttr, delAttr, callMethod } from "./attr.ts";
import { mkFloat, floatType } from "./types/float.ts";
import { mkComplex, complexType } from "./types/complex.ts";
import { mkList, listType } from "./types/list.ts";
import { mkTuple, tupleType } from "./types/tuple.ts";
import { growthTick, growthCheck } from "./memguard.ts";
import { mkSet, setType } from "./types/set.ts";
import { buildClass, mkSuper, superLoad } from "./types/type.ts";
import * as lang from "./lang.ts";
import { mkGenExpr, callGE, seqOf, seqIter, genStop } from "./fastiter.ts";

export const RT = {
  // ---- constants
  None,
  NotImplemented,
  Ellipsis,
  STOP,

  // ---- literals and displays
  /** float literal or unboxed float result → Python float */
  mkFloat,
  /** the exact float type: `x.$cls === $floatT` guards unboxed float math (compiler/floattree.ts) */
  floatT: floatType,
  /** the exact list and tuple types: inline `o[k]` reads `o.$a[k]` (compiler/codegen_expr.ts) */
  listT: listType, tupleT: tupleType, setT: setType,
  /** complex literal or unboxed complex result: mkComplex(real, imag) */
  mkComplex,
  /** the exact complex type: `x.$cls === $complexT` guards unboxed complex math (compiler/complextree.ts) */
  complexT: complexType,
  /** bytes literal from a latin-1 JS string (each char code is a byte) */
  mkBytes: lang.mkBytes,
  /** [a, b] → mkList([a, b]) (takes ownership of the array); counts as growth (memguard.ts) */
  mkList: (a: any[]): any => {
    growthTick();
    return mkList(a);
  },
  /** a comprehension's 65536th item: MemoryError when the heap is near its limit (memguard.ts) */
  growthCheck,
  /** (a, b) → mkTuple([a, b]); counts as growth (memguard.ts) */
  mkTuple: (a: any[]): any => {
    growthTick();
    return mkTuple(a);
  },
  /** {k: v, ...} → mkDict([k1, v1, k2, v2, ...]) */
  mkDict: lang.mkDict,
  /** {k: v, ...} and dict comprehensions, value evaluated first → mkDictVK([v1, k1, v2, k2, ...]) */
  mkDictVK: lang.mkDictVK,
  /** {**d} inside a dict display: dictUpdate(dict, mapping) */
  dictUpdate: lang.dictUpdate,
  /** {a, b} → mkSet([a, b]) */
  mkSet,
  /** a[i:j:k] → mkSlice(i, j, k) with None for omitted parts */
  mkSlice: lang.mkSlice,
  /** f-string replacement field: formatValue(value, conversion "r"|"s"|"a"|null, spec string) */
  formatValue: lang.formatValue,

  // ---- operators (all return Python values)
  add: ops.add, sub: ops.sub, mul: ops.mul, truediv: ops.truediv, floordiv: ops.floordiv,
  mod: ops.mod, pow: ops.pow, matmul: ops.matmul, lshift: ops.lshift, rshift: ops.rshift,
  and: ops.and, or: ops.or, xor: ops.xor,
  iadd: ops.iadd, isub: ops.isub, imul: ops.imul, itruediv: ops.itruediv, ifloordiv: ops.ifloordiv,
  imod: ops.imod, ipow: ops.ipow, imatmul: ops.imatmul, ilshift: ops.ilshift, irshift: ops.irshift,
  iand: ops.iand, ior: ops.ior, ixor: ops.ixor,
  neg: ops.neg, pos: ops.pos, invert: ops.invert,
  /** `not x` → JS boolean */
  not: ops.not,
  /** truthiness → JS boolean (emit `x === true || (x !== false && $isTrue(x))`) */
  isTrue: ops.isTrue,
  eq: ops.eq, ne: ops.ne, lt: ops.lt, le: ops.le, gt: ops.gt, ge: ops.ge,
  /** comparisons as conditions → JS boolean, with float and str fast paths (fastops.ts) */
  ltB: fast.ltB, leB: fast.leB, gtB: fast.gtB, geB: fast.geB, eqB: fast.eqB, neB: fast.neB,
  /** `in` / `not in` → JS boolean */
  contains: ops.contains,
  notContains: ops.notContains,

  // ---- attributes, subscripts, calls
  loadAttr,
  storeAttr,
  delAttr,
  /** callMethod(obj, "name", [args], kw|null) */
  callMethod,
  /** callMethod(o, "m", [a], null) without the array: callMethod0(o, "m") ... callMethod3(o, "m", a, b, c) */
  callMethod0: fast.callMethod0, callMethod1: fast.callMethod1, callMethod2: fast.callMethod2, callMethod3: fast.callMethod3,
  getItem: ops.getItem,
  /** o[lo:hi:st] → getSlice(o, lo, hi, st), o[lo:hi:st] = v → setSlice(o, lo, hi, st, v); None for omitted parts (fastops.ts) */
  getSlice: fast.getSlice, setSlice: fast.setSlice,
  setItem: ops.setItem,
  delItem: ops.delItem,
  /** call(f, [args], kw|null) */
  call,
  /** call(f, [a, b], null) without the array: call0(f) ... call3(f, a, b, c) */
  call0, call1, call2, call3,
  /** f(*a, **k): callEx(f, argsArray, kwObject|null); build argsArray with spread() */
  callEx: lang.callEx,
  /** appends the items of iterable x to the JS array `arr`, returns arr (for *args, [*a], (*a,)) */
  spread: lang.spread,
  /** merges mapping m (a **kwargs argument) into the kw object (null → new); returns it */
  mergeKw: lang.mergeKw,

  // ---- iteration and unpacking
  getIter: ops.getIter,
  iterNext: ops.iterNext,
  /** `for` over an exact list/tuple by index: seqOf(x) gives x or null; seqIter(x): x or getIter(x) (fastiter.ts) */
  seqOf, seqIter,
  /** tuple/list/set(genexpr) collected inline: catch (e) { throw genStop(e) } (StopIteration → RuntimeError) */
  genStop,
  /** a, b = x → unpack(x, 2) gives a JS array of 2 */
  unpack: ops.unpack,
  /** a, *b, c = x → unpackStar(x, 1, 1) gives [a, list b, c] */
  unpackStar: lang.unpackStar,

  // ---- functions and classes
  /**
   * mkFunction(jsFn, name, qualname, names, posonly, defaults, kwonly, kwDefaults, flags)
   * flags: 1 = *args, 2 = **kwargs, 4 = generator, 8 = async (coroutine)
   * Attaches the metadata and returns jsFn. jsFn's parameters: positionals, then the *args tuple,
   * keyword-only ones, the **kwargs dict (see call.ts).
   */
  mkFunction: lang.mkFunction,
  /** inside a generator function: `return $mkGen(function* () { ... }(), "name")` */
  mkGen: lang.mkGen,
  /** generator expression with one `for`: mkGenExpr(step(it) → next item or STOP, iter) (fastiter.ts) */
  mkGenExpr,
  /** `fn(genexpr)`: callGE(fn, step, iter) collects straight into tuple/list/set (fastiter.ts) */
  callGE,
  /** `yield from x` / `await x` → `yield* $yieldFrom(x)` (value of the expression is the result) */
  yieldFrom: lang.yieldFrom,
  awaitable: lang.awaitable,
  /** buildClass(bodyFn(ns), name, bases[], kw|null, moduleName, qualname) → class */
  buildClass,
  /** zero-argument super() in a method of class C: mkSuper(C, self) */
  mkSuper,
  superLoad,

  // ---- names
  /** a global (or builtin) that is missing: throws NameError */
  nameError: lang.raiseNameError,
  /** a local read before assignment: throws UnboundLocalError... (MicroPython: NameError) */
  unboundLocal: lang.raiseUnboundLocal,

  // ---- exceptions
  /** converts what a JS catch caught into a Python exception object */
  toPyExc: lang.toPyExc,
  /** except T: → excMatch(e, T) where T is a class or a tuple of classes; JS boolean */
  excMatch: lang.excMatch,
  /** raise X [from Y] → `throw $mkRaise(X, Y_or_undefined)` */
  mkRaise: lang.mkRaise,
  /** bare `raise` → `throw $reraise()` (the exception being handled) */
  reraise: lang.reraise,
  /** entering an except block: pushExc(e, site) (site: a hoisted {name, lo, hi}, traceback.ts CatchSite); leaving it (finally): popExc() */
  pushExc: lang.pushExc,
  popExc: lang.popExc,
  /** assert failure: throw $assertFail(msg | undefined) */
  assertFail: lang.assertFail,

  // ---- modules
  /** import a.b.c → importName("a.b.c", null, 0, $g) gives the top package `a` */
  /** from .m import x → importName("m", ["x"], 1, $g) gives module m; then importFrom(m, "x") */
  importName: lang.importName,
  importFrom: lang.importFrom,
  /** from m import * */
  importStar: lang.importStar,

  // ---- REPL
  /** expression statements at the REPL prompt: prints repr unless None, sets `_` */
  displayHook: lang.displayHook,

  /** `$callerG.g = $g` before calls to globals(), exec(), __import__ ... by name (lang.ts) */
  callerG: lang.callerG,

  // ---- board
  /** shared interrupt flag: generated code tests `$intr[0]` at loop back-edges */
  intr: lang.intr,
  /** called when the flag is set: raises KeyboardInterrupt or runs scheduled callbacks */
  checkIntr: lang.checkIntr,
};

export type Runtime = typeof RT;

/** Installs the interrupt flag generated code tests (before any code is compiled). */
export function setInterruptFlag(a: Int32Array): void {
  RT.intr = a;
}
