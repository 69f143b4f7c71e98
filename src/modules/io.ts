// io: StringIO, BytesIO, IOBase, open(): https://docs.micropython.org/en/latest/library/io.html
//
// Every stream here is a byte buffer with a position (StringIO is UTF-8 inside, as in
// MicroPython, so tell() and seek() count bytes). A file opened with open() is such a buffer
// loaded from the host file system; writes go back to the host on flush() and close(), in
// one piece, so a failed program never leaves a half-written file.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, typeOf, isSubtype } from "../runtime/object.ts";
import { newExc, OSError, typeError, valueError } from "../runtime/exceptions.ts";
import { mkList } from "../runtime/types/list.ts";
import { langHooks } from "../runtime/hooks.ts";
import { host, HostError } from "../runtime/host.ts";
import { callMethod } from "../runtime/attr.ts";
import { toIndex, str } from "../runtime/ops.ts";
import { decodeUtf8 } from "../runtime/types/str.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import type { FunctionSig } from "../runtime/types/function.ts";
import { objectId } from "../runtime/types/type.ts";
import { vfsOpen } from "./vfs.ts";
import { getBufferOrNull, getWritableBuffer } from "../runtime/buffer.ts";

const EBADF = 9;
const EINVAL = 22;
const enc = new TextEncoder();

function mkBytes(u8: Uint8Array): any {
  let s = "";
  for (let i = 0; i < u8.length; i += 8192) s += String.fromCharCode(...u8.subarray(i, i + 8192));
  return langHooks.mkBytes(s);
}

/** The bytes of a bytes-like object (bytes, bytearray, memoryview, array). */
function bufferOf(x: any): Uint8Array {
  const b = typeof x === "string" ? null : getBufferOrNull(x);
  if (b === null) throw typeError("object with buffer protocol required");
  return b.bytes;
}

export class PyStream extends PyObject {
  $buf = new Uint8Array(64);
  $len = 0;
  $pos = 0;
  $closed = false;
  $text = false;
  $readable = true;
  $writable = true;
  $path: string | null = null;
  $dirty = false;
  $append = false;
  /** The file descriptor a file reports (fileno, repr); -1 for in-memory streams. */
  $fd = -1;

  $ensure(n: number): void {
    if (n <= this.$buf.length) return;
    let cap = this.$buf.length * 2;
    while (cap < n) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.$buf.subarray(0, this.$len));
    this.$buf = nb;
  }
  $write(b: Uint8Array): number {
    if (this.$append) this.$pos = this.$len;
    const end = this.$pos + b.length;
    this.$ensure(end);
    if (this.$pos > this.$len) this.$buf.fill(0, this.$len, this.$pos);
    this.$buf.set(b, this.$pos);
    this.$pos = end;
    if (end > this.$len) this.$len = end;
    this.$dirty = true;
    return b.length;
  }
  /**
   * Writes the UTF-8 encoding of `s` at the write position without a temporary array (text
   * writes to in-memory streams: StringIO, print(..., file=)): ASCII is copied by hand, the rest
   * encoded in place.
   */
  $writeText(s: string): void {
    if (this.$append) this.$pos = this.$len;
    const pos = this.$pos;
    this.$ensure(pos + s.length * 3);
    const buf = this.$buf;
    if (pos > this.$len) buf.fill(0, this.$len, pos);
    let n = 0;
    for (; n < s.length; n++) {
      const c = s.charCodeAt(n);
      if (c >= 0x80) break;
      buf[pos + n] = c;
    }
    const end = pos + (n === s.length ? n : n + enc.encodeInto(s.slice(n), buf.subarray(pos + n)).written);
    this.$pos = end;
    if (end > this.$len) this.$len = end;
    this.$dirty = true;
  }
  $read(n: number): Uint8Array {
    const start = Math.min(this.$pos, this.$len);
    const end = n < 0 ? this.$len : Math.min(this.$len, start + n);
    this.$pos = end;
    return this.$buf.slice(start, end);
  }
}

function checkOpen(s: PyStream): void {
  if (s.$closed) throw newExc(ValueErrorT(), "I/O operation on closed file");
}
function ValueErrorT(): PyType {
  return typeOf(valueError(""));
}

function textOut(s: PyStream, b: Uint8Array): any {
  return s.$text ? decodeUtf8(b) : mkBytes(b); // invalid UTF-8: UnicodeError, as MicroPython
}

/** Text streams count characters in read(n): read whole UTF-8 sequences. */
function readChars(s: PyStream, n: number): Uint8Array {
  if (n < 0) return s.$read(-1);
  let i = s.$pos;
  let chars = 0;
  while (i < s.$len && chars < n) {
    const c = s.$buf[i];
    i += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    chars++;
  }
  return s.$read(Math.min(i, s.$len) - s.$pos);
}

