// builtins: the namespace every module's globals inherit from (MicroPython's py/modbuiltins.c,
// plus the types and exceptions). https://docs.micropython.org/en/latest/library/builtins.html
//
// makeBuiltins() returns a null-prototype object; generated code makes it the prototype of each
// module's globals object, so a global lookup that misses finds the builtin.
//
// Limitations, by design of the globals representation (a JS object per module):
//   - globals() returns a live dict view of the caller's globals object (see NsTable); called
//     through the builtin (not special-cased by the compiler) it sees the __main__ module's
//     globals, and locals() outside a module body sees the same;
//   - exec/eval with a dict that is not such a view run in a fresh globals object filled from the
//     dict and copied back into it afterwards (functions defined there keep the fresh object).

import {
  PyObject, PyType, typeOf, protoOf, typeName, isSubtype, objectType, typeType, boolType, intType,
  strType, None, NotImplemented, Ellipsis, STOP, builtin, defineBuiltinType, addMethods, setArity,
} from "../runtime/object.ts";
import {
  exceptionTypes, newExc, typeError, valueError, zeroDivisionError, overflowError, EOFError,
  StopIteration, AttributeError, isPyException, excMatches,
} from "../runtime/exceptions.ts";
import { PyBoundMethod, propertyType, staticMethodType, classMethodType, type FunctionSig } from "../runtime/types/function.ts";
import { PyFloat, floatType } from "../runtime/types/float.ts";
import { complexAbs } from "../runtime/types/complex.ts";
import { PyList, mkList, listType } from "../runtime/types/list.ts";
import { PyTuple, mkTuple, tupleType } from "../runtime/types/tuple.ts";
import { PyDict, dictType } from "../runtime/types/dict.ts";
import { setType, frozensetType } from "../runtime/types/set.ts";
import { sliceType } from "../runtime/types/slice.ts";
import { PyModule } from "../runtime/types/module.ts";
import { PyGenerator } from "../runtime/types/generator.ts";
import { superType, objectId, buildClass } from "../runtime/types/type.ts";
import { strLen, ord as strOrd, chr as strChr, isStr, S, argStr, strHooks, decodeUtf8 } from "../runtime/types/str.ts";
import { encodeUtf8 } from "../runtime/types/bytes.ts";
import { initExceptionTypes } from "../runtime/types/baseexception.ts";
import "../runtime/types/descriptors.ts";
import { globalsDict, nsOfDict, adoptDict } from "../runtime/nsdict.ts";
import { normBig } from "../runtime/types/int.ts";
import {
  isTrue, repr, str, hash, getIter, iterNext, toArray, toIndex, callSpecial, binaryOp, add, lt, gt,
  eqBool, pow as opPow, mod as opMod, takeStopArg,
} from "../runtime/ops.ts";
import { call, type Kw } from "../runtime/call.ts";
import { loadAttr, loadAttrOrUndefined, storeAttr, delAttr, callMethod } from "../runtime/attr.ts";
import { getBufferOrNull } from "../runtime/buffer.ts";
import { langHooks, callerG } from "../runtime/hooks.ts";
import { sortArray } from "../runtime/sort.ts";
import { io } from "../runtime/stdio.ts";
import { getBuiltins, newGlobals, builtinImport, builtinModuleNames, getMainModule } from "../runtime/import.ts";
import { builtinOpen, isIOBase, iobaseWrite, iobaseReadAll } from "./io.ts";
import { execCode } from "../runtime/exec.ts";
import { compile as compileSource, type CompiledCode, type CompileMode } from "../compiler/compile.ts";

const hasOwn = Object.prototype.hasOwnProperty;

/** Pieces other layers provide (the compiler glue, the board), late-bound to avoid cycles. */
export const builtinsHooks = {
  /** open(file, mode, buffering, encoding): the board replaces it with its VFS. */
  open: builtinOpen as (...args: any[]) => any,
  /** Compiles source (raising SyntaxError); tests may replace it. */
  compile: (source: string, filename: string, mode: CompileMode): CompiledCode => compileSource(source, filename, mode),
  /** Runs compiled code in a globals object; returns the value in "eval" mode. */
  run: (code: CompiledCode, filename: string, globals: any): any => execCode(code, filename, globals),
  /** The globals object of the code calling a builtin like globals() or exec(). */
  callerGlobals: (): any => callerG.g ?? mainGlobals(),
  /** The namespace locals(), dir() and vars() show: the top-level code's (MicroPython's mp_locals). */
  callerLocals: (): any => callerG.top ?? builtinsHooks.callerGlobals(),
};

function mainGlobals(): any {
  const m = getMainModule();
  if (m !== null) return m.$d;
  return newGlobals("__main__");
}

// ---------------------------------------------------------------- helpers

