// The regular-expression engine behind the `re` module: MicroPython's re1.5 (lib/re1.5), a
// compiler from pattern to a compact byte code and a backtracking matcher over it.
//
// The byte code layout follows re1.5 exactly, because it is observable: re.DEBUG prints it,
// and its limits (jump offsets and class sizes must fit a signed byte, at most 63 groups) decide
// which patterns MicroPython rejects. Everything works on bytes: a str pattern or subject is
// matched through its UTF-8 encoding, held here as a "byte string" (a JS string whose char
// codes are all < 256), so `.` matches one byte and positions are byte offsets.
//
// The matcher keeps re1.5's semantics (the first successful path in priority order wins) but
// runs with an explicit stack of choice points instead of C recursion, and raises RuntimeError
// where MicroPython would overflow its stack (e.g. `(a*)*`, which never stops).

import { runtimeError } from "../runtime/exceptions.ts";
import { translateRegex, type JsRegex } from "./re_js.ts";

// ---------------------------------------------------------------- opcodes (re1.5.h)

export const enum Op {
  Char = 1,
  Any = 2,
  Class = 3,
  ClassNot = 4,
  NamedClass = 5,
  Bol = 0x50,
  Eol = 0x51,
  Jmp = 0x60,
  Split = 0x61,
  RSplit = 0x62,
  Save = 0x7e,
  Match = 0x7f,
}

/** Compiled byte code plus the lookup tables the matcher uses for classes. */
export interface Prog {
  /** One entry per byte; offsets stored signed, chars as bytes 0..255. */
  code: Int32Array;
  /** Number of instructions (re1.5's `len`, shown by the debug dump). */
  insts: number;
  /** Number of capturing groups. */
  sub: number;
  /** For each Class/ClassNot/NamedClass instruction (by pc): 256 entries, 1 = byte matches. */
  tables: (Uint8Array | undefined)[];
  /** For searches: 1 for each byte that can start a match; null when any position may match. */
  first: Uint8Array | null;
  /** The same pattern as JS RegExps, when they are known to match identically (re_js.ts). */
  js: JsRegex | null;
}

/** Why compilation failed: MicroPython reports sizing failures and a stray `)` differently. */
export type CompileError = "too complex" | "error";

/** Length of the prefix that makes a program search rather than match (skipped when anchored). */
const SEARCH_PREFIX = 5;

// ---------------------------------------------------------------- compiler

export const isNamedClassChar = (c: number): boolean =>
  c === 100 || c === 68 || c === 115 || c === 83 || c === 119 || c === 87; // d D s S w W

/** Compiles the pattern (a byte string, cut at its first NUL as C would) into a program. */
export function compileRegex(pattern: string): Prog | CompileError {
  const nul = pattern.indexOf("\0");
  const c = new Compiler(nul < 0 ? pattern : pattern.slice(0, nul));
  // Non-anchored prefix: try here, else consume one byte and retry ("rsplit 5; any; jmp 0").
  c.code.push(Op.RSplit, 3, Op.Any, Op.Jmp, -5, Op.Save, 0);
  c.insts = 4;
  const end = c.seq(0, 0);
  if (end < 0) return "too complex";
  if (end < c.re.length) return "error"; // a `)` with no `(`
  c.code.push(Op.Save, 1, Op.Match);
  c.insts += 2;
  const code = Int32Array.from(c.code);
  const tables = buildTables(c.code);
  const src = c.re;
  return { code, insts: c.insts, sub: c.sub, tables, first: firstBytes(code, tables), js: translateRegex(src, c.sub) };
}

/** Deepest group nesting accepted (MicroPython's C stack check stops it at a similar depth). */
const MAX_NESTING = 2000;

class Compiler {
  code: number[] = [];
  insts = 0;
  sub = 0;
  err = false;
  constructor(public re: string) {}

  private at(i: number): number {
    return i < this.re.length ? this.re.charCodeAt(i) : 0;
  }

  /** A value that must fit in a signed byte (jump offsets, class sizes, save slots). */
  private checked(v: number): number {
    if (v < -128 || v > 127) this.err = true;
    return v;
  }

