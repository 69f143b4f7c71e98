// re: https://docs.micropython.org/en/latest/library/re.html
//
// MicroPython's subset (extmod/modre.c over lib/re1.5): compile, match, search, sub and DEBUG;
// regex objects with match/search/split/sub; match objects with group/groups/span/start/end.
// The engine (re_engine.ts) matches bytes: str subjects are matched through their UTF-8
// encoding, so `pos`/`endpos` are byte offsets (as in MicroPython) while span/start/end report
// character indices.

import { PyObject, defineBuiltinType, addMethods, builtin, None, PyType, protoOf } from "../runtime/object.ts";
import { newExc, IndexError, valueError, typeError, notImplementedError } from "../runtime/exceptions.ts";
import { toIndex } from "../runtime/ops.ts";
import { call } from "../runtime/call.ts";
import { host } from "../runtime/host.ts";
import { mkTuple, PyTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { PyBoundMethod } from "../runtime/types/function.ts";
import { objectId } from "../runtime/types/type.ts";
import { PyBytes, bytesFromLatin1, latin1 } from "../runtime/types/bytes.ts";
import { isStr, S, badImplicit } from "../runtime/types/str.ts";
import { compileRegex, execRegex, dumpRegex, type Prog } from "./re_engine.ts";

const FLAG_DEBUG = 0x1000;

// ---------------------------------------------------------------- byte strings
// A "byte string" is a JS string whose char codes are bytes (0..255): the engine's input.

const utf8Enc = new TextEncoder();
const utf8Dec = new TextDecoder();
const nonAscii = /[^\x00-\x7f]/;

function utf8ByteString(s: string): string {
  return nonAscii.test(s) ? latin1(utf8Enc.encode(s)) : s;
}

function byteStringToUtf8(b: string): string {
  if (!nonAscii.test(b)) return b;
  const u = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
  return utf8Dec.decode(u);
}

/** The data of a str or bytes argument as a byte string (MicroPython's mp_obj_str_get_data). */
function dataOf(x: any): string {
  if (typeof x === "string") return utf8ByteString(x);
  if (x instanceof PyBytes) return latin1(x.$b);
  if (isStr(x)) return utf8ByteString(S(x));
  throw badImplicit(x);
}

function missing(n: number): never {
  throw typeError(`function missing ${n} required positional arguments`);
}

/** The last non-ASCII str encoded (loops often match the same string again). */
let lastStr = "";
let lastBytes = "";

function encodeCached(s: string): string {
  if (s !== lastStr) {
    lastBytes = latin1(utf8Enc.encode(s));
    lastStr = s;
  }
  return lastBytes;
}

/** A subject string being matched: the Python object and its bytes. */
class Subject {
  /** The bytes, as a byte string. */
  bs: string;
  /** Result kind: str (else bytes). */
  isStr: boolean;
  /** For a str: its bytes are its chars (all ASCII), so offsets are indices. */
  ascii: boolean;
  constructor(public obj: any) {
    if (typeof obj === "string") {
      this.isStr = true;
      this.ascii = !nonAscii.test(obj);
      this.bs = this.ascii ? obj : encodeCached(obj);
    } else if (obj instanceof PyBytes) {
      this.isStr = false;
      this.ascii = false;
      this.bs = latin1(obj.$b);
    } else if (isStr(obj)) {
      const s = S(obj);
      this.isStr = true;
      this.ascii = !nonAscii.test(s);
      this.bs = this.ascii ? s : encodeCached(s);
    } else {
      throw badImplicit(obj);
    }
  }

  /** A Python value (str or bytes, like the subject) from a byte string. */
  make(b: string): any {
    if (!this.isStr) return bytesFromLatin1(b);
    return this.ascii ? b : byteStringToUtf8(b);
  }

  slice(a: number, b: number): any {
    return this.make(this.bs.slice(a, b));
  }

  /** A byte offset as an index into the Python object (code points for a str). */
  index(off: number): number {
    if (!this.isStr || this.ascii) return off;
    let n = 0;
    for (let i = 0; i < off; i++) if ((this.bs.charCodeAt(i) & 0xc0) !== 0x80) n++;
    return n;
  }
}

// ---------------------------------------------------------------- compiled patterns

export class PyRegex extends PyObject {
  constructor(public $prog: Prog) {
    super();
  }
}
export const regexType = defineBuiltinType("re", PyRegex.prototype);

export class PyMatch extends PyObject {
  constructor(public $subj: Subject, public $caps: Int32Array) {
    super();
  }
}
export const matchType = defineBuiltinType("match", PyMatch.prototype);

/** Recently compiled patterns, by byte string (module-level functions recompile each call). */
const cache = new Map<string, Prog>();
const CACHE_MAX = 64;

function compileProg(pattern: any): Prog {
  const src = dataOf(pattern);
  let prog = cache.get(src);
  if (prog !== undefined) return prog;
  const r = compileRegex(src);
  if (r === "too complex") throw valueError("regex too complex");
  if (r === "error") throw valueError("error in regex");
  prog = r;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(src, prog);
  return prog;
}

function re_compile(pattern: any, flags?: any): PyRegex {
  if (pattern === undefined) missing(1);
  const prog = compileProg(pattern);
  if (flags !== undefined && (toIndex(flags) & FLAG_DEBUG) !== 0) host.write(1, dumpRegex(prog));
  return new PyRegex(prog);
}

/** The program for a pattern argument: a compiled regex, or a str/bytes to compile. */
function progOf(p: any): Prog {
  return p instanceof PyRegex ? p.$prog : compileProg(p);
}

function newCaps(prog: Prog): Int32Array {
  return new Int32Array(2 * (prog.sub + 1)).fill(-1);
}

// ---------------------------------------------------------------- match / search

/** match and search; pos/endpos (byte offsets) only apply when called on a compiled regex. */
function execHelper(anchored: boolean, p: any, string: any, pos?: any, endpos?: any): any {
  if (string === undefined) missing(p === undefined ? 2 : 1);
  const prog = progOf(p);
  const subj = new Subject(string);
  const len = subj.bs.length;
  let begin = 0;
  let end = len;
  if (p instanceof PyRegex && pos !== undefined) {
    begin = Math.min(Math.max(toIndex(pos), 0), len);
    if (endpos !== undefined) end = Math.min(Math.max(toIndex(endpos), begin), len);
  }
  const caps = newCaps(prog);
  if (!execRegex(prog, subj.bs, begin, end, caps, anchored)) return None;
  return new PyMatch(subj, caps);
}

const re_match = (p: any, s: any, pos?: any, endpos?: any) => execHelper(true, p, s, pos, endpos);
const re_search = (p: any, s: any, pos?: any, endpos?: any) => execHelper(false, p, s, pos, endpos);

// ---------------------------------------------------------------- split

/** regex.split(string, maxsplit=0): stops at the first empty match, as MicroPython does. */
function re_split(self: PyRegex, string: any, maxsplit?: any): any {
  if (string === undefined) missing(1);
  const prog = self.$prog;
  const subj = new Subject(string);
  const end = subj.bs.length;
  let max = maxsplit === undefined ? 0 : toIndex(maxsplit);
  const out: any[] = [];
  const caps = newCaps(prog);
  let begin = 0;
  for (;;) {
    caps.fill(-1);
    if (!execRegex(prog, subj.bs, begin, end, caps, false) || caps[0] === caps[1]) break;
    out.push(subj.slice(begin, caps[0]));
    if (prog.sub > 0) throw notImplementedError("splitting with sub-captures");
    begin = caps[1];
    if (max > 0 && --max === 0) break;
  }
  out.push(subj.slice(begin, end));
  return mkList(out);
}

// ---------------------------------------------------------------- sub

function isCallable(x: any): boolean {
  if (typeof x === "function") return true;
  if (typeof x !== "object") return false;
  if (x instanceof PyType || x instanceof PyBoundMethod) return true;
  return protoOf(x).__call__ !== undefined;
}

/**
 * Appends the replacement template `t` (a byte string) for one match: `\N` and `\g<N>` insert
 * group N (nothing when the group did not take part), `\\` a backslash; any other backslash is
 * dropped. Returns the extended output.
 */
function expandTemplate(out: string, t: string, bs: string, caps: Int32Array): string {
  const ngroups = caps.length >> 1;
  let i = 0;
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c !== 92) {
      const j = t.indexOf("\\", i);
      const stop = j < 0 ? n : j;
      out += t.slice(i, stop);
      i = stop;
      continue;
    }
    i++;
    let gFormat = false;
    if (t[i] === "g" && t[i + 1] === "<") {
      i += 2;
      gFormat = true;
    }
    if (i < n && isDigit(t.charCodeAt(i))) {
      let no = 0;
      while (i < n && isDigit(t.charCodeAt(i))) no = Math.min(no * 10 + t.charCodeAt(i++) - 48, 2 ** 31);
      if (gFormat && t[i] === ">") i++;
      if (no >= ngroups) throw newExc(IndexError, no);
      if (caps[2 * no] >= 0) out += bs.slice(caps[2 * no], caps[2 * no + 1]);
    } else if (t[i] === "\\") {
      out += "\\";
      i++;
    }
  }
  return out;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** sub(repl, string, count=0, flags=0): flags are ignored, as in MicroPython. */
