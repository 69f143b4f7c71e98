// deflate: https://docs.micropython.org/en/latest/library/deflate.html
// (MicroPython's extmod/moddeflate.c): DeflateIO(stream, format=AUTO, wbits=0, close=False)
// wraps a byte stream, decompressing what is read from it and compressing what is written.
//
// The codec is in deflate_codec.ts. Corrupt data raises OSError(EINVAL); a stream that ends
// early raises EOFError (from the byte source). The wrapped stream is read one byte at a time,
// only as far as decoding needs, and compressed output goes to it byte by byte (for io streams
// the bytes of one write() are passed in one piece: the effect is the same).

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { newExc, EOFError, OSError, osError, typeError, valueError, isPyException, excMatches } from "../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer } from "../runtime/buffer.ts";
import { isTrue, toIndex } from "../runtime/ops.ts";
import { callMethod, loadAttrOrUndefined } from "../runtime/attr.ts";
import { hasKeys, type Kw } from "../runtime/call.ts";
import { mkBytes, mkByteArray } from "../runtime/types/bytes.ts";
import { PyStream } from "./io.ts";
import { Container, Deflater, Inflater, InflateError, adler32, crc32, concat } from "./deflate_codec.ts";

const EINVAL = 22;
const EAGAIN = 11;
const MP_STREAM_CLOSE = 4;

// Format numbers are MicroPython's.
const AUTO = 0;
const RAW = 1;
const ZLIB = 2;
const GZIP = 3;

/** Window size used when wbits is 0: the smallest, as in MicroPython. */
const DEFAULT_WBITS = 8;

export class PyDeflateIO extends PyObject {
  /** The wrapped stream; null once closed. */
  $stream: any = null;
  $format = AUTO;
  $wbits = 0;
  $close = false;
  $inf: Inflater | null = null;
  /** Set after a decoding error: every later read fails too. */
  $broken = false;
  $def: Deflater | null = null;
  $inLen = 0;
  $sum = 0;
}

const deflateIOType = defineBuiltinType("DeflateIO", PyDeflateIO.prototype);

deflateIOType.$new = (cls: PyType, args: any[], kw: Kw) => {
  if (kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
  if (args.length < 1 || args.length > 4) throw typeError(`function takes 4 positional arguments but ${args.length} were given`);
  const format = args.length > 1 ? toIndex(args[1]) : AUTO;
  const wbits = args.length > 2 ? toIndex(args[2]) : 0;
  if (format < AUTO || format > GZIP) throw valueError("format");
  if (wbits !== 0 && (wbits < 5 || wbits > 15)) throw valueError("wbits");
  const o = new PyDeflateIO();
  if (cls !== deflateIOType) Object.setPrototypeOf(o, cls.$proto);
  o.$stream = args[0];
  o.$format = format;
  o.$wbits = wbits;
  o.$close = args.length > 3 ? isTrue(args[3]) : false;
  return o;
};

// ---------------------------------------------------------------- talking to the stream

/** A stream's "errno in a negative return value" convention (Python-level streams). */
function checkResult(r: any): number {
  if (r === None) throw osError(EAGAIN);
  const n = toIndex(r);
  if (n < 0) throw osError(-n);
  return n;
}

/** Returns a function reading one byte from `stream` (EOFError at its end). */
function byteReader(stream: any): () => number {
  if (stream instanceof PyStream) {
    // Fast path for io streams: take bytes straight from the buffer while it is open.
    return () => {
      if (!stream.$closed && stream.$readable && !stream.$text) {
        if (stream.$pos >= stream.$len) throw newExc(EOFError);
        return stream.$buf[stream.$pos++];
      }
      return readOneSlow(stream);
    };
  }
  return () => readOneSlow(stream);
}

function readOneSlow(stream: any): number {
  if (!(stream instanceof PyStream) && loadAttrOrUndefined(stream, "readinto") !== undefined) {
    const b = mkByteArray(new Uint8Array(1));
    if (checkResult(callMethod(stream, "readinto", [b], null)) === 0) throw newExc(EOFError);
    return b.$b[0];
  }
  const got = getBuffer(callMethod(stream, "read", [1], null)).bytes;
  if (got.length === 0) throw newExc(EOFError);
  return got[0];
}

/** Writes bytes to the stream: io streams in one piece, other streams byte by byte. */
function writeOut(stream: any, bytes: Uint8Array | number[], oneWrite = false): void {
  if (bytes.length === 0) return;
  if (stream instanceof PyStream || oneWrite) {
    checkResult(callMethod(stream, "write", [mkByteArray(Uint8Array.from(bytes))], null));
    return;
  }
  for (let i = 0; i < bytes.length; i++) {
    checkResult(callMethod(stream, "write", [mkByteArray(Uint8Array.of(bytes[i]))], null));
  }
}

// ---------------------------------------------------------------- reading

/** Sets up decompression on the first read: parses the zlib/gzip header if there is one. */
function initRead(self: PyDeflateIO): Inflater {
  if (self.$inf !== null) return self.$inf;
  const readByte = byteReader(self.$stream);
  let wbits = self.$wbits;
  let kind = Container.Raw;
  if (self.$format === RAW) {
    if (wbits === 0) wbits = DEFAULT_WBITS;
  } else {
    const h = Inflater.readHeader(readByte);
    if (h === null) throw osError(EINVAL);
    if ((self.$format === ZLIB && h.kind !== Container.Zlib) || (self.$format === GZIP && h.kind !== Container.Gzip))
      throw osError(EINVAL);
    // The header's window is enough; a smaller wbits given by the caller limits it.
    if (wbits === 0 || h.wbits < wbits) wbits = h.wbits;
    kind = h.kind;
  }
  const inf = new Inflater(readByte, wbits);
  inf.setContainer(kind);
  self.$inf = inf;
  return inf;
}

/** Decompresses into out[start..end); returns the new end of data. */
function readInto(self: PyDeflateIO, out: Uint8Array, start: number, end: number): number {
  if (self.$stream === null || self.$broken) throw osError(EINVAL);
  try {
    const inf = initRead(self);
    return inf.inflate(out, start, end);
  } catch (e) {
    self.$broken = true;
    if (e instanceof InflateError) throw osError(EINVAL);
    throw e;
  }
}

function readAll(self: PyDeflateIO): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const buf = new Uint8Array(4096);
    const n = readInto(self, buf, 0, buf.length);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    if (self.$inf!.done) break;
  }
  return concat(chunks);
}

