// The Python side of a virtual board (runs in the board's worker): the Host the core sees
// (console = the serial link, files = the VFS, clock, sleeps that block without spinning),
// the board's module tweaks (sys.platform, os.uname), running code the way pyexec.c does, the
// interrupt check, and the Python state a soft reset clears.

import { setHost, type Host } from "../runtime/host.ts";
import { setInterruptFlag } from "../runtime/helpers.ts";
import { langHooks } from "../runtime/hooks.ts";
import { registerBuiltinModule, sysModules, sysPath, newGlobals, getBuiltins, builtinModuleNames, setMainModule } from "../runtime/import.ts";
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
import * as vfsMod from "../modules/vfs.ts";
import { installRootFs, withBoardFsTypes } from "./rootfs.ts";
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
import { BoardClock } from "./hal.ts";
import { Circuit, type HwCommand } from "./circuit.ts";
import type { Diagram } from "./diagram.ts";
import { registerBoardModules } from "../modules/machine/index.ts";

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
  /** The circuit: parts from a diagram, a board-time limit (virtual clock), scripted commands. */
  hw?: { diagram?: Diagram | null; limitMs?: number; commands?: HwCommand[] };
  /** Is the JS heap near its limit (runtime/memguard.ts)? The worker asks V8. */
  heapPressure?: (extraBytes: number) => boolean;
}

export class BoardRuntime {
  readonly serial: BoardSerial;
  readonly history = new History();
  mainGlobals: any = null;
  /** Board time (virtual or wall clock) and its timers; the simulated hardware. */
  readonly clock: BoardClock;
  readonly circuit: Circuit;
  private readonly epoch0 = Date.now();
  /** machine.reset() or the watchdog asked for a reset (the next boot's reset cause). */
  private resetCause = 0;

  constructor(readonly sh: SharedState, readonly vfs: Vfs, readonly opts: BoardOptions, post: (m: any) => void) {
    this.serial = new BoardSerial(sh, { post, pending: () => this.pendingWhileBlocked() });
    const ctl = sh.ctl;
    this.clock = new BoardClock(opts.clock === "virtual", {
      waitReal: (ms) => {
        this.circuit.flush();
        this.serial.waitEvent(Atomics.load(ctl, WAKE), ms);
      },
      pendingFlag: () => Atomics.load(ctl, INTR) !== 0,
      pending: () => this.pending(),
      postAlarm: (ms) => post({ type: "hw", alarm: ms }),
      onLimit: () => {
        this.circuit.flush();
        post({ type: "hw", limit: true });
      },
    });
    this.circuit = new Circuit(opts.profile, this.clock, {
      post: (events) => post({ type: "hw", events }),
      reset: (cause) => {
        this.resetCause = cause;
        throw newExc(SystemExit);
      },
    });
    this.circuit.addBoardParts();
    const hw = opts.hw ?? {};
    if (hw.diagram) this.circuit.loadDiagram(hw.diagram);
    if (hw.limitMs !== undefined) this.clock.limitUs = hw.limitMs * 1000;
    for (const c of hw.commands ?? []) this.circuit.command(c);
  }

  /** A request from the host for the hardware: commands, queries, the clock's alarm. */
  hwRequest(req: { cmd: string; part?: string; action?: string; value?: unknown; at?: number; query?: string }): unknown {
    if (req.cmd === "alarm") return this.clock.onAlarm();
    if (req.cmd === "query") return this.circuit.query(req.part ?? "$board", req.query ?? "state");
    return this.circuit.command({ part: req.part ?? "", action: req.action ?? "", value: req.value, at: req.at });
  }

  /** True while Python code runs (exceptions from pending work then belong to that code). */
  private executing = false;

  /** Pending work found while blocked: outside running code, a failing callback only prints. */
  private pendingWhileBlocked(): void {
    this.clock.blocked = true;
    try {
      if (this.executing) return this.pending();
      try {
        this.pending();
      } catch (e) {
        this.serial.writeCooked(formatException(toPyExc(e)));
      }
    } finally {
      this.clock.blocked = false;
    }
  }

