// onewire: the 1-Wire bus, as MicroPython's onewire.py (micropython-lib) builds it on the
// low-level `_onewire` module (extmod/modonewire.c): reset (presence), bit and byte time slots,
// ROM selection, the ROM search algorithm for scan(), and the Dallas CRC8.
// The HAL answers for simulated 1-Wire parts (DS18B20); with none on the pin, reset() finds
// nobody and reads give 1s, as on a bus with only its pull-up.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { typeError, newExc, Exception } from "../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer } from "../runtime/buffer.ts";
import { isTrue, toIndex } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import { getHal, PinMode, PULL_UP, type Hal } from "./machine/hal.ts";

const SEARCH_ROM = 0xf0;
const MATCH_ROM = 0x55;
const SKIP_ROM = 0xcc;

/** Dallas/Maxim CRC8 (x^8 + x^5 + x^4 + 1, LSB first) of the first n bytes, as 1-Wire ROMs and scratchpads use. */
export function crc8(data: ArrayLike<number>, n = data.length): number {
  let crc = 0;
  for (let k = 0; k < n; k++) {
    let b = data[k];
    for (let i = 0; i < 8; i++) {
      const mix = (crc ^ b) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8c;
      b >>= 1;
    }
  }
  return crc;
}

/** The GPIO id of a machine.Pin argument. */
function pinId(p: any): number {
  const id = p?.$id;
  if (typeof id !== "number" || p.$hal === undefined) throw typeError("expecting a Pin");
  return id;
}

// ---------------------------------------------------------------- the bus primitives

const noHal = { reset: () => false, bit: () => 1, byte: () => 0xff };

function bus(id: number) {
  const hal: Hal | null = getHal();
  if (hal === null) return noHal;
  return {
    reset: () => hal.onewireReset(id),
    bit: (v: number) => hal.onewireBit(id, v),
    byte: (v: number) => hal.onewireByte(id, v),
  };
}

/**
 * One pass of the ROM search (Maxim's application note 187): at each bit every remaining
 * device sends its bit and the complement; a discrepancy (both 0) takes the branch `diff`
 * says. Returns the ROM and the next discrepancy (0: the last device), or null.
 */
function searchRom(id: number, last: Uint8Array, diff: number): [Uint8Array | null, number] {
  const b = bus(id);
  if (!b.reset()) return [null, 0];
  b.byte(SEARCH_ROM);
  const rom = new Uint8Array(8);
  let nextDiff = 0;
  let i = 64;
  for (let byte = 0; byte < 8; byte++) {
    let r = 0;
    for (let bit = 0; bit < 8; bit++) {
      let v = b.bit(1);
      if (b.bit(1)) {
        if (v) return [null, 0]; // nobody answered (or a bus error)
      } else if (!v && (diff > i || ((last[byte] & (1 << bit)) !== 0 && diff !== i))) {
        v = 1;
        nextDiff = i;
      }
      b.bit(v);
      if (v) r |= 1 << bit;
      i--;
    }
    rom[byte] = r;
  }
  return [rom, nextDiff];
}

export function scanBus(id: number): Uint8Array[] {
  const found: Uint8Array[] = [];
  let diff = 65;
  let rom: Uint8Array = new Uint8Array(8);
  for (let n = 0; n < 0xff; n++) {
    const [r, d] = searchRom(id, rom, diff);
    if (r !== null) {
      found.push(r);
      rom = r;
    }
    diff = d;
    if (diff === 0) break;
  }
  return found;
}

// ---------------------------------------------------------------- onewire.OneWire

class PyOneWire extends PyObject {
  [k: string]: any;
  $pin = 0;
}

let oneWireError: PyType | null = null;

function errorType(): PyType {
  return (oneWireError ??= defineBuiltinType("OneWireError", Object.create(Exception.$proto), Exception));
}

export function makeModule(): Record<string, any> {
  const t = defineBuiltinType("OneWire", PyOneWire.prototype);
  const err = errorType();
  t.$new = (cls: PyType, args: any[]) => {
    if (args.length !== 1) throw typeError(`function takes 2 positional arguments but ${args.length + 1} were given`);
    const o: PyOneWire = Object.create(cls.$proto);
    o.$pin = pinId(args[0]);
    o.pin = args[0];
    // pin.init(pin.OPEN_DRAIN, pin.PULL_UP): released, the pull-up holds the bus high.
    getHal()?.pinConfigure(o.$pin, PinMode.OpenDrain, PULL_UP, 1);
    return o;
  };
  const b = (self: PyOneWire) => bus(self.$pin);
  addMethods(t, {
    reset: builtin("reset", (self: PyOneWire, required?: any) => {
      const ok = b(self).reset();
      if (!ok && required !== undefined && isTrue(required)) throw newExc(err);
      return ok;
    }),
    readbit: builtin("readbit", (self: PyOneWire) => b(self).bit(1)),
    readbyte: builtin("readbyte", (self: PyOneWire) => b(self).byte(0xff)),
    writebit: builtin("writebit", (self: PyOneWire, v: any) => (b(self).bit(isTrue(v) ? 1 : 0), None)),
    writebyte: builtin("writebyte", (self: PyOneWire, v: any) => (b(self).byte(Number(toIndex(v)) & 0xff), None)),
    write: builtin("write", (self: PyOneWire, buf: any) => {
      const bb = b(self);
      for (const x of getBuffer(buf).bytes) bb.byte(x);
      return None;
    }),
    readinto: builtin("readinto", (self: PyOneWire, buf: any) => {
      const out = getWritableBuffer(buf).bytes;
      const bb = b(self);
      for (let i = 0; i < out.length; i++) out[i] = bb.byte(0xff);
      return None;
    }),
    select_rom: builtin("select_rom", (self: PyOneWire, rom: any) => {
      const bb = b(self);
      bb.reset();
      bb.byte(MATCH_ROM);
      for (const x of getBuffer(rom).bytes) bb.byte(x);
      return None;
    }),
    scan: builtin("scan", (self: PyOneWire) => mkList(scanBus(self.$pin).map((r) => mkByteArray(r)))),
    crc8: builtin("crc8", (_self: PyOneWire, data: any) => crc8(getBuffer(data).bytes)),
  });
  Object.assign(t.$proto, { SEARCH_ROM, MATCH_ROM, SKIP_ROM });
  return { __name__: "onewire", OneWire: t, OneWireError: err };
}

/** `_onewire`: the low-level functions taking a Pin (extmod/modonewire.c). */
export function makeLowLevelModule(): Record<string, any> {
  return {
    __name__: "_onewire",
    reset: builtin("reset", (pin: any) => bus(pinId(pin)).reset()),
    readbit: builtin("readbit", (pin: any) => bus(pinId(pin)).bit(1)),
    readbyte: builtin("readbyte", (pin: any) => bus(pinId(pin)).byte(0xff)),
    writebit: builtin("writebit", (pin: any, v: any) => (bus(pinId(pin)).bit(isTrue(v) ? 1 : 0), None)),
    writebyte: builtin("writebyte", (pin: any, v: any) => (bus(pinId(pin)).byte(Number(toIndex(v)) & 0xff), None)),
    crc8: builtin("crc8", (data: any) => crc8(getBuffer(data).bytes)),
  };
}