function stream_read(self: PyStream, n?: any): any {
  checkOpen(self);
  if (!self.$readable) throw newExc(OSError, EBADF);
  const size = n === undefined || n === None ? -1 : toIndex(n);
  return textOut(self, self.$text ? readChars(self, size) : self.$read(size));
}

function readLineBytes(self: PyStream, limit: number): Uint8Array {
  const start = self.$pos;
  let i = start;
  while (i < self.$len && (limit < 0 || i - start < limit)) {
    if (self.$buf[i++] === 10) break;
  }
  return self.$read(i - start);
}

function stream_readline(self: PyStream, limit?: any): any {
  checkOpen(self);
  if (!self.$readable) throw newExc(OSError, EBADF);
  return textOut(self, readLineBytes(self, limit === undefined || limit === None ? -1 : toIndex(limit)));
}

function stream_readlines(self: PyStream): any {
  checkOpen(self);
  if (!self.$readable) throw newExc(OSError, EBADF);
  const out: any[] = [];
  while (self.$pos < self.$len) out.push(textOut(self, readLineBytes(self, -1)));
  return mkList(out);
}

// write(buf), and MicroPython's write(buf, max_len) / write(buf, off, max_len) (py/stream.c).
function stream_write(self: PyStream, data: any, a?: any, b?: any): any {
  checkOpen(self);
  if (!self.$writable) throw newExc(OSError, EBADF);
  if (a !== undefined) return writeBytes(self, narrowBuffer(bufferOf(data), a, b));
  if (self.$fd >= 0 && self.$fd <= 2) return consoleWrite(self, data);
  if (self.$text) {
    if (typeof data !== "string") throw typeError(`can't convert '${typeOf(data).$name}' object to str implicitly`);
    if (self.$path === null) {
      self.$writeText(data);
      return data.length;
    }
    return writeBytes(self, enc.encode(data)) === 0 ? 0 : data.length;
  }
  if (typeof data === "string") throw typeError("object with buffer protocol required");
  return writeBytes(self, bufferOf(data));
}

/**
 * Writes into the stream's buffer. A file of the host file system (upy, like MicroPython's unix
 * port) is written through at once, so nothing is lost when a program exits without close();
 * a host that defers writes (a board's flash) commits on close()/flush() instead.
 */
function writeBytes(self: PyStream, b: Uint8Array): number {
  const start = self.$append ? self.$len : self.$pos;
  const atEnd = start === self.$len;
  const n = self.$write(b);
  const fs = host.fs;
  if (self.$path === null || fs === null || fs.deferTruncate === true) return n;
  try {
    if (atEnd) fs.writeFile(self.$path, b, true);
    else fs.writeFile(self.$path, self.$buf.subarray(0, self.$len), false);
  } catch (e) {
    if (e instanceof HostError) throw newExc(OSError, e.errno);
    throw e;
  }
  self.$dirty = false;
  return n;
}

/** buf[off:off + max_len] for write(buf, max_len) or write(buf, off, max_len). */
function narrowBuffer(buf: Uint8Array, a: any, b: any): Uint8Array {
  let off = 0;
  let max = toIndex(a);
  if (b !== undefined) {
    off = Math.min(max, buf.length);
    max = toIndex(b);
  }
  return buf.subarray(off, off + Math.max(0, max));
}

function stream_readinto(self: PyStream, buf: any, n?: any): any {
  checkOpen(self);
  if (!self.$readable) throw newExc(OSError, EBADF);
  const target = getWritableBuffer(buf).bytes;
  const want = n === undefined || n === None ? target.length : Math.min(toIndex(n), target.length);
  const got = self.$read(want);
  target.set(got);
  return got.length;
}

function stream_seek(self: PyStream, offset: any, whence?: any): any {
  checkOpen(self);
  const off = toIndex(offset);
  const w = whence === undefined ? 0 : toIndex(whence);
  // POSIX: seeking before the start with SEEK_SET is an error (py/stream.c).
  if (w === 0 && off < 0) throw newExc(OSError, EINVAL);
  let pos = w === 0 ? off : w === 1 ? self.$pos + off : w === 2 ? self.$len + off : -1;
  if (w < 0 || w > 2) throw newExc(OSError, EINVAL);
  if (pos < 0) pos = 0;
  self.$pos = pos;
  return pos;
}

function stream_flush(self: PyStream): any {
  checkOpen(self);
  if (self.$path !== null && self.$dirty) {
    try {
      host.fs!.writeFile(self.$path, self.$buf.subarray(0, self.$len), false);
    } catch (e) {
      if (e instanceof HostError) throw newExc(OSError, e.errno);
      throw e;
    }
    self.$dirty = false;
  }
  return None;
}

