// slice: start/stop/step as Python-visible attributes; sliceIndices resolves them for a length.
import { PyObject, defineBuiltinType, None } from "../object.ts";
import { valueError } from "../exceptions.ts";
import { toIndex } from "../ops.ts";
import { langHooks } from "../hooks.ts";

export class PySlice extends PyObject {
  constructor(public start: any, public stop: any, public step: any) {
    super();
  }
}
export const sliceType = defineBuiltinType("slice", PySlice.prototype);

export function mkSlice(a: any, b: any, c: any): PySlice {
  return new PySlice(a, b, c);
}
langHooks.mkSlice = mkSlice;

/**
 * [start, stop, step, count] for a slice applied to a sequence of `len` items, clamped as
 * Python does (negative indices count from the end; a zero step is a ValueError).
 */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  const step = s.step === None ? 1 : toIndex(s.step);
  if (step === 0) throw valueError("slice step cannot be zero");
  let start: number, stop: number;
  if (step > 0) {
    start = s.start === None ? 0 : clamp(toIndex(s.start), len, 0, len);
    stop = s.stop === None ? len : clamp(toIndex(s.stop), len, 0, len);
  } else {
    start = s.start === None ? len - 1 : clamp(toIndex(s.start), len, -1, len - 1);
    stop = s.stop === None ? -1 : clamp(toIndex(s.stop), len, -1, len - 1);
  }
  const count = step > 0 ? (stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0)
    : (start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0);
  return [start, stop, step, count];
}

function clamp(i: number, len: number, lo: number, hi: number): number {
  if (i < 0) i += len;
  return i < lo ? lo : i > hi ? hi : i;
}