function subHelper(p: any, repl: any, where: any, count?: any, _flags?: any): any {
  if (where === undefined) missing(p === undefined ? 3 : repl === undefined ? 2 : 1);
  const prog = progOf(p);
  const subj = new Subject(where);
  const bs = subj.bs;
  const end = bs.length;
  let n = count === undefined ? 0 : toIndex(count);
  const byCall = isCallable(repl);
  const template = byCall ? "" : dataOf(repl);
  let out: string | null = null;
  let begin = 0;
  const caps = newCaps(prog);
  for (;;) {
    caps.fill(-1);
    if (!execRegex(prog, bs, begin, end, caps, false) || caps[0] === caps[1]) break;
    out = (out ?? "") + bs.slice(begin, caps[0]);
    const t = byCall ? dataOf(call(repl, [new PyMatch(subj, caps.slice())], null)) : template;
    out = expandTemplate(out, t, bs, caps);
    begin = caps[1];
    if (n > 0 && --n === 0) break;
  }
  if (out === null) return where; // no substitutions
  return subj.make(out + bs.slice(begin, end));
}

function regex_sub(self: PyRegex, repl: any, string: any, count?: any, flags?: any): any {
  return subHelper(self, repl, string, count, flags);
}

// ---------------------------------------------------------------- match objects

