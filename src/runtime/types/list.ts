// list: a mutable sequence over a JS array.
import { PyObject, defineBuiltinType } from "../object.ts";

export class PyList extends PyObject {
  constructor(public $a: any[]) {
    super();
  }
}
export const listType = defineBuiltinType("list", PyList.prototype);
(PyList.prototype as any).$hk = 2;

export function mkList(a: any[]): PyList {
  return new PyList(a);
}
