// Node.js only: synchronous sockets for the interpreter thread (Host.net), over a helper worker
// that owns the real ones (netbridge_worker.ts; netbridge_proto.ts describes the protocol).
//
// Generated code runs to completion on its thread, so it cannot await Node's sockets: each
// operation is posted to the worker and the thread blocks in Atomics.wait until the answer is
// there, then takes it with receiveMessageOnPort. The worker starts on the first operation
// that needs it, so programs without sockets never pay for it.
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HostError, type HostNet, type NetAddr } from "../runtime/host.ts";
import {
  CTRL_CHANGES, CTRL_DONE, CTRL_READY, MAX_SOCKETS, POLL_IN,
  type NetRequest, type NetResponse,
} from "./netbridge_proto.ts";

/** Stream sockets ask the worker for this many bytes at least (fewer round trips). */
const READ_AHEAD = 65536;
/** A request the worker leaves unanswered this long means the worker is gone (ms). */
const CALL_LIMIT_MS = 60000;
const EIO = 5;
const ETIMEDOUT = 110;

type Req = NetRequest extends infer R ? (R extends NetRequest ? Omit<R, "seq"> : never) : never;

export interface NetBridgeOptions {
  /** The worker script (default: netbridge_worker.js beside the bundle, or in dist/). */
  workerUrl?: URL;
  /** Called before the thread blocks (flush buffered output). */
  beforeBlock?: () => void;
}

function defaultWorkerUrl(): URL {
  const beside = new URL("./netbridge_worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../dist/netbridge_worker.js", import.meta.url);
}

export class NetBridge implements HostNet {
  private port: MessagePort | null = null;
  private worker: Worker | null = null;
  private ctrl: Int32Array | null = null;
  private seq = 0;
  /** CTRL_CHANGES as of the last readiness(): wait() sleeps until it moves. */
  private seen = 0;
  /** Bytes stream sockets received beyond what recv() asked for. */
  private ahead = new Map<number, Uint8Array>();
  /** Stream sockets (read-ahead is only for them: datagrams keep their boundaries). */
  private streams = new Set<number>();
  private sleepCell = new Int32Array(new SharedArrayBuffer(4));

  constructor(private opts: NetBridgeOptions = {}) {}

  private start(): void {
    const url = this.opts.workerUrl ?? defaultWorkerUrl();
    const path = fileURLToPath(url);
    if (!existsSync(path)) throw new HostError(EIO, `network helper ${path} is missing`);
    const sab = new SharedArrayBuffer(4 * (CTRL_READY + MAX_SOCKETS));
    const { port1, port2 } = new MessageChannel();
    const w = new Worker(path, { workerData: { ctrl: sab, port: port2 }, transferList: [port2] });
    // Neither the worker nor its channel keeps the process alive.
    w.unref();
    port1.unref();
    w.on("error", () => {});
    this.worker = w;
    this.port = port1;
    this.ctrl = new Int32Array(sab);
  }

  /** Sends one request and blocks until its answer arrives. */
  private call(req: Req): unknown {
    if (this.ctrl === null) this.start();
    const ctrl = this.ctrl!;
    const seq = ++this.seq;
    (req as NetRequest).seq = seq;
    this.port!.postMessage(req);
    const t0 = performance.now();
    for (;;) {
      const done = Atomics.load(ctrl, CTRL_DONE);
      for (let m = receiveMessageOnPort(this.port!); m !== undefined; m = receiveMessageOnPort(this.port!)) {
        const r = m.message as NetResponse;
        if (r.seq !== seq) continue; // the answer to a request given up on
        if (r.errno !== undefined) throw new HostError(r.errno, r.message ?? "");
        return r.value;
      }
      if (performance.now() - t0 > CALL_LIMIT_MS) throw new HostError(ETIMEDOUT, "network helper not answering");
      Atomics.wait(ctrl, CTRL_DONE, done, 1000);
    }
  }

  /** Stops the worker (tests; `upy` just exits). */
  shutdown(): Promise<number> {
    const w = this.worker;
    this.worker = null;
    this.ctrl = null;
    this.port?.close();
    this.port = null;
    this.ahead.clear();
    this.streams.clear();
    return w === null ? Promise.resolve(0) : w.terminate();
  }

  getaddrinfo(name: string, family: number): { family: number; address: string }[] {
    return this.call({ op: "lookup", name, family }) as { family: number; address: string }[];
  }

  open(id: number, family: number, udp: boolean, reuseAddr: boolean): void {
    if (id < 0 || id >= MAX_SOCKETS) throw new HostError(24 /* EMFILE */, "too many sockets");
    this.call({ op: "open", id, family, udp, reuse: reuseAddr });
    this.ahead.delete(id);
    if (udp) this.streams.delete(id);
    else this.streams.add(id);
  }

  bind(id: number, addr: NetAddr): void {
    this.call({ op: "bind", id, addr });
  }

  listen(id: number, backlog: number): void {
    this.call({ op: "listen", id, backlog });
  }

  accept(id: number, newId: number): NetAddr | null {
    if (newId < 0 || newId >= MAX_SOCKETS) throw new HostError(24 /* EMFILE */, "too many sockets");
    const a = this.call({ op: "accept", id, newId }) as NetAddr | null;
    if (a !== null) {
      this.streams.add(newId);
      this.ahead.delete(newId);
    }
    return a;
  }

  connect(id: number, addr: NetAddr): void {
    this.call({ op: "connect", id, addr });
  }

  send(id: number, data: Uint8Array, addr: NetAddr | null, wait: boolean): number | null {
    // A copy: the caller's buffer may change after the call (and may not be transferable).
    return this.call({ op: "send", id, data: data.slice(), addr, wait }) as number | null;
  }

  recv(id: number, n: number, peek: boolean): { data: Uint8Array; from: NetAddr | null } | null {
    const kept = this.ahead.get(id);
    if (kept !== undefined) {
      if (peek) return { data: kept.subarray(0, n), from: null };
      if (kept.length <= n) {
        this.ahead.delete(id);
        return { data: kept, from: null };
      }
      this.ahead.set(id, kept.subarray(n));
      return { data: kept.subarray(0, n), from: null };
    }
    const stream = this.streams.has(id);
    const ask = stream && n > 0 && !peek ? Math.max(n, READ_AHEAD) : n;
    const r = this.call({ op: "recv", id, n: ask, peek }) as { data: Uint8Array; from: NetAddr | null } | null;
    if (r === null || !stream || r.data.length <= n) return r;
    this.ahead.set(id, r.data.subarray(n));
    return { data: r.data.subarray(0, n), from: null };
  }

  close(id: number, reset: boolean): void {
    this.ahead.delete(id);
    this.streams.delete(id);
    if (this.ctrl !== null) this.call({ op: "close", id, reset });
  }

  error(id: number): number {
    return this.call({ op: "error", id }) as number;
  }

  readiness(id: number): number {
    const ctrl = this.ctrl;
    if (ctrl === null || id < 0 || id >= MAX_SOCKETS) return 0;
    this.seen = Atomics.load(ctrl, CTRL_CHANGES);
    const r = Atomics.load(ctrl, CTRL_READY + id);
    return this.ahead.has(id) ? r | POLL_IN : r;
  }

  wait(ms: number): void {
    this.opts.beforeBlock?.();
    if (ms <= 0) return;
    if (this.ctrl === null) Atomics.wait(this.sleepCell, 0, 0, ms);
    else Atomics.wait(this.ctrl, CTRL_CHANGES, this.seen, ms);
  }
}
