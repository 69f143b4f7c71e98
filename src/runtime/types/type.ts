// type and object: class creation (C3 MRO, prototypes), object's default methods, super().
//
// A user class's `$proto` is `Object.create(<next in MRO>.$proto)` with single inheritance, so a
// class attribute lookup is a JS prototype lookup. With several bases, the chain cannot follow
// the MRO; the class then gets a private "flattened" prototype: a copy of the attributes of the
// MRO after it (refreshed when one of those classes changes) over the solid base's prototype.

import {
  PyType, PyObject, objectType, objectProto, typeType, typeOf, None, NotImplemented, builtin,
  addMethods, isSubtype,
} from "../object.ts";
import { typeError, attributeError } from "../exceptions.ts";
import { PyStaticMethod, PyClassMethod, PyProperty, PyBoundMethod } from "./function.ts";
import { call, type Kw, objectTypeRef, callType } from "../call.ts";
import {
  attrHooksExt, genericSetattr, setObjectSetattr, loadAttr, noAttr, genericDelattr, setObjectDelattr,
} from "../attr.ts";
import { mkTuple, PyTuple } from "./tuple.ts";
import { PyDict } from "./dict.ts";
import { repr } from "../ops.ts";
import { callerG } from "../hooks.ts";

const hasOwn = Object.prototype.hasOwnProperty;
objectTypeRef.t = objectType;

// ---------------------------------------------------------------- ids

let nextId = 0x1000;
/** A stable identity number for an object (id(), default hash and repr). */
export function objectId(o: any): number {
  if (typeof o !== "object" && typeof o !== "function") return 0;
  let id = o.$id;
  if (id === undefined || !hasOwn.call(o, "$id")) {
    id = nextId += 16;
    Object.defineProperty(o, "$id", { value: id, enumerable: false });
  }
  return id;
}

// ---------------------------------------------------------------- MRO

function c3(cls: PyType, bases: PyType[]): PyType[] {
  const seqs = bases.map((b) => b.$mro.slice()).concat([bases.slice()]);
  const out: PyType[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((t) => t.indexOf(c) > 0)) {
        cand = c;
        break;
      }
    }
    if (cand === null) throw typeError("Cannot create a consistent method resolution order (MRO)");
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

function solidBase(bases: PyType[]): PyType {
  let solid: PyType = objectType;
  for (const b of bases) {
    const s = b.$solid ?? objectType;
    if (s === objectType) continue;
    if (solid === objectType || isSubtype(s, solid)) solid = s;
    else if (!isSubtype(solid, s)) throw typeError("multiple bases have instance lay-out conflict");
  }
  return solid;
}

/** Builds the prototype chain for a class from its MRO (see the header comment). */
function linkProto(cls: PyType): void {
  const bases = cls.$bases;
  if (bases.length === 1) {
    Object.setPrototypeOf(cls.$proto, bases[0].$proto);
    return;
  }
  const solid = cls.$solid ?? objectType;
  const flat = Object.create(solid.$proto);
  const mro = cls.$mro;
  for (let i = mro.length - 1; i >= 1; i--) {
    const c = mro[i];
    if (isSubtype(solid, c)) continue;
    for (const k of Object.keys(c.$proto)) if (k !== "$cls") flat[k] = c.$proto[k];
    for (const k of ["$setOk", "$hk"]) if (hasOwn.call(c.$proto, k)) flat[k] = c.$proto[k];
  }
  Object.setPrototypeOf(cls.$proto, flat);
}

/** After a class attribute changes: refresh the flags and flattened prototypes below it. */
function classChanged(cls: PyType, _name: string): void {
  cls.$init = undefined;
  computeFlags(cls);
  for (const sub of cls.$subclasses) {
    if (sub.$bases.length > 1) linkProto(sub);
    classChanged(sub, _name);
  }
}

/** The flags generated code relies on: $setOk (plain attribute stores) and $hk (hashing). */
function computeFlags(cls: PyType): void {
  const p = cls.$proto;
  let setOk = p.__setattr__ === undefined || p.__setattr__ === objectSetattrFn;
  if (setOk) {
    for (const c of cls.$mro) {
      if (!c.$user) continue;
      for (const k of Object.keys(c.$proto)) {
        const v = c.$proto[k];
        if (v instanceof PyProperty || (typeof v === "object" && v !== null && v.$cls?.$user && v.$cls.$proto.__set__ !== undefined)) {
          setOk = false;
          break;
        }
      }
    }
  }
  p.$setOk = setOk;
  // Instances of a class with __get__ are descriptors: generated attribute loads must not
  // return them as plain values (see attr.ts).
  if (p.__get__ !== undefined) p.$desc = true;
  // Hashing: a class defining __eq__ without __hash__ is unhashable; one with __hash__ hashes by value.
  if (hasOwn.call(p, "__hash__")) p.$hk = p.__hash__ === None ? 2 : 1;
  else if (hasOwn.call(p, "__eq__")) {
    p.__hash__ = None;
    p.$hk = 2;
  }
}

