// TAB completion for the friendly REPL, as MicroPython's mp_repl_autocomplete (py/repl.c):
// complete the last `a.b.c` chain of the line against __main__ (and builtins), or against an
// attribute's names; after `import ` against the built-in modules; one match (or a longer common
// prefix) is inserted, several are listed in 16-column slots and the line is redrawn.

import type { Completer } from "./readline.ts";

export interface CompletionSource {
  globals(): any;
  builtins(): any;
  modules(): string[];
  attr(obj: any, name: string): any;
  dir(obj: any): string[];
}

const WORD_SLOT = 16;
const MAX_LINE = 4 * WORD_SLOT;

function namesOf(src: CompletionSource, obj: any | null, top: boolean, isImport: boolean): string[] {
  if (isImport) return src.modules();
  if (top) {
    const s = new Set<string>([...Object.keys(src.globals()), ...Object.keys(src.builtins())]);
    return [...s].filter((k) => !k.startsWith("$")).sort();
  }
  return src.dir(obj);
}

/** The completion list as print_completions lays it out (starts on a new line). */
function formatList(words: string[]): string {
  let out = "";
  let lineLen = MAX_LINE;
  for (const w of words) {
    let gap = Math.ceil(lineLen / WORD_SLOT) * WORD_SLOT - lineLen;
    if (gap < 2) gap += WORD_SLOT;
    if (lineLen + gap + w.length <= MAX_LINE) {
      out += " ".repeat(gap) + w;
      lineLen += gap + w.length;
    } else {
      out += "\r\n" + w;
      lineLen = w.length;
    }
  }
  return out + "\r\n";
}

export function makeCompleter(src: CompletionSource): Completer {
  return (line: string) => {
    let start = line.length;
    while (start > 0 && /[A-Za-z0-9_.]/.test(line[start - 1])) start--;
    const words = line.slice(start).split(".");
    const prefix = words.pop()!;
    let obj: any = null;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const v = i === 0 ? (src.globals()[w] ?? src.builtins()[w]) : src.attr(obj, w);
      if (v === undefined) return null;
      obj = v;
    }
    const top = words.length === 0;
    const isImport = line.startsWith("import ");
    const matches = namesOf(src, obj, top, isImport).filter(
      (n) => n.startsWith(prefix) && !(prefix === "" && n.startsWith("_")),
    );
    if (matches.length === 0) {
      if (start === 0 && top && prefix.length > 0 && "import ".startsWith(prefix)) return { insert: "import ".slice(prefix.length) };
      return null;
    }
    let common = matches[0];
    for (const m of matches) {
      let j = prefix.length;
      while (j < common.length && j < m.length && common[j] === m[j]) j++;
      common = common.slice(0, j);
    }
    if (matches.length === 1 || common.length > prefix.length) return { insert: common.slice(prefix.length) };
    return { list: formatList(matches) };
  };
}