/** A FunctionSig for a builtin that takes keyword arguments. */
function sig(names: string[], defaults: any[], extra: Partial<FunctionSig> = {}): FunctionSig {
  return { names, posonly: 0, defaults, kwonly: [], kwDefaults: [], varargs: false, varkw: false, ...extra };
}

/** Marks a builtin with a signature; `length` 0 sends every call with arguments through call(). */
function withSig<F extends (...a: any[]) => any>(name: string, f: F, s: FunctionSig): F {
  builtin(name, f);
  (f as any).$sig = s;
  setArity(f, 0);
  return f;
}

function missingArgs(name: string, n: number, given: number): never {
  void name;
  throw typeError(`function takes ${n} positional arguments but ${given} were given`);
}

/** Unwraps int subclasses; bools become 0/1. Returns undefined for non-ints. */
function intValue(x: any): number | bigint | undefined {
  switch (typeof x) {
    case "number":
    case "bigint":
      return x;
    case "boolean":
      return x ? 1 : 0;
    case "object":
      if (x.$v !== undefined && !(x instanceof PyFloat) && isSubtype(typeOf(x), intType)) return intValue(x.$v);
  }
  return undefined;
}

/** An attribute name argument (getattr and friends). */
function attrName(x: any): string {
  return argStr(x);
}

/** Bytes of a bytes-like object, or null. */
function bytesOf(x: any): Uint8Array | null {
  return typeof x === "object" ? strHooks.bytesData(x) : null;
}

/** A builtin type by name, once the file that defines it has loaded (late binding). */
function builtinTypeNamed(name: string): PyType | undefined {
  const queue: PyType[] = [objectType];
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i];
    if (t.$name === name && !t.$user) return t;
    for (const s of t.$subclasses) if (!s.$user) queue.push(s);
  }
  return undefined;
}

// ---------------------------------------------------------------- numbers

function builtin_abs(x: any): any {
  if (x === undefined) missingArgs("", 1, 0);
  if (typeof x === "number") return x < 0 ? -x : x;
  if (typeof x === "bigint") return x < 0n ? -x : x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "object" && x.$cls === floatType) return new PyFloat(Math.abs(x.$v));
  const c = complexAbs(x);
  return c !== undefined ? c : unarySpecial("__abs__", x);
}

function unarySpecial(name: string, x: any): any {
  const f = protoOf(x)[name];
  if (f === undefined) throw typeError(`unsupported type for ${name}: '${typeName(x)}'`);
  return callSpecial(f, x);
}

/** int → "0x1f"-style text; non-ints go through format() (and its errors). */
function intToBase(x: any, radix: number, code: string): string {
  if (x === undefined) missingArgs("", 1, 0);
  const v = intValue(x);
  if (v === undefined) return langHooks.format(x, "#" + code);
  const neg = v < 0;
  const digits = (neg ? -v : v).toString(radix);
  return (neg ? "-0" : "0") + code + digits;
}

function builtin_divmod(a: any, b: any): any {
  if (b === undefined) missingArgs("", 2, (a === undefined ? 0 : 1));
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError();
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    const q = (a - r) / b;
    if (Number.isSafeInteger(a - r)) return mkTuple([q + 0, r + 0]);
  }
  const ia = intValue(a), ib = intValue(b);
  if (ia !== undefined && ib !== undefined && typeof a !== "object" && typeof b !== "object") {
    const x = BigInt(ia), y = BigInt(ib);
    if (y === 0n) throw zeroDivisionError();
    let r = x % y;
    if (r !== 0n && r < 0n !== y < 0n) r += y;
    return mkTuple([normBig((x - r) / y), normBig(r)]);
  }
  return binaryOp("__divmod__", "__rdivmod__", a, b);
}

function builtin_pow(a: any, b: any, m?: any): any {
  if (b === undefined) missingArgs("pow", 2, a === undefined ? 0 : 1);
  if (m === undefined || m === None) return opPow(a, b);
  const x = intValue(a), e = intValue(b), n = intValue(m);
  if (x === undefined || e === undefined || n === undefined) throw typeError("pow() with 3 arguments requires integers");
  if (n === 0 || n === 0n) throw valueError("divide by zero");
  return powMod(BigInt(x), BigInt(e), BigInt(n));
}

/** (base ** exp) % mod by square-and-multiply; the result has the sign of mod (Python's %). */
function powMod(base: bigint, exp: bigint, mod: bigint): number | bigint {
  if (exp < 0n) throw valueError("pow() 2nd argument cannot be negative when 3rd argument specified");
  const m = mod < 0n ? -mod : mod;
  let result = 1n % m;
  let b = ((base % m) + m) % m;
  while (exp > 0n) {
    if (exp & 1n) result = (result * b) % m;
    b = (b * b) % m;
    exp >>= 1n;
  }
  if (mod < 0n && result !== 0n) result += mod;
  return normBig(result);
}

