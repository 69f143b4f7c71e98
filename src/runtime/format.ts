// String formatting: str.format, str % args, str.__format__, and the general format(value,
// spec) behind the `format()` builtin and f-strings (langHooks.format). Templates are parsed
// here; numbers are formatted by numfmt.ts (MicroPython's exact float output).
//
// MicroPython's behaviour (py/objstr.c, mp_obj_str_format_helper / str_modulo_format) is the
// reference; beyond it we also accept `{0.attr}` / `{0[key]}` field access like CPython.

import { strType, typeOf, protoOf, addMethods, builtin, None } from "./object.ts";
import { typeError, valueError, newExc, IndexError, KeyError, OverflowError } from "./exceptions.ts";
import { repr, str, toIndex, getItem, callSpecial } from "./ops.ts";
import { loadAttr } from "./attr.ts";
import { PyTuple } from "./types/tuple.ts";
import { PyDict, dictType } from "./types/dict.ts";
import { PyFloat, floatType } from "./types/float.ts";
import { langHooks } from "./hooks.ts";
import {
  parseSpec, formatInt, formatFloat, percentInt, percentFloat, type ParsedSpec, type PercentSpec,
} from "./numfmt.ts";
import { S, isStr, strLen, badImplicit, hasAstral } from "./types/str.ts";
import type { FunctionSig } from "./types/function.ts";

// ---------------------------------------------------------------- format(value, spec)

/**
 * format(value, spec): str, int, bool and float are formatted here; other objects through
 * their own __format__, else (empty spec only) as str(value).
 */
export function formatValue(v: any, spec: string): string {
  switch (typeof v) {
    case "string":
      return spec === "" ? v : formatStr(v, spec);
    case "number":
    case "bigint":
      return spec === "" ? String(v) : formatIntSpec(v, parseSpec(spec));
    case "boolean":
      return spec === "" ? (v ? "True" : "False") : formatIntSpec(v ? 1 : 0, parseSpec(spec));
  }
  if (v instanceof PyFloat && v.$cls === floatType) return spec === "" ? str(v) : formatFloat(v.$v, parseSpec(spec));
  return formatObject(v, spec);
}

function formatObject(v: any, spec: string): string {
  const f = protoOf(v).__format__;
  if (f !== undefined && f !== None) {
    const r = callSpecial(f, v, spec);
    if (!isStr(r)) throw typeError("__format__ must return a str");
    return S(r);
  }
  if (v instanceof PyFloat) return spec === "" ? str(v) : formatFloat(v.$v, parseSpec(spec));
  if (typeof v === "object" && v.$v !== undefined && (typeof v.$v === "number" || typeof v.$v === "bigint"))
    return spec === "" ? str(v) : formatIntSpec(v.$v, parseSpec(spec));
  if (spec === "") return str(v);
  throw badImplicit(v);
}

/** An int for a spec, with the 'c' range check (OverflowError, as MicroPython). */
function formatIntSpec(v: number | bigint, spec: ParsedSpec): string {
  if (spec.type === "c" && (v < 0 || v >= 0x110000)) throw newExc(OverflowError, "char not in range(0x110000)");
  return formatInt(v, spec);
}

