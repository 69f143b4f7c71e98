// Node.js only: the helper worker of the socket bridge (bundled as dist/netbridge_worker.js).
// It owns the real sockets (node:net, node:dgram) and name resolution (node:dns), answers the
// interpreter thread's requests (netbridge_proto.ts describes the protocol) and publishes each
// socket's poll bits in the shared control array.
//
// Every request is answered at once or as soon as Node completes it (binding, resolving, a
// blocking send reaching the system); nothing here waits for data: the interpreter thread
// waits for readiness itself, so timeouts and interrupts stay on its side.
import { workerData, type MessagePort } from "node:worker_threads";
import * as net from "node:net";
import * as dgram from "node:dgram";
import * as dns from "node:dns";
import {
  CTRL_CHANGES, CTRL_DONE, CTRL_READY, POLL_ERR, POLL_HUP, POLL_IN, POLL_OUT,
  type NetRequest, type NetResponse, type WireAddr,
} from "./netbridge_proto.ts";

const { ctrl: sab, port } = workerData as { ctrl: SharedArrayBuffer; port: MessagePort };
const ctrl = new Int32Array(sab);

/** A stream socket stops reading from the system above this many unread bytes (flow control). */
const RX_HIGH = 1 << 20;

const AF_INET6 = 10;
const EIO = 5, EAGAIN = 11, EINVAL = 22, EPIPE = 32, EOPNOTSUPP = 95, EADDRINUSE = 98, EISCONN = 106, ENOTCONN = 107;
const EAI_NONAME = -2, EAI_AGAIN = -3, EAI_FAIL = -4;

/** A connected (or connecting) stream socket and what it received. */
interface Stream {
  sock: net.Socket;
  rx: Buffer[];
  rxLen: number;
  eof: boolean;
  connected: boolean;
  /** A pending error (ECONNREFUSED, ECONNRESET, ...), reported once. */
  err: number;
  /** The connection failed or was reset: it hangs up in both directions. */
  dead: boolean;
  /** The entry it belongs to (null while it waits in a listening socket's queue). */
  owner: Entry | null;
}

interface Datagram {
  data: Buffer;
  from: WireAddr;
}

class Entry {
  stream: Stream | null = null;
  server: net.Server | null = null;
  listening = false;
  /** Accepted connections not taken by accept() yet. */
  queue: Stream[] = [];
  udp: dgram.Socket | null = null;
  udpBinding = false;
  dgrams: Datagram[] = [];
  err = 0;
  constructor(public id: number, public family: number, public isUdp: boolean, public reuse: boolean) {}
}

const entries = new Map<number, Entry>();

// ---------------------------------------------------------------- errors and readiness

const errnoByCode: Record<string, number> = {
  EPERM: 1, EIO, EAGAIN, EACCES: 13, EINVAL, EPIPE, EADDRINUSE, EADDRNOTAVAIL: 99, ENETUNREACH: 101,
  ECONNABORTED: 103, ECONNRESET: 104, EISCONN, ENOTCONN, ETIMEDOUT: 110, ECONNREFUSED: 111,
  EHOSTUNREACH: 113, EALREADY: 114, EINPROGRESS: 115, EAFNOSUPPORT: 97, EOPNOTSUPP,
};

/** The errno of a Node error (libuv's negative errno, else its code). */
function errnoOf(e: unknown): number {
  const err = e as NodeJS.ErrnoException;
  if (typeof err?.code === "string" && errnoByCode[err.code] !== undefined) return errnoByCode[err.code];
  if (typeof err?.errno === "number" && err.errno < 0) return -err.errno;
  if (err?.code === "ERR_SOCKET_BAD_PORT" || err instanceof RangeError || err instanceof TypeError) return EINVAL;
  return EIO;
}

function readiness(e: Entry): number {
  if (e.isUdp) return (e.dgrams.length > 0 ? POLL_IN : 0) | POLL_OUT | (e.err !== 0 ? POLL_ERR : 0);
  if (e.server !== null) return e.listening && e.queue.length > 0 ? POLL_IN : 0;
  const s = e.stream;
  if (s === null) return POLL_OUT | POLL_HUP; // a fresh stream socket, as Linux reports it
  if (s.err !== 0) return POLL_IN | POLL_OUT | POLL_ERR | POLL_HUP;
  let r = s.rxLen > 0 || s.eof ? POLL_IN : 0;
  if (s.connected && !s.sock.writableNeedDrain) r |= POLL_OUT;
  if (s.dead || (s.eof && s.sock.writableEnded)) r |= POLL_HUP;
  return r;
}

