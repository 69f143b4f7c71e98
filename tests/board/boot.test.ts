// Power-on and soft reset: boot.py then main.py then the REPL; /lib on sys.path; soft reset
// clears Python state and runs the scripts again; a soft reset from the raw REPL skips main.py.
// Board profiles: what each board reports.
import { describe, it, expect, afterEach } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBoard, step, send, exchange, enterRaw, BANNER, workerPath } from "./helpers.ts";
import { createBoard, type Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

const files = {
  "boot.py": "print('boot')\n",
  "main.py": "import helper\nprint('main', helper.X)\n",
  "lib/helper.py": "X = 42\n",
};

describe("boot sequence", () => {
  it("runs boot.py, then main.py, then prints the banner", async () => {
    board = createBoard({ files, workerUrl: await workerPath() });
    expect(await board.expect(">>> ")).toBe("boot\r\nmain 42\r\n" + BANNER + ">>> ");
  });

  it("reruns both after a soft reset, with fresh Python state", async () => {
    const b = (board = await startBoard({ files }));
    await step(b, "import sys; sys.path\r", "import sys; sys.path\r\n['', '.frozen', '/lib']\r\n>>> ");
    await send(b, "y = 1\r", ">>> ");
    await step(b, "\x04", "\r\nMPY: soft reboot\r\nboot\r\nmain 42\r\n" + BANNER + ">>> ");
    expect(await exchange(b, "y\r", "")).toMatch(/NameError/);
  });

  it("skips main.py on a soft reset from the raw REPL", async () => {
    const b = (board = await startBoard({ files }));
    await enterRaw(b);
    await step(b, "\x04", "OK\r\nMPY: soft reboot\r\nboot\r\nraw REPL; CTRL-B to exit\r\n>");
  });

  it("shows a traceback from main.py and still reaches the REPL", async () => {
    board = createBoard({ files: { "main.py": "print('a')\n1/0\n" }, workerUrl: await workerPath() });
    expect(await board.expect(">>> ")).toBe(
      'a\r\nTraceback (most recent call last):\r\n  File "main.py", line 2, in <module>\r\n' +
        "ZeroDivisionError: divide by zero\r\n" + BANNER + ">>> ",
    );
  });

  it("keeps files in a host folder across boards", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "upy-boot-")), "board");
    board = await startBoard({ fs: { dir } });
    const r = await board.exec("with open('main.py', 'w') as f:\n f.write('print(\"persisted\")\\n')\n");
    expect(r.error).toBe("");
    await board.stop();
    expect(readFileSync(join(dir, "main.py"), "utf8")).toBe('print("persisted")\n');
    board = createBoard({ fs: { dir }, workerUrl: await workerPath() });
    expect(await board.expect(">>> ")).toMatch(/^persisted\r\n/);
  });
});

describe("board profiles", () => {
  const cases: [string, string, string, string][] = [
    ["pico", "rp2", "Raspberry Pi Pico with RP2040", "pico"],
    ["pico_w", "rp2", "Raspberry Pi Pico W with RP2040", "pico_w"],
    ["esp32", "esp32", "Generic ESP32 module with ESP32", "esp32"],
    ["pyboard", "pyboard", "PYBv1.1 with STM32F405RG", "pyboard"],
  ];
  for (const [id, platform, machine] of cases) {
    it(`reports the ${id}'s platform, banner and uname`, async () => {
      board = createBoard({ board: id, workerUrl: await workerPath() });
      expect(await board.expect(">>> ")).toContain(`; ${machine}\r\n`);
      const r = await board.exec("import sys, os, gc\nprint(sys.platform, os.uname().machine, os.uname().sysname)\nprint(gc.mem_free() + gc.mem_alloc())");
      expect(r.error).toBe("");
      const [line1, line2] = r.stdout.split("\r\n");
      expect(line1).toBe(`${platform} ${machine} ${platform}`);
      // mem_free and mem_alloc are sampled one after the other: allow a little drift.
      expect(Math.abs(Number(line2) - board.profile.heap)).toBeLessThan(board.profile.heap / 100);
    });
  }

  it("rejects an unknown board", async () => {
    expect(() => createBoard({ board: "nope" })).toThrow(/unknown board/);
  });

  it("creates no files on a fresh memory file system", async () => {
    board = await startBoard();
    expect(await board.listFiles("/")).toEqual([]);
    expect(existsSync("/nonexistent")).toBe(false);
    void writeFileSync;
  });
});