function builtin_round(x: any, nd?: any): any {
  if (x === undefined) missingArgs("", 1, 0);
  const ndigits = nd === undefined || nd === None ? undefined : toIndex(nd);
  const iv = intValue(x);
  if (iv !== undefined) return ndigits === undefined || ndigits >= 0 ? normBig(BigInt(iv)) : roundInt(BigInt(iv), -ndigits);
  if (x instanceof PyFloat) {
    if (ndigits === undefined) return floatToInt(roundHalfEven(x.$v));
    const mult = Math.pow(10, ndigits);
    return new PyFloat(roundHalfEven(x.$v * mult) / mult);
  }
  const f = protoOf(x).__round__;
  if (f !== undefined) return nd === undefined ? callSpecial(f, x) : callSpecial(f, x, nd);
  throw typeError(`can't convert ${typeName(x)} to float`);
}

/** Rounds an int to a multiple of 10**digits, halves to even (MicroPython's algorithm). */
function roundInt(v: bigint, digits: number): number | bigint {
  const mult = 10n ** BigInt(digits);
  const half = mult / 2n;
  const modulo = ((v % mult) + mult) % mult;
  const rounded = v - modulo;
  if (half > modulo) return normBig(rounded);
  if (modulo > half) return normBig(rounded + mult);
  return normBig(((v - modulo) / mult) & 1n ? rounded + mult : rounded);
}

/** C's nearbyint in the default mode: nearest, ties to even. */
export function roundHalfEven(v: number): number {
  if (!Number.isFinite(v)) return v;
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** An integral float as a Python int. */
function floatToInt(v: number): number | bigint {
  if (v !== v) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw overflowError("cannot convert float infinity to integer");
  return Number.isSafeInteger(v) ? v + 0 : normBig(BigInt(v));
}

function builtin_sum(iterable: any, start?: any): any {
  let acc = start === undefined ? 0 : start;
  if (iterable instanceof PyList || iterable instanceof PyTuple) {
    const a = iterable.$a;
    for (let i = 0; i < a.length; i++) acc = add(acc, a[i]);
    return acc;
  }
  const it = getIter(iterable);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) acc = add(acc, v);
  return acc;
}

// ---------------------------------------------------------------- min, max

const NO_DEFAULT: any = Object.freeze(Object.create(null));

/** min/max: `better(a, b)` says whether key a beats the best key b so far. */
function minMax(items: any[], key: any, dflt: any, better: (a: any, b: any) => any): any {
  if (items.length === 0) throw typeError("function missing 1 required positional arguments");
  const useKey = key !== None && key !== undefined;
  let best: any = STOP;
  let bestKey: any;
  const consider = (v: any) => {
    const k = useKey ? call(key, [v], null) : v;
    if (best === STOP || isTrue(better(k, bestKey))) {
      best = v;
      bestKey = k;
    }
  };
  if (items.length === 1) {
    const it = getIter(items[0]);
    for (let v = iterNext(it); v !== STOP; v = iterNext(it)) consider(v);
    if (best === STOP) {
      if (dflt === NO_DEFAULT || dflt === undefined) throw valueError("arg is an empty sequence");
      return dflt;
    }
    return best;
  }
  for (let i = 0; i < items.length; i++) consider(items[i]);
  return best;
}

const minMaxSig = () => sig([], [], { varargs: true, kwonly: ["key", "default"], kwDefaults: [None, NO_DEFAULT] });
const builtin_max = withSig("max", (args: PyTuple | undefined, key: any, dflt: any) => minMax(args?.$a ?? [], key, dflt, gt), minMaxSig());
const builtin_min = withSig("min", (args: PyTuple | undefined, key: any, dflt: any) => minMax(args?.$a ?? [], key, dflt, lt), minMaxSig());
// Entries for positional arguments without keywords (call.ts), `min(255, max(0, v))` above all.
function max_pos(a: any, b: any): any {
  if (b === undefined) return minMax(a === undefined ? [] : [a], None, NO_DEFAULT, gt);
  if (typeof a === "number" && typeof b === "number") return b > a ? b : a;
  return isTrue(gt(b, a)) ? b : a;
}
function min_pos(a: any, b: any): any {
  if (b === undefined) return minMax(a === undefined ? [] : [a], None, NO_DEFAULT, lt);
  if (typeof a === "number" && typeof b === "number") return b < a ? b : a;
  return isTrue(lt(b, a)) ? b : a;
}
(builtin_max as any).$pos = max_pos;
(max_pos as any).$n = 2;
(builtin_min as any).$pos = min_pos;
(min_pos as any).$n = 2;

// ---------------------------------------------------------------- iteration