/** Publishes an entry's readiness when it changed. */
function changed(e: Entry | null): void {
  if (e === null || entries.get(e.id) !== e) return;
  const bits = readiness(e);
  if (Atomics.load(ctrl, CTRL_READY + e.id) === bits) return;
  Atomics.store(ctrl, CTRL_READY + e.id, bits);
  Atomics.add(ctrl, CTRL_CHANGES, 1);
  Atomics.notify(ctrl, CTRL_CHANGES);
}

function reply(r: NetResponse): void {
  port.postMessage(r);
  Atomics.add(ctrl, CTRL_DONE, 1);
  Atomics.notify(ctrl, CTRL_DONE);
}

class Fail {
  constructor(public errno: number, public message = "") {}
}

function entry(id: number): Entry {
  const e = entries.get(id);
  if (e === undefined) throw new Fail(9 /* EBADF */);
  return e;
}

// ---------------------------------------------------------------- stream sockets

function track(sock: net.Socket, connected: boolean, owner: Entry | null): Stream {
  const s: Stream = { sock, rx: [], rxLen: 0, eof: false, connected, err: 0, dead: false, owner };
  sock.on("data", (b: Buffer) => {
    s.rx.push(b);
    s.rxLen += b.length;
    if (s.rxLen >= RX_HIGH) sock.pause();
    changed(s.owner);
  });
  sock.on("end", () => {
    s.eof = true;
    changed(s.owner);
  });
  sock.on("error", (err) => {
    if (!s.eof) s.err = errnoOf(err);
    s.dead = true;
    changed(s.owner);
  });
  sock.on("drain", () => changed(s.owner));
  sock.on("close", () => {
    s.eof = true;
    changed(s.owner);
  });
  return s;
}

/** Up to n received bytes, left in place. */
function peek(s: Stream, n: number): Buffer {
  const all = s.rx.length === 1 ? s.rx[0] : Buffer.concat(s.rx, s.rxLen);
  return Buffer.from(all.subarray(0, n));
}

/** Takes up to n received bytes. */
function take(s: Stream, n: number): Buffer {
  const first = s.rx[0];
  let out: Buffer;
  if (first.length <= n) {
    s.rx.shift();
    if (s.rx.length === 0 || first.length === n) out = first;
    else {
      const parts = [first];
      let len = first.length;
      while (s.rx.length > 0 && len < n) {
        const b = s.rx[0];
        if (len + b.length <= n) {
          parts.push(s.rx.shift()!);
          len += b.length;
        } else {
          parts.push(b.subarray(0, n - len));
          s.rx[0] = b.subarray(n - len);
          len = n;
        }
      }
      out = Buffer.concat(parts, len);
    }
  } else {
    out = first.subarray(0, n);
    s.rx[0] = first.subarray(n);
  }
  s.rxLen -= out.length;
  if (s.sock.isPaused() && s.rxLen < RX_HIGH / 2) s.sock.resume();
  return out;
}

function listenTcp(e: Entry, addr: WireAddr): Promise<null> {
  return retryInUse(() => listenTcpOnce(e, addr));
}

function listenTcpOnce(e: Entry, addr: WireAddr): Promise<null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer({ allowHalfOpen: true });
    server.once("error", (err) => reject(new Fail(errnoOf(err))));
    server.on("connection", (sock) => {
      e.queue.push(track(sock, true, null));
      changed(e);
    });
    server.listen({ host: addr.address, port: addr.port, exclusive: true }, () => {
      server.removeAllListeners("error");
      server.on("error", () => {});
      e.server = server;
      changed(e);
      resolve(null);
    });
  });
}

function acceptTcp(e: Entry, newId: number): WireAddr | null {
  if (!e.listening) throw new Fail(EINVAL);
  const s = e.queue.shift();
  changed(e);
  if (s === undefined) return null;
  const ne = new Entry(newId, e.family, false, false);
  ne.stream = s;
  s.owner = ne;
  entries.set(newId, ne);
  changed(ne);
  const a = s.sock.remoteAddress ?? "0.0.0.0";
  return { family: s.sock.remoteFamily === "IPv6" ? AF_INET6 : 2, address: a, port: s.sock.remotePort ?? 0 };
}

function connectTcp(e: Entry, addr: WireAddr): null {
  if (e.stream !== null) throw new Fail(e.stream.connected ? EISCONN : 114 /* EALREADY */);
  if (e.listening) throw new Fail(EISCONN);
  const opts: net.TcpNetConnectOpts = { host: addr.address, port: addr.port, allowHalfOpen: true };
  const server = e.server;
  if (server !== null) {
    // Bound earlier: connect from the same local address once the listener is gone.
    const local = server.address() as net.AddressInfo;
    opts.localAddress = local.address;
    opts.localPort = local.port;
    e.server = null;
  }
  if (addr.port < 0 || addr.port > 65535) throw new Fail(EINVAL);
  const sock = new net.Socket({ allowHalfOpen: true });
  const s = track(sock, false, e);
  sock.once("connect", () => {
    s.connected = true;
    changed(e);
  });
  e.stream = s;
  changed(e);
  if (server !== null) server.close(() => sock.connect(opts));
  else sock.connect(opts);
  return null;
}

