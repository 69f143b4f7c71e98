// websocket: WebSocket framing over any stream (MicroPython's extmod/modwebsocket.c, used by
// webrepl). Reads unwrap frames (masked or not, 7- and 16-bit lengths; control frames are
// consumed, a close frame is answered and reads as end of stream); writes send each call as one
// unmasked frame of the current data type (text unless ioctl(SET_DATA_OPTS) says otherwise).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { osError, typeError } from "../runtime/exceptions.ts";
import { callMethod } from "../runtime/attr.ts";
import { getBufferOrNull } from "../runtime/buffer.ts";
import { getInt } from "./time.ts";
import {
  checkStream, rawRead, writeExactly, rawio_read, rawio_readinto, rawio_readline, rawio_write,
} from "./socket_stream.ts";

const FRAME_OPCODE_MASK = 0x0f;
const FRAME_CONT = 0, FRAME_TXT = 1, FRAME_CLOSE = 8;
/** In `opts`: make the stream blocking while a frame is written. */
const BLOCKING_WRITE = 0x80;

const EIO = 5, EINVAL = 22, ENOBUFS = 105;
const MP_STREAM_CLOSE = 4, MP_STREAM_GET_DATA_OPTS = 8, MP_STREAM_SET_DATA_OPTS = 9;

const enum St { Header, Opt, Payload, Control }

const CLOSE_REPLY = new Uint8Array([0x88, 0]);

class PyWebsocket extends PyObject {
  $sock: any = None;
  $state = St.Header;
  /** Header bytes still to read into $buf. */
  $toRecv = 2;
  $buf = new Uint8Array(6);
  $bufPos = 0;
  $msgSz = 0;
  $mask = new Uint8Array(4);
  $maskPos = 0;
  $opts = FRAME_TXT;
  /** Flags of the last data frame (its opcode is what GET_DATA_OPTS reports). */
  $wsFlags = 0;
  /** Flags of the current frame. */
  $lastFlags = 0;

  $rawRead(size: number): Uint8Array | null {
    for (;;) {
      if (this.$toRecv !== 0) {
        const got = rawRead(this.$sock, this.$toRecv);
        if (got === null || got.length === 0) return got;
        this.$buf.set(got, this.$bufPos);
        this.$bufPos += got.length;
        this.$toRecv -= got.length;
        if (this.$toRecv !== 0) return null; // a partial header: MicroPython reports EAGAIN
      }
      if (this.$state === St.Header) this.$header();
      else if (this.$state === St.Opt) this.$opt();
      else {
        const r = this.$payload(size);
        if (r !== undefined) return r;
      }
    }
  }

  private $header(): void {
    const b0 = this.$buf[0], b1 = this.$buf[1];
    this.$lastFlags = b0;
    // Control frames may come in the middle of a fragmented message: they keep $wsFlags.
    if ((b0 & FRAME_OPCODE_MASK) === FRAME_CONT) this.$wsFlags = (this.$wsFlags & FRAME_OPCODE_MASK) | (b0 & ~FRAME_OPCODE_MASK);
    else this.$wsFlags = b0;
    this.$mask.fill(0);
    let toRecv = 0;
    const sz = b1 & 0x7f;
    if (sz === 126) toRecv += 2;
    else if (sz === 127) {
      // 64-bit lengths are not supported: the framing is lost.
      callMethod(this.$sock, "close", [], null);
      throw osError(EIO);
    }
    if (b1 & 0x80) toRecv += 4;
    this.$bufPos = 0;
    this.$toRecv = toRecv;
    this.$msgSz = sz;
    if (toRecv !== 0) this.$state = St.Opt;
    else this.$state = (b0 & FRAME_OPCODE_MASK) >= FRAME_CLOSE ? St.Control : St.Payload;
  }

  private $opt(): void {
    const n = this.$bufPos;
    if (n & 2) this.$msgSz = (this.$buf[0] << 8) | this.$buf[1];
    if (n & 4) this.$mask.set(this.$buf.subarray(n - 4, n));
    this.$bufPos = 0;
    this.$state = (this.$lastFlags & FRAME_OPCODE_MASK) >= FRAME_CLOSE ? St.Control : St.Payload;
  }

