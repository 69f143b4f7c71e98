// The synchronous socket bridge against its real worker (bundled here from source), on
// loopback only.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildSync } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { NetBridge } from "./netbridge.ts";
import { HostError } from "../runtime/host.ts";
import { POLL_IN, POLL_OUT, POLL_ERR } from "./netbridge_proto.ts";

let dir = "";
let bridge: NetBridge;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "netbridge-"));
  const out = join(dir, "netbridge_worker.js");
  buildSync({
    entryPoints: [fileURLToPath(new URL("./netbridge_worker.ts", import.meta.url))],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  bridge = new NetBridge({ workerUrl: pathToFileURL(out) });
});

afterAll(async () => {
  await bridge.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits (bounded) until socket `id` shows one of `bits`. */
function waitFor(id: number, bits: number, ms = 2000): number {
  const t0 = performance.now();
  for (;;) {
    const r = bridge.readiness(id);
    if ((r & bits) !== 0) return r;
    if (performance.now() - t0 > ms) throw new Error(`socket ${id} not ready (${r})`);
    bridge.wait(50);
  }
}

function errnoOf(f: () => unknown): number {
  try {
    f();
  } catch (e) {
    if (e instanceof HostError) return e.errno;
    throw e;
  }
  return 0;
}

/** Listens on a free port from a random start; returns the port. */
function listenAny(id: number): number {
  for (let i = 0; i < 20; i++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    bridge.open(id, 2, false, false);
    try {
      bridge.bind(id, { family: 2, address: "127.0.0.1", port });
      bridge.listen(id, 2);
      return port;
    } catch {
      bridge.close(id, false);
    }
  }
  throw new Error("no free port");
}

const enc = new TextEncoder();
const dec = new TextDecoder();

describe("netbridge", () => {
  it("runs a TCP conversation synchronously", () => {
    const port = listenAny(10);
    expect(bridge.readiness(10) & POLL_IN).toBe(0);
    bridge.open(11, 2, false, false);
    bridge.connect(11, { family: 2, address: "127.0.0.1", port });
    expect(waitFor(11, POLL_OUT | POLL_ERR) & POLL_ERR).toBe(0);
    waitFor(10, POLL_IN);
    const peer = bridge.accept(10, 12);
    expect(peer).not.toBeNull();
    expect(peer!.address).toBe("127.0.0.1");
    expect(bridge.accept(10, 13)).toBeNull();

    expect(bridge.send(11, enc.encode("hello world"), null, true)).toBe(11);
    waitFor(12, POLL_IN);
    // read-ahead: one round trip takes everything, later reads are served locally
    expect(dec.decode(bridge.recv(12, 5, true)!.data)).toBe("hello"); // MSG_PEEK keeps it
    const a = bridge.recv(12, 5, false)!;
    expect(dec.decode(a.data)).toBe("hello");
    expect(bridge.readiness(12) & POLL_IN).toBe(POLL_IN);
    expect(dec.decode(bridge.recv(12, 100, false)!.data)).toBe(" world");
    expect(bridge.recv(12, 100, false)).toBeNull();

    bridge.close(11, false);
    waitFor(12, POLL_IN);
    expect(bridge.recv(12, 100, false)!.data.length).toBe(0);
    bridge.close(12, false);
    bridge.close(10, false);
  });

  it("carries datagrams with their sender", () => {
    bridge.open(20, 2, true, false);
    let port = 0;
    for (let i = 0; i < 20 && port === 0; i++) {
      const p = 20000 + Math.floor(Math.random() * 40000);
      if (errnoOf(() => bridge.bind(20, { family: 2, address: "127.0.0.1", port: p })) === 0) port = p;
    }
    expect(port).not.toBe(0);
    expect(bridge.readiness(20)).toBe(POLL_OUT);
    bridge.open(21, 2, true, false);
    bridge.send(21, enc.encode("abc"), { family: 2, address: "127.0.0.1", port }, true);
    bridge.send(21, enc.encode("defgh"), { family: 2, address: "127.0.0.1", port }, true);
    waitFor(20, POLL_IN);
    const r = bridge.recv(20, 100, false)!;
    expect(dec.decode(r.data)).toBe("abc");
    expect(r.from!.address).toBe("127.0.0.1");
    waitFor(20, POLL_IN);
    expect(dec.decode(bridge.recv(20, 2, false)!.data)).toBe("de"); // the rest of the datagram is dropped
    expect(bridge.recv(20, 100, false)).toBeNull();
    bridge.close(20, false);
    bridge.close(21, false);
  });

  it("reports failures as errno values", () => {
    const port = listenAny(30);
    bridge.close(30, false);
    bridge.open(31, 2, false, false);
    bridge.connect(31, { family: 2, address: "127.0.0.1", port });
    expect(waitFor(31, POLL_ERR) & POLL_ERR).toBe(POLL_ERR);
    expect(bridge.error(31)).toBe(111); // ECONNREFUSED
    bridge.close(31, false);
    bridge.open(32, 2, false, false);
    expect(errnoOf(() => bridge.recv(32, 1, false))).toBe(107); // ENOTCONN
    expect(errnoOf(() => bridge.accept(32, 33))).toBe(22); // EINVAL: not listening
    bridge.close(32, false);
    expect(errnoOf(() => bridge.recv(32, 1, false))).toBe(9); // EBADF: closed
  });

  it("resolves names", () => {
    const addrs = bridge.getaddrinfo("localhost", 2);
    expect(addrs.length).toBeGreaterThan(0);
    expect(addrs[0]).toEqual({ family: 2, address: "127.0.0.1" });
    expect(errnoOf(() => bridge.getaddrinfo("no-such-host.invalid", 0))).toBeLessThan(0);
  });
});