/** A stream's pending socket error, raised once (the stream then reads as ended). */
function raisePending(e: Entry, s: Stream): void {
  if (s.err === 0) return;
  const err = s.err;
  s.err = 0;
  s.eof = true;
  changed(e);
  throw new Fail(err);
}

function sendTcp(e: Entry, req: Extract<NetRequest, { op: "send" }>): number | null | Promise<number> {
  const s = e.stream;
  if (s === null) throw new Fail(EPIPE);
  raisePending(e, s);
  if (!s.connected) return null;
  if (s.sock.writableEnded || s.sock.destroyed) throw new Fail(EPIPE);
  if (!req.wait) {
    if (s.sock.writableNeedDrain) return null;
    s.sock.write(req.data);
    changed(e);
    return req.data.length;
  }
  return new Promise((resolve, reject) => {
    s.sock.write(req.data, (err) => (err ? reject(new Fail(errnoOf(err))) : resolve(req.data.length)));
  });
}

function recvTcp(e: Entry, n: number, keep: boolean): { data: Uint8Array; from: null } | null {
  const s = e.stream;
  if (s === null) throw new Fail(ENOTCONN);
  if (s.rxLen > 0 && n > 0) {
    const data = keep ? peek(s, n) : take(s, n);
    changed(e);
    return { data, from: null };
  }
  raisePending(e, s);
  if (s.eof || n === 0) return { data: new Uint8Array(0), from: null };
  return null;
}

// ---------------------------------------------------------------- datagram sockets

function udpSocket(e: Entry): dgram.Socket {
  if (e.udp !== null) return e.udp;
  const u = dgram.createSocket({ type: e.family === AF_INET6 ? "udp6" : "udp4", reuseAddr: e.reuse });
  u.on("message", (msg, rinfo) => {
    e.dgrams.push({ data: msg, from: { family: rinfo.family === "IPv6" ? AF_INET6 : 2, address: rinfo.address, port: rinfo.port } });
    changed(e);
  });
  u.on("error", (err) => {
    if (e.udpBinding) return;
    e.err = errnoOf(err);
    changed(e);
  });
  e.udp = u;
  return u;
}

/**
 * A port in use is asked for again for a short while before EADDRINUSE is reported: programs
 * run side by side on one fixed port (as test suites do) hold it only until they exit.
 */
const ADDRINUSE_RETRY_MS = 1000;
const RETRY_PERIOD_MS = 10;

function retryInUse<T>(attempt: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const again = (): Promise<T> =>
    attempt().catch((err) => {
      if (!(err instanceof Fail) || err.errno !== EADDRINUSE || Date.now() - start >= ADDRINUSE_RETRY_MS) throw err;
      return new Promise<T>((resolve) => setTimeout(() => resolve(again()), RETRY_PERIOD_MS));
    });
  return again();
}

function bindUdp(e: Entry, addr: WireAddr): Promise<null> {
  return retryInUse(() => bindUdpOnce(e, addr));
}

function bindUdpOnce(e: Entry, addr: WireAddr): Promise<null> {
  const u = udpSocket(e);
  e.udpBinding = true;
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      u.off("listening", onListening);
      e.udpBinding = false;
      u.close();
      e.udp = null;
      reject(new Fail(errnoOf(err)));
    };
    const onListening = () => {
      u.off("error", onError);
      e.udpBinding = false;
      changed(e);
      resolve(null);
    };
    u.once("error", onError);
    u.once("listening", onListening);
    u.bind({ address: addr.address, port: addr.port, exclusive: true });
  });
}

function connectUdp(e: Entry, addr: WireAddr): Promise<null> {
  const u = udpSocket(e);
  return new Promise((resolve, reject) => {
    u.connect(addr.port, addr.address, (err?: Error) => (err ? reject(new Fail(errnoOf(err))) : resolve(null)));
  });
}

function sendUdp(e: Entry, req: Extract<NetRequest, { op: "send" }>): number | Promise<number> {
  const u = udpSocket(e);
  const n = req.data.length;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null) => {
      if (!req.wait) return;
      if (err) reject(new Fail(errnoOf(err)));
      else resolve(n);
    };
    try {
      if (req.addr === null) u.send(req.data, done);
      else u.send(req.data, req.addr.port, req.addr.address, done);
    } catch (err) {
      reject(new Fail(errnoOf(err)));
      return;
    }
    if (!req.wait) resolve(n);
  });
}

