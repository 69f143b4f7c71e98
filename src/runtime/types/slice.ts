// slice: start/stop/step as Python-visible attributes; sliceIndices resolves them for a length
// (MicroPython's objslice.c). The attributes are own properties of the instance, which is not
// a user object, so storing to them raises AttributeError (see attr.ts canHaveAttrs).
import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None, NotImplemented, typeOf } from "../object.ts";
import { valueError, typeError } from "../exceptions.ts";
import { toIndex, repr, eqBool } from "../ops.ts";
import { langHooks } from "../hooks.ts";
import { mkTuple } from "./tuple.ts";

export class PySlice extends PyObject {
  constructor(public start: any, public stop: any, public step: any) {
    super();
  }
}
export const sliceType = defineBuiltinType("slice", PySlice.prototype);
// Slices are unhashable in MicroPython (CPython allows hashing them only since 3.12).
(PySlice.prototype as any).$hk = 2;

export function mkSlice(a: any, b: any, c: any): PySlice {
  return new PySlice(a, b, c);
}
langHooks.mkSlice = mkSlice;

/**
 * [start, stop, step, count] for a slice applied to a sequence of `len` items, clamped as
 * Python does (negative indices count from the end; a zero step is a ValueError).
 */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  const step = s.step === None ? 1 : sliceInt(s.step);
  if (step === 0) throw valueError("slice step can't be zero");
  let start: number, stop: number;
  if (step > 0) {
    start = s.start === None ? 0 : clamp(sliceInt(s.start), len, 0, len);
    stop = s.stop === None ? len : clamp(sliceInt(s.stop), len, 0, len);
  } else {
    start = s.start === None ? len - 1 : clamp(sliceInt(s.start), len, -1, len - 1);
    stop = s.stop === None ? -1 : clamp(sliceInt(s.stop), len, -1, len - 1);
  }
  const count = step > 0 ? (stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0)
    : (start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0);
  return [start, stop, step, count];
}

/** A slice bound as a JS number; big ints saturate (they are clamped to the length anyway). */
function sliceInt(x: any): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return x > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  if (typeof x === "string" || x === None || typeOf(x).$name === "float")
    throw typeError("slice indices must be integers or None or have an __index__ method");
  return toIndex(x);
}

function clamp(i: number, len: number, lo: number, hi: number): number {
  if (i < 0) i += len;
  return i < lo ? lo : i > hi ? hi : i;
}

// ---------------------------------------------------------------- methods

/** slice(stop) / slice(start, stop[, step]) */
sliceType.$new = (_cls: PyType, args: any[]) => {
  switch (args.length) {
    case 1:
      return new PySlice(None, args[0], None);
    case 2:
      return new PySlice(args[0], args[1], None);
    case 3:
      return new PySlice(args[0], args[1], args[2]);
  }
  throw typeError(`function expected at most 3 arguments, got ${args.length}`);
};

/** slice.indices(length) → (start, stop, step) for a sequence of that length. */
function slice_indices(self: PySlice, length: any): any {
  if (typeof length !== "number" && typeof length !== "boolean" && typeof length !== "bigint" && typeof length !== "object")
    throw typeError("slice indices must be integers");
  if (length === None) throw typeError("can't convert NoneType to int");
  const n = toIndex(length);
  if (n < 0) throw valueError("length should not be negative");
  const [start, stop, step] = sliceIndices(self, n);
  return mkTuple([start, stop, step]);
}

function slice_repr(self: PySlice): string {
  return `slice(${repr(self.start)}, ${repr(self.stop)}, ${repr(self.step)})`;
}

function slice_eq(self: PySlice, other: any): any {
  if (!(other instanceof PySlice)) return NotImplemented;
  return eqBool(self.start, other.start) && eqBool(self.stop, other.stop) && eqBool(self.step, other.step);
}

addMethods(sliceType, {
  indices: builtin("indices", slice_indices),
  __repr__: builtin("__repr__", slice_repr),
  __eq__: builtin("__eq__", slice_eq),
  __hash__: None,
});
