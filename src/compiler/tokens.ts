// Token kinds, keywords and operators: each list is declared once, here.
// A token's kind is its spelling for keywords and operators ("if", "+=", "("), so the parser
// reads like the grammar; literals and layout tokens have a lower-case word for a kind.

/** Python 3 keywords. MicroPython has no soft keywords (no `match`). */
export const KEYWORDS = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
  "try", "while", "with", "yield",
] as const;

export type Keyword = (typeof KEYWORDS)[number];

/** Operators and delimiters, longest first within each leading character. */
export const OPERATORS = [
  "**=", "//=", ">>=", "<<=", "...",
  "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", "->", ":=",
  "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
  "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
  "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
] as const;

export type Operator = (typeof OPERATORS)[number];

/** Tokens that carry a value or mark layout. */
export type LiteralKind =
  | "name" // value: the identifier
  | "int" // value: number (safe integer) or bigint
  | "float" // value: number
  | "imag" // value: number (the imaginary part)
  | "str" // value: the decoded string
  | "bytes" // value: Uint8Array
  | "fstr" // value: FString
  | "newline"
  | "indent"
  | "dedent"
  | "eof";

export type TokenKind = LiteralKind | Keyword | Operator;

/** One piece of an f-string: decoded literal text, or a replacement field. */
export type FStringPart = string | FStringField;

export interface FStringField {
  /** Source offsets of the expression text (between `{` and `=`/`!`/`:`/`}`). */
  readonly exprStart: number;
  readonly exprEnd: number;
  readonly line: number;
  /** Offset of the start of the expression's first line, to compute columns. */
  readonly lineStart: number;
  /** For `{x=}`: the text "x=" (with its spaces) to print before the value; else null. */
  readonly debugText: string | null;
  readonly conversion: "r" | "s" | "a" | null;
  /** The format spec after `:`, or null when there is none. */
  readonly spec: readonly FStringPart[] | null;
}

export interface FString {
  readonly parts: readonly FStringPart[];
}

export type TokenValue = string | number | bigint | Uint8Array | FString | null;

export interface Token {
  readonly kind: TokenKind;
  readonly value: TokenValue;
  /** 1-based line and 0-based column of the first character. */
  readonly line: number;
  readonly col: number;
  /** Source offsets [start, end). */
  readonly start: number;
  readonly end: number;
}

/** Augmented assignment operator → the binary operator it applies. */
export const AUG_ASSIGN_OPS = {
  "+=": "+", "-=": "-", "*=": "*", "@=": "@", "/=": "/", "//=": "//", "%=": "%", "**=": "**",
  "<<=": "<<", ">>=": ">>", "&=": "&", "|=": "|", "^=": "^",
} as const;

export type AugAssignOp = keyof typeof AUG_ASSIGN_OPS;

export function isAugAssignOp(kind: TokenKind): kind is AugAssignOp {
  return Object.prototype.hasOwnProperty.call(AUG_ASSIGN_OPS, kind);
}

const keywordSet: ReadonlySet<string> = new Set(KEYWORDS);

export function isKeyword(word: string): word is Keyword {
  return keywordSet.has(word);
}
