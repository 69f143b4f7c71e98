// machine.I2C / SoftI2C, machine.SPI / SoftSPI, machine.UART.
// https://docs.micropython.org/en/latest/library/machine.I2C.html (SPI.html, UART.html)
//
// Transfers go to the HAL as whole transactions between the bus's pins; the primitive I2C
// operations (start, write, readinto, stop) of SoftI2C are built on the same transactions.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../../runtime/object.ts";
import { typeError, valueError, osError, newExc, OSError } from "../../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer } from "../../runtime/buffer.ts";
import { toArray } from "../../runtime/ops.ts";
import { mkBytes } from "../../runtime/types/bytes.ts";
import { mkList } from "../../runtime/types/list.ts";
import type { Kw } from "../../runtime/call.ts";
import { PinMode, type Hal } from "./hal.ts";
import { PyIrq, type PinApi } from "./pin.ts";
import { kwMethod, parseArgs, int, isNone, bool, schedule, checkCallable, type Param } from "./common.ts";

const EIO = 5;
const ENODEV = 19;
const ETIMEDOUT = 110;

// ---------------------------------------------------------------- I2C

class PyI2c extends PyObject {
  $id = -1;
  $scl = 0;
  $sda = 0;
  $freq = 400000;
  $timeout = 50000;
  $soft = false;
  /** Primitive operations: the address byte sent after start(), bytes written since. */
  $addrByte = -1;
  $pending: number[] = [];
}