  /** Makes room for a 2-byte instruction at `at` (re1.5's INSERT_CODE). */
  private insert2(at: number): void {
    this.code.splice(at, 0, 0, 0);
  }

  /**
   * Compiles a sequence of alternatives up to a `)` or the end of the pattern. Returns the index
   * where it stopped, or -1 on error.
   */
  seq(p: number, depth: number): number {
    if (depth > MAX_NESTING) throw runtimeError("maximum recursion depth exceeded");
    const code = this.code;
    const start = code.length;
    let term = start; // start of the last atom, the target of a repetition operator
    let altLabel = -1; // offset byte of the pending `|` jump
    for (; p < this.re.length; p++) {
      let ch = this.at(p);
      if (ch === 41) break; // ')'
      switch (ch) {
        case 92: // '\\'
          ch = this.at(++p);
          if (ch === 0) return -1; // trailing backslash
          term = code.length;
          code.push(isNamedClassChar(ch) ? Op.NamedClass : Op.Char, ch);
          this.insts++;
          break;
        case 46: // '.'
          term = code.length;
          code.push(Op.Any);
          this.insts++;
          break;
        case 91: // '['
          term = code.length;
          p = this.charClass(p + 1);
          if (p < 0) return -1;
          break;
        case 40: { // '('
          term = code.length;
          p = this.group(p, depth);
          if (p < 0) return -1;
          break;
        }
        case 63: // '?'
          if (code.length === term) return -1; // nothing to repeat
          this.insert2(term);
          if (this.lazy(p)) {
            code[term] = Op.RSplit;
            p++;
          } else code[term] = Op.Split;
          code[term + 1] = this.checked(code.length - term - 2);
          this.insts++;
          term = code.length;
          break;
        case 42: { // '*'
          if (code.length === term) return -1;
          this.insert2(term);
          code.push(Op.Jmp, this.checked(term - code.length - 2));
          const lazy = this.lazy(p);
          if (lazy) p++;
          code[term] = lazy ? Op.RSplit : Op.Split;
          code[term + 1] = this.checked(code.length - term - 2);
          this.insts += 2;
          term = code.length;
          break;
        }
        case 43: { // '+'
          if (code.length === term) return -1;
          const lazy = this.lazy(p);
          if (lazy) p++;
          code.push(lazy ? Op.Split : Op.RSplit, this.checked(term - code.length - 2));
          this.insts++;
          term = code.length;
          break;
        }
        case 124: // '|'
          if (altLabel >= 0) code[altLabel] = this.checked(code.length - altLabel - 1);
          this.insert2(start);
          code.push(Op.Jmp, 0);
          altLabel = code.length - 1;
          code[start] = Op.Split;
          code[start + 1] = this.checked(code.length - start - 2);
          this.insts += 2;
          term = code.length;
          break;
        case 94: // '^'
          code.push(Op.Bol);
          this.insts++;
          term = code.length;
          break;
        case 36: // '$'
          code.push(Op.Eol);
          this.insts++;
          term = code.length;
          break;
        default:
          term = code.length;
          code.push(Op.Char, ch);
          this.insts++;
      }
    }
    if (altLabel >= 0) code[altLabel] = this.checked(code.length - altLabel - 1);
    return this.err ? -1 : p;
  }

  private lazy(p: number): boolean {
    return this.at(p + 1) === 63; // '?'
  }

  /** `[...]` starting just after the `[`; returns the index of the closing `]`, or -1. */
  private charClass(p: number): number {
    const code = this.code;
    const op = code.length;
    if (this.at(p) === 94) { // '^'
      code.push(Op.ClassNot, 0);
      p++;
    } else {
      code.push(Op.Class, 0);
    }
    this.insts++;
    let cnt = 0;
    for (; this.at(p) !== 93; p++, cnt++) { // ']'
      let c = this.at(p);
      if (c === 92) {
        c = this.at(++p);
        if (isNamedClassChar(c)) {
          code.push(0, c); // a pair starting with 0 names a class
          continue;
        }
      }
      if (c === 0) return -1; // unterminated class
      if (this.at(p + 1) === 45 && this.at(p + 2) !== 93) p += 2; // a range "c-x"
      code.push(c, this.at(p));
    }
    code[op + 1] = this.checked(cnt);
    return p;
  }

