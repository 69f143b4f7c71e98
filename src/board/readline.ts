// The friendly REPL's line editor, byte for byte as MicroPython's shared/readline/readline.c
// behaves on a VT100 terminal: cursor movement with arrows, Home/End and Emacs keys, history
// of 8 lines, auto-indent after a line ending in ':', Backspace removing 4 spaces of
// indentation at once, and TAB completion. It consumes one input byte at a time and reports
// what the caller must do next.

/** What processChar asks of the caller: keep feeding bytes, or act on a key / a newline. */
export const CONTINUE = -1;
export const NEWLINE = 0;

const CTRL_A = 1, CTRL_B = 2, CTRL_C = 3, CTRL_D = 4, CTRL_E = 5, CTRL_F = 6, CTRL_K = 11;
const CTRL_N = 14, CTRL_P = 16, CTRL_U = 21, CTRL_W = 23, ESC = 27;

const HISTORY_SIZE = 8;
const enum Esc { None, Esc, Bracket, BracketDigit, O }

/** Completion: the candidate names after `line` (a whole `a.b.c` chain is handled by the caller). */
export type Completer = (line: string) => { insert: string } | { list: string } | null;

/** The history ring shared by every line read (cleared at soft reset, as on a board). */
export class History {
  lines: string[] = [];
  push(line: string): void {
    if (line === "" || this.lines[0] === line) return;
    this.lines.unshift(line);
    if (this.lines.length > HISTORY_SIZE) this.lines.length = HISTORY_SIZE;
  }
  clear(): void {
    this.lines = [];
  }
}

const isAlnum = (c: string) => /[A-Za-z0-9]/.test(c);

export class LineEditor {
  /** The buffer: earlier continuation lines (ending in "\n"), then the line being edited. */
  line = "";
  private orig = 0;
  private cursor = 0;
  private esc = Esc.None;
  private escDigit = "";
  private histCur = -1;
  private lastNl = 0;
  private autoIndent = 0; // bit 1: enabled, bit 2: just added
  private prompt = "";

  constructor(
    private out: (s: string) => void,
    private history: History,
    private completer: Completer | null = null,
  ) {}

  /** readline_init: a fresh line (buffer kept, e.g. paste leftovers) and its prompt. */
  init(prompt: string, line = ""): void {
    this.line = line;
    this.orig = line.length;
    this.cursor = this.orig;
    this.esc = Esc.None;
    this.histCur = -1;
    this.prompt = prompt;
    this.out(prompt);
    if (line.length === 0) this.autoIndent = 1;
    this.applyAutoIndent();
  }

  /** readline_note_newline: a continuation line starts after the text already in the buffer. */
  noteNewline(prompt: string): void {
    this.orig = this.line.length;
    this.cursor = this.orig;
    this.prompt = prompt;
    this.out(prompt);
    this.applyAutoIndent();
  }

  /** The current (last) line without earlier continuation lines. */
  current(): string {
    return this.line.slice(this.orig);
  }

  private processNl(c: number): boolean {
    if ((c === 13 || c === 10) && (this.lastNl === 0 || this.lastNl === c)) {
      this.lastNl = c;
      return true;
    }
    this.lastNl = 0;
    return false;
  }

  /** Feeds one byte; returns CONTINUE, NEWLINE or a control character (1-5) for the caller. */
  processChar(c: number): number {
    const lastLen = this.line.length;
    const r = { back: 0, fromCursor: false, forward: 0 };
    if (this.esc === Esc.None) {
      const res = this.plainChar(c, r);
      if (res !== CONTINUE) return res;
    } else if (this.esc === Esc.Esc) {
      this.escChar(c, r);
    } else if (this.esc === Esc.Bracket) {
      this.bracketChar(c, r);
    } else if (this.esc === Esc.BracketDigit) {
      this.esc = Esc.None;
      if (c === 126 /* ~ */) {
        const d = this.escDigit;
        if (d === "1" || d === "7") r.back = this.cursor - this.orig;
        else if (d === "4" || d === "8") r.forward = this.line.length - this.cursor;
        else if (d === "3") this.deleteAt(r);
      } else if (c === 59 /* ; */ && this.escDigit === "1") {
        this.esc = Esc.Bracket; // ctrl+arrows: ESC [ 1 ; 5 C
      } else if (this.escDigit === "5" && c === 67) {
        r.forward = this.wordCount(true);
      } else if (this.escDigit === "5" && c === 68) {
        r.back = this.wordCount(false);
      }
    } else {
      this.esc = Esc.None;
      if (c === 72) r.back = this.cursor - this.orig;
      else if (c === 70) r.forward = this.line.length - this.cursor;
    }
    this.redraw(lastLen, r);
    this.autoIndent &= ~2;
    return CONTINUE;
  }

