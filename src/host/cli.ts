// `upy`: a command compatible with MicroPython's unix port.
//   upy [options] [file.py | -c CMD | -m MODULE] [args]
// Options: -X emit=...|heapsize=... (accepted), -i (REPL after the program), -O, -v.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import { setHost, host } from "../runtime/host.ts";
import { makeNodeHost, stdoutBuf } from "./node_host.ts";
import { initRuntime, runMain, runRepl, exitCodeOf } from "../modules/index.ts";
import { sysPath, importName } from "../runtime/import.ts";
import { sysArgv, runAtexit } from "../modules/sys.ts";
import { boardMain } from "./board_main.ts";

const usage = `usage: upy [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]
Options:
-h : print this help message
-i : enable inspection via REPL after running command/module/file
-O[N] : apply bytecode optimizations of level N
-v : verbose (trace various operations); can be multiple
-X <implopt> : implementation-specific options (emit=..., heapsize=...)
`;

function setPath(scriptDir: string | null): void {
  const env = process.env.MICROPYPATH;
  const home = process.env.HOME ?? "";
  const raw = env ?? ".frozen:~/.micropython/lib:/usr/lib/micropython";
  const entries = [""];
  for (const p of raw.split(":")) {
    if (p === "" && entries.length === 1) continue;
    entries.push(p.startsWith("~/") ? home + p.slice(1) : p);
  }
  if (scriptDir !== null) entries[0] = scriptDir;
  sysPath.$a = entries;
}

function main(argv: string[]): number | Promise<number> {
  if (argv[0] === "board") return boardMain(argv.slice(1));
  setHost(makeNodeHost());
  initRuntime();
  let inspect = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("-")) break;
    if (a === "-i") inspect = true;
    else if (a === "-X") i++;
    else if (a === "-v" || a.startsWith("-O")) continue;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(usage);
      return 0;
    } else if (a === "-c") {
      if (i + 1 >= argv.length) {
        process.stderr.write(usage);
        return 1;
      }
      setPath(null);
      sysArgv.$a = ["-c", ...argv.slice(i + 2)];
      let code = runMain(argv[i + 1], "<stdin>", null);
      if (inspect && code === 0) code = runRepl();
      return code;
    } else if (a === "-m") {
      if (i + 1 >= argv.length) {
        process.stderr.write(usage);
        return 1;
      }
      setPath(null);
      sysArgv.$a = argv.slice(i + 1);
      return exitCodeOf(() => {
        importName(argv[i + 1], null, 0, { __name__: "__main__" });
      });
    } else {
      process.stderr.write(usage);
      return 1;
    }
  }
  if (i >= argv.length) {
    setPath(null);
    return runRepl();
  }
  const file = argv[i];
  let real: string;
  let source: string;
  try {
    real = fs.realpathSync(file);
    source = fs.readFileSync(file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const errno = err.code === "ENOENT" ? 2 : err.code === "EACCES" ? 13 : err.code === "EISDIR" ? 21 : 5;
    process.stderr.write(`upy: can't open file '${file}': [Errno ${errno}] ${err.code === "ENOENT" ? "No such file or directory" : err.code}\n`);
    return 2;
  }
  setPath(nodePath.dirname(real));
  sysArgv.$a = argv.slice(i);
  let code = runMain(source, file, file);
  if (inspect && code === 0) code = runRepl();
  return code;
}

let code = 0;
let pending: Promise<number> | null = null;
try {
  const ret = main(process.argv.slice(2));
  if (typeof ret === "number") code = exitCodeOf(() => runAtexit()) || ret;
  else pending = ret; // `upy board` runs until its session ends
} finally {
  stdoutBuf.flush();
}
void host;
if (pending === null) process.exitCode = code;
else pending.then((c) => process.exit(c));
