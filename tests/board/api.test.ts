// The JavaScript API embedders and tests use: run code and await its result, read and write
// files without disturbing the running program, output as a stream, virtual time, stop.
import { describe, it, expect, afterEach } from "vitest";
import { startBoard, sleep, workerPath } from "./helpers.ts";
import { createBoard, type Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

describe("board API", () => {
  it("runs code and returns its output and exception text", async () => {
    board = await startBoard();
    expect(await board.exec("print('hi')\nprint(1+1)")).toEqual({ stdout: "hi\r\n2\r\n", error: "" });
    const r = await board.exec("raise ValueError('bad')");
    expect(r.stdout).toBe("");
    expect(r.error).toBe('Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nValueError: bad\r\n');
    expect(await board.eval("[1, 'a']")).toBe("[1, 'a']");
    expect(board.state).toBe("repl");
  });

  it("reads and writes files while a program keeps running", async () => {
    board = createBoard({
      files: { "main.py": "import time\nn = 0\nwhile True:\n    n += 1\n    print('tick', n)\n    time.sleep_ms(20)\n" },
      workerUrl: await workerPath(),
    });
    await board.expect("tick 2");
    await board.writeFile("/lib/util.py", "VALUE = 5\n").catch((e) => expect(String(e)).toMatch(/Errno 2/));
    await board.mkdir("/lib");
    await board.writeFile("/lib/util.py", "VALUE = 5\n");
    expect(await board.readText("/lib/util.py")).toBe("VALUE = 5\n");
    expect((await board.listFiles("/")).map((e) => e.name).sort()).toEqual(["lib", "main.py"]);
    await expect(board.readFile("/missing")).rejects.toThrow(/Errno 2/);
    board.takeOutput();
    await board.expect(/tick \d+\r\ntick \d+/); // still running, uninterrupted
    expect(board.state).toBe("running");
    const r = await board.exec("import util\nprint(util.VALUE, n > 2)");
    expect(r).toEqual({ stdout: "5 True\r\n", error: "" });
  });

  it("streams output through onOutput and the async iterator", async () => {
    board = await startBoard();
    const seen: number[] = [];
    const off = board.onOutput((d) => seen.push(d.length));
    board.write("print('x' * 10)\r");
    const it = board.output();
    let text = "";
    for await (const chunk of it) {
      text += new TextDecoder().decode(chunk);
      if (text.includes(">>> ")) break;
    }
    off();
    expect(text).toContain("xxxxxxxxxx\r\n>>> ");
    expect(seen.length).toBeGreaterThan(0);
  });

  it("jumps over sleeps on a virtual clock", async () => {
    board = await startBoard({ clock: "virtual" });
    const t0 = Date.now();
    const r = await board.exec("import time\nt = time.ticks_ms()\ntime.sleep(60)\nprint(time.ticks_diff(time.ticks_ms(), t) >= 60000)");
    expect(r).toEqual({ stdout: "True\r\n", error: "" });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it("soft-resets and stops", async () => {
    board = await startBoard({ files: { "boot.py": "print('booted')\n" } }, ">>> ");
    board.softReset();
    expect(await board.expect(/soft reboot\r\nbooted\r\n[^]*>>> $/)).toBeTruthy();
    await board.stop();
    expect(board.state).toBe("stopped");
    await expect(board.readFile("/boot.py")).rejects.toThrow(/stopped/);
    board.write("ignored");
    board = null;
  });

  it("runs callbacks queued with micropython.schedule between statements", async () => {
    board = await startBoard();
    const r = await board.exec(
      "import micropython\nout = []\nmicropython.schedule(out.append, 7)\nfor i in range(10): pass\nprint(out)",
    );
    expect(r).toEqual({ stdout: "[7]\r\n", error: "" });
    await sleep(1);
  });
});