function builtin_all(x: any): boolean {
  if (x === undefined) missingArgs("", 1, 0);
  if (x instanceof PyList || x instanceof PyTuple) {
    for (const v of x.$a) if (!isTrue(v)) return false;
    return true;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (!isTrue(v)) return false;
  return true;
}

function builtin_any(x: any): boolean {
  if (x === undefined) missingArgs("", 1, 0);
  if (x instanceof PyList || x instanceof PyTuple) {
    for (const v of x.$a) if (isTrue(v)) return true;
    return false;
  }
  const it = getIter(x);
  for (let v = iterNext(it); v !== STOP; v = iterNext(it)) if (isTrue(v)) return true;
  return false;
}

/** iter(callable, sentinel): calls until the result equals the sentinel. */
class PyCallableIter extends PyObject {
  constructor(public $f: any, public $sentinel: any, public $done = false) {
    super();
  }
  $next(): any {
    if (this.$done) return STOP;
    const v = call(this.$f, [], null);
    if (v === this.$sentinel || eqBool(v, this.$sentinel)) {
      this.$done = true;
      return STOP;
    }
    return v;
  }
}
const callableIterType = defineBuiltinType("callable_iterator", PyCallableIter.prototype);
addMethods(callableIterType, {
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", (self: PyCallableIter) => {
    const v = self.$next();
    if (v === STOP) throw newExc(StopIteration);
    return v;
  }),
});

function builtin_iter(x: any, sentinel?: any): any {
  if (sentinel !== undefined) return new PyCallableIter(x, sentinel);
  if (x === undefined) missingArgs("iter", 1, 0);
  return getIter(x);
}

function builtin_next(it: any, dflt?: any): any {
  if (it === undefined) missingArgs("next", 1, 0);
  if (typeof it === "object" && it.$next !== undefined) {
    takeStopArg();
    const v = it.$next();
    if (v !== STOP) return v;
    if (dflt !== undefined) return dflt;
    const ret = it instanceof PyGenerator ? it.$ret : takeStopArg();
    throw ret === None ? newExc(StopIteration) : newExc(StopIteration, ret);
  }
  const f = typeof it === "object" ? it.__next__ : undefined;
  if (f === undefined) throw typeError(`'${typeName(it)}' object isn't an iterator`);
  if (dflt === undefined) return callSpecial(f, it);
  try {
    return callSpecial(f, it);
  } catch (e) {
    if (isPyException(e) && excMatches(e, StopIteration)) return dflt;
    throw e;
  }
}

function builtin_len(x: any): any {
  if (x === undefined) missingArgs("", 1, 0);
  if (typeof x === "string") return strLen(x);
  if (typeof x === "object") {
    const t = x.$cls;
    if (t === listType || t === tupleType) return x.$a.length;
    if (t === dictType) return x.$t.size;
  }
  const f = protoOf(x).__len__;
  if (f === undefined) throw typeError(`object of type '${typeName(x)}' has no len()`);
  return callSpecial(f, x);
}

const builtin_sorted = withSig("sorted", (args: PyTuple, key: any, reverse: any) => {
  if (args.$a.length !== 1) {
    if (args.$a.length > 1) throw typeError("must use keyword argument for key function");
    missingArgs("sorted", 1, 0);
  }
  const a = toArray(args.$a[0]);
  sortArray(a, key, reverse);
  return mkList(a);
}, sig([], [], { varargs: true, kwonly: ["key", "reverse"], kwDefaults: [None, false] }));

// ---------------------------------------------------------------- objects and attributes

function builtin_callable(x: any): boolean {
  if (x === undefined) missingArgs("", 1, 0);
  if (typeof x === "function") return true;
  if (typeof x !== "object") return false;
  if (x instanceof PyType || x instanceof PyBoundMethod) return true;
  return protoOf(x).__call__ !== undefined;
}

/**
 * A name getattr/setattr may look up directly on a user-class instance: not internal ($...),
 * not special (_...: __class__, __dict__, and JS's own __proto__ live there). Classes are
 * excluded by the callers: a metaclass's prototype has $setOk too, but a class's attributes
 * live on its $proto.
 */
function plainName(name: any): boolean {
  if (typeof name !== "string") return false;
  const c = name.charCodeAt(0);
  return c !== 36 && c !== 95;
}

function builtin_getattr(o: any, name: any, dflt?: any): any {
  // Plain user-class instance: the same guard as generated `o.x` loads (attr.ts).
  if (typeof o === "object" && o !== null && o.$setOk === true && plainName(name) && !(o instanceof PyType)) {
    const v = o[name];
    if (v !== undefined && typeof v !== "function" && (typeof v !== "object" || v.$desc !== true)) return v;
  }
  if (name === undefined) missingArgs("getattr", 2, o === undefined ? 0 : 1);
  const n = attrName(name);
  if (dflt === undefined) return loadAttr(o, n);
  try {
    const v = loadAttrOrUndefined(o, n);
    return v === undefined ? dflt : v;
  } catch (e) {
    if (isPyException(e) && excMatches(e, AttributeError)) return dflt;
    throw e;
  }
}