  /** Reads payload; returns the bytes for the caller, or undefined to go on with the next frame. */
  private $payload(size: number): Uint8Array | null | undefined {
    let data: Uint8Array | null = null;
    if (this.$msgSz !== 0) {
      const got = rawRead(this.$sock, Math.min(size, this.$msgSz));
      if (got === null || got.length === 0) return got;
      data = got.slice();
      for (let i = 0; i < data.length; i++) data[i] ^= this.$mask[this.$maskPos++ & 3];
      this.$msgSz -= data.length;
    }
    if (this.$msgSz === 0) {
      const last = this.$state;
      this.$state = St.Header;
      this.$toRecv = 2;
      this.$maskPos = 0;
      this.$bufPos = 0;
      if (last === St.Control) {
        if ((this.$lastFlags & FRAME_OPCODE_MASK) === FRAME_CLOSE) {
          try {
            this.$writeRaw(CLOSE_REPLY, CLOSE_REPLY.subarray(2));
          } catch {
            // the peer is going away: a failed reply changes nothing
          }
          return new Uint8Array(0);
        }
        return undefined; // ping/pong: ignored
      }
    }
    // An empty data frame is not the end of the stream.
    return data !== null && data.length !== 0 ? data : undefined;
  }

  $rawWrite(b: Uint8Array): number | null {
    if (b.length >= 0x10000) throw osError(ENOBUFS);
    const op = 0x80 | (this.$opts & FRAME_OPCODE_MASK);
    const header = b.length < 126
      ? new Uint8Array([op, b.length])
      : new Uint8Array([op, 126, b.length >> 8, b.length & 0xff]);
    return this.$writeRaw(header, b);
  }

  $writeRaw(header: Uint8Array, b: Uint8Array): number {
    const blocking = (this.$opts & BLOCKING_WRITE) !== 0;
    if (blocking) callMethod(this.$sock, "setblocking", [true], null);
    try {
      writeExactly(this.$sock, header);
      writeExactly(this.$sock, b);
    } finally {
      if (blocking) callMethod(this.$sock, "setblocking", [false], null);
    }
    return b.length;
  }

  $ioctl(req: number, arg: number): number {
    switch (req) {
      case MP_STREAM_CLOSE:
        callMethod(this.$sock, "close", [], null);
        return 0;
      case MP_STREAM_GET_DATA_OPTS:
        return this.$wsFlags & FRAME_OPCODE_MASK;
      case MP_STREAM_SET_DATA_OPTS: {
        const cur = this.$opts & FRAME_OPCODE_MASK;
        this.$opts = (this.$opts & ~FRAME_OPCODE_MASK) | (arg & FRAME_OPCODE_MASK);
        return cur;
      }
      default:
        return -EINVAL;
    }
  }
}

const websocketType: PyType = defineBuiltinType("websocket", PyWebsocket.prototype);

websocketType.$new = (cls: PyType, args: any[], kw: any) => {
  if (kw !== null && kw !== undefined && Object.keys(kw).length > 0) throw typeError("function doesn't take keyword arguments");
  if (args.length < 1 || args.length > 2) throw typeError(`function takes 2 positional arguments but ${args.length} were given`);
  checkStream(args[0]);
  const o = new PyWebsocket();
  if (cls !== websocketType) Object.setPrototypeOf(o, cls.$proto);
  o.$sock = args[0];
  if (args.length > 1 && args[1] === true) o.$opts |= BLOCKING_WRITE;
  return o;
};

function checkWs(self: any): PyWebsocket {
  if (!(self instanceof PyWebsocket)) throw typeError("websocket object expected");
  return self;
}

/** ioctl(request[, arg]) as MicroPython's generic stream ioctl: errors raise OSError. */
function websocket_ioctl(self: any, req: any, arg?: any) {
  const ws = checkWs(self);
  let val = 0;
  if (arg !== undefined) {
    const b = typeof arg === "object" ? getBufferOrNull(arg) : null;
    val = b !== null ? 0 : getInt(arg);
  }
  const r = ws.$ioctl(getInt(req), val);
  if (r < 0) throw osError(-r);
  return r;
}

addMethods(websocketType, {
  read: builtin("read", (self: any, n?: any) => rawio_read(checkWs(self), n)),
  readinto: builtin("readinto", (self: any, b: any, n?: any) => rawio_readinto(checkWs(self), b, n)),
  readline: builtin("readline", (self: any, n?: any) => rawio_readline(checkWs(self), n)),
  write: builtin("write", (self: any, b: any, x?: any, y?: any) => rawio_write(checkWs(self), b, x, y)),
  ioctl: builtin("ioctl", websocket_ioctl),
  close: builtin("close", (self: any) => {
    checkWs(self).$ioctl(MP_STREAM_CLOSE, 0);
    return None;
  }),
});

export function makeModule(): Record<string, any> {
  return { websocket: websocketType };
}