  /** `( ... )` starting at the `(`; returns the index of the closing `)`, or -1. */
  private group(p: number, depth: number): number {
    const code = this.code;
    const capture = !(this.at(p + 1) === 63 && this.at(p + 2) === 58); // "(?:"
    let sub = 0;
    if (capture) {
      sub = ++this.sub;
      code.push(Op.Save, this.checked(2 * sub));
      this.insts++;
    } else {
      p += 2;
    }
    p = this.seq(p + 1, depth + 1);
    if (p < 0 || this.at(p) !== 41) return -1; // error, or no matching ')'
    if (capture) {
      code.push(Op.Save, this.checked(2 * sub + 1));
      this.insts++;
    }
    return p;
  }
}

// ---------------------------------------------------------------- class tables

/** A byte as C's (signed) char: re1.5 compares class ranges with signed chars. */
const sc = (b: number): number => (b << 24) >> 24;

function namedClassMatch(name: number, b: number): boolean {
  const s = sc(b);
  let r: boolean;
  const lower = name | 0x20;
  if (lower === 100) r = s >= 48 && s <= 57;
  else if (lower === 115) r = s === 32 || (s >= 9 && s <= 13);
  else r = (s >= 65 && s <= 90) || (s >= 97 && s <= 122) || (s >= 48 && s <= 57) || s === 95;
  return (name & 0x20) !== 0 ? r : !r; // upper-case names are the complements
}

const namedTables = new Map<number, Uint8Array>();

function namedTable(name: number): Uint8Array {
  let t = namedTables.get(name);
  if (t === undefined) {
    t = new Uint8Array(256);
    for (let b = 0; b < 256; b++) t[b] = namedClassMatch(name, b) ? 1 : 0;
    namedTables.set(name, t);
  }
  return t;
}

/** Does byte b match a class given as re1.5's (lo, hi) pairs ((0, name) = a named class)? */
export function classMatches(pairs: ArrayLike<number>, positive: boolean, b: number): boolean {
  for (let q = 0; q < pairs.length; q += 2) {
    const hit = pairs[q] === 0 ? namedClassMatch(pairs[q + 1], b) : sc(b) >= sc(pairs[q]) && sc(b) <= sc(pairs[q + 1]);
    if (hit) return positive;
  }
  return !positive;
}

function classTable(code: number[], pc: number): Uint8Array {
  const positive = code[pc] === Op.Class;
  const pairs = code.slice(pc + 2, pc + 2 + 2 * code[pc + 1]);
  const t = new Uint8Array(256);
  for (let b = 0; b < 256; b++) t[b] = classMatches(pairs, positive, b) ? 1 : 0;
  return t;
}

/** Size in bytes of the instruction at pc. */
function instSize(code: ArrayLike<number>, pc: number): number {
  const op = code[pc];
  if (op === Op.Class || op === Op.ClassNot) return 2 + 2 * code[pc + 1];
  if (op === Op.Any || op === Op.Bol || op === Op.Eol || op === Op.Match) return 1;
  return 2;
}

function buildTables(code: number[]): (Uint8Array | undefined)[] {
  const tables: (Uint8Array | undefined)[] = new Array(code.length);
  for (let pc = 0; pc < code.length; pc += instSize(code, pc)) {
    const op = code[pc];
    if (op === Op.Class || op === Op.ClassNot) tables[pc] = classTable(code, pc);
    else if (op === Op.NamedClass) tables[pc] = namedTable(code[pc + 1]);
  }
  return tables;
}

// ---------------------------------------------------------------- matcher

/** Choice points beyond which matching gives up, as MicroPython's stack check would. */
const MAX_STACK = 1 << 21;

// The backtracking stack, shared by all matches (the matcher never calls back into Python, so
// runs cannot nest). Entries are pairs: [pc >= 0, sp] a choice point to resume at, or
// [-1 - slot, old value] a capture to restore when backtracking past its Save.
let stk: Int32Array = new Int32Array(1024);

