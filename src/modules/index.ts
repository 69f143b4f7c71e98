// Wires the runtime together: loads every type and module, registers the built-in modules,
// installs the builtins namespace, and offers the entry points hosts use (run a main program,
// run a REPL, turn an uncaught exception into an exit code).
import "../runtime/types/index.ts";
import { registerBuiltinModule, setBuiltins, newGlobals, importHooks, setMainModule } from "../runtime/import.ts";
import { makeBuiltins } from "./builtins.ts";
import { installViperHelpers } from "../runtime/viper.ts";
import * as sys from "./sys.ts";
import { runSource } from "../runtime/exec.ts";
import { formatException } from "../runtime/printexc.ts";
import { isPyException, SystemExit, KeyboardInterrupt, toPyExc, PyBaseException } from "../runtime/exceptions.ts";
import { isSubtype, typeOf, None } from "../runtime/object.ts";
import { host } from "../runtime/host.ts";
import { str, repr } from "../runtime/ops.ts";
import { langHooks } from "../runtime/hooks.ts";
import { PyModule } from "../runtime/types/module.ts";
import { builtinModules } from "./registry.ts";
import { isIncomplete } from "./repl_input.ts";

let initialised = false;

export function initRuntime(): void {
  if (initialised) return;
  initialised = true;
  const b = makeBuiltins();
  setBuiltins(b);
  installViperHelpers(b);
  registerBuiltinModule("sys", sys.makeModule);
  for (const [name, factory] of builtinModules) registerBuiltinModule(name, factory);
  importHooks.runModule = (source, file, globals) => {
    runSource(source, file, "exec", globals);
  };
  sys.sysHooks.printException = (e, write) => write(formatException(e));
  langHooks.displayHook = (v: any) => {
    if (v === None) return;
    const g = mainGlobals ?? newGlobals("__main__");
    g._ = v;
    host.write(1, repr(v) + "\n");
  };
}

let mainGlobals: any = null;

function mainModuleGlobals(file: string | null): any {
  if (mainGlobals === null) {
    mainGlobals = newGlobals("__main__", file ?? undefined);
    setMainModule(new PyModule("__main__", mainGlobals));
  }
  return mainGlobals;
}

/** Prints an uncaught exception (unix port style) and returns the process exit code. */
export function reportUncaught(e: unknown): number {
  const pe: PyBaseException = toPyExc(e);
  if (isSubtype(typeOf(pe), SystemExit)) {
    const a = pe.args.$a;
    const code = a.length === 0 ? None : a[0];
    if (code === None) return 0;
    if (typeof code === "number") return code & 0xff;
    if (typeof code === "boolean") return code ? 1 : 0;
    host.write(2, str(code) + "\n");
    return 1;
  }
  host.write(2, formatException(pe));
  return 1;
}

export function exitCodeOf(f: () => void): number {
  try {
    f();
    return 0;
  } catch (e) {
    return reportUncaught(e);
  }
}

/** Runs a program as __main__; returns the exit code. */
export function runMain(source: string, filename: string, file: string | null): number {
  const g = mainModuleGlobals(file);
  return exitCodeOf(() => runSource(source, filename, "exec", g));
}

/** A line REPL like the unix port's (the board has its own, byte-exact one). */
export function runRepl(): number {
  const g = mainModuleGlobals(null);
  host.write(1, `MicroPython v${sys.VERSION_STRING} on 2026-11-29; linux [micropython-ts] version\nUse Ctrl-D to exit, Ctrl-E for paste mode\n`);
  for (;;) {
    let line = host.readLine(">>> ");
    if (line === null) {
      host.write(1, "\n");
      return 0;
    }
    if (line.trim() === "") continue;
    let src = line;
    while (isIncomplete(src)) {
      const indent: string = /^(\s*)/.exec(line)![1] + (line.trimEnd().endsWith(":") ? "    " : "");
      const more = host.readLine("... " + indent);
      if (more === null || more.trim() === "") break;
      line = indent + more;
      src += "\n" + line;
    }
    try {
      runSource(src + "\n", "<stdin>", "single", g);
    } catch (e) {
      const pe = toPyExc(e);
      if (isSubtype(typeOf(pe), SystemExit)) return reportUncaught(pe);
      if (isPyException(pe) && isSubtype(typeOf(pe), KeyboardInterrupt)) host.write(1, "\n");
      host.write(1, formatException(pe));
    }
  }
}
