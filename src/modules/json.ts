// json: https://docs.micropython.org/en/latest/library/json.html
//
// MicroPython's extmod/modjson.c. Dumping is MicroPython's "JSON print kind": str/bytes are
// quoted with JSON escapes, list/tuple become arrays, dict keys that are not str/bytes are
// printed and then quoted, True/False/None are true/false/null, and any other object prints
// its repr (MicroPython never raises for an unserialisable object). Loading is a one-pass,
// non-recursive parser that, like MicroPython's, accepts a superset of JSON: commas and colons
// count as whitespace and bracket kinds need not pair up.

import { builtin, None, typeOf } from "../runtime/object.ts";
import { newExc, OSError, valueError, typeError, runtimeError } from "../runtime/exceptions.ts";
import { repr } from "../runtime/ops.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { getBufferOrNull } from "../runtime/buffer.ts";
import { PyList, mkList } from "../runtime/types/list.ts";
import { PyTuple } from "../runtime/types/tuple.ts";
import { PyDict, mkDict } from "../runtime/types/dict.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { PyBytes, latin1, encodeUtf8 } from "../runtime/types/bytes.ts";
import { isStr, S, badImplicit } from "../runtime/types/str.ts";
import { parseIntStr } from "../runtime/types/int.ts";
import { PyStream, isIOBase, iobaseWrite, iobaseReadAll } from "./io.ts";
import type { FunctionSig } from "../runtime/types/function.ts";

// ---------------------------------------------------------------- dumping

interface Seps {
  item: string;
  key: string;
}

const defaultSeps: Seps = { item: ", ", key: ": " };

const needsEscape = /["\\\x00-\x1f]/;

/** A str as a JSON string (MicroPython's mp_str_print_json): other chars pass through as is. */
function jsonStr(s: string): string {
  if (!needsEscape.test(s)) return '"' + s + '"';
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 34 && c !== 92) continue;
    out += s.slice(from, i);
    from = i + 1;
    if (c === 34 || c === 92) out += "\\" + s[i];
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else out += "\\u" + c.toString(16).padStart(4, "0");
  }
  return out + s.slice(from) + '"';
}

/** Writes values into one growing string (no intermediate strings per container). */
class Dumper {
  out = "";
  constructor(public seps: Seps) {}

  value(x: any): void {
    switch (typeof x) {
      case "string":
        this.out += jsonStr(x);
        return;
      case "number":
      case "bigint":
        this.out += String(x);
        return;
      case "boolean":
        this.out += x ? "true" : "false";
        return;
    }
    if (x === None) this.out += "null";
    else if (x instanceof PyList || x instanceof PyTuple) this.array(x.$a);
    else if (x instanceof PyDict) this.dict(x);
    else if (x instanceof PyBytes) this.out += jsonStr(latin1(x.$b));
    else if (isStr(x)) this.out += jsonStr(S(x));
    else this.out += repr(x); // floats, and whatever else: its repr
  }

  private array(a: any[]): void {
    this.out += "[";
    for (let i = 0; i < a.length; i++) {
      if (i > 0) this.out += this.seps.item;
      this.value(a[i]);
    }
    this.out += "]";
  }

  private dict(d: PyDict): void {
    this.out += "{";
    let first = true;
    for (const e of d.$t.entries()) {
      if (!first) this.out += this.seps.item;
      first = false;
      const k = e.k;
      if (typeof k === "string") this.out += jsonStr(k);
      else if (k instanceof PyBytes || isStr(k)) this.value(k);
      else {
        // Keys that are not strings are printed in JSON form, then quoted ({1: 2} -> {"1": 2}).
        this.out += '"';
        this.value(k);
        this.out += '"';
      }
      this.out += this.seps.key;
      this.value(e.v);
    }
    this.out += "}";
  }
}

/** The text of obj; a structure nested too deeply (or containing itself) raises RuntimeError. */
function dumpTop(obj: any, separators: any): string {
  const d = new Dumper(parseSeparators(separators));
  try {
    d.value(obj);
    return d.out;
  } catch (e) {
    if (e instanceof RangeError) throw runtimeError("maximum recursion depth exceeded");
    throw e;
  }
}