/** A str for a spec: type '' or 's', precision truncates, padding in code points. */
export function formatStr(s: string, specText: string): string {
  const spec = parseSpec(specText);
  const t = spec.type;
  if (t !== "" && t !== "s") throw valueError(`unknown format code '${t}' for object of type 'str'`);
  if (spec.sign === "+" || spec.sign === " ") throw valueError("sign not allowed in string format specifier");
  if (spec.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  if (spec.precision >= 0) s = truncate(s, spec.precision);
  const fill = spec.fill !== "" ? spec.fill : spec.zero ? "0" : " ";
  return padStr(s, spec.width, spec.align === "" ? "<" : spec.align, fill);
}

/** The first n code points of s. */
function truncate(s: string, n: number): string {
  if (!hasAstral(s)) return s.length > n ? s.slice(0, n) : s;
  return Array.from(s).slice(0, n).join("");
}

/** Pads s to width code points (align '<' '>' '^'; the odd pad character goes right). */
export function padStr(s: string, width: number, align: string, fill: string): string {
  const n = width - (hasAstral(s) ? strLen(s) : s.length);
  if (n <= 0) return s;
  if (align === ">") return fill.repeat(n) + s;
  if (align === "^") {
    const left = n >> 1;
    return fill.repeat(left) + s + fill.repeat(n - left);
  }
  return s + fill.repeat(n);
}

langHooks.format = formatValue;

// ---------------------------------------------------------------- str.format

/** Auto-numbering state shared by a template and its nested specs: >0 auto, -1 manual. */
interface FmtState {
  next: number;
}

/** template.format(*args, **kw). */
export function strFormat(tpl: string, args: any[], kw: PyDict | null): string {
  // Fast path: nothing to substitute.
  if (tpl.indexOf("{") < 0 && tpl.indexOf("}") < 0) return tpl;
  return formatHelper(tpl, { next: 0 }, args, kw);
}

function formatHelper(tpl: string, st: FmtState, args: any[], kw: PyDict | null): string {
  let out = "";
  const n = tpl.length;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const c = tpl.charCodeAt(i);
    if (c === 0x7d /* } */) {
      if (i + 1 < n && tpl.charCodeAt(i + 1) === 0x7d) {
        out += tpl.slice(run, i + 1);
        run = ++i + 1;
        continue;
      }
      throw valueError("single '}' encountered in format string");
    }
    if (c !== 0x7b /* { */) continue;
    out += tpl.slice(run, i);
    if (i + 1 < n && tpl.charCodeAt(i + 1) === 0x7d && st.next >= 0) {
      // `{}`: the next positional argument, as str()
      if (st.next >= args.length) throw newExc(IndexError, "tuple index out of range");
      const v = args[st.next++];
      out += typeof v === "string" ? v : str(v);
      run = ++i + 1;
      continue;
    }
    if (i + 1 < n && tpl.charCodeAt(i + 1) === 0x7b) {
      out += "{";
      run = ++i + 1;
      continue;
    }
    out += replacementField(tpl, i + 1, st, args, kw);
    i = fieldEnd;
    run = i + 1;
  }
  return out + tpl.slice(run);
}

/** Index of the '}' that closed the last replacement field (set by replacementField). */
let fieldEnd = 0;

/**
 * Parses and formats one `{field!conv:spec}` starting after its '{'; returns the result and
 * leaves the index of the closing '}' in fieldEnd.
 */
function replacementField(tpl: string, i: number, st: FmtState, args: any[], kw: PyDict | null): string {
  const n = tpl.length;
  const nameStart = i;
  while (i < n && tpl[i] !== "}" && tpl[i] !== "!" && tpl[i] !== ":") i++;
  const name = tpl.slice(nameStart, i);
  let conv = "";
  if (i < n && tpl[i] === "!") {
    i++;
    if (i < n && (tpl[i] === "r" || tpl[i] === "s")) conv = tpl[i++];
    else if (i >= n) throw valueError("end of format while looking for conversion specifier");
    else throw valueError(`unknown conversion specifier ${tpl[i]}`);
  }
  let spec: string | null = null;
  if (i < n && tpl[i] === ":") {
    i++;
    const specStart = i;
    for (let nest = 1; i < n; i++) {
      if (tpl[i] === "{") nest++;
      else if (tpl[i] === "}" && --nest === 0) break;
    }
    if (i > specStart) spec = tpl.slice(specStart, i);
  }
  if (i >= n) throw valueError("unmatched '{' in format");
  if (tpl[i] !== "}") throw valueError("expected ':' after format specifier");
  let arg = fieldValue(name, st, args, kw);
  if (spec === null && conv === "") conv = "s";
  if (conv === "s") arg = str(arg);
  else if (conv === "r") arg = repr(arg);
  let out: string;
  if (spec === null) out = arg;
  else out = formatValue(arg, spec.indexOf("{") >= 0 ? formatHelper(spec, st, args, kw) : spec);
  fieldEnd = i;
  return out;
}

