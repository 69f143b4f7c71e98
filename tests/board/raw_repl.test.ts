// The serial protocol byte for byte, from MicroPython's docs/reference/repl.rst and
// shared/runtime/pyexec.c (transcripts in REPL-PROTOCOL.md): raw REPL, raw-paste mode with its
// flow control, soft reset from the raw REPL, and the friendly REPL's responses around them.
import { describe, it, expect, afterEach } from "vitest";
import { startBoard, send, step, enterRaw, BANNER, latin1 } from "./helpers.ts";
import type { Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

describe("raw REPL", () => {
  it("prints the banner at power-on", async () => {
    const { createBoard } = await import("../../src/board/index.ts");
    const { workerPath } = await import("./helpers.ts");
    board = createBoard({ workerUrl: await workerPath() });
    expect(await board.expect(">>> ")).toBe(BANNER + ">>> ");
  });

  it("follows the reference transcript", async () => {
    board = await startBoard();
    const b = board;
    await step(b, "\r\x03\r\x01", "\r\n>>> \r\n>>> \r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>");
    await step(b, "print(123)\x04", "OK123\r\n\x04\x04>");
    await step(b, "\x04", "OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>");
    await step(b, "\x05A\x01", "R\x01\x80\x00\x01");
    await step(b, "print(1+2)\x04", "\x043\r\n\x04\x04>");
    await step(b, "\x02", "\r\n" + BANNER + ">>> ");
    await step(b, "\x04", "\r\nMPY: soft reboot\r\n" + BANNER + ">>> ");
    await step(b, "\x01", "\r\nraw REPL; CTRL-B to exit\r\n>");
    await step(b, "\x02", "\r\n" + BANNER + ">>> ");
    await step(b, "x=1\r", "x=1\r\n>>> ");
    await step(b, "x\r", "x\r\n1\r\n>>> ");
    await step(b, "\x03", "\r\n>>> ");
    await step(b, "\x05", "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    await step(b, "x = 6\rprint(x * 7)\r", "x = 6\r\n=== print(x * 7)\r\n=== ");
    await step(b, "\x04", "\r\n42\r\n>>> ");
  });

  it("frames exceptions between the two \\x04", async () => {
    board = await startBoard();
    await enterRaw(board);
    expect(await send(board, "print('a')\r\n1/0\x04", "\x04>")).toBe(
      'OKa\r\n\x04Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n' +
        "ZeroDivisionError: divide by zero\r\n\x04>",
    );
  });

  it("reports a syntax error as exception text", async () => {
    board = await startBoard();
    await enterRaw(board);
    const out = await send(board, "def f(:\x04", "\x04>");
    expect(out).toMatch(/^OK\x04Traceback \(most recent call last\):\r\n  File "<stdin>", line 1\r\nSyntaxError: invalid syntax\r\n\x04>$/);
  });

  it("Ctrl-A inside the raw REPL prints its banner again; Ctrl-C clears the buffer", async () => {
    board = await startBoard();
    await enterRaw(board);
    await step(board, "print(1)\x01", "raw REPL; CTRL-B to exit\r\n>");
    await step(board, "print(2)\x03print(3)\x04", "OK3\r\n\x04\x04>");
  });

  it("answers R\\x00 to an unknown raw-paste command", async () => {
    board = await startBoard();
    await enterRaw(board);
    await step(board, "\x05B\x01", "R\x00>");
  });

  it("grants a new window each time the board consumed 128 bytes", async () => {
    board = await startBoard();
    await enterRaw(board);
    await step(board, "\x05A\x01", "R\x01\x80\x00\x01");
    // 300 bytes of code: the board sends \x01 after bytes 128 and 256.
    const line = "x = 1234567890123456789\n"; // 24 bytes
    let code = "";
    while (code.length < 300) code += line;
    code = code.slice(0, 300 - 9) + "print(x)\n";
    expect(code.length).toBe(300);
    board.write(latin1(code.slice(0, 256)));
    expect(await board.expect("\x01\x01")).toBe("\x01\x01");
    board.write(latin1(code.slice(256) + "\x04"));
    expect(await board.expect("\x04>")).toBe("\x041234567890123456789\r\n\x04\x04>");
  });

  it("ends raw-paste input early on Ctrl-C with KeyboardInterrupt", async () => {
    board = await startBoard();
    await enterRaw(board);
    await step(board, "\x05A\x01", "R\x01\x80\x00\x01");
    await step(board, "print(1)\x03", "\x04\x04KeyboardInterrupt: \r\n\x04>");
  });

  it("runs a SystemExit as a soft reset", async () => {
    board = await startBoard();
    await enterRaw(board);
    expect(await send(board, "import sys\nsys.exit()\x04", "\r\n>")).toBe(
      "OK\x04\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>",
    );
  });
});
