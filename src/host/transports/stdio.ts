// The board's serial link on this process's stdin/stdout. On a terminal, stdin is switched to
// raw mode so every key (Ctrl-C included) goes to the board; Ctrl-] or Ctrl-X ends the session
// (as in mpremote). With piped input, the session ends when input is exhausted and the board
// has gone quiet at a prompt.
import type { Board } from "../../board/index.ts";
import type { Transport } from "./types.ts";

const EXIT_KEYS = new Set([0x1d, 0x18]);

export class StdioTransport implements Transport {
  private finish!: () => void;
  readonly done = new Promise<void>((r) => (this.finish = r));
  private cleanup: (() => void)[] = [];

  async start(board: Board): Promise<void> {
    const stdin = process.stdin;
    const tty = stdin.isTTY === true;
    if (tty) {
      process.stderr.write("Use Ctrl-] or Ctrl-x to exit this shell\r\n");
      stdin.setRawMode(true);
      this.cleanup.push(() => stdin.setRawMode(false));
    }
    this.cleanup.push(board.onOutput((d) => process.stdout.write(d)));
    let lastOutput = Date.now();
    this.cleanup.push(board.onOutput(() => (lastOutput = Date.now())));
    stdin.on("data", (d: Buffer) => {
      if (tty) {
        const i = d.findIndex((b) => EXIT_KEYS.has(b));
        if (i >= 0) {
          if (i > 0) board.write(d.subarray(0, i));
          this.close();
          return;
        }
      }
      board.write(d);
    });
    stdin.on("end", () => {
      const poll = setInterval(() => {
        const idle = board.state === "repl" || board.state === "raw";
        if ((idle && Date.now() - lastOutput > 150) || board.state === "stopped") {
          clearInterval(poll);
          this.close();
        }
      }, 50);
    });
    stdin.resume();
  }

  close(): void {
    for (const f of this.cleanup.splice(0)) f();
    process.stdin.pause();
    this.finish();
  }
}
