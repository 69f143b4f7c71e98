// Does the friendly REPL need another line? MicroPython's mp_repl_continue_with_input
// (py/repl.c): an unclosed triple quote or bracket, a trailing backslash, or a compound
// statement (or decorator) whose last line is not yet empty.

const COMPOUND = ["if", "while", "for", "try", "with", "def", "class", "async"];

function startsWithWord(s: string, word: string): boolean {
  return s.startsWith(word) && (s.length === word.length || !/[A-Za-z0-9_]/.test(s[word.length]));
}

const enum Q { None, Single, Double, Triple1, Triple2 }

export function isIncomplete(input: string): boolean {
  if (input === "") return false;
  const compound = input[0] === "@" || COMPOUND.some((w) => startsWithWord(input, w));
  const open = [0, 0, 0]; // ( [ {
  let q = Q.None;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === "'" || c === '"') {
      const single = c === "'" ? Q.Single : Q.Double;
      const triple = c === "'" ? Q.Triple1 : Q.Triple2;
      if ((q === Q.None || q === triple) && input[i + 1] === c && input[i + 2] === c) {
        i += 2;
        q = q === triple ? Q.None : triple;
      } else if (q === Q.None || q === single) {
        q = q === single ? Q.None : single;
      }
    } else if (c === "\\" && (input[i + 1] === "'" || input[i + 1] === '"' || input[i + 1] === "\\")) {
      if (q !== Q.None) i++;
    } else if (q === Q.None) {
      const o = "([{".indexOf(c);
      if (o >= 0) open[o]++;
      else {
        const k = ")]}".indexOf(c);
        if (k >= 0) open[k]--;
      }
    }
  }
  if (q === Q.Triple1 || q === Q.Triple2) return true;
  if ((open[0] > 0 || open[1] > 0 || open[2] > 0) && q === Q.None) return true;
  const last = input[input.length - 1];
  if (last === "\\") return true;
  return compound && last !== "\n";
}
