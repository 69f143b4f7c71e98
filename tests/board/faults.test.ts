// Bad input and faults: whatever arrives, the board keeps running, answers the next command,
// and never leaves a file half-written.
import { describe, it, expect, afterEach } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as net from "node:net";
import { startBoard, step, send, enterRaw, latin1, sleep, workerPath } from "./helpers.ts";
import { createBoard, type Board } from "../../src/board/index.ts";
import { TcpTransport } from "../../src/host/transports/tcp.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

/** The board still works: a raw-REPL command gets its exact answer. */
async function answers(b: Board): Promise<void> {
  const r = await b.exec("print(6*7)");
  expect(r).toEqual({ stdout: "42\r\n", error: "" });
}

/** Raw-paste client that respects the flow-control window (as mpremote does). */
async function rawPaste(b: Board, code: Uint8Array): Promise<string> {
  b.write("\x05A\x01");
  const head = await b.expect(/R\x01[^]{3}$/);
  const window = head.charCodeAt(head.length - 3) | (head.charCodeAt(head.length - 2) << 8);
  let credit = window; // plus the window granted by the trailing \x01... spent below
  let off = 0;
  let granted = 1;
  while (off < code.length) {
    if (credit === 0) {
      if (granted === 0) {
        await b.expect("\x01");
        granted++;
      }
      granted--;
      credit = window;
    }
    const n = Math.min(credit, code.length - off);
    b.write(code.subarray(off, off + n));
    off += n;
    credit -= n;
  }
  b.write("\x04");
  return b.expect(/\x04[^]*\x04[^]*\x04>$/, 60000);
}

