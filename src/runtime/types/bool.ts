// bool: JS true/false. A subclass of int (arithmetic comes from int's methods, which read a bool
// as 0/1); & | ^ between two bools stay bools. bool cannot be subclassed.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { boolType, intType, addMethods, builtin, PyType } from "../object.ts";
import { typeError } from "../exceptions.ts";
import { isTrue } from "../ops.ts";
import "./int.ts"; // int's methods must exist before bool's wrap them

export { boolType };

(boolType as any).$final = true;

boolType.$new = (_cls: PyType, args: any[], kw: any): any => {
  if (kw !== null) for (const k in kw) throw typeError(`unexpected keyword argument '${k}'`);
  if (args.length > 1) throw typeError(`function takes at most 1 arguments (${args.length} given)`);
  return args.length === 0 ? false : isTrue(args[0]);
};

/** A bitwise operator that keeps bool results for two bools and is int's otherwise. */
function bitOp(name: string, op: (a: boolean, b: boolean) => boolean): any {
  const intOp = intType.$proto[name];
  return builtin(name, (self: any, other: any): any =>
    typeof self === "boolean" && typeof other === "boolean" ? op(self, other) : intOp(self, other));
}

addMethods(boolType, {
  __repr__: builtin("__repr__", (self: any) => (self ? "True" : "False")),
  __and__: bitOp("__and__", (a, b) => a && b),
  __rand__: bitOp("__rand__", (a, b) => a && b),
  __or__: bitOp("__or__", (a, b) => a || b),
  __ror__: bitOp("__ror__", (a, b) => a || b),
  __xor__: bitOp("__xor__", (a, b) => a !== b),
  __rxor__: bitOp("__rxor__", (a, b) => a !== b),
});
