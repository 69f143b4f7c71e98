// float: a boxed JS number (plain JS numbers are ints).
import { PyObject, defineBuiltinType } from "../object.ts";

export class PyFloat extends PyObject {
  constructor(public $v: number) {
    super();
  }
}
export const floatType = defineBuiltinType("float", PyFloat.prototype);
(PyFloat.prototype as any).$hk = 1;

export function mkFloat(v: number): PyFloat {
  return new PyFloat(v);
}