function groupIndex(m: PyMatch, no: any): number {
  if (no === undefined) return 0;
  const i = toIndex(no);
  if (i < 0 || 2 * i >= m.$caps.length) throw newExc(IndexError, no);
  return i;
}

function groupValue(m: PyMatch, i: number): any {
  const a = m.$caps[2 * i];
  return a < 0 ? None : m.$subj.slice(a, m.$caps[2 * i + 1]);
}

function match_group(self: PyMatch, no: any): any {
  if (no === undefined) throw typeError("function takes 2 positional arguments but 1 were given");
  return groupValue(self, groupIndex(self, no));
}

function match_groups(self: PyMatch): PyTuple {
  const n = self.$caps.length >> 1;
  const out: any[] = [];
  for (let i = 1; i < n; i++) out.push(groupValue(self, i));
  return mkTuple(out);
}

function spanOf(m: PyMatch, no: any): [number, number] {
  const i = groupIndex(m, no);
  const a = m.$caps[2 * i];
  if (a < 0) return [-1, -1];
  return [m.$subj.index(a), m.$subj.index(m.$caps[2 * i + 1])];
}

addMethods(matchType, {
  group: builtin("group", match_group),
  groups: builtin("groups", match_groups),
  span: builtin("span", (self: PyMatch, no?: any) => mkTuple(spanOf(self, no))),
  start: builtin("start", (self: PyMatch, no?: any) => spanOf(self, no)[0]),
  end: builtin("end", (self: PyMatch, no?: any) => spanOf(self, no)[1]),
  __repr__: builtin("__repr__", (self: PyMatch) => `<match num=${self.$caps.length >> 1}>`),
});

addMethods(regexType, {
  match: builtin("match", re_match),
  search: builtin("search", re_search),
  split: builtin("split", re_split),
  sub: builtin("sub", regex_sub),
  __repr__: builtin("__repr__", (self: PyRegex) => `<re 0x${objectId(self).toString(16)}>`),
});

// ---------------------------------------------------------------- module

export function makeModule(): Record<string, any> {
  return {
    compile: builtin("compile", re_compile),
    match: builtin("match", re_match),
    search: builtin("search", re_search),
    sub: builtin("sub", subHelper),
    DEBUG: FLAG_DEBUG,
  };
}