  /** Wires the core to this board: interrupt flag, host, modules, hooks. Call once. */
  install(): void {
    setInterruptFlag(new Int32Array(this.sh.sab, INTR * 4, 1));
    setHost(this.makeHost());
    initRuntime();
    // sys.stdin reads the UART as a board does: raw bytes, no echo, CR read as LF.
    sysMod.stdioConfig.rawConsole = true;
    this.overrideModules();
    registerBoardModules(this.circuit);
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
    this.clock.poll();
    this.circuit.flush();
    if (Atomics.exchange(c, KBD, 0) !== 0) throw newExc(KeyboardInterrupt);
    if (scheduled.length > 0) runScheduled();
  }

  private monotonic(): number {
    return this.clock.readUs() / 1000;
  }

  private sleep(ms: number): void {
    this.clock.sleepMs(ms);
  }

  /**
   * Waits up to ms of real time for serial input (select.poll on sys.stdin), even with the
   * virtual clock: input comes from outside, so waiting for it takes real time.
   */
  private waitInput(ms: number): void {
    const end = performance.now() + ms;
    for (;;) {
      const w = Atomics.load(this.sh.ctl, WAKE);
      const left = end - performance.now();
      if (this.serial.available() > 0 || left <= 0) return;
      if (Atomics.load(this.sh.ctl, INTR) !== 0) this.pending();
      else this.serial.waitEvent(w, left);
    }
  }

  private makeHost(): Host {
    const p = this.opts.profile;
    const vfs = this.vfs;
    return {
      write: (_fd, data) => (typeof data === "string" ? this.serial.writeCooked(data) : this.serial.writeBytes(data)),
      readLine: (prompt) => (this.circuit.flush(), this.readLine(prompt)),
      readBytes: (n) => (n <= 0 ? new Uint8Array(0) : (this.circuit.flush(), this.serial.read(n))),
      fs: vfs,
      monotonicMs: () => this.monotonic(),
      epochMs: () => this.epoch0 + this.clock.nowUs() / 1000,
      sleepMs: (ms) => this.sleep(ms),
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
      getenv: () => undefined,
      exit: () => {
        throw newExc(SystemExit);
      },
      heapSize: p.heap,
      memUsed: () => process.memoryUsage().heapUsed,
      heapPressure: this.opts.heapPressure,
      statvfs: () => vfs.statvfs(),
      uname: () => ({ nodename: p.platform, machine: `${p.name} with ${p.mcu}` }),
      inputReady: () => this.serial.available() > 0,
      waitInput: (ms) => this.waitInput(ms),
    };
  }

  /**
   * input() (mp_hal_readline): the prompt printed as Python text, then a line edited with the
   * REPL's line editor and echoed; Ctrl-C raises, Ctrl-D on an empty line is EOF.
   */
  readLine(prompt: string): string | null {
    if (prompt !== "") this.serial.writeCooked(prompt);
    const ed = new LineEditor((s) => this.serial.writeText(s), this.history);
    ed.init("");
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
      return withBoardFsTypes(m, p);
    });
    registerBuiltinModule("vfs", () => withBoardFsTypes(vfsMod.makeModule(), p));
    installRootFs(p);
  }

  /** mp_init for a (soft) reset: empty sys.modules, fresh __main__, sys.path, cwd "/". */
  resetPython(): void {
    sysModules.$t.clear();
    scheduled.length = 0;
    heapLock.depth = 0;
    sysPath.$a = ["", ".frozen", "/lib"];
    this.mainGlobals = newGlobals("__main__");
    setMainModule(new PyModule("__main__", this.mainGlobals));
    this.vfs.resetCwd();
    this.circuit.softReset();
    if (this.resetCause !== 0) {
      this.circuit.cause = this.resetCause;
      this.resetCause = 0;
    }
    // mp_init empties the mount table; _boot.py mounts the flash file system at "/" again.
    vfsMod.resetMounts();
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
    this.circuit.flush();
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
