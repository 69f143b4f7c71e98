// Traceback printing in MicroPython's format (py/obj.c mp_obj_print_exception):
//
//   Traceback (most recent call last):
//     File "t.py", line 5, in <module>
//     File "t.py", line 2, in f
//   ZeroDivisionError: divide by zero
//
// A frame without a function name (a SyntaxError's location) has no `, in ...` part. MicroPython
// does not print __cause__ / __context__ chains. The last line is `Type: text`, where the text
// is the exception's own str (a subclass's __str__ is not used; its __repr__, when it defines
// one, replaces the whole line), and `Type: ` stays even when the text is empty.

import { typeOf, isSubtype } from "./object.ts";
import { PyBaseException, baseExceptionType } from "./exceptions.ts";
import { pyFrames, pyFramesUntilSite, type TracebackHolder, type CatchSite } from "./traceback.ts";
import { callSpecial } from "./ops.ts";
import { excStr } from "./types/baseexception.ts";

interface FrameLike {
  file: string;
  line: number;
  name: string | null;
}

/** The frames to print, outermost first: the captured stack, then any frames added by hand. */
export function excFrames(e: PyBaseException): FrameLike[] {
  let frames = framesUntilCaught(e.$tb, e.$caughtAt);
  for (const o of e.$older ?? []) frames = frames.concat(framesUntilCaught(o.tb, o.caughtAt));
  const extra = e.$extraFrames;
  return extra === null || extra === undefined ? frames : frames.concat(extra);
}

/**
 * The frames of a raise, outermost first, without the callers of the frame that caught it (the
 * raise-time stack extends the catch-time one): a Python traceback holds only what it unwound.
 */
function framesUntilCaught(tb: TracebackHolder | null, caughtAt: CatchSite | undefined): FrameLike[] {
  return caughtAt === undefined ? pyFrames(tb) : pyFramesUntilSite(tb, caughtAt);
}

function frameLine(f: FrameLike): string {
  const head = `  File "${f.file}", line ${f.line}`;
  return f.name === null ? head + "\n" : `${head}, in ${f.name}\n`;
}

/** The final line of a traceback, without the newline. */
export function excSummary(e: any): string {
  const t = typeOf(e);
  if (t.$user) {
    // A Python-level __repr__ somewhere above the builtin exception type replaces the line.
    const r = t.$proto.__repr__;
    if (r !== baseExceptionType.$proto.__repr__ && r !== undefined) {
      const s = callSpecial(r, e);
      return typeof s === "string" ? s : String(s);
    }
  }
  return `${t.$name}: ${excStr(e)}`;
}

export function formatException(e: any): string {
  let out = "";
  if (e instanceof PyBaseException && isSubtype(typeOf(e), baseExceptionType)) {
    const frames = excFrames(e);
    if (frames.length > 0) {
      out += "Traceback (most recent call last):\n";
      for (const f of frames) out += frameLine(f);
    }
  }
  return out + excSummary(e) + "\n";
}

/** sys.print_exception(e, file): writes the traceback with `write`. */
export function printException(e: any, write: (s: string) => void): void {
  write(formatException(e));
}