function recvUdp(e: Entry, n: number, keep: boolean): { data: Uint8Array; from: WireAddr } | null {
  const d = keep ? e.dgrams[0] : e.dgrams.shift();
  if (d === undefined) {
    if (e.err !== 0) {
      const err = e.err;
      e.err = 0;
      changed(e);
      throw new Fail(err);
    }
    return null;
  }
  changed(e);
  return { data: d.data.length > n ? d.data.subarray(0, n) : d.data, from: d.from };
}

// ---------------------------------------------------------------- requests

function lookup(name: string, family: number): Promise<{ family: number; address: string }[]> {
  const fam = family === 2 ? 4 : family === AF_INET6 ? 6 : 0;
  return new Promise((resolve, reject) => {
    dns.lookup(name, { all: true, family: fam }, (err, addrs) => {
      if (err) {
        const code = err.code === "ENOTFOUND" ? EAI_NONAME : err.code === "EAI_AGAIN" ? EAI_AGAIN : EAI_FAIL;
        reject(new Fail(code, err.message));
      } else resolve(addrs.map((a) => ({ family: a.family === 6 ? AF_INET6 : 2, address: a.address })));
    });
  });
}

function closeEntry(id: number, reset: boolean): null {
  const e = entries.get(id);
  if (e === undefined) return null;
  entries.delete(id);
  Atomics.store(ctrl, CTRL_READY + id, 0);
  if (e.stream !== null) {
    const sock = e.stream.sock;
    e.stream.owner = null;
    // Send what is queued, then the FIN; free the descriptor once the data has left. With
    // SO_LINGER at zero the connection is aborted with a RST instead.
    if (reset && !sock.destroyed) sock.resetAndDestroy();
    else sock.end(() => sock.destroy());
  }
  if (e.server !== null) e.server.close();
  for (const s of e.queue) s.sock.destroy();
  if (e.udp !== null) e.udp.close();
  return null;
}

function handle(req: NetRequest): unknown {
  switch (req.op) {
    case "lookup":
      return lookup(req.name, req.family);
    case "open": {
      closeEntry(req.id, false);
      const e = new Entry(req.id, req.family, req.udp, req.reuse);
      entries.set(req.id, e);
      changed(e);
      return null;
    }
    case "bind": {
      const e = entry(req.id);
      if (e.isUdp) return bindUdp(e, req.addr);
      if (e.server !== null || e.stream !== null) throw new Fail(EINVAL);
      return listenTcp(e, req.addr);
    }
    case "listen": {
      const e = entry(req.id);
      if (e.isUdp) throw new Fail(EOPNOTSUPP);
      if (e.stream !== null) throw new Fail(EINVAL);
      const done = () => {
        e.listening = true;
        changed(e);
        return null;
      };
      if (e.server !== null) return done();
      // Not bound: listen on an ephemeral port, as the system does.
      const any = e.family === AF_INET6 ? "::" : "0.0.0.0";
      return listenTcp(e, { family: e.family, address: any, port: 0 }).then(done);
    }
    case "accept":
      return acceptTcp(entry(req.id), req.newId);
    case "connect": {
      const e = entry(req.id);
      return e.isUdp ? connectUdp(e, req.addr) : connectTcp(e, req.addr);
    }
    case "send": {
      const e = entry(req.id);
      return e.isUdp ? sendUdp(e, req) : sendTcp(e, req);
    }
    case "recv": {
      const e = entry(req.id);
      return e.isUdp ? recvUdp(e, req.n, req.peek) : recvTcp(e, req.n, req.peek);
    }
    case "close":
      return closeEntry(req.id, req.reset);
    case "error": {
      const e = entry(req.id);
      const s = e.stream;
      const err = s !== null ? s.err : e.err;
      return err;
    }
  }
}

function failure(seq: number, err: unknown): NetResponse {
  if (err instanceof Fail) return { seq, errno: err.errno, message: err.message };
  return { seq, errno: errnoOf(err), message: String((err as Error)?.message ?? err) };
}

port.on("message", (req: NetRequest) => {
  let r: unknown;
  try {
    r = handle(req);
  } catch (err) {
    reply(failure(req.seq, err));
    return;
  }
  if (r instanceof Promise) {
    r.then(
      (value) => reply({ seq: req.seq, value }),
      (err) => reply(failure(req.seq, err)),
    );
  } else reply({ seq: req.seq, value: r });
});