// ---------------------------------------------------------------- class creation

/**
 * type.__new__(meta, name, bases, ns): `ns` is a null-prototype object of the class body's
 * names, in definition order.
 */
export function typeNew(meta: PyType, name: string, bases: PyType[], ns: Record<string, any>): PyType {
  if (bases.length === 0) bases = [objectType];
  for (const b of bases) {
    if (!(b instanceof PyType)) throw typeError("bases must be types");
    if ((b as any).$final) throw typeError(`type '${b.$name}' is not an acceptable base type`);
  }
  const proto: any = Object.create(null);
  const cls = new PyType(name, bases, proto, meta === typeType ? undefined : meta);
  cls.$user = true;
  cls.$solid = solidBase(bases);
  cls.$mro = c3(cls, bases);
  for (const b of bases) b.$subclasses.push(cls);
  linkProto(cls);
  for (const k of Object.keys(ns)) {
    let v = ns[k];
    if (k === "__new__" && typeof v === "function") v = new PyStaticMethod(v);
    if ((k === "__init_subclass__" || k === "__class_getitem__") && typeof v === "function") v = new PyClassMethod(v);
    if (k === "__qualname__") {
      cls.$qualname = v;
      continue;
    }
    if (k === "__module__") {
      cls.$module = v;
      continue;
    }
    proto[k] = v;
  }
  computeFlags(cls);
  // __set_name__ on descriptors, then __init_subclass__ of the parent.
  for (const k of Object.keys(ns)) {
    const v = ns[k];
    if (typeof v === "object" && v !== null && v.$cls !== undefined) {
      const sn = v.$cls.$proto.__set_name__;
      if (sn !== undefined) call(sn, [v, cls, k], null);
    }
  }
  const parentInit = Object.getPrototypeOf(proto).__init_subclass__;
  if (parentInit instanceof PyClassMethod) call(parentInit.$f, [cls], null);
  return cls;
}

/** The compiled form of a `class` statement: run the body into a namespace, then create. */
export function buildClass(body: (ns: any) => void, name: string, bases: any[], kw: Kw, module: string, qualname: string, bc?: any): any {
  // A class statement passes the current __build_class__: a replacement is called instead.
  if (bc !== undefined && bc.$buildClass !== true) return call(bc, [body, name, ...bases], kw);
  let meta: PyType = typeType;
  let kwRest: Kw = null;
  if (kw !== null) {
    for (const k in kw) {
      if (k === "metaclass") meta = kw[k];
      else (kwRest ??= Object.create(null))[k] = kw[k];
    }
  }
  for (const b of bases) {
    const bt = typeOf(b);
    if (isSubtype(bt, meta)) meta = bt;
  }
  const ns: any = Object.create(null);
  ns.__module__ = module;
  ns.__qualname__ = qualname;
  // The body runs with the class namespace as MicroPython's mp_locals (locals() in it).
  const prevTop = callerG.top;
  callerG.top = ns;
  try {
    body(ns);
  } finally {
    callerG.top = prevTop;
  }
  if (meta === typeType) return typeNew(typeType, name, bases, ns);
  // A metaclass: call it like Python does, with the namespace as a dict.
  const d = new PyDict();
  for (const k of Object.keys(ns)) d.$t.set(k, ns[k]);
  return call(meta, [name, mkTuple(bases), d], kwRest);
}

function setClassAttr(c: PyType, name: string, v: any): void {
  if (!c.$user) throw typeError(`can't set attributes of built-in/extension type '${c.$name}'`);
  c.$proto[name] = v;
  classChanged(c, name);
}
attrHooksExt.setClassAttr = setClassAttr;
attrHooksExt.classChanged = classChanged;
attrHooksExt.mkTuple = mkTuple;

// ---------------------------------------------------------------- super

export class PySuper extends PyObject {
  constructor(public $type: PyType, public $obj: any) {
    super();
  }
}
export const superType = new PyType("super", [objectType], PySuper.prototype);
Object.setPrototypeOf(PySuper.prototype, objectProto);
superType.$mro = [superType, objectType];

