// The board's main loop and its REPLs, following MicroPython's shared/runtime/pyexec.c and a
// port's main.c: boot.py, main.py (friendly mode only), then the friendly or raw REPL until a
// soft reset; `MPY: soft reboot`; again. The bytes on the wire are those of
// docs/reference/repl.rst (see REPL-PROTOCOL.md beside the repository).

import { isIncomplete } from "./continuation.ts";
import { BoardRuntime, ExecResult } from "./runtime.ts";
import { bannerLine } from "./profiles.ts";
import { VERSION_STRING } from "../modules/sys.ts";

const CTRL_A = 1, CTRL_B = 2, CTRL_C = 3, CTRL_D = 4, CTRL_E = 5;

/** MICROPY_REPL_STDIN_BUFFER_MAX: raw-paste's flow-control window is half of it. */
const STDIN_BUFFER_MAX = 256;

type Mode = "friendly" | "raw";

export class Repl {
  mode: Mode = "friendly";

  constructor(private rt: BoardRuntime, private onState: (s: "repl" | "raw" | "running") => void = () => {}) {}

  private out(s: string): void {
    this.rt.serial.writeRaw(s);
  }

  /** Power-on to forever: the port's main loop. */
  run(): never {
    for (;;) {
      this.rt.resetPython();
      this.bootAndRepl();
      this.rt.serial.writeCooked("MPY: soft reboot\n");
    }
  }

  private bootAndRepl(): void {
    this.onState("running");
    let ret = this.rt.execFile("boot.py");
    if (ret === ExecResult.ForcedExit) return;
    // As in the ports' main.c: main.py runs in friendly mode, and only when boot.py succeeded.
    if (this.mode === "friendly" && ret !== ExecResult.Error) {
      ret = this.rt.execFile("main.py");
      if (ret === ExecResult.ForcedExit) return;
    }
    for (;;) {
      const r = this.mode === "raw" ? this.rawRepl() : this.friendlyRepl();
      if (r !== 0) return;
    }
  }

  // ---------------------------------------------------------------- raw REPL

  /** pyexec_raw_repl: returns non-zero for a soft reset. */
  rawRepl(): number {
    this.onState("raw");
    const serial = this.rt.serial;
    this.out("raw REPL; CTRL-B to exit\r\n");
    for (;;) {
      const line: number[] = [];
      this.out(">");
      let reset = false;
      for (;;) {
        const c = serial.readByte();
        if (c === CTRL_A) {
          if (line.length === 2 && line[0] === CTRL_E) {
            const r = this.rawPaste(line[1]);
            if (r === ExecResult.ForcedExit) return 1;
            line.length = 0;
            this.out(">");
            continue;
          }
          reset = true;
          break;
        } else if (c === CTRL_B) {
          this.out("\r\n");
          this.mode = "friendly";
          return 0;
        } else if (c === CTRL_C) {
          line.length = 0;
        } else if (c === CTRL_D) {
          break;
        } else {
          line.push(c);
        }
      }
      if (reset) {
        this.out("raw REPL; CTRL-B to exit\r\n");
        continue;
      }
      this.out("OK");
      if (line.length === 0) {
        this.out("\r\n");
        return 1;
      }
      this.onState("running");
      const r = this.rt.exec(decodeUtf8(line), "<stdin>", "exec", { printEof: true });
      this.onState("raw");
      if (r === ExecResult.ForcedExit) return 1;
    }
  }

