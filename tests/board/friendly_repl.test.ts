// The friendly REPL as a terminal user meets it (shared/readline/readline.c and pyexec.c):
// echo and line editing with VT100 sequences, auto-indent, history, TAB completion, `_`,
// Ctrl-B/C/D/E on an empty line, and Ctrl-C interrupting running code.
import { describe, it, expect, afterEach } from "vitest";
import { startBoard, step, exchange, send, BANNER, sleep } from "./helpers.ts";
import type { Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

describe("friendly REPL", () => {
  it("edits a line with the arrow keys, Home/End and Backspace", async () => {
    const b = (board = await startBoard());
    await step(b, "1+3", "1+3");
    await step(b, "\x1b[D", "\b");
    await step(b, "\x7f", "\b\x1b[K3\b");
    await step(b, "2", "23\b");
    await step(b, "\x1b[H", "\b\b");
    await step(b, "\x1b[F", "123"); // End redraws over the characters to move right
    await step(b, "\r", "\r\n123\r\n>>> ");
  });

  it("keeps `_` as the last result and recalls history with the up arrow", async () => {
    const b = (board = await startBoard());
    await step(b, "6*7\r", "6*7\r\n42\r\n>>> ");
    await step(b, "_+1\r", "_+1\r\n43\r\n>>> ");
    await step(b, "\x1b[A", "_+1");
    await step(b, "\x1b[A", "\b\b\b6*7");
    await step(b, "\x1b[B", "\b\b\b_+1");
    await step(b, "\r", "\r\n44\r\n>>> ");
  });

  it("auto-indents after a colon and runs the block after the indentation is emptied", async () => {
    const b = (board = await startBoard());
    await step(b, "for i in range(2):\r", "for i in range(2):\r\n...     ");
    await step(b, "print(i)\r", "print(i)\r\n...     ");
    await step(b, "\x7f", "\b\b\b\b\x1b[K");
    await step(b, "\r", "\r\n0\r\n1\r\n>>> ");
  });

  it("cancels a continuation with Ctrl-C and a line with Ctrl-C", async () => {
    const b = (board = await startBoard());
    await step(b, "if 1:\r", "if 1:\r\n...     ");
    await step(b, "\x03", "\r\n>>> ");
    await step(b, "abc\x03", "abc\r\n>>> ");
  });

  it("completes names and attributes with TAB, listing ambiguous ones", async () => {
    const b = (board = await startBoard());
    await step(b, "impo\t", "impo" + "rt ");
    await step(b, "sy\t", "sy" + "s");
    await step(b, "\r", "\r\n>>> ");
    await step(b, "sys.pl\t", "sys.pl" + "atform");
    await step(b, "\r", "\r\n'rp2'\r\n>>> ");
    await step(b, "abcd1 = abcd2 = 0\r", "abcd1 = abcd2 = 0\r\n>>> ");
    await step(b, "abc\t", "abc" + "d");
    await step(b, "\t", "\r\nabcd1           abcd2\r\n>>> abcd");
    await step(b, "1\r", "1\r\n0\r\n>>> ");
  });

  it("prints the banner on Ctrl-B and soft-resets on Ctrl-D", async () => {
    const b = (board = await startBoard());
    await step(b, "\x02", "\r\n" + BANNER + ">>> ");
    await step(b, "x = 5\r", "x = 5\r\n>>> ");
    await step(b, "\x04", "\r\nMPY: soft reboot\r\n" + BANNER + ">>> ");
    expect(await exchange(b, "x\r", "")).toMatch(/NameError: name 'x' isn't defined\r\n>>> $/);
  });

  it("cancels paste mode with Ctrl-C", async () => {
    const b = (board = await startBoard());
    await step(b, "\x05", "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    await step(b, "print(1)\r\x03", "print(1)\r\n=== \r\n>>> ");
  });

  it("interrupts `while True: pass` with Ctrl-C", async () => {
    const b = (board = await startBoard());
    await step(b, "while True: pass\r\r", "while True: pass\r\n... \r\n");
    await sleep(200);
    await step(b, "\x03",
      'Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nKeyboardInterrupt: \r\n>>> ');
    await step(b, "1\r", "1\r\n1\r\n>>> ");
  });

  it("interrupts time.sleep, and sleeping does not spin the CPU", async () => {
    const b = (board = await startBoard());
    await send(b, "import time\r", ">>> ");
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    await send(b, "time.sleep(0.5)\r", ">>> ");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
    const used = process.cpuUsage(cpu0);
    expect((used.user + used.system) / 1000).toBeLessThan(300);
    b.write("time.sleep(100)\r");
    await sleep(100);
    expect(await send(b, "\x03", ">>> ")).toMatch(/KeyboardInterrupt: \r\n>>> $/);
  });

  it("reads input() and sys.stdin.read(n) from the serial link", async () => {
    const b = (board = await startBoard());
    await send(b, "s = input('name? ')\r", /\r\nname\? $/);
    await step(b, "pico\r", "pico\r\n>>> ");
    await step(b, "s\r", "s\r\n'pico'\r\n>>> ");
    await send(b, "import sys\r", ">>> ");
    await send(b, "d = sys.stdin.read(3)\r", "\r\n");
    await step(b, "xyz", ">>> ");
    await step(b, "d\r", "d\r\n'xyz'\r\n>>> ");
    b.write("input()\r");
    await sleep(50);
    expect(await send(b, "\x03", ">>> ")).toMatch(/KeyboardInterrupt: \r\n>>> $/);
  });
});
