// socket: https://docs.micropython.org/en/latest/library/socket.html
//
// The unix port's BSD-style blocking sockets (ports/unix/modsocket.c) over Host.net. Addresses
// are raw `struct sockaddr` bytes as on the unix port (getaddrinfo and accept give bytearrays,
// recvfrom bytes); bind/connect/sendto also take (host, port) tuples, as the bare-metal ports
// do. Sockets are streams (read/readinto/readline/write) and poll through their `$ioctl`.
//
// The host only ever answers at once: waiting (blocking mode, timeouts, interrupts) happens
// here, on the readiness bits the host publishes. A socket reaches the host on its first real
// operation, so creating one (or asking its fileno) costs nothing.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { newExc, OSError, osError, typeError } from "../runtime/exceptions.ts";
import { isTrue } from "../runtime/ops.ts";
import { host, HostError, type HostNet, type NetAddr } from "../runtime/host.ts";
import { getBufferOrNull, getBuffer } from "../runtime/buffer.ts";
import { mkBytes, mkByteArray } from "../runtime/types/bytes.ts";
import { mkTuple, PyTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { RT } from "../runtime/helpers.ts";
import { langHooks } from "../runtime/hooks.ts";
import { getInt, getFloat } from "./time.ts";
import { rawio_read, rawio_readinto, rawio_readline, rawio_write } from "./socket_stream.ts";
import { formatIp, parseIp, packSockaddr, unpackSockaddr } from "./socket_addr.ts";

const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
const SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3;
const SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_LINGER = 13;
const MSG_PEEK = 2, MSG_DONTWAIT = 0x40;
const IPPROTO_TCP = 6, IPPROTO_UDP = 17;

const EPERM = 1, EBADF = 9, EAGAIN = 11, EINVAL = 22, EPIPE = 32, EAFNOSUPPORT = 97;
const EOPNOTSUPP = 95, EMFILE = 24, ENOTCONN = 107, ETIMEDOUT = 110, EINPROGRESS = 115;
const EAI_NONAME = -2, EAI_SERVICE = -8, EAI_ADDRFAMILY = -9;

const POLLIN = 0x01, POLLOUT = 0x04, POLLERR = 0x08, POLLHUP = 0x10, POLLNVAL = 0x20;
const MP_STREAM_POLL = 3, MP_STREAM_CLOSE = 4, MP_STREAM_GET_FILENO = 10;

/** Longest single wait between interrupt checks (ms). */
const WAIT_SLICE_MS = 50;
const MAX_FD = 1024;

const enum State { Fresh, Bound, Listening, Connecting, Connected }

// ---------------------------------------------------------------- descriptors and the host

const usedFds = new Set<number>();

/** The lowest free descriptor from 3, as the system hands them out. */
function allocFd(): number {
  let fd = 3;
  while (usedFds.has(fd)) fd++;
  if (fd >= MAX_FD) throw osError(EMFILE);
  usedFds.add(fd);
  return fd;
}

function net(): HostNet {
  const n = host.net;
  if (n === undefined) throw osError(EOPNOTSUPP);
  return n;
}

/** Runs a host operation, turning its errors into OSError. */
function hostCall<T>(f: (n: HostNet) => T): T {
  const n = net();
  try {
    return f(n);
  } catch (e) {
    if (e instanceof HostError) throw osError(e.errno);
    throw e;
  }
}

// ---------------------------------------------------------------- the socket type

export class PySocket extends PyObject {
  $fd: number;
  $family: number;
  $udp: boolean;
  $blocking = true;
  /** Timeout of blocking operations in ms; -1: none. */
  $timeout = -1;
  /** The host knows this socket. */
  $opened = false;
  $state = State.Fresh;
  $reuse = false;
  /** SO_LINGER on with a zero time: close() aborts the connection. */
  $abort = false;
  /** The sender of the last datagram read. */
  $from: NetAddr | null = null;

  constructor(fd: number, family: number, udp: boolean) {
    super();
    this.$fd = fd;
    this.$family = family;
    this.$udp = udp;
  }

  /** One read (the stream protocol): read() turns a blocking timeout into ETIMEDOUT. */
  $rawRead(n: number): Uint8Array | null {
    return sockRead(this, n, ETIMEDOUT, 0);
  }

  $rawWrite(b: Uint8Array): number | null {
    return sockWrite(this, b, null);
  }

  /** The stream ioctl: poll, close and fileno requests (select.poll uses it). */
  $ioctl(req: number, arg: number): number {
    if (req === MP_STREAM_POLL) {
      const r = sockReady(this);
      return (r & arg & (POLLIN | POLLOUT)) | (r & (POLLERR | POLLHUP | POLLNVAL));
    }
    if (req === MP_STREAM_CLOSE) {
      sockClose(this);
      return 0;
    }
    if (req === MP_STREAM_GET_FILENO) return this.$fd;
    return -EINVAL;
  }
}

export const socketType: PyType = defineBuiltinType("socket", PySocket.prototype);
// select.poll may sleep in Host.net.wait for sockets: their readiness changes wake it.
(PySocket.prototype as any).$netWakes = true;

socketType.$new = (cls: PyType, args: any[], kw: any) => {
  if (kw !== null && kw !== undefined && Object.keys(kw).length > 0) throw typeError("function doesn't take keyword arguments");
  if (args.length > 3) throw typeError("function expected at most 3 arguments");
  const family = args.length > 0 ? getInt(args[0]) : AF_INET;
  const type = args.length > 1 ? getInt(args[1]) : SOCK_STREAM;
  const proto = args.length > 2 ? getInt(args[2]) : 0;
  // AF_UNIX and the rest: only IP sockets are bridged.
  if (family !== AF_INET && family !== AF_INET6) throw osError(EAFNOSUPPORT);
  if (type === SOCK_RAW) throw osError(EPERM);
  if (type !== SOCK_STREAM && type !== SOCK_DGRAM) throw osError(EINVAL);
  const want = type === SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
  if (proto !== 0 && proto !== want) throw osError(93 /* EPROTONOSUPPORT */);
  const s = new PySocket(allocFd(), family, type === SOCK_DGRAM);
  if (cls !== socketType) Object.setPrototypeOf(s, cls.$proto);
  return s;
};

function checkSock(self: any): PySocket {
  if (!(self instanceof PySocket)) throw typeError("socket object expected");
  return self;
}

function checkFd(s: PySocket): void {
  if (s.$fd < 0) throw osError(EBADF);
}

/** Makes the host know the socket. */
function ensureOpen(s: PySocket): HostNet {
  const n = net();
  if (!s.$opened) {
    hostCall((h) => h.open(s.$fd, s.$family, s.$udp, s.$reuse));
    s.$opened = true;
  }
  return n;
}

/** Poll bits of a socket; a socket the host does not know yet answers as Linux does. */
function sockReady(s: PySocket): number {
  if (s.$fd < 0) return POLLNVAL;
  if (!s.$opened) return s.$udp ? POLLOUT : POLLOUT | POLLHUP;
  return net().readiness(s.$fd);
}

/** Waits until `mask` (or an error) is ready; false when the socket's timeout passes first. */
function waitFor(s: PySocket, mask: number): boolean {
  const n = net();
  const limit = s.$timeout;
  const start = limit >= 0 ? host.monotonicMs() : 0;
  for (;;) {
    if ((n.readiness(s.$fd) & (mask | POLLERR | POLLHUP)) !== 0) return true;
    let slice = WAIT_SLICE_MS;
    if (limit >= 0) {
      const left = limit - (host.monotonicMs() - start);
      if (left <= 0) return false;
      slice = Math.min(slice, Math.ceil(left));
    }
    n.wait(slice);
    if (RT.intr[0] !== 0) langHooks.checkIntr();
  }
}

/**
 * One read of up to n bytes: data (empty at end of stream), or null when a non-blocking socket
 * has none. `timeoutErrno`: what a blocking socket's timeout raises (recv: EAGAIN, as the unix
 * port's SO_RCVTIMEO; read: ETIMEDOUT). `flags`: MSG_PEEK and MSG_DONTWAIT count.
 */
function sockRead(s: PySocket, n: number, timeoutErrno: number, flags: number): Uint8Array | null {
  checkFd(s);
  if (!s.$udp && s.$state !== State.Connected && s.$state !== State.Connecting) throw osError(ENOTCONN);
  const h = ensureOpen(s);
  for (;;) {
    if ((h.readiness(s.$fd) & (POLLIN | POLLERR | POLLHUP)) !== 0) {
      const r = hostCall((x) => x.recv(s.$fd, n, (flags & MSG_PEEK) !== 0));
      if (r !== null) {
        s.$from = r.from;
        return r.data;
      }
    }
    if (!s.$blocking || (flags & MSG_DONTWAIT) !== 0) return null;
    if (!waitFor(s, POLLIN)) throw osError(timeoutErrno);
  }
}

/** One write (to `to` for datagrams): the count sent, or null when a non-blocking socket is full. */
function sockWrite(s: PySocket, b: Uint8Array, to: NetAddr | null): number | null {
  checkFd(s);
  if (!s.$udp && s.$state !== State.Connected && s.$state !== State.Connecting) throw osError(EPIPE);
  ensureOpen(s);
  for (;;) {
    const r = hostCall((h) => h.send(s.$fd, b, to, s.$blocking));
    if (r !== null) return r;
    if (!s.$blocking) return null;
    if (!waitFor(s, POLLOUT)) throw osError(ETIMEDOUT);
  }
}

function sockClose(s: PySocket): void {
  if (s.$fd < 0) return;
  const fd = s.$fd;
  s.$fd = -1;
  usedFds.delete(fd);
  if (s.$opened) hostCall((h) => h.close(fd, s.$abort));
}

// ---------------------------------------------------------------- addresses

/** The host and port of an address argument: sockaddr bytes or a (host, port) tuple. */
function addrArg(s: PySocket, a: any): NetAddr {
  if (a instanceof PyTuple) {
    if (a.$a.length < 2) throw typeError("expected (host, port)");
    const name = a.$a[0];
    if (typeof name !== "string") throw typeError("can't convert to str implicitly");
    const port = getInt(a.$a[1]);
    if (name === "") return { family: s.$family, address: s.$family === AF_INET6 ? "::" : "0.0.0.0", port };
    const addrs = resolve(name, s.$family);
    return { family: addrs[0].family, address: addrs[0].address, port };
  }
  const b = getBufferOrNull(a);
  if (b === null || typeof a === "string") throw typeError("object with buffer protocol required");
  const addr = unpackSockaddr(b.bytes);
  if (addr === null) throw osError(EAFNOSUPPORT);
  return addr;
}

/** Addresses of a host name or literal, IPv4 or IPv6 (family 0: both). */
function resolve(name: string, family: number): { family: number; address: string }[] {
  const lit = parseIp(name);
  if (lit !== null) {
    if (family !== 0 && lit.family !== family) throw addrinfoError(EAI_ADDRFAMILY);
    return [{ family: lit.family, address: formatIp(lit.bytes) }];
  }
  try {
    return net().getaddrinfo(name, family);
  } catch (e) {
    if (e instanceof HostError) throw addrinfoError(e.errno < 0 ? e.errno : EAI_NONAME);
    throw e;
  }
}

function addrinfoError(code: number) {
  return newExc(OSError, `[addrinfo error ${code}]`);
}

// ---------------------------------------------------------------- methods

function socket_fileno(self: any) {
  return checkSock(self).$fd;
}

function socket_bind(self: any, addr: any) {
  const s = checkSock(self);
  checkFd(s);
  const a = addrArg(s, addr);
  ensureOpen(s);
  hostCall((h) => h.bind(s.$fd, a));
  if (!s.$udp) s.$state = State.Bound;
  return None;
}

function socket_listen(self: any, backlog?: any) {
  const s = checkSock(self);
  checkFd(s);
  const n = backlog === undefined ? 2 : Math.max(0, getInt(backlog));
  ensureOpen(s);
  hostCall((h) => h.listen(s.$fd, n));
  s.$state = State.Listening;
  return None;
}

function socket_accept(self: any) {
  const s = checkSock(self);
  checkFd(s);
  if (s.$state !== State.Listening) throw osError(EINVAL);
  const h = net();
  for (;;) {
    if ((h.readiness(s.$fd) & POLLIN) !== 0) {
      const fd = allocFd();
      let a: NetAddr | null;
      try {
        a = hostCall((x) => x.accept(s.$fd, fd));
      } catch (e) {
        usedFds.delete(fd);
        throw e;
      }
      if (a !== null) {
        const c = new PySocket(fd, s.$family, false);
        c.$opened = true;
        c.$state = State.Connected;
        return mkTuple([c, mkByteArray(packSockaddr(a))]);
      }
      usedFds.delete(fd);
    }
    if (!s.$blocking) throw osError(EAGAIN);
    if (!waitFor(s, POLLIN)) throw osError(ETIMEDOUT);
  }
}

function socket_connect(self: any, addr: any) {
  const s = checkSock(self);
  checkFd(s);
  const a = addrArg(s, addr);
  const h = ensureOpen(s);
  hostCall((x) => x.connect(s.$fd, a));
  if (s.$udp) return None;
  s.$state = State.Connecting;
  if (!s.$blocking) throw osError(EINPROGRESS);
  if (!waitFor(s, POLLOUT)) throw osError(ETIMEDOUT);
  if ((h.readiness(s.$fd) & POLLERR) !== 0) {
    const err = hostCall((x) => x.error(s.$fd));
    throw osError(err !== 0 ? err : 111 /* ECONNREFUSED */);
  }
  s.$state = State.Connected;
  return None;
}

function socket_recv(self: any, n: any, flags?: any) {
  const s = checkSock(self);
  const size = getInt(n);
  const r = sockRead(s, Math.max(0, size), EAGAIN, flags === undefined ? 0 : getInt(flags));
  if (r === null) throw osError(EAGAIN);
  return mkBytes(r.slice());
}

function socket_recvfrom(self: any, n: any, flags?: any) {
  const s = checkSock(self);
  const size = getInt(n);
  s.$from = null;
  const r = sockRead(s, Math.max(0, size), EAGAIN, flags === undefined ? 0 : getInt(flags));
  if (r === null) throw osError(EAGAIN);
  const from = s.$from ?? { family: s.$family, address: s.$family === AF_INET6 ? "::" : "0.0.0.0", port: 0 };
  return mkTuple([mkBytes(r.slice()), mkBytes(packSockaddr(from))]);
}

function sendData(s: PySocket, data: any, to: NetAddr | null): number {
  const b = getBuffer(data).bytes;
  const n = sockWrite(s, b, to);
  if (n === null) throw osError(EAGAIN);
  return n;
}

function socket_send(self: any, data: any, flags?: any) {
  const s = checkSock(self);
  if (flags !== undefined) getInt(flags);
  return sendData(s, data, null);
}

function socket_sendall(self: any, data: any, flags?: any) {
  const s = checkSock(self);
  if (flags !== undefined) getInt(flags);
  const len = getBuffer(data).bytes.length;
  if (sendData(s, data, null) !== len) throw osError(4 /* EINTR */);
  return None;
}

function socket_sendto(self: any, data: any, a: any, b?: any) {
  const s = checkSock(self);
  let dest = a;
  if (b !== undefined) {
    getInt(a);
    dest = b;
  }
  checkFd(s);
  return sendData(s, data, addrArg(s, dest));
}

function socket_setsockopt(self: any, level: any, opt: any, value: any) {
  const s = checkSock(self);
  if (value === undefined) throw typeError("function takes 4 positional arguments but 3 were given");
  const lv = getInt(level), o = getInt(opt);
  const buf = typeof value !== "number" && typeof value !== "boolean" ? getBuffer(value).bytes : null;
  checkFd(s);
  if (lv === SOL_SOCKET && o === SO_REUSEADDR) s.$reuse = isTrue(value);
  // struct linger { int l_onoff; int l_linger; }: on with a zero time makes close() abort.
  if (lv === SOL_SOCKET && o === SO_LINGER && buf !== null && buf.length >= 8) {
    const dv = new DataView(buf.buffer, buf.byteOffset, 8);
    s.$abort = dv.getInt32(0, true) !== 0 && dv.getInt32(4, true) === 0;
  }
  return None;
}

function socket_setblocking(self: any, flag: any) {
  const s = checkSock(self);
  checkFd(s);
  s.$blocking = isTrue(flag);
  return None;
}

function socket_settimeout(self: any, t: any) {
  const s = checkSock(self);
  checkFd(s);
  if (t === None) {
    s.$timeout = -1;
    s.$blocking = true;
    return None;
  }
  const v = getFloat(t);
  const sec = Math.trunc(v);
  const usec = Math.round((v - sec) * 1e6);
  if (sec === 0 && usec === 0) {
    s.$blocking = false; // the system's timeout stays as it was
    return None;
  }
  s.$timeout = v < 0 ? -1 : sec * 1000 + usec / 1000;
  s.$blocking = true;
  return None;
}

function socket_close(self: any) {
  sockClose(checkSock(self));
  return None;
}

function socket_makefile(self: any, _mode?: any, _buffering?: any) {
  // The unix port wraps the same descriptor in a file object; a socket already is a stream.
  return checkSock(self);
}

function socket_repr(self: any) {
  return `<_socket ${checkSock(self).$fd}>`;
}

addMethods(socketType, {
  fileno: builtin("fileno", socket_fileno),
  makefile: builtin("makefile", socket_makefile),
  read: builtin("read", (self: any, n?: any) => rawio_read(checkSock(self), n)),
  readinto: builtin("readinto", (self: any, b: any, n?: any) => rawio_readinto(checkSock(self), b, n)),
  readline: builtin("readline", (self: any, n?: any) => rawio_readline(checkSock(self), n)),
  write: builtin("write", (self: any, b: any, x?: any, y?: any) => rawio_write(checkSock(self), b, x, y)),
  connect: builtin("connect", socket_connect),
  bind: builtin("bind", socket_bind),
  listen: builtin("listen", socket_listen),
  accept: builtin("accept", socket_accept),
  recv: builtin("recv", socket_recv),
  recvfrom: builtin("recvfrom", socket_recvfrom),
  send: builtin("send", socket_send),
  sendall: builtin("sendall", socket_sendall),
  sendto: builtin("sendto", socket_sendto),
  setsockopt: builtin("setsockopt", socket_setsockopt),
  setblocking: builtin("setblocking", socket_setblocking),
  settimeout: builtin("settimeout", socket_settimeout),
  close: builtin("close", socket_close),
  __repr__: builtin("__repr__", socket_repr),
});

// ---------------------------------------------------------------- module functions

/** getaddrinfo(host, port, af=0, type=0, proto=0, flags=0) */
function socket_getaddrinfo(name: any, port: any, af?: any, type?: any, proto?: any, flags?: any) {
  if (port === undefined) throw typeError("function missing required positional argument");
  if (typeof name !== "string") throw typeError("can't convert to str implicitly");
  const p = servicePort(port);
  const fam = af === undefined ? 0 : getInt(af);
  const ty = type === undefined ? 0 : getInt(type);
  const pr = proto === undefined ? 0 : getInt(proto);
  if (flags !== undefined) getInt(flags);
  const kinds: [number, number][] = [[SOCK_STREAM, IPPROTO_TCP], [SOCK_DGRAM, IPPROTO_UDP], [SOCK_RAW, 0]];
  const out: any[] = [];
  for (const a of resolve(name, fam)) {
    for (const [t, defProto] of kinds) {
      if (ty !== 0 && ty !== t) continue;
      if (pr !== 0 && t !== SOCK_RAW && pr !== defProto) continue;
      const sa = packSockaddr({ family: a.family, address: a.address, port: p });
      out.push(mkTuple([a.family, t, ty === SOCK_RAW || t === SOCK_RAW ? pr : defProto, None, mkByteArray(sa)]));
    }
  }
  return mkList(out);
}

/** A port argument: an int (taken modulo 2**16, as the unix port does) or a numeric string. */
function servicePort(port: any): number {
  if (typeof port === "number") return port & 0xffff;
  if (typeof port !== "string") throw typeError("can't convert to str implicitly");
  if (!/^[0-9]+$/.test(port) || Number(port) > 65535) throw addrinfoError(EAI_SERVICE);
  return Number(port);
}

function socket_inet_pton(af: any, s: any) {
  const fam = getInt(af);
  if (typeof s !== "string") throw typeError("can't convert to str implicitly");
  if (fam !== AF_INET && fam !== AF_INET6) throw osError(EAFNOSUPPORT);
  const ip = parseIp(s);
  if (ip === null || ip.family !== fam) throw osError(EINVAL);
  return mkBytes(ip.bytes);
}

function socket_inet_ntop(af: any, packed: any) {
  const fam = getInt(af);
  const b = getBuffer(packed).bytes;
  if (fam === AF_INET && b.length >= 4) return formatIp(b.subarray(0, 4));
  if (fam === AF_INET6 && b.length >= 16) return formatIp(b.subarray(0, 16));
  throw osError(fam === AF_INET || fam === AF_INET6 ? EINVAL : EAFNOSUPPORT);
}

/** sockaddr(bytes): (AF_INET, addr, port) or (AF_INET6, addr, port, flowinfo, scope_id). */
function socket_sockaddr(sa: any) {
  const b = getBuffer(sa).bytes;
  const fam = b.length >= 2 ? b[0] | (b[1] << 8) : 0;
  const port = b.length >= 4 ? (b[2] << 8) | b[3] : 0;
  if (fam === AF_INET) return mkTuple([AF_INET, mkBytes(b.slice(4, 8)), port]);
  if (fam === AF_INET6) {
    const be32 = (i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
    return mkTuple([AF_INET6, mkBytes(b.slice(8, 24)), port, be32(4), be32(24)]);
  }
  return mkTuple([fam, mkBytes(b.slice(2))]);
}

export function makeModule(): Record<string, any> {
  return {
    socket: socketType,
    getaddrinfo: builtin("getaddrinfo", socket_getaddrinfo),
    inet_pton: builtin("inet_pton", socket_inet_pton),
    inet_ntop: builtin("inet_ntop", socket_inet_ntop),
    sockaddr: builtin("sockaddr", socket_sockaddr),
    AF_UNIX,
    AF_INET,
    AF_INET6,
    SOCK_STREAM,
    SOCK_DGRAM,
    SOCK_RAW,
    MSG_DONTROUTE: 4,
    MSG_DONTWAIT: 0x40,
    MSG_PEEK: 2,
    SOL_SOCKET,
    SO_BROADCAST: 6,
    SO_ERROR: 4,
    SO_KEEPALIVE: 9,
    SO_LINGER: 13,
    SO_REUSEADDR,
    IP_ADD_MEMBERSHIP: 35,
    IP_DROP_MEMBERSHIP: 36,
  };
}