function builtin_hasattr(o: any, name: any): boolean {
  if (name === undefined) missingArgs("", 2, (o === undefined ? 0 : 1));
  const n = attrName(name);
  try {
    return loadAttrOrUndefined(o, n) !== undefined;
  } catch (e) {
    if (isPyException(e) && excMatches(e, AttributeError)) return false;
    throw e;
  }
}

function builtin_setattr(o: any, name: any, v: any): any {
  // $setOk: no __setattr__ and no data descriptors, as for generated `o.x = v` stores.
  if (typeof o === "object" && o !== null && o.$setOk === true && typeof v !== "function" && v !== undefined && plainName(name) && !(o instanceof PyType)) {
    o[name] = v;
    return None;
  }
  if (v === undefined) missingArgs("setattr", 3, name === undefined ? 1 : 2);
  storeAttr(o, attrName(name), v);
  return None;
}

function builtin_delattr(o: any, name: any): any {
  if (name === undefined) missingArgs("", 2, (o === undefined ? 0 : 1));
  delAttr(o, attrName(name));
  return None;
}

/** id(): objects by identity; ints, strs and floats by value (equal values share an id). */
function builtin_id(x: any): any {
  if (x === undefined) missingArgs("", 1, 0);
  switch (typeof x) {
    case "object":
    case "function":
      return objectId(x);
    case "number":
      return Number.isSafeInteger(x * 2 + 1) ? x * 2 + 1 : normBig(BigInt(x) * 2n + 1n);
    case "boolean":
      return x ? 0x0e : 0x06;
    default: {
      const h = hash(x);
      return typeof h === "number" ? h * 4 + 2 : normBig(h * 4n + 2n);
    }
  }
}

/** isinstance/issubclass's test: classinfo is a class or a (nested) tuple of them. */
function isSubclassOf(t: PyType, classinfo: any): boolean {
  if (classinfo instanceof PyType) return classinfo === objectType || isSubtype(t, classinfo);
  if (classinfo instanceof PyTuple) {
    for (const c of classinfo.$a) {
      if (c instanceof PyType ? c === objectType || isSubtype(t, c) : c instanceof PyTuple && isSubclassOf(t, c)) return true;
    }
    return false;
  }
  throw typeError("issubclass() arg 2 must be a class or a tuple of classes");
}

function builtin_isinstance(x: any, classinfo: any): boolean {
  if (classinfo === undefined) missingArgs("isinstance", 2, x === undefined ? 0 : 1);
  return isSubclassOf(typeOf(x), classinfo);
}

function builtin_issubclass(c: any, classinfo: any): boolean {
  if (classinfo === undefined) missingArgs("", 2, (c === undefined ? 0 : 1));
  if (!(c instanceof PyType)) throw typeError("issubclass() arg 1 must be a class");
  return isSubclassOf(c, classinfo);
}

function builtin_dir(o?: any): PyList {
  if (o === undefined) return mkList(Object.keys(builtinsHooks.callerLocals()));
  const d = protoOf(o).__dir__;
  if (d !== undefined && d.$builtin !== true) return mkList(toArray(callSpecial(d, o)));
  const names = new Set<string>();
  const addKeys = (obj: any) => {
    for (const k of Object.keys(obj)) if (k.charCodeAt(0) !== 36 && obj[k] !== undefined) names.add(k);
  };
  if (o instanceof PyModule) {
    addKeys(o.$d);
    return mkList([...names].sort());
  }
  if (typeof o === "object" && !(o instanceof PyType)) addKeys(o);
  if (typeof o === "function") {
    for (const k of Object.keys(o)) if (k.charCodeAt(0) !== 36) names.add(k);
    names.add("__name__");
  }
  for (let p = o instanceof PyType ? o.$proto : protoOf(o); p !== null; p = Object.getPrototypeOf(p)) addKeys(p);
  names.add("__class__");
  if (o instanceof PyType) names.add("__name__");
  return mkList([...names].sort());
}

function builtin_vars(o?: any): any {
  if (o === undefined) return globalsDict(builtinsHooks.callerLocals());
  const d = loadAttrOrUndefined(o, "__dict__");
  if (d === undefined) throw typeError("vars() argument must have __dict__ attribute");
  return d;
}

// ---------------------------------------------------------------- strings and characters