  private plainChar(c: number, r: { back: number; fromCursor: boolean; forward: number }): number {
    if (c >= CTRL_A && c <= CTRL_E && this.line.length === this.orig) return c;
    switch (c) {
      case CTRL_A: r.back = this.cursor - this.orig; return CONTINUE;
      case CTRL_B: if (this.cursor > this.orig) r.back = 1; return CONTINUE;
      case CTRL_C: return c;
      case CTRL_D: this.deleteAt(r); return CONTINUE;
      case CTRL_E: r.forward = this.line.length - this.cursor; return CONTINUE;
      case CTRL_F: if (this.cursor < this.line.length) r.forward = 1; return CONTINUE;
      case CTRL_K:
        this.line = this.line.slice(0, this.cursor);
        r.fromCursor = true;
        return CONTINUE;
      case CTRL_N: this.historyDown(r); return CONTINUE;
      case CTRL_P: this.historyUp(r); return CONTINUE;
      case CTRL_U:
        r.back = this.cursor - this.orig;
        this.line = this.line.slice(0, this.orig) + this.line.slice(this.cursor);
        r.fromCursor = true;
        return CONTINUE;
      case CTRL_W: this.killWordBack(r); return CONTINUE;
    }
    if (this.processNl(c)) {
      this.out("\r\n");
      this.history.push(this.line.slice(this.orig));
      return NEWLINE;
    }
    if (c === ESC) this.esc = Esc.Esc;
    else if (c === 8 || c === 127) this.backspace(r);
    else if ((this.autoIndent & 2) !== 0 && (c === 9 || c === 32)) {
      // TAB or space right after an auto-indent: keep (TAB) or reduce to one space (space).
      this.autoIndent = 0;
      if (c === 32) {
        r.back = 3;
        this.line = this.line.slice(0, -3);
      }
    } else if (c === 9) this.tab(r);
    else if (c >= 32 && c <= 126) {
      this.insert(String.fromCharCode(c), r);
    }
    return CONTINUE;
  }

  private escChar(c: number, r: { back: number; fromCursor: boolean; forward: number }): void {
    this.esc = Esc.None;
    if (c === 91 /* [ */) this.esc = Esc.Bracket;
    else if (c === 79 /* O */) this.esc = Esc.O;
    else if (c === 98 /* b */) r.back = this.wordCount(false);
    else if (c === 102 /* f */) r.forward = this.wordCount(true);
    else if (c === 100 /* d */) {
      const n = this.wordCount(true);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
      r.fromCursor = true;
    } else if (c === 127) this.killWordBack(r);
  }

  private bracketChar(c: number, r: { back: number; fromCursor: boolean; forward: number }): void {
    if (c >= 48 && c <= 57) {
      this.esc = Esc.BracketDigit;
      this.escDigit = String.fromCharCode(c);
      return;
    }
    this.esc = Esc.None;
    if (c === 65) this.historyUp(r);
    else if (c === 66) this.historyDown(r);
    else if (c === 67) {
      if (this.cursor < this.line.length) r.forward = 1;
    } else if (c === 68) {
      if (this.cursor > this.orig) r.back = 1;
    } else if (c === 72) r.back = this.cursor - this.orig;
    else if (c === 70) r.forward = this.line.length - this.cursor;
  }

  private insert(s: string, r: { fromCursor: boolean; forward: number }): void {
    this.line = this.line.slice(0, this.cursor) + s + this.line.slice(this.cursor);
    r.fromCursor = true;
    r.forward = s.length;
  }

