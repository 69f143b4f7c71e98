// dht: DHT11 and DHT22 temperature/humidity sensors (MicroPython's drivers/dht).
// measure() reads the sensor's 5-byte frame; OSError(ETIMEDOUT) when nothing answers.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { typeError, osError, newExc, Exception } from "../runtime/exceptions.ts";
import { mkFloat } from "../runtime/types/float.ts";
import { getHal } from "./machine/hal.ts";

class PyDht extends PyObject {
  [k: string]: any;
  $pin = 0;
  $buf: Uint8Array = new Uint8Array(5);
}

function make(name: string, dht22: boolean): PyType {
  const t = defineBuiltinType(name, Object.create(PyDht.prototype));
  t.$new = (cls: PyType, args: any[]) => {
    if (args.length !== 1) throw typeError(`function takes 2 positional arguments but ${args.length + 1} were given`);
    const id = args[0]?.$id;
    if (typeof id !== "number") throw typeError("expecting a Pin");
    const o: PyDht = Object.create(cls.$proto);
    o.$pin = id;
    o.$buf = new Uint8Array(5);
    o.pin = args[0];
    return o;
  };
  addMethods(t, {
    measure: builtin("measure", (self: PyDht) => {
      const hal = getHal();
      const r = hal === null ? -110 : hal.dhtRead(self.$pin);
      if (typeof r === "number") throw osError(-r);
      if (((r[0] + r[1] + r[2] + r[3]) & 0xff) !== r[4]) throw newExc(Exception, "checksum error");
      self.$buf = r;
      return None;
    }),
    humidity: builtin("humidity", (self: PyDht) => {
      const b = self.$buf;
      return dht22 ? mkFloat(((b[0] << 8) | b[1]) * 0.1) : b[0];
    }),
    temperature: builtin("temperature", (self: PyDht) => {
      const b = self.$buf;
      if (!dht22) return b[2];
      const t = (((b[2] & 0x7f) << 8) | b[3]) * 0.1;
      return mkFloat(b[2] & 0x80 ? -t : t);
    }),
  });
  return t;
}

export function makeModule(): Record<string, any> {
  const base = make("DHTBase", false);
  return { __name__: "dht", DHTBase: base, DHT11: make("DHT11", false), DHT22: make("DHT22", true) };
}