describe("bad input", () => {
  it("survives garbage and truncated raw-REPL streams", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
    b.write(junk.filter((x) => x > 5)); // bytes that are not raw-REPL commands
    expect(await send(b, "\x04", "\x04>")).toMatch(/^OK\x04Traceback[^]*Error[^]*\x04>$/);
    // Truncated code, then a raw-paste request cut off in the middle.
    b.write("print(1");
    expect(await send(b, "\x04", "\x04>")).toMatch(/SyntaxError/);
    await send(b, "\x05A\x01", /\x01$/);
    b.write("print('never fin");
    // A new client arrives and does what mpremote does.
    expect(await send(b, "\r\x03\r\x01", "raw REPL; CTRL-B to exit\r\n>")).toMatch(/KeyboardInterrupt/);
    expect(await send(b, "print(7)\x04", "\x04>")).toBe("OK7\r\n\x04\x04>");
    await send(b, "\x02", ">>> ");
    await answers(b);
  });

  it("runs a 1 MB raw-paste with flow control, and a 1 MB friendly paste", async () => {
    const b = (board = await startBoard());
    const line = "x = x + 1  # padding padding padding padding padding padding\n";
    let code = "x = 0\n" + line.repeat(Math.ceil((1 << 20) / line.length)) + "print(x)\n";
    const n = (code.match(/x = x \+ 1/g) ?? []).length;
    await enterRaw(b);
    expect(await rawPaste(b, latin1(code))).toBe(`\x04${n}\r\n\x04\x04>`);
    await send(b, "\x02", ">>> ");
    code = code.replace(/\n/g, "\r");
    await send(b, "\x05", "=== ");
    b.write(latin1(code));
    b.write("\x04");
    expect(await b.expect(/>>> $/, 60000)).toMatch(new RegExp(`\r\n${n}\r\n>>> $`));
  }, 120000);

  it("stops a script that never ends with Ctrl-C", async () => {
    board = createBoard({ files: { "main.py": "n = 0\nwhile True:\n    n += 1\n" }, workerUrl: await workerPath() });
    await sleep(300);
    expect(board.state).toBe("running");
    board.write("\x03");
    const out = await board.expect(">>> ");
    expect(out).toMatch(/File "main.py", line [23], in <module>\r\nKeyboardInterrupt: \r\n/);
    const r = await board.exec("print(n > 0)");
    expect(r.stdout).toBe("True\r\n");
  });

  it("refuses paths that leave the board's root", async () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-root-"));
    writeFileSync(join(dir, "secret.txt"), "host secret");
    const b = (board = await startBoard({ fs: { dir: join(dir, "board") } }));
    const r = await b.exec("open('../../etc/passwd')");
    expect(r.error).toMatch(/OSError: \[Errno 2\] ENOENT/);
    const r2 = await b.exec("print(open('../secret.txt').read())");
    expect(r2.error).toMatch(/OSError: \[Errno 2\] ENOENT/);
    const r3 = await b.exec("import os\nos.chdir('../../..')\nprint(os.getcwd(), os.listdir())");
    expect(r3).toEqual({ stdout: "/ []\r\n", error: "" });
    await answers(b);
  });

  it("raises ENOSPC on a full file system and keeps the old file", async () => {
    const b = (board = await startBoard({ flashSize: 16 * 4096 }));
    let r = await b.exec("f = open('data.bin', 'wb')\nf.write(b'old')\nf.close()");
    expect(r.error).toBe("");
    r = await b.exec("f = open('data.bin', 'wb')\nf.write(bytes(200000))\nf.close()");
    // MicroPython's errno table (py/moderrno.c) has no name for ENOSPC: it prints the number.
    expect(r.error).toMatch(/OSError: 28\r\n$/);
    expect(new TextDecoder().decode(await b.readFile("/data.bin"))).toBe("old");
    r = await b.exec("import os\nprint(os.statvfs('/')[0], os.statvfs('/')[2])");
    expect(r.stdout).toBe("4096 16\r\n");
    await answers(b);
  });

  it("leaves no half-written file when the link drops during a copy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-cp-"));
    writeFileSync(join(dir, "data.bin"), "old contents");
    const b = (board = await startBoard({ fs: { dir } }));
    const tcp = new TcpTransport(0);
    await tcp.start(b);
    const sock = net.connect(tcp.port, "127.0.0.1");
    await new Promise((r) => sock.once("connect", r));
    let got = "";
    sock.on("data", (d) => (got += d.toString("latin1")));
    const until = async (s: string) => {
      for (let i = 0; i < 500 && !got.endsWith(s); i++) await sleep(10);
      got = "";
    };
    // What `mpremote fs cp` sends: open, then chunks, each in its own raw-REPL command.
    sock.write("\r\x03\r\x01");
    await until("raw REPL; CTRL-B to exit\r\n>");
    sock.write("f=open('data.bin','wb')\nw=f.write\x04");
    await until("\x04>");
    sock.write("w(b'" + "N".repeat(256) + "')\x04");
    await until("\x04>");
    sock.write("w(b'" + "N".repeat(100));
    sock.destroy(); // the cable is pulled mid-command
    await sleep(100);
    // open(..., 'wb') did not truncate: the old file stays until close() commits the new one.
    expect(readFileSync(join(dir, "data.bin"), "utf8")).toBe("old contents");
    expect(readdirSync(dir)).toEqual(["data.bin"]);
    // The next client gets a working board; its soft reset drops the unfinished copy.
    const sock2 = net.connect(tcp.port, "127.0.0.1");
    await new Promise((r) => sock2.once("connect", r));
    sock2.on("data", (d) => (got += d.toString("latin1")));
    got = "";
    sock2.write("\r\x03\r\x01");
    await until("raw REPL; CTRL-B to exit\r\n>");
    sock2.write("\x04");
    await until("raw REPL; CTRL-B to exit\r\n>");
    expect(readFileSync(join(dir, "data.bin"), "utf8")).toBe("old contents");
    // A copy that completes replaces the file in one step.
    sock2.write("f=open('data.bin','wb')\nw=f.write\x04");
    await until("\x04>");
    sock2.write("w(b'" + "N".repeat(256) + "')\x04");
    await until("\x04>");
    expect(readFileSync(join(dir, "data.bin"), "utf8")).toBe("old contents");
    sock2.write("f.close()\x04");
    await until("\x04>");
    expect(readFileSync(join(dir, "data.bin"), "utf8")).toBe("N".repeat(256));
    sock2.write("\x02");
    await until(">>> ");
    sock2.destroy();
    await answers(b);
    tcp.close();
  });

  it("leaves no empty file when a copy to a new path is cut off", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    await send(b, "f=open('new.bin','wb')\nw=f.write\x04", "\x04>");
    await send(b, "w(b'abc')\x04", "\x04>");
    expect((await b.listFiles("/")).map((e) => e.name)).toEqual([]);
    await send(b, "\x04", "raw REPL; CTRL-B to exit\r\n>"); // the next session's soft reset
    expect((await b.listFiles("/")).map((e) => e.name)).toEqual([]);
  });
});

describe("memory exhaustion", () => {
  it("stops the board with a MemoryError message instead of exhausting the host", async () => {
    board = await startBoard({ heapLimitMb: 64 });
    board.write("x = []\r");
    await board.expect(">>> ");
    board.write("while True: x.append([0] * 100000)\r\r");
    await board.expect(/MemoryError: memory allocation failed/, 60000);
    const code = await board.exited;
    expect(typeof code).toBe("number");
  }, 90000);
});