/** separators=(item, key): a tuple or list of exactly two str. */
function parseSeparators(sep: any): Seps {
  if (sep === undefined || sep === None) return defaultSeps;
  if (!(sep instanceof PyTuple || sep instanceof PyList)) {
    throw typeError(`object '${typeOf(sep).$name}' isn't a tuple or list`);
  }
  const a = sep.$a;
  if (a.length !== 2) throw valueError(`requested length 2 but object has length ${a.length}`);
  return { item: sepStr(a[0]), key: sepStr(a[1]) };
}

function sepStr(x: any): string {
  if (isStr(x)) return S(x);
  if (x instanceof PyBytes) return latin1(x.$b);
  throw badImplicit(x);
}

function json_dumps(obj: any, separators: any): string {
  return dumpTop(obj, separators);
}

function json_dump(obj: any, stream: any, separators: any): any {
  const text = dumpTop(obj, separators);
  if (stream instanceof PyStream && !stream.$text) {
    callMethod(stream, "write", [encodeUtf8(text)], null);
  } else if (isIOBase(stream)) {
    iobaseWrite(stream, encodeUtf8(text).$b);
  } else {
    if (typeof stream !== "object" || loadAttrOrUndefined(stream, "write") === undefined) throw notStream();
    callMethod(stream, "write", [text], null);
  }
  return None;
}

function notStream() {
  return newExc(OSError, "stream operation not supported");
}

// ---------------------------------------------------------------- loading

const syntaxError = () => valueError("syntax error in JSON");

const utf8Dec = new TextDecoder();

/** json.loads(str | bytes-like). */
function json_loads(obj: any): any {
  if (obj === undefined) throw typeError("function missing 1 required positional arguments");
  if (typeof obj === "string") return parse(obj);
  if (isStr(obj)) return parse(S(obj));
  const b = getBufferOrNull(obj);
  if (b === null) throw typeError("object with buffer protocol required");
  return parse(utf8Dec.decode(b.bytes));
}

/** json.load(stream): reads the whole stream, then parses it. */
function json_load(stream: any): any {
  if (stream === undefined) throw typeError("function missing 1 required positional arguments");
  if (isIOBase(stream) && loadAttrOrUndefined(stream, "read") === undefined) return parse(utf8Dec.decode(iobaseReadAll(stream)));
  if (typeof stream !== "object" || loadAttrOrUndefined(stream, "read") === undefined) throw notStream();
  const data = callMethod(stream, "read", [], null);
  return json_loads(data);
}