function deflateio_read(self: PyDeflateIO, size: any): any {
  const n = size === undefined || size === None ? -1 : toIndex(size);
  if (n < 0) return mkBytes(readAll(self));
  const buf = new Uint8Array(n);
  if (n === 0) return mkBytes(buf);
  const got = readInto(self, buf, 0, n);
  return mkBytes(got === n ? buf : buf.slice(0, got));
}

function deflateio_readinto(self: PyDeflateIO, b: any, size: any): any {
  const out = getWritableBuffer(b).bytes;
  const n = size === undefined ? out.length : Math.min(out.length, toIndex(size));
  return n === 0 ? 0 : readInto(self, out, 0, n);
}

function deflateio_readline(self: PyDeflateIO, size: any): any {
  const limit = size === undefined || size === None ? -1 : toIndex(size);
  const line: number[] = [];
  const one = new Uint8Array(1);
  while (limit < 0 || line.length < limit) {
    if (readInto(self, one, 0, 1) === 0) break;
    line.push(one[0]);
    if (one[0] === 10) break;
  }
  return mkBytes(Uint8Array.from(line));
}

// ---------------------------------------------------------------- writing

function zlibHeader(wbits: number): number[] {
  const cmf = 0x08 | (Math.max(wbits - 8, 1) << 4);
  let flg = 0x80;
  flg |= 31 - ((cmf * 256 + flg) % 31);
  return [cmf, flg];
}

const GZIP_HEADER = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x04, 0x03]; // mtime 0, fastest, unix

/** Sets up compression on the first write: writes the zlib/gzip header and the block header. */
function initWrite(self: PyDeflateIO): Deflater {
  if (self.$def !== null) return self.$def;
  const wbits = self.$wbits === 0 ? DEFAULT_WBITS : self.$wbits;
  const def = new Deflater(1 << wbits);
  self.$def = def;
  self.$inLen = 0;
  try {
    if (self.$format === ZLIB) {
      writeOut(self.$stream, zlibHeader(wbits), true);
      self.$sum = 1;
    } else if (self.$format === GZIP) {
      writeOut(self.$stream, GZIP_HEADER, true);
      self.$sum = 0;
    }
  } catch (e) {
    if (isPyException(e) && excMatches(e, OSError)) throw osError(EINVAL);
    throw e;
  }
  def.start();
  return def;
}

function deflateio_write(self: PyDeflateIO, data: any): any {
  if (self.$stream === null) throw osError(EINVAL);
  const def = initWrite(self);
  const bytes = getBuffer(data).bytes;
  self.$inLen += bytes.length;
  if (self.$format === ZLIB) self.$sum = adler32(bytes, self.$sum);
  else if (self.$format === GZIP) self.$sum = crc32(bytes, self.$sum);
  def.write(bytes);
  writeOut(self.$stream, def.take());
  return bytes.length;
}

function footer(self: PyDeflateIO): number[] {
  const s = self.$sum;
  if (self.$format === ZLIB) return [(s >>> 24) & 0xff, (s >>> 16) & 0xff, (s >>> 8) & 0xff, s & 0xff];
  const n = self.$inLen;
  return [s & 0xff, (s >>> 8) & 0xff, (s >>> 16) & 0xff, (s >>> 24) & 0xff, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** Ends compression (if writing), closes the wrapped stream if asked to, and detaches it. */
function deflateio_close(self: PyDeflateIO): any {
  const stream = self.$stream;
  if (stream === null) return None;
  try {
    const def = self.$def;
    if (def !== null) {
      def.finish();
      writeOut(stream, def.take());
      if (self.$format === ZLIB || self.$format === GZIP) writeOut(stream, footer(self), true);
    }
  } finally {
    if (self.$close) closeStream(stream);
    self.$stream = null;
  }
  return None;
}

function closeStream(stream: any): void {
  if (!(stream instanceof PyStream) && loadAttrOrUndefined(stream, "ioctl") !== undefined)
    callMethod(stream, "ioctl", [MP_STREAM_CLOSE, 0], null);
  else callMethod(stream, "close", [], null);
}

addMethods(deflateIOType, {
  read: builtin("read", deflateio_read),
  readinto: builtin("readinto", deflateio_readinto),
  readline: builtin("readline", deflateio_readline),
  write: builtin("write", deflateio_write),
  close: builtin("close", deflateio_close),
  __enter__: builtin("__enter__", (self: any) => self),
  __exit__: builtin("__exit__", (self: PyDeflateIO) => deflateio_close(self)),
});

export function makeModule(): Record<string, any> {
  return {
    DeflateIO: deflateIOType,
    AUTO: AUTO,
    RAW: RAW,
    ZLIB: ZLIB,
    GZIP: GZIP,
  };
}
