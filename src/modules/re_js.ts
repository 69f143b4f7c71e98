// Fast path for the `re` engine: translates a (valid) re1.5 pattern into an equivalent JS
// RegExp over byte strings, so V8's compiled regex engine does the matching.
//
// Both engines are backtracking matchers that try alternatives and quantifiers in the same
// priority order, so they find the same match with the same groups, except in two cases where
// the translation is refused (null) and the re1.5 interpreter runs instead:
//   - a quantified atom that can match empty: JS rejects an iteration that matches empty (and
//     backtracks into the atom for a non-empty way), while re1.5 accepts it, or, in a `*` or
//     `+` loop, repeats it until its stack overflows (RuntimeError);
//   - a `*` or `+` loop containing a capturing group inside its body: JS resets those groups at
//     each iteration, re1.5 keeps the last value they took.
// Every char is written as \xHH (the subject is a byte string), `.` as [^] (any byte), classes
// as explicit byte ranges computed with re1.5's signed-char comparisons.

import { classMatches, isNamedClassChar } from "./re_engine.ts";

/** A translated piece: its JS source, and what the loop checks above need to know. */
interface Piece {
  src: string;
  /** Can match the empty string. */
  nullable: boolean;
  /** Contains a capturing group. */
  caps: boolean;
}

const hex2 = (b: number): string => "\\x" + (b < 16 ? "0" : "") + b.toString(16);

/** The JS source of a byte class given its 256-entry membership test. */
function classSource(member: (b: number) => boolean): string {
  let out = "[";
  for (let b = 0; b < 256; ) {
    if (!member(b)) {
      b++;
      continue;
    }
    let e = b;
    while (e + 1 < 256 && member(e + 1)) e++;
    out += e === b ? hex2(b) : hex2(b) + "-" + hex2(e);
    b = e + 1;
  }
  return out + "]";
}

class Translator {
  ok = true;
  constructor(public re: string) {}

  private at(i: number): number {
    return i < this.re.length ? this.re.charCodeAt(i) : 0;
  }

  /** Alternatives up to `)` or the end; returns [piece, index where it stopped]. */
  seq(p: number): [Piece, number] {
    let src = "";
    let altNullable = false; // some finished alternative can match empty
    let nullable = true; // the current alternative can match empty
    let nullableBeforeAtom = true; // ... without its last atom
    let caps = false;
    let atom: Piece | null = null; // the last atom (what a quantifier applies to)
    let atomInnerCaps = false; // captures strictly inside that atom
    for (; p < this.re.length; p++) {
      const ch = this.at(p);
      if (ch === 41) break; // ')'
      let next: Piece | null = null;
      let innerCaps = false;
      switch (ch) {
        case 92: { // '\\'
          const c = this.at(++p);
          next = { src: isNamedClassChar(c) ? classSource((b) => classMatches([0, c], true, b)) : hex2(c), nullable: false, caps: false };
          break;
        }
        case 46: // '.'
          next = { src: "[^]", nullable: false, caps: false };
          break;
        case 91: { // '['
          const [piece, q] = this.charClass(p + 1);
          next = piece;
          p = q;
          break;
        }
        case 40: { // '('
          const capture = !(this.at(p + 1) === 63 && this.at(p + 2) === 58);
          if (!capture) p += 2;
          const [inner, q] = this.seq(p + 1);
          p = q;
          next = { src: (capture ? "(" : "(?:") + inner.src + ")", nullable: inner.nullable, caps: capture || inner.caps };
          innerCaps = inner.caps;
          break;
        }
        case 63: // '?'
        case 42: // '*'
        case 43: { // '+'
          const lazy = this.at(p + 1) === 63;
          if (lazy) p++;
          if (atom!.nullable || (ch !== 63 && atomInnerCaps)) this.ok = false;
          src += String.fromCharCode(ch) + (lazy ? "?" : "");
          if (ch !== 43) nullable = nullableBeforeAtom; // the atom may now be skipped
          atom = null;
          continue;
        }
        case 124: // '|'
          src += "|";
          altNullable ||= nullable;
          nullable = true;
          atom = null;
          continue;
        case 94: // '^'
          src += "^";
          atom = null;
          continue;
        case 36: // '$'
          src += "$";
          atom = null;
          continue;
        default:
          next = { src: hex2(ch), nullable: false, caps: false };
      }
      src += next.src;
      nullableBeforeAtom = nullable;
      nullable &&= next.nullable;
      caps ||= next.caps;
      atom = next;
      atomInnerCaps = innerCaps;
    }
    return [{ src, nullable: altNullable || nullable, caps }, p];
  }

  /** `[...]` from just after the `[`; returns the piece and the index of the `]`. */
  private charClass(p: number): [Piece, number] {
    let positive = true;
    if (this.at(p) === 94) {
      positive = false;
      p++;
    }
    const pairs: number[] = [];
    for (; this.at(p) !== 93; p++) {
      let c = this.at(p);
      if (c === 92) {
        c = this.at(++p);
        if (isNamedClassChar(c)) {
          pairs.push(0, c);
          continue;
        }
      }
      if (this.at(p + 1) === 45 && this.at(p + 2) !== 93) p += 2;
      pairs.push(c, this.at(p));
    }
    return [{ src: classSource((b) => classMatches(pairs, positive, b)), nullable: false, caps: false }, p];
  }
}

/** The two RegExps (search and anchored match) for a pattern, or null if it must not be used. */
export interface JsRegex {
  search: RegExp;
  sticky: RegExp;
}

export function translateRegex(pattern: string, ngroups: number): JsRegex | null {
  const t = new Translator(pattern);
  let piece: Piece;
  try {
    piece = t.seq(0)[0];
  } catch {
    return null;
  }
  if (!t.ok) return null;
  // 'd' gives group positions; without groups the match's index and length suffice.
  const flags = ngroups > 0 ? "d" : "";
  try {
    return { search: new RegExp(piece.src, "g" + flags), sticky: new RegExp(piece.src, "y" + flags) };
  } catch {
    return null;
  }
}
