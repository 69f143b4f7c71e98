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
}

/** What the code generator records for one compiled unit (module, exec/eval string). */
export interface CodeInfo {
  /** Python file name as shown in tracebacks. */
  file: string;
  /** lines[jsLine] = Python line (0 if unknown); jsLine as V8 reports it. */
  lines: ArrayLike<number>;
  /** names[jsLine] = Python function name ("<module>" at top level). */
  names: ArrayLike<string | undefined>;
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
  const h: TracebackHolder = {};
  Error.captureStackTrace(h, captureTraceback);
  return h;
}

const frameRe = /\((py\d+):(\d+):\d+\)$|at (py\d+):(\d+):\d+$/;

/** The Python frames of a captured stack, outermost first (as tracebacks print them). */
export function pyFrames(h: TracebackHolder | null): PyFrame[] {
  if (h === null) return [];
  const stack = h.stack ?? "";
  const out: PyFrame[] = [];
  for (const text of stack.split("\n")) {
    const m = frameRe.exec(text);
    if (m === null) continue;
    const url = m[1] ?? m[3];
    const jsLine = Number(m[2] ?? m[4]);
    const info = codeByUrl.get(url);
    if (info === undefined) continue;
    const line = info.lines[jsLine] ?? 0;
    if (line === 0) continue;
    out.push({ file: info.file, line, name: info.names[jsLine] ?? "<module>" });
  }
  return out.reverse();
}