/** super(type, obj).name */
export function superLoad(s: PySuper, name: string): any {
  const obj = s.$obj;
  const startType: PyType = obj instanceof PyType && isSubtype(obj, s.$type) ? obj : typeOf(obj);
  const mro = startType.$mro;
  let i = mro.indexOf(s.$type) + 1;
  for (; i < mro.length; i++) {
    const p = mro[i].$proto;
    if (!hasOwn.call(p, name)) continue;
    const v = p[name];
    if (obj instanceof PyType && startType === obj) {
      if (v instanceof PyClassMethod) return new PyBoundMethod(obj, v.$f);
      if (v instanceof PyStaticMethod) return v.$f;
      if (typeof v === "function" && name === "__new__") return v;
      return v;
    }
    if (typeof v === "function") return new PyBoundMethod(obj, v);
    if (v instanceof PyStaticMethod) return v.$f;
    if (v instanceof PyClassMethod) return new PyBoundMethod(startType, v.$f);
    if (v instanceof PyProperty) return call(v.fget, [obj], null);
    return v;
  }
  throw attributeError(`'super' object has no attribute '${name}'`);
}

export function mkSuper(cls: any, self: any): PySuper {
  if (cls === undefined) throw typeError("super() can't find self");
  return new PySuper(cls, self);
}

// ---------------------------------------------------------------- object's methods

const object_new = builtin("__new__", (cls: any, ..._args: any[]) => {
  // Only classes written in Python (MicroPython: "arg must be user-type").
  if (!(cls instanceof PyType) || !cls.$user) throw typeError("arg must be user-type");
  const solid = cls.$solid;
  if (solid !== null && solid !== objectType && solid.$new !== null) return solid.$new(cls, [], null);
  return Object.create(cls.$proto);
});
(object_new as any).$builtinNew = true;

const object_init = builtin("__init__", (_self: any, ..._args: any[]) => None);
(object_init as any).$builtinInit = true;

const objectSetattrFn = builtin("__setattr__", (self: any, name: any, v: any) => {
  if (typeof name !== "string") throw typeError("attribute name must be string");
  genericSetattr(self, name, v);
  return None;
});
setObjectSetattr(objectSetattrFn);

const objectDelattrFn = builtin("__delattr__", (self: any, name: any) => {
  if (typeof name !== "string") throw typeError("attribute name must be string");
  genericDelattr(self, name);
  return None;
});
setObjectDelattr(objectDelattrFn);

export function defaultRepr(self: any): string {
  const t = typeOf(self);
  const mod = t.$module === "builtins" || t.$module === "__main__" ? "" : t.$module + ".";
  void mod;
  return `<${t.$name} object at ${objectId(self).toString(16)}>`;
}

addMethods(objectType, {
  __new__: object_new,
  __init__: object_init,
  __setattr__: objectSetattrFn,
  __repr__: builtin("__repr__", defaultRepr),
  __str__: builtin("__str__", (self: any) => repr(self)),
  __eq__: builtin("__eq__", (self: any, other: any) => (self === other ? true : NotImplemented)),
  __hash__: builtin("__hash__", (self: any) => objectId(self)),
  __delattr__: objectDelattrFn,
});
objectType.$new = (cls: PyType) => Object.create(cls.$proto);

// ---------------------------------------------------------------- type's methods

typeType.$new = (cls: PyType, args: any[]) => {
  if (args.length === 1 && cls === typeType) return typeOf(args[0]);
  if (args.length === 3) {
    const [name, bases, d] = args;
    if (!(bases instanceof PyTuple) || !(d instanceof PyDict)) throw typeError("type() takes a name, a tuple of bases and a dict");
    const ns: any = Object.create(null);
    for (const e of d.$t.entries()) ns[e.k] = e.v;
    return typeNew(cls, name, bases.$a, ns);
  }
  throw typeError("type takes 1 or 3 arguments");
};

addMethods(typeType, {
  __new__: builtin("__new__", (meta: any, name: any, bases: any, d: any) => {
    const ns: any = Object.create(null);
    if (d instanceof PyDict) for (const e of d.$t.entries()) ns[e.k] = e.v;
    return typeNew(meta, name, bases instanceof PyTuple ? bases.$a : [], ns);
  }),
  __init__: builtin("__init__", () => None),
  __call__: builtin("__call__", (cls: any, ...args: any[]) => callType(cls, args, null)),
  __repr__: builtin("__repr__", (cls: any) =>
    cls.$user && cls.$module !== "builtins" && cls.$module !== "__main__"
      ? `<class '${cls.$module}.${cls.$qualname}'>`
      : `<class '${cls.$name}'>`),
  mro: builtin("mro", (cls: any) => attrHooksExt.mkTuple(cls.$mro)),
  __subclasses__: builtin("__subclasses__", (cls: any) => attrHooksExt.mkTuple(cls.$subclasses)),
});
(typeType.$proto.__call__ as any).$typeCall = true;
// type(x) and type(name, bases, dict) go through $new (a metaclass's own __new__ still runs).
(typeType.$proto.__new__ as any).$builtinNew = true;

export { loadAttr, noAttr, PyProperty, PyClassMethod, PyStaticMethod };
