// neopixel: https://docs.micropython.org/en/latest/library/neopixel.html
// NeoPixel(pin, n, bpp=3, timing=1): a buffer of n pixels (GRB(W) byte order on the wire),
// np[i] = (r, g, b), fill(), write() sends the buffer with machine.bitstream.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { typeError, indexError } from "../runtime/exceptions.ts";
import { toArray, toIndex } from "../runtime/ops.ts";
import { mkTuple } from "../runtime/types/tuple.ts";
import { mkByteArray } from "../runtime/types/bytes.ts";
import type { Kw } from "../runtime/call.ts";
import { getHal } from "./machine/hal.ts";
import { parseArgs, int } from "./machine/common.ts";

/** Where each of R, G, B, W goes in a pixel's bytes. */
const ORDER = [1, 0, 2, 3];

class PyNeoPixel extends PyObject {
  [k: string]: any;
}

function pinId(pin: any): number {
  const id = pin?.$id;
  if (typeof id !== "number") throw typeError("expecting a Pin");
  return id;
}

export function makeModule(): Record<string, any> {
  const t = defineBuiltinType("NeoPixel", PyNeoPixel.prototype);
  t.$new = (cls: PyType, args: any[], kw: Kw) => {
    const a = parseArgs(args, kw, [["pin"], ["n"], ["bpp", 3], ["timing", 1]]);
    const o: PyNeoPixel = Object.create(cls.$proto);
    pinId(a[0]);
    o.pin = a[0];
    o.n = int(a[1]);
    o.bpp = int(a[2]);
    o.timing = a[3];
    o.buf = mkByteArray(new Uint8Array(o.n * o.bpp));
    // The pin becomes an output (low), as NeoPixel.__init__ does.
    getHal()?.pinConfigure(pinId(a[0]), 1, 0, 0);
    return o;
  };
  const bytes = (self: PyNeoPixel): Uint8Array => self.buf.$getBuffer().bytes;
  const index = (self: PyNeoPixel, i: any): number => {
    let k = Number(toIndex(i));
    if (k < 0) k += self.n;
    if (k < 0 || k >= self.n) throw indexError("bytearray index out of range");
    return k;
  };
  const put = (self: PyNeoPixel, k: number, v: any) => {
    const px = toArray(v);
    const b = bytes(self);
    const bpp = self.bpp;
    for (let j = 0; j < bpp; j++) b[k * bpp + ORDER[j]] = int(px[j]) & 0xff;
  };
  addMethods(t, {
    __len__: builtin("__len__", (self: PyNeoPixel) => self.n),
    __setitem__: builtin("__setitem__", (self: PyNeoPixel, i: any, v: any) => (put(self, index(self, i), v), None)),
    __getitem__: builtin("__getitem__", (self: PyNeoPixel, i: any) => {
      const k = index(self, i);
      const b = bytes(self);
      const out: number[] = [];
      for (let j = 0; j < self.bpp; j++) out.push(b[k * self.bpp + ORDER[j]]);
      return mkTuple(out);
    }),
    fill: builtin("fill", (self: PyNeoPixel, v: any) => {
      for (let k = 0; k < self.n; k++) put(self, k, v);
      return None;
    }),
    write: builtin("write", (self: PyNeoPixel) => {
      getHal()?.bitstream(pinId(self.pin), bytes(self).slice());
      return None;
    }),
  });
  t.$proto.ORDER = mkTuple(ORDER.slice());
  return { __name__: "neopixel", NeoPixel: t };
}