function builtin_ord(x: any): number {
  if (typeof x === "string" && x.length === 1) return x.charCodeAt(0);
  if (x === undefined) missingArgs("", 1, 0);
  if (isStr(x)) return strOrd(x);
  const b = bytesOf(x);
  if (b === null) throw typeError(`can't convert '${typeName(x)}' object to str implicitly`);
  if (b.length !== 1) throw typeError(`ord() expected a character, but string of length ${b.length} found`);
  return b[0];
}

const builtin_print = withSig("print", (args: PyTuple | undefined, sep: any, end: any, file: any) => {
  const items = args === undefined ? [] : args.$a;
  const sepS = sep === undefined || sep === None ? " " : argStr(sep);
  const endS = end === undefined || end === None ? "\n" : argStr(end);
  if (file !== undefined && file !== None) {
    // A stream: MicroPython writes each piece separately. A builtin stream's write method (found
    // on its type) is called as it is, without a bound method per print.
    const bw = typeof file === "object" ? file.write : undefined;
    const iob = isIOBase(file); // an io.IOBase subclass: its write() gets bytes, results checked
    const w = iob || (typeof bw === "function" && bw.$builtin === true) ? null : loadAttr(file, "write");
    const put = (s: string): void => {
      if (iob) iobaseWrite(file, encodeUtf8(s).$b);
      else if (w === null) bw(file, s);
      else call(w, [s], null);
    };
    for (let i = 0; i < items.length; i++) {
      if (i > 0) put(sepS);
      put(str(items[i]));
    }
    put(endS);
    return None;
  }
  let out = "";
  for (let i = 0; i < items.length; i++) out += i > 0 ? sepS + str(items[i]) : str(items[i]);
  io.write(out + endS);
  return None;
}, sig([], [], { varargs: true, kwonly: ["sep", "end", "file"], kwDefaults: [" ", "\n", None] }));

function builtin_input(prompt?: any): string {
  const line = io.readLine(prompt === undefined ? "" : str(prompt));
  if (line === null) throw newExc(EOFError);
  return line;
}

// ---------------------------------------------------------------- globals, exec, eval, compile
// (globals() dicts are live views of namespace objects: runtime/nsdict.ts)

export { globalsDict };

function allStrKeys(d: PyDict): boolean {
  for (const e of d.$t.entries()) if (typeof e.k !== "string" || e.k.charCodeAt(0) === 36) return false;
  return true;
}

/** Copies a dict's str keys into a namespace object. */
function fillNs(ns: any, d: PyDict): void {
  for (const e of d.$t.entries()) if (typeof e.k === "string") ns[e.k] = e.v;
}

/** Writes a namespace's own names back into the dict it was made from. */
function syncBack(ns: any, d: PyDict): void {
  for (const k of Object.keys(ns)) d.$t.set(k, ns[k]);
  for (const e of [...d.$t.entries()]) if (typeof e.k === "string" && !hasOwn.call(ns, e.k)) d.$t.delete(e.k);
}

interface ExecScope {
  ns: any;
  done: () => void;
}

/** The namespace to run exec/eval code in, from the optional globals and locals arguments. */
function execScope(gArg: any, lArg: any): ExecScope {
  if (gArg !== undefined && gArg !== None && !(gArg instanceof PyDict)) throw typeError("globals must be a dict");
  if (lArg !== undefined && lArg !== None && !(lArg instanceof PyDict)) throw typeError("locals must be a dict");
  let g: any;
  const after: (() => void)[] = [];
  if (gArg instanceof PyDict) {
    g = nsOfDict(gArg);
    if (g === undefined) {
      g = Object.create(getBuiltins());
      fillNs(g, gArg);
      if (allStrKeys(gArg)) {
        // The dict becomes a view of the namespace the code runs in (its functions keep it).
        adoptDict(gArg, g);
      } else {
        const gd = gArg, gns = g;
        after.push(() => syncBack(gns, gd));
      }
    }
  } else {
    g = builtinsHooks.callerGlobals();
    // Without dicts, names also come from and go to the running top-level code's namespace
    // (MicroPython's mp_locals), which differs from g in a function of another module.
    const top = builtinsHooks.callerLocals();
    if (top !== g && (lArg === undefined || lArg === None)) lArg = globalsDict(top);
  }
  let ns = g;
  if (lArg instanceof PyDict && lArg !== gArg) {
    ns = nsOfDict(lArg);
    if (ns !== g) {
      // Names are looked up in locals, then globals, then builtins; new names go to locals.
      const lns = Object.create(g);
      fillNs(lns, lArg);
      const ld = lArg;
      after.push(() => syncBack(lns, ld));
      ns = lns;
    }
  }
  return { ns, done: () => after.forEach((f) => f()) };
}