export function makeI2c(hal: Hal, pins: PinApi): { i2c: PyType; softI2c: PyType } {
  const i2c = defineBuiltinType("I2C", PyI2c.prototype);
  const softI2c = defineBuiltinType("SoftI2C", Object.create(i2c.$proto), i2c);
  const nackErrno = (self: PyI2c) => (!self.$soft && hal.port === "rp2" ? EIO : ENODEV);

  const setup = (self: PyI2c) => {
    hal.pinConfigure(self.$scl, PinMode.Alt, 0, null);
    hal.pinConfigure(self.$sda, PinMode.Alt, 0, null);
  };

  i2c.$new = (cls: PyType, args: any[], kw: Kw) => {
    const o: PyI2c = Object.create(cls.$proto);
    Object.assign(o, new PyI2c());
    Object.setPrototypeOf(o, cls.$proto);
    if (cls === softI2c || cls.$mro.includes(softI2c)) {
      const a = parseArgs(args, kw, [["scl"], ["sda"], ["freq", 400000], ["timeout", 50000]]);
      o.$soft = true;
      o.$scl = pins.id(a[0]);
      o.$sda = pins.id(a[1]);
      o.$freq = int(a[2]);
      o.$timeout = int(a[3]);
    } else {
      const a = parseArgs(args, kw, [["id", hal.port === "stm32" ? 1 : 0], ["scl", None, true], ["sda", None, true], ["freq", 400000, true], ["timeout", 50000, true]]);
      const id = int(a[0]);
      const dflt = hal.busPins("i2c", id);
      if (dflt === null) throw valueError(`I2C(${id}) doesn't exist`);
      o.$id = id;
      o.$scl = isNone(a[1]) ? dflt.scl : pins.id(a[1]);
      o.$sda = isNone(a[2]) ? dflt.sda : pins.id(a[2]);
      o.$freq = int(a[3]);
      o.$timeout = int(a[4]);
    }
    setup(o);
    return o;
  };
  softI2c.$new = i2c.$new;

  const transfer = (self: PyI2c, addr: number, write: Uint8Array | null, readLen: number, stop: boolean): Uint8Array => {
    const r = hal.i2cTransfer(self.$scl, self.$sda, addr & 0x7f, write, readLen, stop);
    if (r === null) throw osError(nackErrno(self));
    return r;
  };

  const memAddr = (mem: number, addrsize: number): Uint8Array => {
    if (addrsize < 8 || addrsize > 32 || addrsize % 8 !== 0) throw valueError("invalid addrsize");
    const n = addrsize / 8;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (mem >>> (8 * (n - 1 - i))) & 0xff;
    return out;
  };

  const cat = (a: Uint8Array, b: Uint8Array) => {
    const o = new Uint8Array(a.length + b.length);
    o.set(a);
    o.set(b, a.length);
    return o;
  };

  const primitive = (self: PyI2c) => {
    if (!self.$soft) throw newExc(OSError, "I2C operation not supported");
  };

  /** Sends what primitive writes collected (at stop or a repeated start). */
  const flushPrimitive = (self: PyI2c) => {
    if (self.$addrByte >= 0 && (self.$addrByte & 1) === 0 && self.$pending.length > 0) {
      hal.i2cTransfer(self.$scl, self.$sda, self.$addrByte >> 1, Uint8Array.from(self.$pending), 0, true);
    }
    self.$pending = [];
  };

  addMethods(i2c, {
    init: kwMethod("init", [["scl", None, true], ["sda", None, true], ["freq", None, true], ["timeout", None, true]], (self: PyI2c, a) => {
      if (!isNone(a[0])) self.$scl = pins.id(a[0]);
      if (!isNone(a[1])) self.$sda = pins.id(a[1]);
      if (!isNone(a[2])) self.$freq = int(a[2]);
      setup(self);
      return None;
    }),
    deinit: builtin("deinit", () => None),
    scan: builtin("scan", (self: PyI2c) => mkList(hal.i2cScan(self.$scl, self.$sda).filter((a) => a >= 0x08 && a < 0x78))),
    readfrom: kwMethod("readfrom", [["addr"], ["nbytes"], ["stop", true]], (self: PyI2c, a) =>
      mkBytes(transfer(self, int(a[0]), null, int(a[1]), bool(a[2]))),
    ),
    readfrom_into: kwMethod("readfrom_into", [["addr"], ["buf"], ["stop", true]], (self: PyI2c, a) => {
      const buf = getWritableBuffer(a[1]).bytes;
      buf.set(transfer(self, int(a[0]), null, buf.length, bool(a[2])));
      return None;
    }),
    writeto: kwMethod("writeto", [["addr"], ["buf"], ["stop", true]], (self: PyI2c, a) => {
      const b = getBuffer(a[1]).bytes;
      transfer(self, int(a[0]), b.slice(), 0, bool(a[2]));
      return b.length;
    }),
    writevto: kwMethod("writevto", [["addr"], ["vector"], ["stop", true]], (self: PyI2c, a) => {
      const parts = toArray(a[1]).map((x: any) => getBuffer(x).bytes);
      const all = parts.reduce((acc: Uint8Array, p: Uint8Array) => cat(acc, p), new Uint8Array(0));
      transfer(self, int(a[0]), all, 0, bool(a[2]));
      return all.length;
    }),
    readfrom_mem: kwMethod("readfrom_mem", [["addr"], ["memaddr"], ["nbytes"], ["addrsize", 8, true]], (self: PyI2c, a) => {
      const addr = int(a[0]);
      transfer(self, addr, memAddr(int(a[1]), int(a[3])), 0, false);
      return mkBytes(transfer(self, addr, null, int(a[2]), true));
    }),
    readfrom_mem_into: kwMethod("readfrom_mem_into", [["addr"], ["memaddr"], ["buf"], ["addrsize", 8, true]], (self: PyI2c, a) => {
      const addr = int(a[0]);
      const buf = getWritableBuffer(a[2]).bytes;
      transfer(self, addr, memAddr(int(a[1]), int(a[3])), 0, false);
      buf.set(transfer(self, addr, null, buf.length, true));
      return None;
    }),
    writeto_mem: kwMethod("writeto_mem", [["addr"], ["memaddr"], ["buf"], ["addrsize", 8, true]], (self: PyI2c, a) => {
      transfer(self, int(a[0]), cat(memAddr(int(a[1]), int(a[3])), getBuffer(a[2]).bytes), 0, true);
      return None;
    }),
    start: builtin("start", (self: PyI2c) => {
      primitive(self);
      flushPrimitive(self);
      self.$addrByte = -1;
      return None;
    }),
    stop: builtin("stop", (self: PyI2c) => {
      primitive(self);
      flushPrimitive(self);
      self.$addrByte = -1;
      return None;
    }),
    write: builtin("write", (self: PyI2c, buf: any) => {
      primitive(self);
      const b = getBuffer(buf).bytes;
      let acks = 0;
      for (const byte of b) {
        if (self.$addrByte < 0) {
          self.$addrByte = byte;
          if (!hal.i2cScan(self.$scl, self.$sda).includes(byte >> 1)) return acks; // NACK
        } else self.$pending.push(byte);
        acks++;
      }
      return acks;
    }),
    readinto: builtin("readinto", (self: PyI2c, buf: any, _nack?: any) => {
      primitive(self);
      const b = getWritableBuffer(buf).bytes;
      if (self.$addrByte < 0 || (self.$addrByte & 1) === 0) {
        b.fill(0xff);
        return None;
      }
      const r = hal.i2cTransfer(self.$scl, self.$sda, self.$addrByte >> 1, null, b.length, false);
      b.set(r ?? new Uint8Array(b.length).fill(0xff));
      return None;
    }),
    __repr__: builtin("__repr__", (self: PyI2c) =>
      self.$soft
        ? `SoftI2C(scl=${hal.pinName(self.$scl)}, sda=${hal.pinName(self.$sda)}, freq=${self.$freq})`
        : `I2C(${self.$id}, freq=${self.$freq}, scl=${self.$scl}, sda=${self.$sda}, timeout=${self.$timeout})`,
    ),
  });
  return { i2c, softI2c };
}

