// What MicroPython's mpremote needs from a board, reproduced from its documented behaviour
// (docs/reference/mpremote.rst, REPL-PROTOCOL.md) without using its code: the Python snippets it
// sends through the raw REPL for `fs sha256sum`/`cp`/`df`, and the board-side primitives its
// `mount` command is built on (sys.stdin.buffer.readinto(buf, n), sys.stdout.buffer.write(buf,
// n), select.poll on sys.stdin, micropython.kbd_intr(-1), os.mount of a Python-level VFS).
import { describe, it, expect, afterEach } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync, readFileSync, statSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBoard, send, enterRaw, sleep, latin1 } from "./helpers.ts";
import type { Board } from "../../src/board/index.ts";

let board: Board | null = null;
afterEach(async () => {
  await board?.stop();
  board = null;
});

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

/** Runs code in the raw REPL (already entered) and returns [stdout, error]. */
async function raw(b: Board, code: string, timeoutMs = 10000): Promise<[string, string]> {
  const out = await send(b, code + "\x04", /\x04[^]*\x04>$/, timeoutMs);
  expect(out.startsWith("OK")).toBe(true);
  const body = out.slice(2);
  const i = body.indexOf("\x04");
  return [body.slice(0, i), body.slice(i + 1, body.lastIndexOf("\x04"))];
}