  /** do_reader_stdin: raw-paste mode (`\x05A\x01`), with its flow-control window. */
  private rawPaste(cmd: number): ExecResult {
    if (cmd !== 65 /* A */) {
      this.out("R\x00");
      return ExecResult.Ok;
    }
    this.out("R\x01");
    const window = STDIN_BUFFER_MAX / 2;
    this.out(String.fromCharCode(window & 0xff, window >> 8, 1));
    const serial = this.rt.serial;
    const code: number[] = [];
    let remain = window;
    let interrupted = false;
    for (;;) {
      const c = serial.readByte();
      if (c === CTRL_C || c === CTRL_D) {
        this.out("\x04");
        interrupted = c === CTRL_C;
        break;
      }
      code.push(c);
      if (--remain === 0) {
        this.out("\x01");
        remain = window;
      }
    }
    if (interrupted) {
      // Raised while reading, before any code ran: no traceback, only the exception line.
      this.out("\x04");
      this.rt.serial.writeCooked("KeyboardInterrupt: \n");
      this.out("\x04");
      return ExecResult.Error;
    }
    this.onState("running");
    const r = this.rt.exec(decodeUtf8(code), "<stdin>", "exec", { printEof: true });
    this.onState("raw");
    return r;
  }

  // ---------------------------------------------------------------- friendly REPL

  private banner(): void {
    const p = this.rt.opts.profile;
    this.rt.serial.writeCooked(bannerLine(p, VERSION_STRING) + "\n" + 'Type "help()" for more information.\n');
  }

  /** pyexec_friendly_repl: returns non-zero for a soft reset. */
  friendlyRepl(): number {
    this.banner();
    for (;;) {
      this.onState("repl");
      const ed = this.rt.newEditor();
      const r = this.readLine(ed, ">>> ", "");
      let mode: "single" | "exec" = "single";
      let source = ed.line;
      if (r === CTRL_A) {
        this.out("\r\n");
        this.mode = "raw";
        return 0;
      } else if (r === CTRL_B) {
        this.out("\r\n");
        this.banner();
        continue;
      } else if (r === CTRL_C) {
        this.out("\r\n");
        continue;
      } else if (r === CTRL_D) {
        this.out("\r\n");
        return 1;
      } else if (r === CTRL_E) {
        const pasted = this.pasteMode();
        if (pasted === null) continue;
        source = pasted;
        mode = "exec";
      } else if (source.length === 0) {
        continue;
      } else {
        const cont = this.continueLines(ed);
        if (cont === null) continue;
        source = cont;
      }
      this.onState("running");
      const res = this.rt.exec(source, "<stdin>", mode);
      if (res === ExecResult.ForcedExit) return 1;
    }
  }

  /** readline(): feeds bytes to the editor until it reports a key or a newline. */
  private readLine(ed: ReturnType<BoardRuntime["newEditor"]>, prompt: string, keep: string): number {
    ed.init(prompt, keep);
    for (;;) {
      const r = ed.processChar(this.rt.serial.readByte());
      if (r >= 0) return r;
    }
  }

  /** More lines while the input is incomplete; null when Ctrl-C cancelled everything. */
  private continueLines(ed: ReturnType<BoardRuntime["newEditor"]>): string | null {
    while (isIncomplete(ed.line)) {
      ed.line += "\n";
      ed.noteNewline("... ");
      let r: number;
      for (;;) {
        r = ed.processChar(this.rt.serial.readByte());
        if (r >= 0) break;
      }
      if (r === CTRL_C) {
        this.out("\r\n");
        return null;
      }
      if (r === CTRL_D) break;
    }
    return ed.line;
  }

  /** Ctrl-E: paste mode; the text, or null when Ctrl-C cancelled it. */
  private pasteMode(): string | null {
    this.out("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    const bytes: number[] = [];
    const serial = this.rt.serial;
    for (;;) {
      const c = serial.readByte();
      if (c === CTRL_C) {
        this.out("\r\n");
        return null;
      }
      if (c === CTRL_D) {
        this.out("\r\n");
        return decodeUtf8(bytes);
      }
      bytes.push(c);
      if (c === 13) this.out("\r\n=== ");
      else serial.writeBytes(Uint8Array.of(c));
    }
  }
}

function decodeUtf8(bytes: number[]): string {
  return new TextDecoder().decode(Uint8Array.from(bytes));
}
