// The board's serial link on a pseudo-terminal, so programs that open a device path (screen,
// picocom, mpremote connect /dev/pts/N) can talk to it. Node has no pty API; a small Python
// helper (python3's pty module, present on Linux and macOS) opens the pair, prints the device
// path, and relays bytes between the pty and its stdin/stdout.
import { spawn, type ChildProcess } from "node:child_process";
import type { Board } from "../../board/index.ts";
import type { Transport } from "./types.ts";

const HELPER = String.raw`
import os, pty, sys, tty, select
m, s = pty.openpty()
tty.setraw(s)
os.write(1, (os.ttyname(s) + "\n").encode())
while True:
    r, _, _ = select.select([m, 0], [], [])
    if m in r:
        try:
            d = os.read(m, 4096)
        except OSError:
            d = b""
        if d:
            os.write(1, d)
    if 0 in r:
        d = os.read(0, 4096)
        if not d:
            break
        os.write(m, d)
`;

export class PtyTransport implements Transport {
  private child: ChildProcess | null = null;
  private finish!: () => void;
  readonly done = new Promise<void>((r) => (this.finish = r));
  /** The device path (e.g. /dev/pts/5) once started. */
  path = "";

  start(board: Board): Promise<void> {
    const child = spawn("python3", ["-c", HELPER], { stdio: ["pipe", "pipe", "inherit"] });
    this.child = child;
    board.onOutput((d) => child.stdin!.write(d));
    child.on("exit", () => this.finish());
    return new Promise((resolve, reject) => {
      child.once("error", reject);
      let first = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        if (this.path !== "") {
          board.write(d);
          return;
        }
        first = Buffer.concat([first, d]);
        const nl = first.indexOf(10);
        if (nl < 0) return;
        this.path = first.subarray(0, nl).toString();
        if (first.length > nl + 1) board.write(first.subarray(nl + 1));
        resolve();
      };
      child.stdout!.on("data", onData);
    });
  }

  close(): void {
    this.child?.kill();
    this.finish();
  }
}