/** JSON text → Python value. A NUL char ends the input, as in MicroPython's byte stream. */
function parse(text: string): any {
  const nul = text.indexOf("\0");
  const s = nul < 0 ? text : text.slice(0, nul);
  const p = new Parser(s);
  const v = p.run();
  // Trailing whitespace is allowed (unichar_isspace: space, \t \n \v \f \r).
  let i = p.i;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  if (i < s.length) throw syntaxError();
  return v;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

class Parser {
  i = 0;
  /** Position of the next backslash, once known (-1: not searched yet). */
  private bs = -1;
  constructor(public s: string) {}

  /** Parses one value; containers are tracked on an explicit stack (no recursion). */
  run(): any {
    const s = this.s;
    const stack: any[] = [];
    let top: any = undefined; // the open container (or the single value)
    let key: any = undefined; // a dict key waiting for its value
    for (;;) {
      if (this.i >= s.length) throw syntaxError(); // input ended inside a container
      const c = s.charCodeAt(this.i++);
      let next: any;
      let enter = false;
      switch (c) {
        case 44: // ',' and ':' count as whitespace
        case 58:
        case 32:
        case 9:
        case 10:
        case 13:
          continue;
        case 110: // n
          next = this.word("ull", None);
          break;
        case 102: // f
          next = this.word("alse", false);
          break;
        case 116: // t
          next = this.word("rue", true);
          break;
        case 34: // '"'
          next = this.string();
          break;
        case 91: // '['
          next = mkList([]);
          enter = true;
          break;
        case 123: // '{'
          next = mkDict();
          enter = true;
          break;
        case 93: // ']' and '}' close whichever container is open
        case 125:
          if (top === undefined) throw syntaxError();
          if (stack.length === 0) return top;
          top = stack.pop();
          continue;
        default:
          if (c === 45 || isDigit(c)) next = this.number();
          else throw syntaxError();
      }
      if (top === undefined) {
        top = next;
        if (!enter) return top; // a single primitive
        continue;
      }
      if (top instanceof PyList) {
        top.$a.push(next);
      } else if (key === undefined) {
        if (enter) throw syntaxError(); // a container as a key
        key = next;
      } else {
        (top as PyDict).$t.set(key, next);
        key = undefined;
      }
      if (enter) {
        stack.push(top);
        top = next;
      }
    }
  }

  private word(rest: string, value: any): any {
    if (!this.s.startsWith(rest, this.i)) throw syntaxError();
    this.i += rest.length;
    return value;
  }

  /** Index of the next backslash at or after `i` (cached: the text is scanned once). */
  private backslashFrom(i: number): number {
    if (this.bs < i) {
      this.bs = this.s.indexOf("\\", i);
      if (this.bs < 0) this.bs = this.s.length;
    }
    return this.bs;
  }

  /** The body of a string literal, after its opening quote. */
  private string(): string {
    const s = this.s;
    let out = "";
    let i = this.i;
    for (;;) {
      const q = s.indexOf('"', i);
      if (q < 0) throw syntaxError(); // not closed
      const b = this.backslashFrom(i);
      if (q < b) {
        this.i = q + 1;
        return out + s.slice(i, q);
      }
      out += s.slice(i, b);
      [out, i] = this.escape(out, b + 1);
    }
  }

  /** An escape after its backslash; returns the extended text and the index after it. */
  private escape(out: string, i: number): [string, number] {
    const s = this.s;
    if (i >= s.length) throw syntaxError();
    const e = s[i];
    switch (e) {
      case "b":
        return [out + "\b", i + 1];
      case "f":
        return [out + "\f", i + 1];
      case "n":
        return [out + "\n", i + 1];
      case "r":
        return [out + "\r", i + 1];
      case "t":
        return [out + "\t", i + 1];
      case "u": {
        if (i + 4 >= s.length) throw syntaxError();
        // Four hex digits, unchecked: MicroPython maps any char to some nibble-ish value.
        let num = 0;
        for (let k = 1; k <= 4; k++) {
          let d = ((s.charCodeAt(i + k) | 0x20) - 48) & 0xff;
          if (d > 9) d = (d - 39) & 0xff;
          num = (num << 4) | d;
        }
        return [out + String.fromCodePoint(num), i + 5];
      }
    }
    return [out + e, i + 1]; // \" \\ \/ and any other char stand for themselves
  }

  /** A number starting at the char before `i` (a digit or '-'). */
  private number(): any {
    const s = this.s;
    const start = this.i - 1;
    let flt = false;
    let j = this.i;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 46 || c === 69 || c === 101) flt = true; // . E e
      else if (!(c === 43 || c === 45 || isDigit(c))) break;
    }
    this.i = j;
    if (!flt && j - start < 16) {
      // Fast path: a plain decimal int that fits a double exactly.
      const neg = s.charCodeAt(start) === 45;
      let v = 0;
      let k = neg ? start + 1 : start;
      if (k < j) {
        for (; k < j; k++) {
          const d = s.charCodeAt(k) - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
        if (k === j) return neg ? (v === 0 ? 0 : -v) : v;
      }
    }
    const t = s.slice(start, j);
    if (!flt) return parseIntStr(t, 10);
    if (!floatSyntax.test(t)) throw valueError("invalid syntax for number");
    return mkFloat(parseFloat(t));
  }
}

const floatSyntax = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// ---------------------------------------------------------------- module

function sig(names: string[]): FunctionSig {
  return { names, posonly: 0, defaults: [], kwonly: ["separators"], kwDefaults: [None], varargs: false, varkw: false };
}

export function makeModule(): Record<string, any> {
  // Rest parameters give the functions length 0, so every call binds through $sig.
  const dumps = builtin("dumps", (...a: any[]) => json_dumps(a[0], a[1]));
  (dumps as any).$sig = sig(["obj"]);
  const dump = builtin("dump", (...a: any[]) => json_dump(a[0], a[1], a[2]));
  (dump as any).$sig = sig(["obj", "stream"]);
  return {
    dump,
    dumps,
    load: builtin("load", json_load),
    loads: builtin("loads", json_loads),
  };
}
