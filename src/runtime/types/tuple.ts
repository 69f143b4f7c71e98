// tuple: an immutable sequence over a JS array.
import { PyObject, defineBuiltinType } from "../object.ts";

export class PyTuple extends PyObject {
  constructor(public $a: any[]) {
    super();
  }
}
export const tupleType = defineBuiltinType("tuple", PyTuple.prototype);
(PyTuple.prototype as any).$hk = 1;

export const emptyTuple = new PyTuple([]);

export function mkTuple(a: any[]): PyTuple {
  return a.length === 0 ? emptyTuple : new PyTuple(a);
}
