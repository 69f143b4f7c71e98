// Callables and descriptors: bound methods, staticmethod, classmethod, property, and the
// wrapper that keeps a function stored on an instance from being bound as a method.
//
// Python functions themselves are plain JS functions. Their metadata lives in `$`-fields:
//   $name      __name__
//   $qualname  __qualname__ (optional)
//   $sig       FunctionSig: how to bind keyword arguments, defaults, *args, **kwargs (call.ts)
//   $builtin   true for functions written in TypeScript
//   $gen       true for generator functions (informational)

import { PyObject, PyType, defineBuiltinType, addMethods, objectType } from "../object.ts";

export class PyBoundMethod extends PyObject {
  constructor(public $self: any, public $func: any) {
    super();
  }
}
export const boundMethodType = defineBuiltinType("bound_method", PyBoundMethod.prototype);

/** A function stored as an instance attribute: returned as is, never bound. */
export class OwnFunction extends PyObject {
  constructor(public $f: any) {
    super();
  }
}
(OwnFunction.prototype as any).$desc = true;

export class PyStaticMethod extends PyObject {
  constructor(public $f: any) {
    super();
  }
}
export const staticMethodType = defineBuiltinType("staticmethod", PyStaticMethod.prototype);
(PyStaticMethod.prototype as any).$desc = true;

export class PyClassMethod extends PyObject {
  constructor(public $f: any) {
    super();
  }
}
export const classMethodType = defineBuiltinType("classmethod", PyClassMethod.prototype);
(PyClassMethod.prototype as any).$desc = true;

export class PyProperty extends PyObject {
  constructor(public fget: any, public fset: any, public fdel: any) {
    super();
  }
}
export const propertyType = defineBuiltinType("property", PyProperty.prototype);
(PyProperty.prototype as any).$desc = true;

/** Describes a compiled function's parameters for the general call path. */
export interface FunctionSig {
  /** Names of positional parameters (positional-only first). */
  names: string[];
  /** How many of `names` are positional-only. */
  posonly: number;
  /** Default values for the last `defaults.length` positional parameters. */
  defaults: any[];
  /** Keyword-only parameter names and their defaults (undefined = required). */
  kwonly: string[];
  kwDefaults: any[];
  /** Whether the JS function takes a *args tuple and a **kwargs dict after the positionals. */
  varargs: boolean;
  varkw: boolean;
}

export function mkBoundMethod(self: any, f: any): PyBoundMethod {
  return new PyBoundMethod(self, f);
}

export { objectType, PyType, addMethods };