/** The code object made by compile(): compiled once, run by each exec/eval. */
export class PyCode extends PyObject {
  constructor(public $code: CompiledCode, public $file: string, public $mode: CompileMode) {
    super();
  }
}
export const codeType = defineBuiltinType("code", PyCode.prototype);

/** Source text from a str or a bytes-like object. */
function sourceText(x: any): string {
  if (isStr(x)) return S(x);
  const b = bytesOf(x);
  if (b === null) throw typeError(`can't convert '${typeName(x)}' object to str implicitly`);
  return decodeUtf8(b);
}

function runIn(src: any, mode: CompileMode, gArg: any, lArg: any): any {
  const code = src instanceof PyCode ? src : new PyCode(builtinsHooks.compile(sourceText(src), "<string>", mode), "<string>", mode);
  const scope = execScope(gArg, lArg);
  try {
    const r = builtinsHooks.run(code.$code, code.$file, scope.ns);
    return r === undefined || code.$mode !== "eval" ? None : r;
  } finally {
    scope.done();
  }
}

function builtin_exec(src: any, g?: any, l?: any): any {
  runIn(src, "exec", g, l);
  return None;
}

function builtin_eval(src: any, g?: any, l?: any): any {
  return runIn(src, "eval", g, l);
}

const builtin_compile = withSig("compile", (source: any, filename: any, mode: any) => {
  const m = argStr(mode);
  if (m !== "exec" && m !== "eval" && m !== "single") throw valueError("bad compile mode");
  const file = str(filename);
  return new PyCode(builtinsHooks.compile(sourceText(source), file, m), file, m);
}, sig(["source", "filename", "mode", "flags", "dont_inherit"], [0, false]));

function builtin_execfile(file: any, g?: any, l?: any): any {
  const name = argStr(file);
  // Through open() (the VFS: a mounted user file system's open(path, "rb") is asked), as
  // MicroPython's mp_builtin_execfile reads the file.
  const f = builtinsHooks.open(name, "rb");
  let data: Uint8Array;
  if (isIOBase(f)) data = iobaseReadAll(f);
  else if (typeof f === "object" && f !== null && loadAttrOrUndefined(f, "read") !== undefined) {
    const b = getBufferOrNull(callMethod(f, "read", [], null));
    if (b === null) throw newExc(exceptionTypes.OSError, 5);
    data = b.bytes;
  } else throw newExc(exceptionTypes.OSError, "stream operation not supported");
  if (loadAttrOrUndefined(f, "close") !== undefined) callMethod(f, "close", [], null);
  runIn(new PyCode(builtinsHooks.compile(decodeUtf8(data), name, "exec"), name, "exec"), "exec", g, l);
  return None;
}

// ---------------------------------------------------------------- classes and imports

const builtin_import = withSig("__import__", (name: any, globals: any, _locals: any, fromlist: any, level: any) => {
  const lvl = toIndex(level);
  if (lvl < 0) throw valueError("level must be >= 0");
  // globals only matter (and must be a dict) for a relative import.
  if (lvl > 0 && globals !== None && !(globals instanceof PyDict)) throw typeError("globals must be a dict");
  // MicroPython resolves a relative import without globals against the calling module.
  let g: any = lvl > 0 && globals === None ? builtinsHooks.callerGlobals() : null;
  if (globals instanceof PyDict) {
    g = nsOfDict(globals);
    if (g === undefined) {
      g = Object.create(null);
      fillNs(g, globals);
    }
  }
  const fl = fromlist === None || !isTrue(fromlist) ? None : fromlist;
  return builtinImport(argStr(name), g, fl, lvl);
}, sig(["name", "globals", "locals", "fromlist", "level"], [None, None, None, 0]));
(builtin_import as any).$builtinImport = true;

const builtin_build_class = withSig("__build_class__", (body: any, name: any, bases: PyTuple, kw: PyDict) => {
  let k: Kw = null;
  for (const e of kw.$t.entries()) (k ??= Object.create(null))[e.k] = e.v;
  const mod = builtinsHooks.callerGlobals().__name__ ?? "__main__";
  return buildClass(body, argStr(name), bases.$a, k, mod, argStr(name));
}, sig(["func", "name"], [], { varargs: true, varkw: true }));
(builtin_build_class as any).$buildClass = true;

// ---------------------------------------------------------------- help

const HELP_TEXT = `Welcome to MicroPython!

For online docs please visit http://docs.micropython.org/

Control commands:
  CTRL-A        -- on a blank line, enter raw REPL mode
  CTRL-B        -- on a blank line, enter normal REPL mode
  CTRL-C        -- interrupt a running program
  CTRL-D        -- on a blank line, exit or do a soft reset
  CTRL-E        -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
`;