  private deleteAt(r: { fromCursor: boolean }): void {
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
      r.fromCursor = true;
    }
  }

  private backspace(r: { back: number; fromCursor: boolean }): void {
    if (this.cursor <= this.orig) return;
    // Only spaces before the cursor and at least 4 of them: remove one indentation level.
    let nspace = 0;
    for (let i = this.orig; i < this.cursor; i++) {
      if (this.line[i] !== " ") {
        nspace = 0;
        break;
      }
      nspace++;
    }
    const n = nspace < 4 ? 1 : 4;
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    r.back = n;
    r.fromCursor = true;
  }

  private killWordBack(r: { back: number; fromCursor: boolean }): void {
    const n = this.wordCount(false);
    this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
    r.back = n;
    r.fromCursor = true;
  }

  /** Characters to the end (forward) or start (back) of the current/previous word. */
  private wordCount(forward: boolean): number {
    let pos = this.cursor;
    let inWord = false;
    for (;;) {
      if (!forward && pos === 0) break;
      if (forward && pos === this.line.length) break;
      if (isAlnum(this.line[forward ? pos : pos - 1])) inWord = true;
      else if (inWord) break;
      pos += forward ? 1 : -1;
    }
    return forward ? pos - this.cursor : this.cursor - pos;
  }

  private historyUp(r: { back: number; fromCursor: boolean; forward: number }): void {
    const h = this.history.lines;
    if (this.histCur + 1 >= HISTORY_SIZE || h[this.histCur + 1] === undefined) return;
    this.histCur++;
    this.line = this.line.slice(0, this.orig) + h[this.histCur];
    r.back = this.cursor - this.orig;
    r.fromCursor = true;
    r.forward = this.line.length - this.orig;
  }

  private historyDown(r: { back: number; fromCursor: boolean; forward: number }): void {
    if (this.histCur < 0) return;
    this.histCur--;
    this.line = this.line.slice(0, this.orig) + (this.histCur >= 0 ? this.history.lines[this.histCur] : "");
    r.back = this.cursor - this.orig;
    r.fromCursor = true;
    r.forward = this.line.length - this.orig;
  }

  private tab(r: { fromCursor: boolean; forward: number }): void {
    const before = this.line.slice(this.orig, this.cursor);
    // After whitespace (including the start of a continuation line) TAB indents by 4.
    if (this.line.length !== 0 && /\s/.test(this.line[this.cursor - 1] ?? "")) {
      this.insert("    ", r);
      return;
    }
    const res = this.completer?.(before) ?? null;
    if (res === null) return;
    if ("insert" in res) {
      if (res.insert !== "") this.insert(res.insert, r);
      return;
    }
    this.out(res.list);
    this.out(this.prompt);
    this.out(before);
    r.fromCursor = true;
  }

  private redraw(lastLen: number, r: { back: number; fromCursor: boolean; forward: number }): void {
    if (r.back > 0) {
      this.out(cursorBack(r.back));
      this.cursor -= r.back;
    }
    if (r.fromCursor) {
      if (this.line.length < lastLen) this.out("\x1b[K");
      this.out(this.line.slice(this.cursor));
      this.out(cursorBack(this.line.length - (this.cursor + r.forward)));
      this.cursor += r.forward;
    } else if (r.forward > 0) {
      this.out(this.line.slice(this.cursor, this.cursor + r.forward));
      this.cursor += r.forward;
    }
  }

  /** Adds the indentation the previous line asks for (readline_auto_indent). */
  private applyAutoIndent(): void {
    if ((this.autoIndent & 1) === 0) return;
    const line = this.line;
    if (line.length <= 1 || line[line.length - 1] !== "\n") return;
    let i = line.length - 1;
    while (i > 0 && line[i - 1] !== "\n") i--;
    let j = i;
    while (j < line.length && line[j] === " ") j++;
    if (i > 0 && j + 1 === line.length) {
      // The previous line is all spaces: stop indenting when the one before it is too.
      for (let k = i - 1; k > 0; --k) {
        if (line[k - 1] === "\n") return;
        if (line[k - 1] !== " ") break;
      }
    }
    let n = Math.floor((j - i) / 4);
    if (line[line.length - 2] === ":") n++;
    while (n-- > 0) {
      this.line += "    ";
      this.out("    ");
      this.cursor += 4;
      this.autoIndent |= 2;
    }
  }
}

/** mp_hal_move_cursor_back: backspaces for short moves, ESC [ n D beyond. */
function cursorBack(n: number): string {
  if (n <= 0) return "";
  if (n <= 4) return "\b".repeat(n);
  return `\x1b[${n}D`;
}
