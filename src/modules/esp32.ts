// esp32: the ESP32 port's own module, as far as beginners use it: raw_temperature() (°F, as
// the chip reports), NVS (non-volatile key/value storage that survives resets), Partition info.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { newExc, OSError, typeError } from "../runtime/exceptions.ts";
import { getBuffer, getWritableBuffer } from "../runtime/buffer.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkList } from "../runtime/types/list.ts";
import { getHal } from "./machine/hal.ts";
import { int } from "./machine/common.ts";

class PyNvs extends PyObject {
  $ns = "";
}

class PyPartition extends PyObject {
  $info: any[] = [];
}

const notFound = () => newExc(OSError, -4354, "ESP_ERR_NVS_NOT_FOUND");

function makeNvs(): PyType {
  const t = defineBuiltinType("NVS", PyNvs.prototype);
  const store = () => getHal()?.nvs ?? new Map<string, Uint8Array>();
  t.$new = (_c: PyType, args: any[]) => {
    if (typeof args[0] !== "string") throw typeError("can't convert to str implicitly");
    const o = new PyNvs();
    o.$ns = args[0];
    return o;
  };
  const key = (self: PyNvs, k: any) => self.$ns + "\0" + String(k);
  addMethods(t, {
    set_i32: builtin("set_i32", (self: PyNvs, k: any, v: any) => {
      const b = new Uint8Array(5);
      b[0] = 1;
      new DataView(b.buffer).setInt32(1, int(v), true);
      store().set(key(self, k), b);
      return None;
    }),
    get_i32: builtin("get_i32", (self: PyNvs, k: any) => {
      const b = store().get(key(self, k));
      if (b === undefined || b[0] !== 1) throw notFound();
      return new DataView(b.buffer, b.byteOffset).getInt32(1, true);
    }),
    set_blob: builtin("set_blob", (self: PyNvs, k: any, v: any) => {
      const d = getBuffer(v).bytes;
      const b = new Uint8Array(d.length + 1);
      b[0] = 2;
      b.set(d, 1);
      store().set(key(self, k), b);
      return None;
    }),
    get_blob: builtin("get_blob", (self: PyNvs, k: any, buf: any) => {
      const b = store().get(key(self, k));
      if (b === undefined || b[0] !== 2) throw notFound();
      const out = getWritableBuffer(buf).bytes;
      out.set(b.subarray(1, 1 + Math.min(out.length, b.length - 1)));
      return b.length - 1;
    }),
    erase_key: builtin("erase_key", (self: PyNvs, k: any) => {
      if (!store().delete(key(self, k))) throw notFound();
      return None;
    }),
    commit: builtin("commit", () => None),
  });
  return t;
}

function makePartition(): PyType {
  const t = defineBuiltinType("Partition", PyPartition.prototype);
  const table = [
    [1, 2, 0x9000, 0x6000, "nvs", false],
    [1, 1, 0xf000, 0x1000, "phy_init", false],
    [0, 0, 0x10000, 0x1f0000, "factory", false],
    [1, 129, 0x200000, 0x200000, "vfs", false],
  ];
  const mk = (info: any[]) => {
    const p = new PyPartition();
    p.$info = info;
    return p;
  };
  t.$new = (_c: PyType, args: any[]) => {
    const id = args[0];
    if (id === 0 || id === 1) return mk(table[2]); // BOOT, RUNNING
    const row = table.find((r) => r[4] === id);
    if (row === undefined) throw newExc(OSError, 2);
    return mk(row);
  };
  addMethods(t, {
    info: builtin("info", (self: PyPartition) => mkTuple(self.$info.slice())),
    __repr__: builtin("__repr__", (self: PyPartition) => {
      const [ty, sub, addr, size, label, enc] = self.$info;
      return `<Partition type=${ty}, subtype=${sub}, address=${addr}, size=${size}, label=${label}, encrypted=${enc ? 1 : 0}>`;
    }),
    find: builtin("find", (type?: any, _sub?: any, label?: any) =>
      mkList(table.filter((r) => (type === undefined || r[0] === type) && (label === undefined || label === None || r[4] === label)).map(mk)),
    ),
  });
  Object.assign(t.$proto, { BOOT: 0, RUNNING: 1, TYPE_APP: 0, TYPE_DATA: 1 });
  return t;
}

export function makeModule(): Record<string, any> {
  return {
    __name__: "esp32",
    raw_temperature: builtin("raw_temperature", () => Math.round(((getHal()?.temperature() ?? 27) * 9) / 5 + 32)),
    NVS: makeNvs(),
    Partition: makePartition(),
    WAKEUP_ALL_LOW: false,
    WAKEUP_ANY_HIGH: true,
    wake_on_ext0: builtin("wake_on_ext0", () => None),
    wake_on_ext1: builtin("wake_on_ext1", () => None),
  };
}
