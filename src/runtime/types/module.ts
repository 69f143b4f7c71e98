// module: a namespace whose globals object `$d` is also the generated code's global scope.
// `$d`'s prototype is the builtins namespace, so a global lookup that misses finds builtins
// (and deleting a global uncovers the builtin again, as in Python).
import { PyObject, defineBuiltinType } from "../object.ts";

export class PyModule extends PyObject {
  constructor(public $name: string, public $d: any) {
    super();
  }
}
export const moduleType = defineBuiltinType("module", PyModule.prototype);