function growStack(): Int32Array {
  if (stk.length >= MAX_STACK) throw runtimeError("maximum recursion depth exceeded");
  const n = new Int32Array(stk.length * 2);
  n.set(stk);
  return (stk = n);
}

/**
 * Runs the program on bytes s[begin, end) (a byte string; `^` matches only at index 0).
 * On success fills caps (2 per group, -1 = unset, which the caller pre-fills) and returns true.
 */
export function execRegex(prog: Prog, s: string, begin: number, end: number, caps: Int32Array, anchored: boolean): boolean {
  if (prog.js !== null) {
    const r = execJs(prog.js, s, begin, end, caps, anchored);
    if (r !== undefined) return r;
  }
  return execByteCode(prog, s, begin, end, caps, anchored);
}

/** Matching with the JS RegExp; undefined if V8 gave up (its backtrack stack overflowed). */
function execJs(js: JsRegex, s: string, begin: number, end: number, caps: Int32Array, anchored: boolean): boolean | undefined {
  const input = end === s.length ? s : s.slice(0, end); // `$` must see `end` as the end
  const rx = anchored ? js.sticky : js.search;
  rx.lastIndex = begin;
  let m: RegExpExecArray | null;
  try {
    m = rx.exec(input);
  } catch {
    return undefined;
  }
  if (m === null) return false;
  const ind = m.indices;
  if (ind === undefined) {
    caps[0] = m.index;
    caps[1] = m.index + m[0].length;
    return true;
  }
  for (let i = 0; i < ind.length; i++) {
    const span = ind[i];
    caps[2 * i] = span === undefined ? -1 : span[0];
    caps[2 * i + 1] = span === undefined ? -1 : span[1];
  }
  return true;
}

/** Matching with the re1.5 byte code interpreter. */
export function execByteCode(prog: Prog, s: string, begin: number, end: number, caps: Int32Array, anchored: boolean): boolean {
  if (anchored) return run(prog, s, begin, end, caps);
  const first = prog.first;
  if (first === null) return runFrom(prog, s, begin, end, caps, 0);
  // Search: try each start position whose byte can begin a match, in order (what the
  // program's search prefix does, without a choice point per position).
  for (let sp = begin; sp < end; sp++) {
    if (first[s.charCodeAt(sp)] === 1 && run(prog, s, sp, end, caps)) return true;
  }
  return false;
}

function run(prog: Prog, s: string, sp: number, end: number, caps: Int32Array): boolean {
  return runFrom(prog, s, sp, end, caps, SEARCH_PREFIX);
}

function runFrom(prog: Prog, s: string, sp: number, end: number, caps: Int32Array, pc: number): boolean {
  const code = prog.code;
  const tables = prog.tables;
  let st = stk;
  let top = 0;
  for (;;) {
    switch (code[pc]) {
      case Op.Char:
        if (sp < end && s.charCodeAt(sp) === code[pc + 1]) {
          sp++;
          pc += 2;
          continue;
        }
        break;
      case Op.Any:
        if (sp < end) {
          sp++;
          pc++;
          continue;
        }
        break;
      case Op.Class:
      case Op.ClassNot:
        if (sp < end && tables[pc]![s.charCodeAt(sp)] === 1) {
          sp++;
          pc += 2 + 2 * code[pc + 1];
          continue;
        }
        break;
      case Op.NamedClass:
        if (sp < end && tables[pc]![s.charCodeAt(sp)] === 1) {
          sp++;
          pc += 2;
          continue;
        }
        break;
      case Op.Match:
        return true;
      case Op.Jmp:
        pc += 2 + code[pc + 1];
        continue;
      case Op.Split: // prefer the next instruction, else the jump target
        if (top + 2 > st.length) st = growStack();
        st[top++] = pc + 2 + code[pc + 1];
        st[top++] = sp;
        pc += 2;
        continue;
      case Op.RSplit: // prefer the jump target, else the next instruction
        if (top + 2 > st.length) st = growStack();
        st[top++] = pc + 2;
        st[top++] = sp;
        pc += 2 + code[pc + 1];
        continue;
      case Op.Save: {
        const slot = code[pc + 1];
        if (top + 2 > st.length) st = growStack();
        st[top++] = -1 - slot;
        st[top++] = caps[slot];
        caps[slot] = sp;
        pc += 2;
        continue;
      }
      case Op.Bol:
        if (sp === 0) {
          pc++;
          continue;
        }
        break;
      case Op.Eol:
        if (sp === end) {
          pc++;
          continue;
        }
        break;
      default:
        throw new Error("internal: bad regex opcode");
    }
    // Failed: undo saves back to the most recent choice point, and resume there.
    for (;;) {
      if (top === 0) return false;
      const v = st[--top];
      const where = st[--top];
      if (where >= 0) {
        pc = where;
        sp = v;
        break;
      }
      caps[-1 - where] = v;
    }
  }
}

