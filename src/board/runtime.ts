// The Python side of a virtual board (runs in the board's worker): the Host the core sees
// (console = the serial link, files = the VFS, clock, sleeps that block without spinning),
// the board's module tweaks (sys.platform, os.uname), running code the way pyexec.c does, the
// interrupt check, and the Python state a soft reset clears.

import { setHost, type Host } from "../runtime/host.ts";
import { setInterruptFlag } from "../runtime/helpers.ts";
import { langHooks } from "../runtime/hooks.ts";
import { registerBuiltinModule, sysModules, sysPath, newGlobals, getBuiltins, builtinModuleNames } from "../runtime/import.ts";
import { PyModule } from "../runtime/types/module.ts";
import { runSource } from "../runtime/exec.ts";
import { formatException } from "../runtime/printexc.ts";
import { newExc, toPyExc, KeyboardInterrupt, SystemExit } from "../runtime/exceptions.ts";
import { isSubtype, typeOf, None } from "../runtime/object.ts";
import { repr, toArray, getIter } from "../runtime/ops.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { call } from "../runtime/call.ts";
import { loadAttrOrUndefined } from "../runtime/attr.ts";
import { initRuntime } from "../modules/index.ts";
import * as sysMod from "../modules/sys.ts";
import * as osMod from "../modules/os.ts";
import { mpState, scheduled, runScheduled, heapLock } from "../modules/micropython.ts";
import { mkAttrTuple } from "../modules/collections.ts";
import { builtin } from "../runtime/object.ts";
import type { CompileMode } from "../compiler/compile.ts";
import { SharedState, INTR, KBD, INTR_CHAR, REQ, WAKE } from "./shared.ts";
import { BoardSerial } from "./serial.ts";
import { LineEditor, History, NEWLINE } from "./readline.ts";
import { makeCompleter } from "./complete.ts";
import type { Vfs } from "./vfs.ts";
import { type BoardProfile, BUILD_DATE } from "./profiles.ts";

/**
 * os.ilistdir as a board's file systems give it: (name, type, inode, size) 4-tuples (mpremote's
 * `fs ls` shows the size from the fourth item).
 */
function withSizes(ilistdir: any, stat: any): any {
  return builtin("ilistdir", (path?: any) => {
    const entries = toArray(path === undefined ? call(ilistdir, [], null) : call(ilistdir, [path], null));
    const dir = path === undefined ? "" : typeof path === "string" ? path : null;
    const out = entries.map((t: any) => {
      const a = t.$a as any[];
      if (a.length !== 3 || dir === null || typeof a[0] !== "string" || a[1] !== 0x8000) return t;
      const full = dir === "" ? a[0] : dir.endsWith("/") ? dir + a[0] : dir + "/" + a[0];
      let size = 0;
      try {
        size = (call(stat, [full], null).$a as any[])[6];
      } catch {
        // listed but gone: size 0
      }
      return mkTuple([a[0], a[1], a[2], size]);
    });
    return getIter(mkList(out));
  });
}

/** How a piece of code ended (pyexec's return codes). */
export const enum ExecResult { Ok, Error, ForcedExit }

export interface ExecFlags {
  /** Raw REPL framing: `\x04` after the output and after the exception text. */
  printEof?: boolean;
  /** Ctrl-C does not interrupt (frozen boot scripts). */
  noInterrupt?: boolean;
}

export interface BoardOptions {
  profile: BoardProfile;
  clock: "wall" | "virtual";
  /** Services host requests (files) posted while Python runs; returns after handling them. */
  serviceRequests: () => void;
}

export class BoardRuntime {
  readonly serial: BoardSerial;
  readonly history = new History();
  mainGlobals: any = null;
  /** Virtual clock: ms added by sleeps that did not wait. */
  private skew = 0;
  private readonly t0 = performance.now();

  constructor(readonly sh: SharedState, readonly vfs: Vfs, readonly opts: BoardOptions, post: (m: any) => void) {
    this.serial = new BoardSerial(sh, { post, pending: () => this.pendingWhileBlocked() });
  }