function helpModules(): void {
  const names = builtinModuleNames();
  if (!names.includes("__main__")) names.push("__main__");
  if (!names.includes("builtins")) names.push("builtins");
  names.sort();
  const rows = Math.ceil(names.length / 4);
  for (let i = 0; i < rows; i++) {
    let line = "";
    for (let j = i; j < names.length; j += rows) {
      line += names[j];
      if (j + rows < names.length) {
        let gap = 18 - names[j].length;
        while (gap < 1) gap += 18;
        line += " ".repeat(gap);
      }
    }
    io.write(line + "\n");
  }
  io.write("Plus any modules on the filesystem\n");
}

function builtin_help(o?: any): any {
  if (o === undefined) {
    io.write(HELP_TEXT);
    return None;
  }
  if (o === "modules") {
    helpModules();
    return None;
  }
  io.write(`object ${str(o)} is of type ${typeName(o)}\n`);
  let entries: [string, any][] = [];
  if (o instanceof PyModule) entries = Object.keys(o.$d).map((k) => [k, o.$d[k]]);
  else {
    const t: PyType = o instanceof PyType ? o : typeOf(o);
    const p = t.$proto;
    // A builtin type's special methods are slots in MicroPython, not listed.
    entries = Object.keys(p)
      .filter((k) => k.charCodeAt(0) !== 36 && p[k] !== undefined && (t.$user || !k.startsWith("__")))
      .map((k) => [k, p[k]]);
    if (t.$user) entries = [["__module__", t.$module], ...entries, ["__qualname__", t.$qualname]];
  }
  for (const [k, v] of entries) io.write(`  ${k} -- ${str(v)}\n`);
  return None;
}

// ---------------------------------------------------------------- the namespace

function globalsBuiltin(): any {
  return globalsDict(builtinsHooks.callerGlobals());
}

function localsBuiltin(): any {
  return globalsDict(builtinsHooks.callerLocals());
}

export function makeBuiltins(): any {
  initExceptionTypes();
  const b: any = Object.create(null);
  b.__name__ = "builtins";
  const lateTypes = ["bytearray", "bytes", "complex", "enumerate", "filter", "map", "memoryview", "range", "reversed", "zip"];
  const types: Record<string, PyType | undefined> = {
    bool: boolType, classmethod: classMethodType, dict: dictType, float: floatType, frozenset: frozensetType,
    int: intType, list: listType, object: objectType, property: propertyType, set: setType, slice: sliceType,
    staticmethod: staticMethodType, str: strType, super: superType, tuple: tupleType, type: typeType,
  };
  for (const n of lateTypes) types[n] = builtinTypeNamed(n);
  for (const [n, t] of Object.entries(types)) if (t !== undefined) b[n] = t;
  const fns: Record<string, (...a: any[]) => any> = {
    __build_class__: builtin_build_class, __import__: builtin_import,
    abs: builtin_abs, all: builtin_all, any: builtin_any,
    bin: (x: any) => intToBase(x, 2, "b"), callable: builtin_callable,
    chr: (x: any) => (x === undefined ? missingArgs("", 1, 0) : strChr(x)), compile: builtin_compile, delattr: builtin_delattr, dir: builtin_dir,
    divmod: builtin_divmod, eval: builtin_eval, exec: builtin_exec, execfile: builtin_execfile,
    getattr: builtin_getattr, globals: globalsBuiltin, hasattr: builtin_hasattr,
    hash: (x: any) => (x === undefined ? missingArgs("", 1, 0) : hash(x)), help: builtin_help, hex: (x: any) => intToBase(x, 16, "x"),
    id: builtin_id, input: builtin_input, isinstance: builtin_isinstance, issubclass: builtin_issubclass,
    iter: builtin_iter, len: builtin_len, locals: localsBuiltin, max: builtin_max, min: builtin_min,
    next: builtin_next, oct: (x: any) => intToBase(x, 8, "o"),
    open: (...args: any[]) => builtinsHooks.open(...args), ord: builtin_ord, pow: withSig("pow", builtin_pow, sig(["base", "exp", "mod"], [None])),
    print: builtin_print, repr: (x: any) => (x === undefined ? missingArgs("", 1, 0) : repr(x)), round: withSig("round", builtin_round, sig(["number", "ndigits"], [None])), setattr: builtin_setattr,
    sorted: builtin_sorted, sum: builtin_sum, vars: builtin_vars,
  };
  (fns.open as any).$sig = (builtinOpen as any).$sig;
  setArity(fns.open, 0);
  for (const [n, f] of Object.entries(fns)) b[n] = (f as any).$builtin ? f : builtin(n, f);
  b.NotImplemented = NotImplemented;
  b.Ellipsis = Ellipsis;
  // True unless running optimised (MicroPython: `-O`, micropython.opt_level() > 0).
  b.__debug__ = true;
  for (const [n, t] of Object.entries(exceptionTypes)) b[n] = t;
  return b;
}
