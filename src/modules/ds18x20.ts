// ds18x20: DS18S20 / DS18B20 / DS1822 temperature sensors on a 1-Wire bus, as MicroPython's
// ds18x20.py (micropython-lib) drives them through an onewire.OneWire object:
//   DS18X20(ow).scan()         the ROMs whose family code is 0x10, 0x22 or 0x28
//   convert_temp()             SKIP ROM + CONVERT T: every sensor starts converting (750 ms)
//   read_scratch(rom)          MATCH ROM + READ SCRATCHPAD: 9 bytes, CRC checked
//   write_scratch(rom, buf)    MATCH ROM + WRITE SCRATCHPAD
//   read_temp(rom)             the temperature in °C as a float
// The bus object is used through its Python methods, so any OneWire-like object works.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { newExc, Exception, typeError } from "../runtime/exceptions.ts";
import { callMethod, loadAttr } from "../runtime/attr.ts";
import { toArray, toIndex, getItem } from "../runtime/ops.ts";
import { mkList } from "../runtime/types/list.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { getBuffer } from "../runtime/buffer.ts";

const CONVERT = 0x44;
const RD_SCRATCH = 0xbe;
const WR_SCRATCH = 0x4e;

class PyDs18x20 extends PyObject {
  [k: string]: any;
}

function scratch(self: PyDs18x20, rom: any): Uint8Array {
  const ow = self.ow;
  callMethod(ow, "reset", [true], null);
  callMethod(ow, "select_rom", [rom], null);
  callMethod(ow, "writebyte", [RD_SCRATCH], null);
  callMethod(ow, "readinto", [self.buf], null);
  if (toIndex(callMethod(ow, "crc8", [self.buf], null)) !== 0) throw newExc(Exception, "CRC error");
  return getBuffer(self.buf).bytes;
}

function readTemp(self: PyDs18x20, rom: any): any {
  const b = scratch(self, rom);
  const family = Number(toIndex(getItem(rom, 0)));
  if (family === 0x10) {
    // DS18S20: half degrees, refined by COUNT_REMAIN (byte 6) and COUNT_PER_C (byte 7).
    const t = b[1] ? -((~((b[0] >> 1) | 0x80) + 1) & 0xff) : b[0] >> 1;
    if (b[7] === 0) throw newExc(Exception, "CRC error");
    return mkFloat(t - 0.25 + (b[7] - b[6]) / b[7]);
  }
  let t = (b[1] << 8) | b[0];
  if (t & 0x8000) t = -((t ^ 0xffff) + 1);
  return mkFloat(t / 16);
}

export function makeModule(): Record<string, any> {
  const t: PyType = defineBuiltinType("DS18X20", PyDs18x20.prototype);
  t.$new = (cls: PyType, args: any[]) => {
    if (args.length !== 1) throw typeError(`function takes 2 positional arguments but ${args.length + 1} were given`);
    const o: PyDs18x20 = Object.create(cls.$proto);
    o.ow = args[0];
    o.buf = mkByteArray(new Uint8Array(9));
    return o;
  };
  addMethods(t, {
    scan: builtin("scan", (self: PyDs18x20) => {
      const roms = toArray(callMethod(self.ow, "scan", [], null));
      return mkList(roms.filter((r: any) => [0x10, 0x22, 0x28].includes(Number(toIndex(getItem(r, 0))))));
    }),
    convert_temp: builtin("convert_temp", (self: PyDs18x20) => {
      const ow = self.ow;
      callMethod(ow, "reset", [true], null);
      callMethod(ow, "writebyte", [loadAttr(ow, "SKIP_ROM")], null);
      callMethod(ow, "writebyte", [CONVERT], null);
      return None;
    }),
    read_scratch: builtin("read_scratch", (self: PyDs18x20, rom: any) => (scratch(self, rom), self.buf)),
    write_scratch: builtin("write_scratch", (self: PyDs18x20, rom: any, buf: any) => {
      const ow = self.ow;
      callMethod(ow, "reset", [true], null);
      callMethod(ow, "select_rom", [rom], null);
      callMethod(ow, "writebyte", [WR_SCRATCH], null);
      callMethod(ow, "write", [buf], null);
      return None;
    }),
    read_temp: builtin("read_temp", readTemp),
  });
  return { __name__: "ds18x20", DS18X20: t };
}
