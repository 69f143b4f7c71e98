// Python-level behaviour of the callables, descriptors and singletons whose layouts are declared
// in function.ts, type.ts and object.ts: property, classmethod, staticmethod, bound_method,
// function, super, NoneType, NotImplementedType and ellipsis (MicroPython's objproperty.c,
// objboundmeth.c, objfun.c, objtype.c super, objnone.c, objsingleton.c).

import {
  PyType, addMethods, builtin, None, NotImplemented, Ellipsis, noneType, notImplementedType,
  ellipsisType, functionType, builtinFunctionType, typeOf, isSubtype,
} from "../object.ts";
import {
  typeError, attributeError, newExc, TypeError, RuntimeError, AttributeError, isPyException, excMatches,
} from "../exceptions.ts";
import {
  PyProperty, propertyType, PyStaticMethod, staticMethodType, PyClassMethod, classMethodType,
  PyBoundMethod, boundMethodType,
} from "./function.ts";
import { PySuper, superType, superLoad, objectId } from "./type.ts";
import { call, hasKeys, type Kw } from "../call.ts";
import { repr, str, eqBool, hash } from "../ops.ts";
import { loadAttrOrUndefined } from "../attr.ts";

/** Rejects keyword arguments for constructors that take none. */
function noKw(kw: Kw): void {
  if (kw !== null && hasKeys(kw)) throw typeError("function doesn't take keyword arguments");
}

function argCount(args: any[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const n = min === max ? `${min}` : `${min} to ${max}`;
    throw typeError(`function takes ${n} positional arguments but ${args.length} were given`);
  }
}

// ---------------------------------------------------------------- property

function mkProperty(cls: PyType, fget: any, fset: any, fdel: any): PyProperty {
  if (cls === propertyType) return new PyProperty(fget, fset, fdel);
  const p: PyProperty = Object.create(cls.$proto);
  p.fget = fget;
  p.fset = fset;
  p.fdel = fdel;
  return p;
}

// property(fget=None, fset=None, fdel=None, doc=None); the doc string is discarded (MicroPython).
propertyType.$new = (cls: PyType, args: any[], kw: Kw) => {
  argCount(args, 0, 4);
  const v = [None, None, None, None];
  for (let i = 0; i < args.length; i++) v[i] = args[i];
  if (kw !== null) {
    for (const k in kw) {
      const i = ["fget", "fset", "fdel", "doc"].indexOf(k);
      if (i < 0) throw typeError(`unexpected keyword argument '${k}'`);
      v[i] = kw[k];
    }
  }
  return mkProperty(cls, v[0], v[1], v[2]);
};

addMethods(propertyType, {
  getter: builtin("getter", (self: PyProperty, f: any) => new PyProperty(f, self.fset, self.fdel)),
  setter: builtin("setter", (self: PyProperty, f: any) => new PyProperty(self.fget, f, self.fdel)),
  deleter: builtin("deleter", (self: PyProperty, f: any) => new PyProperty(self.fget, self.fset, f)),
  __get__: builtin("__get__", (self: PyProperty, obj: any) => {
    if (obj === None || obj === undefined) return self;
    if (self.fget === None) throw attributeError("unreadable attribute");
    return call(self.fget, [obj], null);
  }),
  __set__: builtin("__set__", (self: PyProperty, obj: any, v: any) => {
    if (self.fset === None) throw attributeError("can't set attribute");
    call(self.fset, [obj, v], null);
    return None;
  }),
  __delete__: builtin("__delete__", (self: PyProperty, obj: any) => {
    if (self.fdel === None) throw attributeError("can't delete attribute");
    call(self.fdel, [obj], null);
    return None;
  }),
});

// ---------------------------------------------------------------- staticmethod, classmethod

staticMethodType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  argCount(args, 1, 1);
  if (cls === staticMethodType) return new PyStaticMethod(args[0]);
  const o: PyStaticMethod = Object.create(cls.$proto);
  o.$f = args[0];
  return o;
};

classMethodType.$new = (cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  argCount(args, 1, 1);
  if (cls === classMethodType) return new PyClassMethod(args[0]);
  const o: PyClassMethod = Object.create(cls.$proto);
  o.$f = args[0];
  return o;
};

function wrappedFunc(this: PyStaticMethod | PyClassMethod, name: string): any {
  return name === "__func__" ? this.$f : undefined;
}
staticMethodType.$proto.$getattr = wrappedFunc;
classMethodType.$proto.$getattr = wrappedFunc;

addMethods(staticMethodType, {
  __repr__: builtin("__repr__", () => "<staticmethod>"),
  __get__: builtin("__get__", (self: PyStaticMethod) => self.$f),
});
addMethods(classMethodType, {
  __repr__: builtin("__repr__", () => "<classmethod>"),
  __get__: builtin("__get__", (self: PyClassMethod, obj: any, owner?: any) =>
    new PyBoundMethod(owner === undefined || owner === None ? typeOf(obj) : owner, self.$f)),
});