/** The object a field name designates: `N`, `name`, or auto-numbered, then .attr / [key]. */
function fieldValue(name: string, st: FmtState, args: any[], kw: PyDict | null): any {
  let j = 0;
  while (j < name.length && name[j] !== "." && name[j] !== "[") j++;
  const first = name.slice(0, j);
  let v: any;
  if (first === "") {
    if (st.next < 0) throw valueError("can't switch from manual field specification to automatic field numbering");
    if (st.next >= args.length) throw newExc(IndexError, "tuple index out of range");
    v = args[st.next++];
  } else if (isDigits(first)) {
    if (st.next > 0) throw valueError("can't switch from automatic field numbering to manual field specification");
    const k = parseInt(first, 10);
    if (k >= args.length) throw newExc(IndexError, "tuple index out of range");
    v = args[k];
    st.next = -1;
  } else {
    const e = kw === null ? undefined : kw.$t.get(first);
    if (e === undefined) throw newExc(KeyError, first);
    v = e.v;
  }
  return j < name.length ? fieldAccess(v, name, j) : v;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** Applies `.attr` and `[key]` parts (keys that are digits index by int). */
function fieldAccess(v: any, name: string, j: number): any {
  while (j < name.length) {
    if (name[j] === ".") {
      let k = ++j;
      while (k < name.length && name[k] !== "." && name[k] !== "[") k++;
      if (k === j) throw valueError("empty attribute in format string");
      v = loadAttr(v, name.slice(j, k));
      j = k;
    } else if (name[j] === "[") {
      const k = name.indexOf("]", j);
      if (k < 0) throw valueError("expected '}' before end of string");
      const key = name.slice(j + 1, k);
      v = getItem(v, isDigits(key) ? parseInt(key, 10) : key);
      j = k + 1;
    } else {
      throw valueError("only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return v;
}

/** str.format(*args, **kw): bound by call.ts as (self, args tuple, kw dict); JS length 0 keeps
 * generated code from calling it directly with plain positional arguments. */
function str_format(...p: any[]): string {
  const kw: PyDict = p[2];
  return strFormat(S(p[0]), (p[1] as PyTuple).$a, kw.$t.size === 0 ? null : kw);
}
const formatSig: FunctionSig = {
  names: ["self"], posonly: 1, defaults: [], kwonly: [], kwDefaults: [], varargs: true, varkw: true,
};
(str_format as any).$sig = formatSig;

/** str.format with up to three positional arguments and no keywords, called directly by the
 * fixed-arity method-call helpers (Python values are never undefined). */
function str_format_pos(self: any, a: any, b: any, c: any): string {
  const args = c !== undefined ? [a, b, c] : b !== undefined ? [a, b] : a !== undefined ? [a] : [];
  return strFormat(S(self), args, null);
}
(str_format as any).$pos = str_format_pos;
(str_format_pos as any).$n = str_format_pos.length;

// ---------------------------------------------------------------- str % args

/** fmt % rhs: rhs is a tuple of args, a dict of named args, or a single arg. */
export function strMod(fmt: string, rhs: any): string {
  let args: any[];
  let dict: PyDict | null = null;
  if (rhs instanceof PyTuple) args = rhs.$a;
  else {
    args = [rhs];
    if (rhs instanceof PyDict && rhs.$cls === dictType) dict = rhs;
  }
  return percentFormat(fmt, args, dict);
}

/** Position in a %-template plus the argument cursor. */
interface PctState {
  i: number;
  argI: number;
}

function percentFormat(fmt: string, args: any[], dict: PyDict | null): string {
  let out = "";
  const n = fmt.length;
  let st: PctState | null = null;
  let i = 0;
  let argI = 0;
  let run = 0;
  for (; i < n; i++) {
    if (fmt.charCodeAt(i) !== 0x25 /* % */) continue;
    out += fmt.slice(run, i);
    if (++i >= n) throw valueError("incomplete format");
    const c = fmt.charCodeAt(i);
    const v = argI < args.length ? args[argI] : undefined;
    if (c === 0x25) out += "%";
    else if (c === 0x64 /* d */ && typeof v === "number") {
      out += String(v);
      argI++;
    } else if (c === 0x73 /* s */ && typeof v === "string") {
      out += v;
      argI++;
    } else {
      if (st === null) st = { i, argI };
      else {
        st.i = i;
        st.argI = argI;
      }
      out += conversion(fmt, st, args, dict);
      i = st.i;
      argI = st.argI;
    }
    run = i + 1;
  }
  out += fmt.slice(run);
  if (dict === null && argI !== args.length) throw typeError("format string didn't convert all arguments");
  return out;
}

/** One `%[(key)][flags][width][.prec]type` conversion; st.i starts after '%', ends on the type. */
function conversion(fmt: string, st: PctState, args: any[], dict: PyDict | null): string {
  const n = fmt.length;
  let arg: any = undefined;
  if (fmt[st.i] === "(") {
    if (dict === null) throw typeError("format needs a dict");
    st.argI = 1;
    const close = fmt.indexOf(")", st.i + 1);
    if (close < 0) throw valueError("incomplete format key");
    const key = fmt.slice(st.i + 1, close);
    const e = dict.$t.get(key);
    if (e === undefined) throw newExc(KeyError, key);
    arg = e.v;
    st.i = close + 1;
  }
  const p: PercentSpec = { left: false, plus: false, space: false, alt: false, zero: false, width: -1, prec: -1 };
  for (; st.i < n; st.i++) {
    const c = fmt[st.i];
    if (c === "-") p.left = true;
    else if (c === "+") p.plus = true;
    else if (c === " ") p.space = true;
    else if (c === "#") p.alt = true;
    else if (c === "0") p.zero = true;
    else break;
  }
  if (st.i < n) p.width = starOrInt(fmt, st, args, 0);
  if (st.i < n && fmt[st.i] === ".") {
    if (++st.i < n) p.prec = starOrInt(fmt, st, args, 0);
  }
  if (st.i >= n) throw valueError("incomplete format");
  if (arg === undefined) {
    if (st.argI >= args.length) throw typeError("format string needs more arguments");
    arg = args[st.argI++];
  }
  return convertOne(fmt, st.i, arg, p);
}

/** A width/precision: `*` takes the next argument, else digits (none → dflt). */
function starOrInt(fmt: string, st: PctState, args: any[], dflt: number): number {
  if (fmt[st.i] === "*") {
    if (st.argI >= args.length) throw typeError("format string needs more arguments");
    st.i++;
    return toIndex(args[st.argI++]);
  }
  let j = st.i;
  while (j < fmt.length && fmt.charCodeAt(j) >= 48 && fmt.charCodeAt(j) <= 57) j++;
  const v = j > st.i ? parseInt(fmt.slice(st.i, j), 10) : dflt;
  st.i = j;
  return v;
}

function convertOne(fmt: string, at: number, arg: any, p: PercentSpec): string {
  const t = fmt[at];
  switch (t) {
    case "s":
    case "r": {
      let s = t === "s" ? str(arg) : repr(arg);
      if (p.prec >= 0) s = truncate(s, p.prec);
      return padStr(s, p.width, p.left ? "<" : ">", " ");
    }
    case "d":
    case "i":
    case "u":
      return percentInt(intArg(arg, true), "d", p);
    case "o":
    case "x":
    case "X":
      return percentInt(intArg(arg, false), t, p);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return percentFloat(floatArg(arg), t, p);
    case "c":
      return padStr(charArg(arg), p.width, p.left ? "<" : ">", " ");
  }
  const code = fmt.charCodeAt(at);
  throw valueError(`unsupported format character '${t}' (0x${code.toString(16)}) at index ${at}`);
}

/** An int argument for %d (floats truncate, __int__ is used) or %o/%x (ints only). */
function intArg(x: any, lenient: boolean): number | bigint {
  if (typeof x === "number" || typeof x === "bigint") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (lenient) {
    if (x instanceof PyFloat) return truncFloat(x.$v);
    const f = typeof x === "object" ? protoOf(x).__int__ : undefined;
    if (f !== undefined) return intArg(callSpecial(f, x), false);
  }
  if (typeof x === "object" && (typeof x.$v === "number" || typeof x.$v === "bigint")) return x.$v;
  if (typeof x === "object" && protoOf(x).__index__ !== undefined) return toIndex(x);
  throw typeError(`can't convert ${typeOf(x).$name} to int`);
}

function truncFloat(v: number): number | bigint {
  if (!Number.isFinite(v)) {
    if (v !== v) throw valueError("cannot convert float NaN to integer");
    throw newExc(OverflowError, "cannot convert float infinity to integer");
  }
  const t = Math.trunc(v) + 0;
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

function floatArg(x: any): number {
  if (x instanceof PyFloat) return x.$v;
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "object") {
    const f = protoOf(x).__float__;
    if (f !== undefined) return floatArg(callSpecial(f, x));
    if (typeof x.$v === "number") return x.$v;
  }
  throw typeError(`can't convert ${typeOf(x).$name} to float`);
}

/** %c: a one-character str or an int code point. */
function charArg(x: any): string {
  if (isStr(x)) {
    const s = S(x);
    if (strLen(s) !== 1) throw typeError("%c needs int or char");
    return s;
  }
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") {
    const c = typeof x === "boolean" ? (x ? 1 : 0) : Number(x);
    if (c < 0 || c >= 0x110000) throw newExc(OverflowError, "char not in range(0x110000)");
    return String.fromCodePoint(c);
  }
  throw typeError("integer needed");
}

// ---------------------------------------------------------------- the str methods added here

addMethods(strType, {
  format: str_format,
  __mod__: builtin("__mod__", (self: any, rhs: any) => strMod(S(self), rhs)),
  __format__: builtin("__format__", (self: any, spec: any) => {
    if (!isStr(spec)) throw badImplicit(spec);
    const sp = S(spec);
    return sp === "" ? S(self) : formatStr(S(self), sp);
  }),
});
(str_format as any).$name = "format";
(str_format as any).$builtin = true;