  /** True while Python code runs (exceptions from pending work then belong to that code). */
  private executing = false;

  /** Pending work found while blocked: outside running code, a failing callback only prints. */
  private pendingWhileBlocked(): void {
    if (this.executing) return this.pending();
    try {
      this.pending();
    } catch (e) {
      this.serial.writeCooked(formatException(toPyExc(e)));
    }
  }

  /** Wires the core to this board: interrupt flag, host, modules, hooks. Call once. */
  install(): void {
    setInterruptFlag(new Int32Array(this.sh.sab, INTR * 4, 1));
    setHost(this.makeHost());
    initRuntime();
    this.overrideModules();
    langHooks.checkIntr = () => this.pending();
    langHooks.displayHook = (v: any) => {
      if (v === None) return;
      this.mainGlobals._ = v;
      this.serial.writeCooked(repr(v) + "\n");
    };
    const ctl = this.sh.ctl;
    // micropython.kbd_intr() sets the character the host side watches for.
    Object.defineProperty(mpState, "kbdIntr", {
      get: () => Atomics.load(ctl, INTR_CHAR),
      set: (v: number) => Atomics.store(ctl, INTR_CHAR, v),
      configurable: true,
    });
  }

  /** The check generated code makes when the flag is set: requests, Ctrl-C, scheduled callbacks. */
  pending(): void {
    const c = this.sh.ctl;
    Atomics.store(c, INTR, 0);
    if (Atomics.exchange(c, REQ, 0) !== 0) this.opts.serviceRequests();
    if (Atomics.exchange(c, KBD, 0) !== 0) throw newExc(KeyboardInterrupt);
    if (scheduled.length > 0) runScheduled();
  }

  private monotonic(): number {
    return performance.now() - this.t0 + this.skew;
  }

  private sleep(ms: number): void {
    if (this.opts.clock === "virtual") {
      this.skew += ms;
      if (Atomics.load(this.sh.ctl, INTR) !== 0) this.pending();
      return;
    }
    const end = this.monotonic() + ms;
    for (;;) {
      const w = Atomics.load(this.sh.ctl, WAKE);
      const left = end - this.monotonic();
      if (left <= 0) return;
      if (Atomics.load(this.sh.ctl, INTR) !== 0) this.pending();
      else this.serial.waitEvent(w, left);
    }
  }

  private makeHost(): Host {
    const p = this.opts.profile;
    const vfs = this.vfs;
    return {
      write: (_fd, data) => (typeof data === "string" ? this.serial.writeCooked(data) : this.serial.writeBytes(data)),
      readLine: (prompt) => this.readLine(prompt),
      readBytes: (n) => (n <= 0 ? new Uint8Array(0) : this.serial.read(n)),
      fs: vfs,
      monotonicMs: () => this.monotonic(),
      epochMs: () => Date.now() + this.skew,
      sleepMs: (ms) => this.sleep(ms),
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
      getenv: () => undefined,
      exit: () => {
        throw newExc(SystemExit);
      },
      heapSize: p.heap,
      memUsed: () => process.memoryUsage().heapUsed,
      statvfs: () => vfs.statvfs(),
      uname: () => ({ nodename: p.platform, machine: `${p.name} with ${p.mcu}` }),
    };
  }

  /** input(): a line edited with the REPL's line editor, echoed; Ctrl-C raises, Ctrl-D on empty is EOF. */
  readLine(prompt: string): string | null {
    const ed = new LineEditor((s) => this.serial.writeText(s), this.history);
    ed.init(prompt);
    for (;;) {
      const r = ed.processChar(this.serial.readByte());
      if (r < 0) continue;
      if (r === NEWLINE) return ed.line;
      if (r === 3) throw newExc(KeyboardInterrupt);
      if (r === 4 && ed.line === "") return null;
    }
  }