// ---------------------------------------------------------------- bound methods

function boundmeth_repr(self: PyBoundMethod): string {
  return `<bound_method ${objectId(self).toString(16)} ${repr(self.$self)}.${repr(self.$func)}>`;
}

function boundmeth_eq(self: PyBoundMethod, other: any): any {
  if (!(other instanceof PyBoundMethod)) return NotImplemented;
  return self.$self === other.$self && (self.$func === other.$func || eqBool(self.$func, other.$func));
}

function boundmeth_hash(self: PyBoundMethod): any {
  const a = objectIdOrHash(self.$self);
  return (a ^ objectId(self.$func)) & 0x3fffffff;
}

function objectIdOrHash(x: any): number {
  if (typeof x === "object" || typeof x === "function") return objectId(x);
  const h = hash(x);
  return typeof h === "number" ? h | 0 : Number(h & 0x3fffffffn);
}

// Other attributes (__name__, __doc__, ...) come from the function (MicroPython delegates too).
boundMethodType.$proto.$getattr = function (this: PyBoundMethod, name: string): any {
  return loadAttrOrUndefined(this.$func, name);
};

addMethods(boundMethodType, {
  __repr__: builtin("__repr__", boundmeth_repr),
  __eq__: builtin("__eq__", boundmeth_eq),
  __hash__: builtin("__hash__", boundmeth_hash),
});
boundMethodType.$proto.$hk = 1;

// ---------------------------------------------------------------- functions

addMethods(functionType, {
  __repr__: builtin("__repr__", (f: any) => `<function ${f.$name ?? "<lambda>"} at 0x${objectId(f).toString(16)}>`),
});
// MicroPython prints builtin functions without details.
addMethods(builtinFunctionType, {
  __repr__: builtin("__repr__", () => "<function>"),
});

// ---------------------------------------------------------------- super

// super(type, obj): the zero-argument form is compiled (mkSuper); the one-argument (unbound)
// form is accepted and finds class attributes without binding them.
superType.$solid = superType;
superType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  if (args.length === 0) throw newExc(RuntimeError, "super() can't find self");
  argCount(args, 1, 2);
  const t = args[0];
  if (!(t instanceof PyType)) throw typeError("super() argument 1 must be type");
  if (args.length === 1) return new PySuper(t, undefined);
  const obj = args[1];
  const ot = obj instanceof PyType ? obj : typeOf(obj);
  if (!isSubtype(ot, t)) throw newExc(TypeError);
  return new PySuper(t, obj);
};

function super_getattr(this: PySuper, name: string): any {
  if (this.$obj === undefined) {
    const mro = this.$type.$mro;
    for (let i = 1; i < mro.length; i++) {
      const v = mro[i].$proto[name];
      if (v !== undefined && Object.prototype.hasOwnProperty.call(mro[i].$proto, name)) return v;
    }
    return undefined;
  }
  try {
    return superLoad(this, name);
  } catch (e) {
    if (isPyException(e) && excMatches(e, AttributeError)) return undefined;
    throw e;
  }
}

// A super object has no attributes of its own (not even object's): every name is looked up
// along the MRO after its type, so `super(A, self).__init__` finds the parent's __init__.
Object.setPrototypeOf(superType.$proto, null);
superType.$proto.$getattr = super_getattr;
// Hashable by identity (MicroPython's super objects are); super(A, self).__hash__ is thus not
// the parent's, unlike the compiled zero-argument super().
superType.$proto.__hash__ = builtin("__hash__", (self: PySuper) => objectId(self));
superType.$proto.__repr__ = builtin("__repr__", (self: PySuper) =>
  `<super: ${str(self.$type)}, ${self.$obj === undefined ? "NULL" : str(self.$obj)}>`);

// ---------------------------------------------------------------- singletons

noneType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  argCount(args, 0, 0);
  return None;
};
notImplementedType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  argCount(args, 0, 0);
  return NotImplemented;
};
ellipsisType.$new = (_cls: PyType, args: any[], kw: Kw) => {
  noKw(kw);
  argCount(args, 0, 0);
  return Ellipsis;
};

addMethods(noneType, { __repr__: builtin("__repr__", () => "None") });
addMethods(notImplementedType, { __repr__: builtin("__repr__", () => "NotImplemented") });
addMethods(ellipsisType, { __repr__: builtin("__repr__", () => "Ellipsis") });

// Types without a constructor cannot be subclassed (MicroPython: no make_new).
for (const t of [boundMethodType, functionType, builtinFunctionType, noneType, notImplementedType, ellipsisType]) {
  (t as any).$final = true;
}
