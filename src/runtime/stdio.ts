// The console as print(), input() and tracebacks see it. By default it goes through the host
// (host.ts); a board, a test or the REPL may redirect it by replacing these functions.
import { host } from "./host.ts";

export const io = {
  /** Text written by print() (MicroPython's print goes to the console, not to sys.stdout). */
  write: (s: string): void => host.write(1, s),
  /** Error output: uncaught-exception tracebacks, warnings. */
  writeErr: (s: string): void => host.write(2, s),
  /** One line of input without its newline, or null at end of input (input()). */
  readLine: (prompt: string): string | null => host.readLine(prompt),
};