function stream_close(self: PyStream): any {
  if (self.$closed) return None;
  stream_flush(self);
  self.$closed = true;
  if (self.$fd > 2) usedFds.delete(self.$fd);
  return None;
}

function stream_getvalue(self: PyStream): any {
  checkOpen(self);
  return textOut(self, self.$buf.slice(0, self.$len));
}

function stream_next(self: PyStream): any {
  const line = stream_readline(self);
  if ((typeof line === "string" && line === "") || (typeof line !== "string" && bufferOf(line).length === 0)) {
    throw newExc(typeOf(newExc(OSError)).$mro[0] === OSError ? StopIterationT() : StopIterationT());
  }
  return line;
}
import { StopIteration } from "../runtime/exceptions.ts";
function StopIterationT(): PyType {
  return StopIteration;
}

const streamMethods = {
  read: builtin("read", stream_read),
  readline: builtin("readline", stream_readline),
  readlines: builtin("readlines", stream_readlines),
  readinto: builtin("readinto", stream_readinto),
  write: builtin("write", stream_write),
  seek: builtin("seek", stream_seek),
  tell: builtin("tell", (self: PyStream) => (checkOpen(self), self.$pos)),
  flush: builtin("flush", stream_flush),
  close: builtin("close", stream_close),
  __enter__: builtin("__enter__", (self: any) => self),
  __exit__: builtin("__exit__", (self: PyStream) => stream_close(self)),
  __iter__: builtin("__iter__", (self: any) => self),
  __next__: builtin("__next__", stream_next),
  __del__: builtin("__del__", stream_close),
};

// ---------------------------------------------------------------- StringIO / BytesIO

export const iobaseType = defineBuiltinType("IOBase", Object.create(PyObject.prototype));
iobaseType.$new = (cls: PyType) => Object.create(cls.$proto);
(iobaseType.$proto as any).$attrsOk = true;

/** A Python object of an io.IOBase subclass: it speaks MicroPython's stream protocol. */
export function isIOBase(o: any): boolean {
  return typeof o === "object" && o !== null && !(o instanceof PyStream) && isSubtype(typeOf(o), iobaseType);
}

/**
 * Writes all of `data` through an IOBase object's write(), as MicroPython's stream layer does:
 * a bytearray per call, again for what a short write left; None is EAGAIN, and a result below 0
 * or above the size asked is EIO.
 */
export function iobaseWrite(o: any, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) {
    const n = streamResult(callMethod(o, "write", [mkByteArray(data.slice(off))], null), data.length - off);
    if (n === 0) break;
    off += n;
  }
}

/**
 * Reads an IOBase object to its end through readinto(), a byte per call as MicroPython's json
 * reads a stream (the same checks as iobaseWrite).
 */
export function iobaseReadAll(o: any): Uint8Array {
  const bytes: number[] = [];
  const buf = mkByteArray(new Uint8Array(1));
  while (streamResult(callMethod(o, "readinto", [buf], null), 1) !== 0) bytes.push(buf.$b[0]);
  return Uint8Array.from(bytes);
}

function streamResult(r: any, asked: number): number {
  if (r === None) throw newExc(OSError, 11); // EAGAIN
  const n = toIndex(r);
  if (n < 0 || n > asked) throw newExc(OSError, 5); // EIO
  return n;
}

function initial(s: PyStream, v: any): void {
  if (v === undefined || v === None) return;
  if (typeof v === "number") {
    s.$ensure(v);
    return;
  }
  const b = s.$text ? enc.encode(str(v)) : bufferOf(v);
  s.$write(b);
  s.$pos = 0;
  s.$dirty = false;
}

/** The common base of every stream type here (holds the `$` methods of PyStream). */
const streamBaseType = defineBuiltinType("stream", PyStream.prototype);

function defineStream(name: string, text: boolean): PyType {
  const proto = Object.create(PyStream.prototype);
  const t = defineBuiltinType(name, proto, streamBaseType);
  t.$new = (cls: PyType, args: any[]) => {
    const s: PyStream = new PyStream();
    Object.setPrototypeOf(s, cls.$proto);
    s.$text = text;
    if (text && args[0] !== undefined && typeof args[0] !== "string" && args[0] !== None && typeof args[0] !== "number")
      throw typeError("can't convert to str implicitly");
    initial(s, args[0]);
    return s;
  };
  addMethods(t, {
    ...streamMethods,
    getvalue: builtin("getvalue", stream_getvalue),
    __repr__: builtin("__repr__", (self: any) => `<io.${name} 0x${objectId(self).toString(16)}>`),
  });
  return t;
}

export const stringIOType = defineStream("StringIO", true);
export const bytesIOType = defineStream("BytesIO", false);
export const textIOWrapperType = defineStream("TextIOWrapper", true);
export const fileIOType = defineStream("FileIO", false);

// ---------------------------------------------------------------- file descriptors

