// Decides whether REPL input needs more lines (MicroPython's mp_repl_continue_with_input):
// an unclosed bracket or triple quote, a trailing backslash, a compound statement header, or
// a decorator.
export function isIncomplete(src: string): boolean {
  let depth = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const triple = src.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      i += q.length;
      for (;;) {
        if (i >= src.length) return triple;
        if (src[i] === "\\") {
          i += 2;
          continue;
        }
        if (src.startsWith(q, i)) {
          i += q.length;
          break;
        }
        if (!triple && src[i] === "\n") break;
        i++;
      }
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    i++;
  }
  if (depth > 0) return true;
  const lines = src.split("\n");
  const first = lines[0].trimStart();
  const last = lines[lines.length - 1].trimEnd();
  if (last.endsWith("\\")) return true;
  if (lines.length > 1) return true; // inside a block: continue until an empty line
  return last.endsWith(":") || first.startsWith("@");
}