// ---------------------------------------------------------------- first bytes

/**
 * The bytes that can start a match (by following jumps, splits and saves from the start of
 * the pattern to the first consuming instruction), or null when a match may start anywhere or
 * be empty.
 */
function firstBytes(code: Int32Array, tables: (Uint8Array | undefined)[]): Uint8Array | null {
  const set = new Uint8Array(256);
  const seen = new Set<number>();
  const todo = [SEARCH_PREFIX];
  while (todo.length > 0) {
    const pc = todo.pop()!;
    if (seen.has(pc)) continue;
    seen.add(pc);
    switch (code[pc]) {
      case Op.Char:
        set[code[pc + 1]] = 1;
        break;
      case Op.Class:
      case Op.ClassNot:
      case Op.NamedClass: {
        const t = tables[pc]!;
        for (let b = 0; b < 256; b++) if (t[b] === 1) set[b] = 1;
        break;
      }
      case Op.Jmp:
        todo.push(pc + 2 + code[pc + 1]);
        break;
      case Op.Split:
      case Op.RSplit:
        todo.push(pc + 2, pc + 2 + code[pc + 1]);
        break;
      case Op.Save:
        todo.push(pc + 2);
        break;
      default: // Any, Bol, Eol, Match: no useful filter
        return null;
    }
  }
  return set;
}

// ---------------------------------------------------------------- debug dump

/** re1.5's dumpcode: the listing re.compile(pattern, re.DEBUG) prints. */
export function dumpRegex(prog: Prog): string {
  const code = prog.code;
  let out = "";
  const hex = (v: number) => "0x" + (v < 0 ? v >>> 0 : v).toString(16).padStart(2, "0");
  for (let pc = 0; pc < code.length; ) {
    out += String(pc).padStart(2, " ") + ": ";
    const op = code[pc++];
    switch (op) {
      case Op.Split:
      case Op.RSplit:
      case Op.Jmp: {
        const name = op === Op.Split ? "split" : op === Op.RSplit ? "rsplit" : "jmp";
        out += `${name} ${pc + code[pc] + 1} (${code[pc]})\n`;
        pc++;
        break;
      }
      case Op.Char:
        out += `char ${String.fromCharCode(code[pc++])}\n`;
        break;
      case Op.Any:
        out += "any\n";
        break;
      case Op.Class:
      case Op.ClassNot: {
        let n = code[pc++];
        out += `class${op === Op.ClassNot ? "not" : ""} ${n}`;
        for (; n > 0; n--, pc += 2) out += ` ${hex(sc(code[pc]))}-${hex(sc(code[pc + 1]))}`;
        out += "\n";
        break;
      }
      case Op.NamedClass:
        out += `namedclass ${String.fromCharCode(code[pc++])}\n`;
        break;
      case Op.Match:
        out += "match\n";
        break;
      case Op.Save:
        out += `save ${code[pc++]}\n`;
        break;
      case Op.Bol:
        out += "assert bol\n";
        break;
      case Op.Eol:
        out += "assert eol\n";
        break;
    }
  }
  return out + `Bytes: ${code.length}, insts: ${prog.insts}\n`;
}