/** A Python bytes repr (as the board prints it) → bytes. */
function pyBytes(repr: string): Uint8Array {
  const s = repr.trim().replace(/^b(['"])([^]*)\1$/, "$2");
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "\\") {
      out.push(s.charCodeAt(i));
      continue;
    }
    const c = s[++i];
    if (c === "x") {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(({ n: 10, r: 13, t: 9 } as Record<string, number>)[c] ?? c.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

describe("mpremote fs commands", () => {
  it("hashes a file the way `fs sha256sum` and `fs cp` do (readinto a memoryview)", async () => {
    const data = new Uint8Array(700);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 0xff;
    const b = (board = await startBoard({ files: { "blob.bin": data, "small.txt": "hello\n" } }));
    await enterRaw(b);
    for (const [name, content] of [["blob.bin", data], ["small.txt", "hello\n"]] as const) {
      expect(await raw(b, "import hashlib\nh = hashlib.sha256()")).toEqual(["", ""]);
      const [, err] = await raw(b,
        `buf = memoryview(bytearray(256))\nwith open('${name}', 'rb') as f:\n while True:\n  n = f.readinto(buf)\n` +
          `  if n == 0:\n   break\n  h.update(buf if n == 256 else buf[:n])\n`);
      expect(err).toBe("");
      const [out] = await raw(b, "print(repr(h.digest()))");
      expect(Buffer.from(pyBytes(out))).toEqual(sha256(content));
    }
  });

  it("copies a binary file both ways in 256-byte chunks (open/write(repr)/read)", async () => {
    const data = new Uint8Array(1000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131) & 0xff;
    const b = (board = await startBoard());
    await enterRaw(b);
    expect(await raw(b, "f=open('x.bin','wb')\nw=f.write")).toEqual(["", ""]);
    for (let off = 0; off < data.length; off += 256) {
      const chunk = data.subarray(off, off + 256);
      const repr = "b'" + [...chunk].map((c) => "\\x" + c.toString(16).padStart(2, "0")).join("") + "'";
      expect(await raw(b, `w(${repr})`)).toEqual(["", ""]);
    }
    expect(await raw(b, "f.close()")).toEqual(["", ""]);
    expect(await b.readFile("/x.bin")).toEqual(data);
    // What `fs ls` and `fs cp` look at: littlefs-style stat and 4-tuples with the size.
    expect(await raw(b, "import os\nprint(os.stat('x.bin')[:7], os.stat('/')[0], list(os.ilistdir()))"))
      .toEqual(["(32768, 0, 0, 0, 0, 0, 1000) 16384 [('x.bin', 32768, 0, 1000)]\r\n", ""]);
    expect(await raw(b, "f=open('x.bin','rb')\nr=f.read")).toEqual(["", ""]);
    const parts: Uint8Array[] = [];
    for (;;) {
      const [out] = await raw(b, "print(repr(r(256)))");
      const chunk = pyBytes(out);
      if (chunk.length === 0) break;
      parts.push(chunk);
    }
    expect(Buffer.concat(parts)).toEqual(Buffer.from(data));
  });

  it("shows the profile's flash file system in `df` (vfs.mount() and os.statvfs)", async () => {
    let b = (board = await startBoard());
    await enterRaw(b);
    let [out, err] = await raw(b, "import os, vfs\nfor v, p in vfs.mount(): print(str(v)[:16], p, os.statvfs(p))");
    expect(err).toBe("");
    expect(out).toBe("<VfsLfs2 object  / (4096, 4096, 352, 351, 351, 0, 0, 0, 0, 255)\r\n");
    [out] = await raw(b, "print(hasattr(vfs, 'VfsPosix'), hasattr(vfs, 'VfsLfs2'), hasattr(os, 'VfsPosix'))");
    expect(out).toBe("False True False\r\n");
    await b.stop();
    b = board = await startBoard({ board: "pyboard" });
    await enterRaw(b);
    [out] = await raw(b, "import os, vfs\nprint(str(vfs.mount()[0][0])[:15], os.statvfs('/')[:3])");
    expect(out).toBe("<VfsFat object  (4096, 4096, 24)\r\n");
  });

  it("keeps the old file until close() when a write is opened with 'w'", async () => {
    const b = (board = await startBoard({ files: { "cfg.txt": "old" } }));
    await enterRaw(b);
    expect(await raw(b, "f = open('cfg.txt', 'w')\nf.write('new contents')")).toEqual(["", ""]);
    expect(new TextDecoder().decode(await b.readFile("/cfg.txt"))).toBe("old");
    expect(await raw(b, "import os\nprint(os.stat('cfg.txt')[6])")).toEqual(["3\r\n", ""]);
    expect(await raw(b, "f.close()\nprint(open('cfg.txt').read())")).toEqual(["new contents\r\n", ""]);
    // A new file appears only once committed; a missing directory still fails at open().
    expect(await raw(b, "f = open('fresh.txt', 'w')\nprint('fresh.txt' in os.listdir())")).toEqual(["False\r\n", ""]);
    expect(await raw(b, "f.flush()\nprint('fresh.txt' in os.listdir())")).toEqual(["True\r\n", ""]);
    const [, err] = await raw(b, "open('nodir/x.txt', 'w')");
    expect(err).toMatch(/OSError: \[Errno 2\] ENOENT\r\n$/);
  });

  it("prints ENOSPC as MicroPython does (its errno table has no name for 28)", async () => {
    const b = (board = await startBoard({ flashSize: 8 * 4096 }));
    await enterRaw(b);
    const [, err] = await raw(b, "f = open('big', 'wb')\nf.write(bytes(100000))\nf.close()");
    expect(err).toMatch(/\r\nOSError: 28\r\n$/);
    const [out] = await raw(b, "import errno\nprint(errno.ETIMEDOUT, errno.errorcode[110], hasattr(errno, 'ENOSPC'))");
    expect(out).toBe("110 ETIMEDOUT False\r\n");
  });
});

describe("the console as a board's UART", () => {
  it("reads sys.stdin raw: readline without echo (CR as LF), buffer.readinto(buf, n) exact", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    b.write("import sys\nl = sys.stdin.readline()\nprint(repr(l))\nbuf = bytearray(8)\nn = sys.stdin.buffer.readinto(buf, 5)\nprint(n, buf)\n\x04");
    await b.expect("OK");
    b.write("abc\r");
    await sleep(50);
    b.write(latin1("\r\n\x01\x02\xff"));
    const out = await b.expect("\x04>");
    expect(out).toBe("'abc\\n'\r\n5 bytearray(b'\\r\\n\\x01\\x02\\xff\\x00\\x00\\x00')\r\n\x04\x04>");
  });

  it("writes sys.stdout.buffer raw, with write(buf, n) and write(buf, off, n)", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    expect(await raw(b, "import sys\no = sys.stdout.buffer\nprint(o.write(b'a\\nbcdef', 3), o.write(memoryview(b'0123456'), 2, 3))"))
      .toEqual(["a\nb2343 3\r\n", ""]);
    expect(await raw(b, "print(type(sys.stdout.buffer).__name__, type(sys.stdout).__name__)")).toEqual(["FileIO TextIOWrapper\r\n", ""]);
  });

  it("polls sys.stdin: readable only while serial input is pending", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    b.write("import sys, select, time\np = select.poll()\np.register(sys.stdin, select.POLLIN)\n" +
      "print(p.poll(0))\nt = time.ticks_ms()\nr = p.poll(2000)\nprint(r == [(sys.stdin, select.POLLIN)], time.ticks_diff(time.ticks_ms(), t) < 1500)\n" +
      "print(sys.stdin.buffer.read(2))\nprint(p.poll(0))\n\x04");
    await b.expect("[]\r\n");
    await sleep(100);
    b.write("zz");
    expect(await b.expect("\x04>")).toBe("True True\r\nb'zz'\r\n[]\r\n\x04\x04>");
  });

  it("waits for serial input in real time even with the virtual clock", async () => {
    const b = (board = await startBoard({ clock: "virtual" }));
    await enterRaw(b);
    b.write("import sys, select\np = select.poll()\np.register(sys.stdin.buffer, select.POLLIN)\nprint('ready')\n" +
      "print(p.poll(1000))\nprint(sys.stdin.buffer.read(1))\n\x04");
    await b.expect("ready\r\n");
    await sleep(150);
    b.write("q");
    expect(await b.expect("\x04>")).toBe("[(<io.FileIO 0>, 1)]\r\nb'q'\r\n\x04\x04>");
  });

  it("keeps asyncio tasks running while a StreamReader waits on sys.stdin (as aiorepl needs)", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    b.write("import asyncio, sys\nasync def tick():\n    for i in range(3):\n        print('tick', i)\n        await asyncio.sleep_ms(30)\n" +
      "async def rd():\n    print('got', await asyncio.StreamReader(sys.stdin).read(1))\n" +
      "async def main():\n    await asyncio.gather(tick(), rd())\nasyncio.run(main())\n\x04");
    await b.expect("tick 2\r\n");
    b.write("k");
    expect(await b.expect("\x04>")).toBe("got k\r\n\x04\x04>");
  });

  it("delivers Ctrl-C as data while micropython.kbd_intr(-1), and interrupts again after", async () => {
    const b = (board = await startBoard());
    await enterRaw(b);
    b.write("import sys, micropython\nmicropython.kbd_intr(-1)\nprint('ready')\nprint(sys.stdin.buffer.read(3))\nmicropython.kbd_intr(3)\nwhile True: pass\n\x04");
    await b.expect("ready\r\n");
    b.write("a\x03b");
    await b.expect("b'a\\x03b'\r\n");
    await sleep(50);
    b.write("\x03");
    expect(await b.expect("\x04>")).toMatch(/\x04Traceback[^]*KeyboardInterrupt: \r\n\x04>$/);
  });

  it("echoes input() through the line editor, like mp_hal_readline", async () => {
    const b = (board = await startBoard());
    await send(b, "x = input('a\\nb? ')\r", /\r\na\r\nb\? $/);
    expect(await send(b, "hi\r", ">>> ")).toBe("hi\r\n>>> ");
    expect(await send(b, "x\r", ">>> ")).toBe("x\r\n'hi'\r\n>>> ");
  });
});

// ---------------------------------------------------------------- mount

/**
 * A host-served file system in the shape of mpremote's `mount`: Python on the board asks with
 * `\x18 cmd` + a length-prefixed path on sys.stdout.buffer and reads the length-prefixed answer
 * from sys.stdin.buffer, with Ctrl-C disabled meanwhile. Commands: 1 stat, 2 listdir, 3 read.
 */
const REMOTE_FS = `
import os, sys, io, select, struct, micropython
class Link:
    def __init__(self):
        self.fin = sys.stdin.buffer
        self.fout = sys.stdout.buffer
        self.poller = select.poll()
        self.poller.register(self.fin, select.POLLIN)
        self.b4 = bytearray(4)
    def rd(self, n):
        buf = bytearray(n)
        mv = memoryview(buf)
        r = 0
        while r < n:
            for _ in self.poller.ipoll(1000):
                break
            else:
                raise OSError(110)
            r += self.fin.readinto(mv[r:], n - r)
        return buf
    def ask(self, cmd, arg):
        micropython.kbd_intr(-1)
        a = bytes(arg, 'utf8')
        self.b4[0] = 0x18
        self.b4[1] = cmd
        self.fout.write(self.b4, 2)
        struct.pack_into('<i', self.b4, 0, len(a))
        self.fout.write(self.b4)
        self.fout.write(a)
        n = struct.unpack('<i', self.rd(4))[0]
        data = bytes(self.rd(n)) if n > 0 else b''
        micropython.kbd_intr(3)
        if n < 0:
            raise OSError(-n)
        return data
class RemoteFS:
    def __init__(self):
        self.link = Link()
        self.path = '/'
    def _abs(self, p):
        return p if p.startswith('/') else self.path + p
    def mount(self, readonly, mkfs):
        pass
    def umount(self):
        pass
    def chdir(self, p):
        self.path = self._abs(p).rstrip('/') + '/'
    def getcwd(self):
        return self.path
    def stat(self, p):
        r = self.link.ask(1, self._abs(p))
        return (0x4000 if r[0] == 100 else 0x8000, 0, 0, 0, 0, 0, int(r[1:]), 0, 0, 0)
    def ilistdir(self, p):
        for n in str(self.link.ask(2, self._abs(p)), 'utf8').split('/'):
            if n:
                yield (n, self.stat(self._abs(p).rstrip('/') + '/' + n)[0], 0)
    def open(self, p, mode):
        data = self.link.ask(3, self._abs(p))
        return io.BytesIO(data) if 'b' in mode else io.StringIO(str(data, 'utf8'))
os.mount(RemoteFS(), '/remote')
os.chdir('/remote')
`;

/** Serves REMOTE_FS requests from a host folder until stopped. */
function serveFolder(b: Board, dir: string): () => void {
  let pending = Buffer.alloc(0);
  const reply = (data: Buffer | number) => {
    const head = Buffer.alloc(4);
    head.writeInt32LE(typeof data === "number" ? data : data.length);
    b.write(typeof data === "number" ? head : Buffer.concat([head, data]));
  };
  const handle = (cmd: number, path: string) => {
    const host = join(dir, path);
    try {
      if (cmd === 1) {
        const st = statSync(host);
        reply(Buffer.from((st.isDirectory() ? "d" : "f") + (st.isDirectory() ? 0 : st.size)));
      } else if (cmd === 2) reply(Buffer.from(readdirSync(host).sort().join("/")));
      else reply(readFileSync(host));
    } catch {
      reply(-2);
    }
  };
  return b.onOutput((d) => {
    pending = Buffer.concat([pending, d]);
    for (;;) {
      const i = pending.indexOf(0x18);
      if (i < 0 || pending.length < i + 6) return;
      const n = pending.readInt32LE(i + 2);
      if (pending.length < i + 6 + n) return;
      const cmd = pending[i + 1];
      const path = pending.subarray(i + 6, i + 6 + n).toString("utf8");
      pending = pending.subarray(i + 6 + n);
      handle(cmd, path);
    }
  });
}

describe("mount", () => {
  it("imports and opens files of a Python-level VFS served over the serial link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "upy-mount-"));
    writeFileSync(join(dir, "greet.py"), "def hello():\n    return 'hello from the host'\n");
    writeFileSync(join(dir, "data.bin"), Buffer.from([0, 3, 0x18, 3, 255]));
    const b = (board = await startBoard({ files: { "local.txt": "on flash" } }));
    const stop = serveFolder(b, dir);
    await enterRaw(b);
    expect(await raw(b, REMOTE_FS)).toEqual(["", ""]);
    // Output now holds the protocol frames too; the answers printed are what matter.
    const [out, err] = await raw(b,
      "import greet\nprint(greet.hello())\nprint(open('data.bin', 'rb').read())\n" +
        "print(sorted(os.listdir()), os.getcwd())\nprint(sorted(os.listdir('/')))\nprint(open('/local.txt').read())");
    expect(err).toBe("");
    const text = out.replace(/\x18[^]*?(?=[a-z[\]'/(]|$)/g, "");
    expect(text).toContain("hello from the host\r\n");
    expect(out).toContain("b'\\x00\\x03\\x18\\x03\\xff'\r\n");
    expect(out).toContain("['data.bin', 'greet.py'] /remote\r\n");
    expect(out).toContain("['local.txt', 'remote']\r\n");
    expect(out).toContain("on flash\r\n");
    // Ctrl-C works again once the VFS is idle.
    b.write("while True: pass\x04");
    await b.expect("OK");
    await sleep(50);
    b.write("\x03");
    expect(await b.expect("\x04>")).toMatch(/KeyboardInterrupt/);
    // A soft reset empties the mount table (user mounts are dropped, as on a real board).
    await send(b, "\x04", "raw REPL; CTRL-B to exit\r\n>");
    expect(await raw(b, "import os, vfs\nprint(os.listdir('/'), len(vfs.mount()), os.getcwd())")).toEqual(["['local.txt'] 1 /\r\n", ""]);
    stop();
  });
});
