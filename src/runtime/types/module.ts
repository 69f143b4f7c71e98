// module: a namespace whose globals object `$d` is also the generated code's global scope.
// `$d`'s prototype is the builtins namespace, so a global lookup that misses finds builtins
// (and deleting a global uncovers the builtin again, as in Python).
import { PyObject, defineBuiltinType, addMethods, builtin } from "../object.ts";

export class PyModule extends PyObject {
  constructor(public $name: string, public $d: any) {
    super();
  }
}
export const moduleType = defineBuiltinType("module", PyModule.prototype);

const hasOwn = Object.prototype.hasOwnProperty;

/** `<module 'name'>`, or `<module 'name' from 'file'>` when the module has a __file__. */
function module_repr(self: PyModule): string {
  const d = self.$d;
  const name = hasOwn.call(d, "__name__") ? String(d.__name__) : self.$name;
  return hasOwn.call(d, "__file__") ? `<module '${name}' from '${String(d.__file__)}'>` : `<module '${name}'>`;
}

/**
 * Built-in modules (made from a factory: their globals have no builtins prototype) are
 * read-only, as MicroPython's are in ROM; sys keeps the attributes it delegates as writable.
 */
export function moduleIsReadOnly(m: PyModule, name: string): boolean {
  // builtins can be overridden (MICROPY_CAN_OVERRIDE_BUILTINS).
  if (Object.getPrototypeOf(m.$d) !== null || m.$name === "builtins") return false;
  return !(m.$name === "sys" && (name === "path" || name === "ps1" || name === "ps2" || name === "tracebacklimit"));
}

addMethods(moduleType, {
  __repr__: builtin("__repr__", module_repr),
});