/** Descriptors of open host files: each takes the lowest free number from 3, as POSIX does. */
const usedFds = new Set<number>();

function allocFd(): number {
  let fd = 3;
  while (usedFds.has(fd)) fd++;
  usedFds.add(fd);
  return fd;
}

/** Writes to a stream over the console's descriptors (open(1), open(2)). */
function consoleWrite(self: PyStream, data: any): any {
  const b = self.$text ? enc.encode(typeof data === "string" ? data : str(data)) : bufferOf(data);
  host.write(self.$fd === 2 ? 2 : 1, b);
  return self.$text && typeof data === "string" ? data.length : b.length;
}

/** open(fd, mode): a stream over one of the console's descriptors. */
export function openFd(fd: number, mode: any = "r"): PyStream {
  const f = modeFlags(typeof mode === "string" ? mode : str(mode));
  if (fd < 0 || fd > 2) throw newExc(OSError, EBADF);
  const s = new PyStream();
  Object.setPrototypeOf(s, (f.binary ? fileIOType : textIOWrapperType).$proto);
  s.$text = !f.binary;
  s.$fd = fd;
  s.$readable = f.read;
  s.$writable = f.write;
  return s;
}

function file_repr(self: PyStream): string {
  return `<io.${typeOf(self).$name} ${self.$fd}>`;
}

function file_fileno(self: PyStream): number {
  checkOpen(self);
  return self.$fd;
}

for (const t of [textIOWrapperType, fileIOType]) {
  addMethods(t, { __repr__: builtin("__repr__", file_repr), fileno: builtin("fileno", file_fileno) });
}

// ---------------------------------------------------------------- open()

function modeFlags(mode: string) {
  let read = false, write = false, append = false, truncate = false, plus = false, binary = false, create = false;
  for (const c of mode) {
    if (c === "r") read = true;
    else if (c === "w") (write = true), (truncate = true), (create = true);
    else if (c === "a") (write = true), (append = true), (create = true);
    else if (c === "x") (write = true), (create = true);
    else if (c === "+") plus = true;
    else if (c === "b") binary = true;
    else if (c === "t") binary = false;
    else throw valueError("invalid mode");
  }
  if (plus) read = write = true;
  return { read, write, append, truncate, binary, create };
}

/** open(): resolved through the VFS mount table (modules/vfs.ts), as in MicroPython. */
export function builtinOpen(file: any, mode: any = "r"): any {
  return vfsOpen(file, mode);
}

/** A file about to be created needs an existing parent directory (ENOENT / ENOTDIR otherwise). */
function checkParent(fs: NonNullable<typeof host.fs>, file: string): void {
  const i = file.lastIndexOf("/");
  if (i < 0) return;
  const st = fs.stat(i === 0 ? "/" : file.slice(0, i));
  if (st === null) throw newExc(OSError, 2 /* ENOENT */);
  if (!st.isDir) throw newExc(OSError, 20 /* ENOTDIR */);
}

/** Opens a file of the host file system (VfsPosix.open). */
export function openHostFile(file: string, mode: any = "r"): PyStream {
  if (typeof mode !== "string") mode = str(mode);
  const f = modeFlags(mode);
  const fs = host.fs;
  if (fs === null) throw newExc(OSError, 19 /* ENODEV */);
  const st = fs.stat(file);
  if (st !== null && st.isDir) throw newExc(OSError, 21 /* EISDIR */);
  if (st === null && !f.create) throw newExc(OSError, 2 /* ENOENT */);
  const s = new PyStream();
  Object.setPrototypeOf(s, (f.binary ? fileIOType : textIOWrapperType).$proto);
  s.$text = !f.binary;
  s.$path = file;
  s.$fd = allocFd();
  s.$readable = f.read;
  s.$writable = f.write;
  s.$append = f.append;
  if (st !== null && !f.truncate) {
    const data = fs.readFile(file);
    if (data !== null) {
      s.$write(data);
      s.$pos = f.append ? s.$len : 0;
    }
    s.$dirty = false;
  } else {
    s.$dirty = true;
    // Create or truncate now, as a real open() does; a host with deferTruncate (a board's
    // flash) keeps the old file (or no file) until close()/flush() commits the new contents.
    if (fs.deferTruncate !== true) stream_flush(s);
    else if (st === null) checkParent(fs, file);
  }
  return s;
}
(builtinOpen as any).$sig = {
  names: ["file", "mode", "buffering", "encoding"], posonly: 0, defaults: ["r", -1, None],
  kwonly: [], kwDefaults: [], varargs: false, varkw: false,
} satisfies FunctionSig;

export function makeModule(): Record<string, any> {
  return {
    open: builtin("open", builtinOpen),
    IOBase: iobaseType,
    StringIO: stringIOType,
    BytesIO: bytesIOType,
  };
}

void callMethod;