// ---------------------------------------------------------------- SPI

class PySpi extends PyObject {
  $id = -1;
  $baud = 1000000;
  $polarity = 0;
  $phase = 0;
  $bits = 8;
  $firstbit = 0;
  $sck = 0;
  $mosi = 0;
  $miso = 0;
  $soft = false;
}

export function makeSpi(hal: Hal, pins: PinApi): { spi: PyType; softSpi: PyType } {
  const spi = defineBuiltinType("SPI", PySpi.prototype);
  const softSpi = defineBuiltinType("SoftSPI", Object.create(spi.$proto), spi);
  const MSB = hal.port === "rp2" ? 1 : 0;
  const LSB = hal.port === "rp2" ? 0 : 1;
  const params: Param[] = [
    ["baudrate", None], ["polarity", None, true], ["phase", None, true], ["bits", None, true], ["firstbit", None, true],
    ["sck", None, true], ["mosi", None, true], ["miso", None, true],
  ];
  const init = (self: PySpi, a: any[]) => {
    if (!isNone(a[0])) self.$baud = int(a[0]);
    if (!isNone(a[1])) self.$polarity = int(a[1]);
    if (!isNone(a[2])) self.$phase = int(a[2]);
    if (!isNone(a[3])) self.$bits = int(a[3]);
    if (!isNone(a[4])) self.$firstbit = int(a[4]);
    if (!isNone(a[5])) self.$sck = pins.id(a[5]);
    if (!isNone(a[6])) self.$mosi = pins.id(a[6]);
    if (!isNone(a[7])) self.$miso = pins.id(a[7]);
  };

  spi.$new = (cls: PyType, args: any[], kw: Kw) => {
    const o: PySpi = new PySpi();
    Object.setPrototypeOf(o, cls.$proto);
    o.$firstbit = MSB;
    if (cls === softSpi || cls.$mro.includes(softSpi)) {
      o.$soft = true;
      o.$baud = 500000;
      const a = parseArgs(args, kw, params);
      if (isNone(a[5]) || isNone(a[6]) || isNone(a[7])) throw typeError("must specify all of sck/mosi/miso");
      init(o, a);
    } else {
      if (args.length === 0) throw typeError("function missing 1 required positional arguments");
      const id = int(args[0]);
      const d = hal.busPins("spi", id);
      if (d === null) throw valueError(`SPI(${id}) doesn't exist`);
      o.$id = id;
      o.$sck = d.sck;
      o.$mosi = d.mosi;
      o.$miso = d.miso;
      init(o, parseArgs(args, kw, params, 1));
    }
    return o;
  };
  softSpi.$new = spi.$new;

  const xfer = (self: PySpi, tx: Uint8Array) => hal.spiTransfer(self.$sck, self.$mosi, self.$miso, tx, null);

  addMethods(spi, {
    init: kwMethod("init", params, (self, a) => (init(self, a), None)),
    deinit: builtin("deinit", () => None),
    read: builtin("read", (self: PySpi, n: any, w?: any) => mkBytes(xfer(self, new Uint8Array(int(n)).fill(w === undefined ? 0 : int(w))))),
    readinto: builtin("readinto", (self: PySpi, buf: any, w?: any) => {
      const b = getWritableBuffer(buf).bytes;
      b.set(xfer(self, new Uint8Array(b.length).fill(w === undefined ? 0 : int(w))));
      return None;
    }),
    write: builtin("write", (self: PySpi, buf: any) => {
      xfer(self, getBuffer(buf).bytes.slice());
      return None;
    }),
    write_readinto: builtin("write_readinto", (self: PySpi, wbuf: any, rbuf: any) => {
      const w = getBuffer(wbuf).bytes;
      const r = getWritableBuffer(rbuf).bytes;
      if (w.length !== r.length) throw valueError("buffers must be the same length");
      r.set(xfer(self, w.slice()));
      return None;
    }),
    __repr__: builtin("__repr__", (self: PySpi) =>
      self.$soft
        ? `SoftSPI(baudrate=${self.$baud}, polarity=${self.$polarity}, phase=${self.$phase}, sck=${hal.pinName(self.$sck)}, mosi=${hal.pinName(self.$mosi)}, miso=${hal.pinName(self.$miso)})`
        : `SPI(${self.$id}, baudrate=${self.$baud}, polarity=${self.$polarity}, phase=${self.$phase}, bits=${self.$bits}, sck=${self.$sck}, mosi=${self.$mosi}, miso=${self.$miso})`,
    ),
  });
  Object.assign(spi.$proto, { MSB, LSB });
  return { spi, softSpi };
}

