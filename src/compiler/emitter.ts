// The structured emitter behind the code generator: generated JavaScript is a tree of Blocks
// (function bodies) made of Lines, each Line tagged with the Python line and the Python function
// name it belongs to. An expression that contains a nested function body (a lambda, a
// comprehension, a def) refers to that body's Block through a marker (`\0<index>\0`); printing
// expands the markers into indented lines, so every line of the output keeps its own Python
// location and tracebacks can map V8's line numbers back to Python (see traceback.ts).

export interface Line {
  text: string;
  depth: number;
  /** Python line (0 = none: prologue, helper bindings). */
  py: number;
  /** Python function name shown in tracebacks ("<module>", "f", "<lambda>", ...). */
  name: string;
}

export class Block {
  readonly lines: Line[] = [];
  depth = 0;
  constructor(public name: string) {}

  add(text: string, py: number): Line {
    const l: Line = { text, depth: this.depth, py, name: this.name };
    this.lines.push(l);
    return l;
  }
}

/** Holds every Block of one compilation unit so expressions can refer to them by marker. */
export class BlockTable {
  private readonly blocks: Block[] = [];

  /** The marker an expression embeds to stand for `b`'s lines. */
  embed(b: Block): string {
    this.blocks.push(b);
    return "\0" + (this.blocks.length - 1) + "\0";
  }

  /** Prints `root` into lines of text with the Python line and name of each. */
  print(root: Block): { text: string[]; py: number[]; names: string[] } {
    const out = { text: [] as string[], py: [] as number[], names: [] as string[] };
    this.printBlock(root, 0, out);
    return out;
  }

  private printBlock(b: Block, base: number, out: { text: string[]; py: number[]; names: string[] }): void {
    for (const l of b.lines) this.printLine(l, base + l.depth, out);
  }

  private printLine(l: Line, depth: number, out: { text: string[]; py: number[]; names: string[] }): void {
    const parts = l.text.split("\0");
    // parts alternate: text, block index, text, block index, ..., text
    for (let i = 0; i < parts.length; i += 2) {
      const t = parts[i];
      if (i === 0 || t.length > 0) {
        out.text.push("  ".repeat(depth) + t);
        out.py.push(l.py);
        out.names.push(l.name);
      }
      if (i + 1 < parts.length) this.printBlock(this.blocks[Number(parts[i + 1])], depth + 1, out);
    }
  }
}

// ---------------------------------------------------------------- JS syntax

/** Words a Python identifier must not become in JS: keywords, and globals generated code uses. */
const RESERVED = new Set([
  "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
  "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
  "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new",
  "null", "package", "private", "protected", "public", "return", "static", "super", "switch",
  "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "undefined", "NaN", "Infinity", "Object", "Math", "Array", "Symbol", "globalThis",
]);

/** The JS name of a Python local: Python names cannot contain `$`, so a `$` suffix is safe. */
export function mangle(name: string): string {
  return RESERVED.has(name) ? name + "$" : name;
}

/** A JS string literal for s (JSON's escapes, plus the two JS line terminators JSON allows). */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A property key for an object literal `{ key: v }`. */
export function jsKey(name: string): string {
  return name === "__proto__" ? '["__proto__"]' : name;
}

/** Is this emitted expression free of side effects and cheap to evaluate twice? */
export function isSimple(code: string): boolean {
  return /^(?:[$\w\u0080-\uffff]+|-?\d+n?|true|false)$/.test(code) || (code.length < 24 && /^"[^"\\\0]*"$/.test(code));
}
