// Tracebacks without per-statement bookkeeping: when an exception is created we capture the JS
// stack (cheap: V8 formats it lazily), and when a traceback is printed we map each frame of
// generated code back to its Python file, line and function through the module's line table.

export interface TracebackHolder {
  stack?: string;
}

export interface PyFrame {
  file: string;
  line: number;
  name: string;
  /** The source line (`line` prints 1 for all at opt_level 3); catch sites match against it. */
  src: number;
}

/** What the code generator records for one compiled unit (module, exec/eval string). */
export interface CodeInfo {
  /** Python file name as shown in tracebacks. */
  file: string;
  /** lines[jsLine] = Python line (0 if unknown); jsLine as V8 reports it. */
  lines: ArrayLike<number>;
  /** names[jsLine] = Python function name ("<module>" at top level). */
  names: ArrayLike<string | undefined>;
  /** The source lines when `lines` hides them (opt_level 3). */
  srcLines?: ArrayLike<number>;
}

const codeByUrl = new Map<string, CodeInfo>();
let nextUnit = 0;

/** Registers generated code; returns the sourceURL to embed in it. */
export function registerCode(info: CodeInfo): string {
  const url = `py${nextUnit++}`;
  codeByUrl.set(url, info);
  return url;
}

Error.stackTraceLimit = 40;

export function captureTraceback(): TracebackHolder {
  // An Error (cheaper to capture into than a plain object); the runtime frames on top of the
  // Python ones are skipped when the stack is read.
  return new Error();
}

const frameRe = /\((py\d+):(\d+):\d+\)$|at (py\d+):(\d+):\d+$/;

/**
 * Where an `except` caught an exception, as the compiler knows it: the function the handler is in
 * (its traceback name) and the Python lines of the `try` body (the handler's frame was running
 * one of them when the exception left it). No stack capture at the catch.
 */
export interface CatchSite {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  /** Caught again after a bare `raise` in a handler: the earlier (inner) catches. */
  readonly prev?: CatchSite;
}

/**
 * The Python frames a raise unwound until the handler at `site` caught it, outermost first:
 * the handler's frame is the innermost raise-time frame in that function at a line of the try
 * body (an inner frame of the same function in the same try body would have caught it); after
 * re-raises, each later catch is in a frame further out than the one before.
 */
export function pyFramesUntilSite(tb: TracebackHolder | null, site: CatchSite): PyFrame[] {
  if (tb === null) return [];
  const frames = pyFrames(tb); // outermost first
  const chain: CatchSite[] = [];
  for (let s: CatchSite | undefined = site; s !== undefined; s = s.prev) chain.unshift(s);
  let from = frames.length - 1;
  let at = -1;
  for (const s of chain) {
    let i = from;
    while (i >= 0 && !(frames[i].name === s.name && frames[i].src >= s.lo && frames[i].src <= s.hi)) i--;
    if (i < 0) break;
    at = i;
    from = i - 1;
  }
  return at < 0 ? frames : frames.slice(at);
}

/** The Python frames of a captured stack, outermost first (as tracebacks print them). */
export function pyFrames(h: TracebackHolder | null): PyFrame[] {
  if (h === null) return [];
  return framesOf((h.stack ?? "").split("\n"));
}

function framesOf(lines: string[]): PyFrame[] {
  const out: PyFrame[] = [];
  for (const text of lines) {
    const m = frameRe.exec(text);
    if (m === null) continue;
    const url = m[1] ?? m[3];
    const jsLine = Number(m[2] ?? m[4]);
    const info = codeByUrl.get(url);
    if (info === undefined) continue;
    const line = info.lines[jsLine] ?? 0;
    if (line === 0) continue;
    out.push({ file: info.file, line, name: info.names[jsLine] ?? "<module>", src: info.srcLines?.[jsLine] ?? line });
  }
  return out.reverse();
}
