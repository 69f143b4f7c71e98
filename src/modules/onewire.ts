// onewire: the 1-Wire bus (MicroPython's drivers/onewire): reset, bit/byte transfers, ROM
// search and CRC. The HAL answers for simulated 1-Wire parts; with none, reset() finds nobody.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { typeError, newExc, OSError } from "../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer } from "../runtime/buffer.ts";
import { isTrue } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { getHal } from "./machine/hal.ts";

class PyOneWire extends PyObject {
  [k: string]: any;
  $pin = 0;
}

function crc8(data: Uint8Array): number {
  let crc = 0;
  for (let b of data) {
    for (let i = 0; i < 8; i++) {
      const mix = (crc ^ b) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8c;
      b >>= 1;
    }
  }
  return crc;
}

export function makeModule(): Record<string, any> {
  const t = defineBuiltinType("OneWire", PyOneWire.prototype);
  t.$new = (cls: PyType, args: any[]) => {
    const id = args[0]?.$id;
    if (typeof id !== "number") throw typeError("expecting a Pin");
    const o: PyOneWire = Object.create(cls.$proto);
    o.$pin = id;
    o.pin = args[0];
    return o;
  };
  const byte = (self: PyOneWire, v: number) => getHal()?.onewireByte(self.$pin, v) ?? 0xff;
  addMethods(t, {
    reset: builtin("reset", (self: PyOneWire, required?: any) => {
      const ok = getHal()?.onewireReset(self.$pin) ?? false;
      if (!ok && required !== undefined && isTrue(required)) throw newExc(OSError, 19);
      return ok;
    }),
    readbit: builtin("readbit", (self: PyOneWire) => byte(self, 0xff) & 1),
    readbyte: builtin("readbyte", (self: PyOneWire) => byte(self, 0xff)),
    writebit: builtin("writebit", (self: PyOneWire, v: any) => (byte(self, isTrue(v) ? 0xff : 0xfe), None)),
    writebyte: builtin("writebyte", (self: PyOneWire, v: any) => (byte(self, Number(v) & 0xff), None)),
    write: builtin("write", (self: PyOneWire, buf: any) => {
      for (const b of getBuffer(buf).bytes) byte(self, b);
      return None;
    }),
    readinto: builtin("readinto", (self: PyOneWire, buf: any) => {
      const b = getWritableBuffer(buf).bytes;
      for (let i = 0; i < b.length; i++) b[i] = byte(self, 0xff);
      return None;
    }),
    select_rom: builtin("select_rom", (self: PyOneWire, rom: any) => {
      getHal()?.onewireReset(self.$pin);
      byte(self, 0x55);
      for (const b of getBuffer(rom).bytes) byte(self, b);
      return None;
    }),
    scan: builtin("scan", () => mkList([])),
    crc8: builtin("crc8", (_self: PyOneWire, data: any) => crc8(getBuffer(data).bytes)),
  });
  Object.assign(t.$proto, { SEARCH_ROM: 0xf0, MATCH_ROM: 0x55, SKIP_ROM: 0xcc });
  return { __name__: "onewire", OneWire: t, OneWireError: OSError };
}