  private overrideModules(): void {
    const p = this.opts.profile;
    const version = sysMod.VERSION_STRING;
    registerBuiltinModule("sys", () => {
      const m = sysMod.makeModule();
      m.platform = p.platform;
      m.version = `3.4.0; MicroPython v${version} on ${BUILD_DATE}`;
      Object.assign(m.implementation, { _machine: `${p.name} with ${p.mcu}`, _build: p.id.toUpperCase() });
      return m;
    });
    registerBuiltinModule("os", () => {
      const m = osMod.makeModule();
      m.uname = builtin("uname", () =>
        mkAttrTuple(
          ["sysname", "nodename", "release", "version", "machine"],
          [p.platform, p.platform, version, `v${version} on ${BUILD_DATE}`, `${p.name} with ${p.mcu}`],
        ),
      );
      m.ilistdir = withSizes(m.ilistdir, m.stat);
      delete m.getenv;
      delete m.putenv;
      delete m.unsetenv;
      return m;
    });
  }

  /** mp_init for a (soft) reset: empty sys.modules, fresh __main__, sys.path, cwd "/". */
  resetPython(): void {
    sysModules.$t.clear();
    scheduled.length = 0;
    heapLock.depth = 0;
    sysPath.$a = ["", ".frozen", "/lib"];
    this.mainGlobals = newGlobals("__main__");
    sysModules.$t.set("__main__", new PyModule("__main__", this.mainGlobals));
    this.vfs.resetCwd();
    this.history.clear();
    const c = this.sh.ctl;
    Atomics.store(c, KBD, 0);
    Atomics.store(c, INTR_CHAR, -1);
  }

  /**
   * parse_compile_execute: compiles and runs source in __main__, printing an uncaught exception
   * (framed by `\x04` in raw mode); SystemExit asks for a soft reset.
   */
  exec(source: string, filename: string, mode: CompileMode, flags: ExecFlags = {}): ExecResult {
    const c = this.sh.ctl;
    let result = ExecResult.Ok;
    let error: any = null;
    this.executing = true;
    try {
      if (!flags.noInterrupt) Atomics.store(c, INTR_CHAR, 3);
      // The lexer takes CR and CR LF as newlines (paste mode sends CR).
      const src = source.indexOf("\r") < 0 ? source : source.replace(/\r\n?/g, "\n");
      runSource(src, filename, mode, this.mainGlobals);
    } catch (e) {
      error = toPyExc(e);
    }
    this.executing = false;
    Atomics.store(c, INTR_CHAR, -1);
    // A Ctrl-C that arrived as the code finished is dropped (MP_HANDLE_PENDING_..._CLEAR_EXCEPTIONS).
    Atomics.store(c, KBD, 0);
    if (flags.printEof) this.serial.writeRaw("\x04");
    if (error !== null) {
      if (isSubtype(typeOf(error), SystemExit)) result = ExecResult.ForcedExit;
      else {
        this.serial.writeCooked(formatException(error));
        result = ExecResult.Error;
      }
    }
    if (flags.printEof) this.serial.writeRaw("\x04");
    return result;
  }

  /** pyexec_file_if_exists: runs a file of the board (a missing file counts as success). */
  execFile(path: string): ExecResult {
    const data = this.vfs.readFile(path);
    if (data === null) return ExecResult.Ok;
    return this.exec(new TextDecoder().decode(data), path, "exec");
  }

  /** A line editor with TAB completion over __main__ and the built-in modules. */
  newEditor(): LineEditor {
    const complete = makeCompleter({
      globals: () => this.mainGlobals,
      builtins: () => getBuiltins(),
      modules: () => builtinModuleNames(),
      attr: (o, name) => {
        try {
          return loadAttrOrUndefined(o, name);
        } catch {
          return undefined;
        }
      },
      dir: (o) => {
        try {
          const d = getBuiltins().dir;
          return (call(d, [o], null).$a as any[]).filter((x) => typeof x === "string");
        } catch {
          return [];
        }
      },
    });
    return new LineEditor((s) => this.serial.writeText(s), this.history, complete);
  }
}
