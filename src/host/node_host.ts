// The Host for `upy` on Node.js: the process's stdio and the real file system, like
// MicroPython's unix port.
import * as fs from "node:fs";
import * as nodePath from "node:path";
import * as nodeOs from "node:os";
import { nodeHeapPressure } from "../board/node_heap.ts";
import { HostError, type Host, type HostFS, type StatResult } from "../runtime/host.ts";
import { NetBridge } from "./netbridge.ts";


const errnoByCode: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EEXIST: 17,
  ENODEV: 19, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOSPC: 28, EROFS: 30, ENOTEMPTY: 39,
};

function hostError(e: unknown): HostError {
  const code = (e as NodeJS.ErrnoException)?.code ?? "EIO";
  return new HostError(errnoByCode[code] ?? 5, code);
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw hostError(e);
  }
}

export const nodeFS: HostFS = {
  readFile(path) {
    try {
      return new Uint8Array(fs.readFileSync(path));
    } catch {
      return null;
    }
  },
  stat(path): StatResult | null {
    try {
      // No exception for a missing path: imports stat every sys.path entry (throwing is slow).
      const st = fs.statSync(path, { throwIfNoEntry: false });
      if (st === undefined) return null;
      return { isDir: st.isDirectory(), size: st.size, mtime: Math.floor(st.mtimeMs / 1000) };
    } catch {
      return null;
    }
  },
  writeFile: (path, data, append) => wrap(() => (append ? fs.appendFileSync(path, data) : fs.writeFileSync(path, data))),
  listdir: (path) => wrap(() => fs.readdirSync(path === "" ? "." : path)),
  mkdir: (path) => wrap(() => fs.mkdirSync(path)),
  rmdir: (path) => wrap(() => fs.rmdirSync(path)),
  remove: (path) => wrap(() => fs.unlinkSync(path)),
  rename: (a, b) => wrap(() => fs.renameSync(a, b)),
  getcwd: () => process.cwd(),
  chdir: (path) => wrap(() => process.chdir(path)),
};

/** Buffered stdout: many small prints become few writes; flushed before stderr and input. */
class OutBuffer {
  private parts: Uint8Array[] = [];
  private size = 0;
  private enc = new TextEncoder();
  constructor(private fd: number) {}
  write(data: string | Uint8Array): void {
    const b = typeof data === "string" ? this.enc.encode(data) : data.slice();
    this.parts.push(b);
    this.size += b.length;
    if (this.size >= 16384) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    const all = Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    writeAll(this.fd, all);
  }
}

function writeAll(fd: number, b: Uint8Array): void {
  let off = 0;
  while (off < b.length) {
    try {
      off += fs.writeSync(fd, b, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}

export const stdoutBuf = new OutBuffer(1);

/** Synchronous reads from fd 0 (the REPL and input() block, as on the unix port). */
class InReader {
  private pending = new Uint8Array(0);
  private eof = false;
  private fill(): boolean {
    if (this.eof) return false;
    const buf = Buffer.alloc(4096);
    let n = 0;
    for (;;) {
      try {
        n = fs.readSync(0, buf, 0, buf.length, null);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          Atomics.wait(sleepCell, 0, 0, 5);
          continue;
        }
        if (code === "EOF") n = 0;
        else throw e;
        break;
      }
    }
    if (n === 0) {
      this.eof = true;
      return false;
    }
    const merged = new Uint8Array(this.pending.length + n);
    merged.set(this.pending);
    merged.set(buf.subarray(0, n), this.pending.length);
    this.pending = merged;
    return true;
  }
  readLine(): string | null {
    for (;;) {
      const i = this.pending.indexOf(10);
      if (i >= 0) {
        const line = this.pending.subarray(0, i);
        this.pending = this.pending.slice(i + 1);
        return new TextDecoder().decode(line).replace(/\r$/, "");
      }
      if (!this.fill()) {
        if (this.pending.length === 0) return null;
        const rest = this.pending;
        this.pending = new Uint8Array(0);
        return new TextDecoder().decode(rest);
      }
    }
  }
  /**
   * Whether a read would not block: bytes already buffered, end of input, or a regular file
   * (whose reads never block). A pipe or terminal with nothing buffered counts as not ready: it
   * cannot be asked without blocking.
   */
  ready(): boolean {
    if (this.pending.length > 0 || this.eof) return true;
    try {
      return fs.fstatSync(0).isFile();
    } catch {
      return false;
    }
  }
  readBytes(n: number): Uint8Array {
    if (this.pending.length === 0) this.fill();
    const out = this.pending.slice(0, n);
    this.pending = this.pending.slice(out.length);
    return out;
  }
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const stdinReader = new InReader();

export function makeNodeHost(): Host {
  return {
    write(fd, data) {
      if (fd === 1) stdoutBuf.write(data);
      else {
        stdoutBuf.flush();
        writeAll(2, typeof data === "string" ? new TextEncoder().encode(data) : data);
      }
    },
    readLine(prompt) {
      if (prompt !== "") stdoutBuf.write(prompt);
      stdoutBuf.flush();
      return stdinReader.readLine();
    },
    readBytes(n) {
      stdoutBuf.flush();
      return stdinReader.readBytes(n);
    },
    inputReady: () => stdinReader.ready(),
    fs: nodeFS,
    monotonicMs: () => performance.now(),
    epochMs: () => Date.now(),
    sleepMs(ms) {
      stdoutBuf.flush();
      if (ms > 0) Atomics.wait(sleepCell, 0, 0, ms);
    },
    randomBytes(n) {
      const b = new Uint8Array(n);
      crypto.getRandomValues(b);
      return b;
    },
    getenv: (name) => process.env[name],
    exit(code): never {
      stdoutBuf.flush();
      process.exit(code);
    },
    putenv(name, value) {
      if (value === null) delete process.env[name];
      else process.env[name] = value;
    },
    memUsed: () => process.memoryUsage().heapUsed,
    heapPressure: nodeHeapPressure, // MemoryError rather than V8 ending the process
    collect() {
      (globalThis as { gc?: () => void }).gc?.();
    },
    statvfs(path) {
      try {
        const st = fs.statfsSync(path === "" ? "." : path);
        return { bsize: st.bsize, blocks: st.blocks, bfree: st.bfree, bavail: st.bavail };
      } catch {
        return null;
      }
    },
    uname: () => ({ nodename: nodeOs.hostname(), machine: `${nodeOs.machine()} with Node.js ${process.version}` }),
    // Sockets through a helper worker, started on first use.
    net: new NetBridge({ beforeBlock: () => stdoutBuf.flush() }),
  };
}

export function dirnameOf(p: string): string {
  const d = nodePath.dirname(p);
  return d;
}