// ---------------------------------------------------------------- UART

class PyUart extends PyObject {
  $id = 0;
  $baud = 115200;
  $bits = 8;
  $parity: any = None;
  $stop = 1;
  $tx = 0;
  $rx = 0;
  $timeout = 0;
  $rxbuf: number[] = [];
  $irq: any = None;
  $irqTrigger = 0;
  $irqObj: PyIrq | null = null;
  $idleTimer = 0;
  $rxbufSize = 256;
}

const IRQ_RXIDLE = 64;
const IRQ_TXIDLE = 32;

/** One frame's time in µs: start bit, data bits, parity, stop bits. */
function frameUs(u: PyUart): number {
  return ((1 + u.$bits + (u.$parity === None ? 0 : 1) + u.$stop) * 1e6) / u.$baud;
}

export function makeUart(hal: Hal, pins: PinApi): PyType {
  const t = defineBuiltinType("UART", PyUart.prototype);
  const params: Param[] = [
    ["baudrate", None], ["bits", None], ["parity", None], ["stop", None], ["tx", None, true], ["rx", None, true],
    ["timeout", None, true], ["timeout_char", None, true], ["rxbuf", None, true], ["txbuf", None, true], ["flow", None, true],
    ["invert", None, true],
  ];
  const init = (self: PyUart, a: any[]) => {
    if (!isNone(a[0])) self.$baud = int(a[0]);
    if (!isNone(a[1])) self.$bits = int(a[1]);
    if (a[2] !== undefined) self.$parity = a[2];
    if (!isNone(a[3])) self.$stop = int(a[3]);
    if (!isNone(a[4])) self.$tx = pins.id(a[4]);
    if (!isNone(a[5])) self.$rx = pins.id(a[5]);
    if (!isNone(a[6])) self.$timeout = int(a[6]);
    if (!isNone(a[8])) self.$rxbufSize = Math.max(32, int(a[8]));
    if (!(self.$baud > 0)) throw valueError("bad baudrate");
    hal.pinConfigure(self.$tx, PinMode.Alt, 0, null);
    hal.pinConfigure(self.$rx, PinMode.Alt, 0, null);
    hal.uartOpen(self.$id, self.$tx, self.$rx, frameUs(self));
    const me = self;
    hal.uartOnReceive(self.$rx, (data) => received(me, data));
  };

  /** Bytes arrived on RX: into the ring buffer (full: dropped); RXIDLE when the line stays quiet. */
  const received = (self: PyUart, data: Uint8Array) => {
    for (const b of data) if (self.$rxbuf.length < self.$rxbufSize) self.$rxbuf.push(b);
    if (self.$irq === None || !(self.$irqTrigger & IRQ_RXIDLE)) return;
    // The receive timeout: 32 bit periods without a new character.
    if (self.$idleTimer !== 0) hal.clearTimer(self.$idleTimer);
    self.$idleTimer = hal.setTimer(hal.nowUs() + (32 * 1e6) / self.$baud, () => {
      self.$idleTimer = 0;
      if (self.$irqObj !== null) self.$irqObj.$flags = IRQ_RXIDLE;
      if (self.$irq !== None) schedule(self.$irq, self);
    });
  };

  t.$new = (_cls: PyType, args: any[], kw: Kw) => {
    if (args.length === 0) throw typeError("function missing 1 required positional arguments");
    const id = int(args[0]);
    const d = hal.busPins("uart", id);
    if (d === null) throw valueError(`UART(${id}) doesn't exist`);
    const o = new PyUart();
    o.$id = id;
    o.$tx = d.tx;
    o.$rx = d.rx;
    init(o, parseArgs(args, kw, params, 1));
    return o;
  };

  const waitData = (self: PyUart, n: number) => {
    if (self.$rxbuf.length < n && self.$timeout > 0) hal.waitUntil(() => self.$rxbuf.length >= n, self.$timeout * 1000);
  };
  const take = (self: PyUart, n: number) => Uint8Array.from(self.$rxbuf.splice(0, n));

  addMethods(t, {
    init: kwMethod("init", params, (self, a) => (init(self, a), None)),
    deinit: builtin("deinit", (self: PyUart) => (hal.uartOnReceive(self.$rx, null), None)),
    any: builtin("any", (self: PyUart) => self.$rxbuf.length),
    write: builtin("write", (self: PyUart, buf: any) => {
      const b = getBuffer(buf).bytes.slice();
      hal.uartWrite(self.$tx, self.$rx, b);
      if (self.$irq !== None && self.$irqTrigger & IRQ_TXIDLE && b.length > 0) {
        hal.setTimer(hal.nowUs() + b.length * frameUs(self), () => {
          if (self.$irqObj !== null) self.$irqObj.$flags = IRQ_TXIDLE;
          if (self.$irq !== None) schedule(self.$irq, self);
        });
      }
      return b.length;
    }),
    read: builtin("read", (self: PyUart, n?: any) => {
      const want = n === undefined || n === None ? Infinity : int(n);
      waitData(self, want === Infinity ? 1 : want);
      if (self.$rxbuf.length === 0) return None;
      return mkBytes(take(self, want === Infinity ? self.$rxbuf.length : want));
    }),
    readinto: builtin("readinto", (self: PyUart, buf: any, n?: any) => {
      const b = getWritableBuffer(buf).bytes;
      const want = n === undefined ? b.length : Math.min(b.length, int(n));
      waitData(self, want);
      if (self.$rxbuf.length === 0) return None;
      const got = take(self, want);
      b.set(got);
      return got.length;
    }),
    readline: builtin("readline", (self: PyUart) => {
      if (self.$timeout > 0) hal.waitUntil(() => self.$rxbuf.includes(10), self.$timeout * 1000);
      if (self.$rxbuf.length === 0) return None;
      const i = self.$rxbuf.indexOf(10);
      return mkBytes(take(self, i < 0 ? self.$rxbuf.length : i + 1));
    }),
    flush: builtin("flush", () => None),
    txdone: builtin("txdone", () => true),
    sendbreak: builtin("sendbreak", () => None),
    irq: kwMethod("irq", [["handler", None], ["trigger", 0], ["hard", false]], (self: PyUart, a) => {
      self.$irqObj ??= Object.assign(new PyIrq(), { $handler: None });
      if (a.length > 0 && (a[0] !== None || int(a[1]) !== 0)) {
        checkCallable(a[0]);
        self.$irq = a[0];
        self.$irqTrigger = int(a[1]);
        self.$irqObj.$handler = a[0];
        self.$irqObj.$trigger = self.$irqTrigger;
      }
      return self.$irqObj;
    }),
    __repr__: builtin("__repr__", (self: PyUart) =>
      `UART(${self.$id}, baudrate=${self.$baud}, bits=${self.$bits}, parity=${self.$parity === None ? "None" : String(self.$parity)}, stop=${self.$stop}, tx=${self.$tx}, rx=${self.$rx}, timeout=${self.$timeout})`,
    ),
  });
  Object.assign(t.$proto, { IRQ_RXIDLE, IRQ_TXIDLE, IRQ_BREAK: 512, INV_TX: 1, INV_RX: 2 });
  return t;
}

export { ETIMEDOUT };
