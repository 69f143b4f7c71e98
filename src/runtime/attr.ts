// Attribute access: the general paths behind the guarded property accesses that generated code
// emits at each site (see codegen). Generated code for `o.x`:
//   ((t = o.x) === undefined || typeof t === "function" || t.$desc === true) ? loadAttr(o, "x") : t
// for `o.x = v`:
//   o.$setOk === true && typeof v !== "function" ? (o.x = v) : storeAttr(o, "x", v)
// and for `o.m(a)`:
//   typeof o === "object" && typeof (f = o.m) === "function" && f.$n >= 2 ? f(o, a)
//     : callMethod(o, "m", [a], null)

import { PyType, typeOf, None, builtin, PyObject, isSubtype, objectType, setArity } from "./object.ts";
import { attributeError, typeError, newExc, AttributeError, excMatches, isPyException } from "./exceptions.ts";
import {
  PyBoundMethod, OwnFunction, PyStaticMethod, PyClassMethod, PyProperty,
} from "./types/function.ts";
import { call, type Kw, builtinVarargs } from "./call.ts";
import { PyModule, moduleIsReadOnly } from "./types/module.ts";

const hasOwn = Object.prototype.hasOwnProperty;

/** Attributes every value has that are not stored as class attributes. */
function specialAttr(o: any, name: string): any {
  switch (name) {
    case "__class__":
      return typeOf(o);
    case "__name__":
      if (typeof o === "function") return o.$name ?? "<lambda>";
      if (o instanceof PyType) return o.$name;
      break;
    case "__qualname__":
      if (typeof o === "function") return o.$qualname ?? o.$name;
      if (o instanceof PyType) return o.$qualname;
      break;
    case "__module__":
      if (o instanceof PyType) return o.$module;
      if (typeof o === "function" && o.$module !== undefined) return o.$module;
      break;
    case "__bases__":
      if (o instanceof PyType) return attrHooks.mkTuple(o.$bases);
      break;
    case "__mro__":
      if (o instanceof PyType) return attrHooks.mkTuple(o.$mro);
      break;
    case "__dict__":
      return attrHooks.instanceDict(o);
    case "__self__":
      if (o instanceof PyBoundMethod) return o.$self;
      if (typeof o === "function" && o.$self !== undefined) return o.$self;
      break;
    case "__func__":
      if (o instanceof PyBoundMethod) return o.$func;
      break;
    case "__globals__":
      if (typeof o === "function" && o.$globals !== undefined) return attrHooks.globalsDict(o.$globals);
      break;
  }
  return undefined;
}

/** Hooks filled in by modules above (avoids import cycles): see runtime/index.ts. */
export const attrHooks = {
  mkTuple: (a: any[]): any => a,
  instanceDict: (_o: any): any => undefined,
  globalsDict: (_g: any): any => undefined,
  setClassAttr: (c: PyType, name: string, v: any): void => {
    c.$proto[name] = v;
  },
  classChanged: (_c: PyType, _name: string): void => {},
};

/** Applies the descriptor protocol to a class attribute found for instance `o`. */
function bindClassAttr(v: any, o: any, owner: PyType): any {
  if (typeof v === "function") return new PyBoundMethod(o, v);
  if (typeof v !== "object") return v;
  if (v.$desc === true) {
    if (v instanceof PyProperty) {
      if (v.fget === None) throw attributeError("unreadable attribute");
      return call(v.fget, [o], null);
    }
    if (v instanceof PyStaticMethod) return v.$f;
    if (v instanceof PyClassMethod) return new PyBoundMethod(owner, v.$f);
    if (v instanceof OwnFunction) return v.$f;
  }
  const get = v.$cls !== undefined && v.$cls.$user ? v.$cls.$proto.__get__ : undefined;
  if (get !== undefined) return call(get, [v, o, owner], null);
  return v;
}

/** A builtin function stored on a user class behaves like a staticmethod (MicroPython). */
function isStaticBuiltin(f: any, t: PyType, name: string): boolean {
  if (f.$builtin !== true || !t.$user) return false;
  for (const c of t.$mro) if (hasOwn.call(c.$proto, name)) return c.$user;
  return false;
}

function isDataDescriptor(v: any): boolean {
  if (typeof v !== "object") return false;
  if (v instanceof PyProperty) return true;
  const t = v.$cls;
  return t !== undefined && t.$user === true && (t.$proto.__set__ !== undefined || t.$proto.__delete__ !== undefined);
}

export function loadAttr(o: any, name: string): any {
  // A user __getattr__'s own AttributeError propagates (MicroPython), hence `false`.
  const v = loadAttrOrUndefined(o, name, false);
  if (v !== undefined) return v;
  throw noAttr(o, name);
}

export function noAttr(o: any, name: string) {
  if (o instanceof PyType) return attributeError(`type object '${o.$name}' has no attribute '${name}'`);
  if (o instanceof PyModule) return attributeError(`module '${o.$name}' has no attribute '${name}'`);
  return attributeError(`'${typeOf(o).$name}' object has no attribute '${name}'`);
}

/** The attribute, or undefined when there is none (getattr with a default, hasattr). */
export function loadAttrOrUndefined(o: any, name: string, quiet = true): any {
  if (o instanceof PyType) return loadTypeAttr(o, name);
  if (o instanceof PyModule) {
    const v = o.$d[name];
    if (v !== undefined && hasOwn.call(o.$d, name)) return v;
    if (name === "__dict__") return attrHooks.instanceDict(o);
    const ga = o.$d.__getattr__;
    if (ga !== undefined && hasOwn.call(o.$d, "__getattr__") && name !== "__getattr__") return call(ga, [name], null);
    return undefined;
  }
  if (name.charCodeAt(0) === 36 /* $ */) return undefined;
  const t = typeOf(o);
  const proto = t.$proto;
  const cv = proto[name];
  if (cv !== undefined && isDataDescriptor(cv)) return bindClassAttr(cv, o, t);
  if ((typeof o === "object" || typeof o === "function") && hasOwn.call(o, name)) {
    const v = o[name];
    if (typeof o === "function" && (name === "length" || name === "name" || name === "prototype")) return undefined;
    return v instanceof OwnFunction ? v.$f : v;
  }
  if (cv !== undefined) return typeof cv === "function" && isStaticBuiltin(cv, t, name) ? cv : bindClassAttr(cv, o, t);
  const sv = specialAttr(o, name);
  if (sv !== undefined) return sv;
  // A builtin type's computed attributes (exception .value/.errno, super(): see $getattr users).
  const ig = proto.$getattr;
  if (ig !== undefined) {
    const r = ig.call(o, name);
    if (r !== undefined) return r;
  }
  const ga = proto.__getattr__;
  if (ga !== undefined && name !== "__getattr__") {
    if (!quiet) return call(ga, [o, name], null);
    try {
      return call(ga, [o, name], null);
    } catch (e) {
      if (isPyException(e) && excMatches(e, AttributeError)) return undefined;
      throw e;
    }
  }
  return undefined;
}

/** Class attribute lookup on a type object: C.x (functions come back unbound). */
function loadTypeAttr(c: PyType, name: string): any {
  if (name.charCodeAt(0) === 36) return undefined;
  const v = c.$proto[name];
  if (v !== undefined && name !== "$cls") {
    if (typeof v === "object") {
      if (v instanceof PyStaticMethod) return v.$f;
      if (v instanceof PyClassMethod) return new PyBoundMethod(c, v.$f);
      if (v instanceof PyProperty) return v;
      const get = v.$cls !== undefined && v.$cls.$user ? v.$cls.$proto.__get__ : undefined;
      if (get !== undefined) return call(get, [v, None, c], null);
    } else if (typeof v === "function" && v.$builtin === true && name !== "__new__") {
      return checkedMethod(c, name, v);
    }
    return v;
  }
  const sv = specialAttr(c, name);
  if (sv !== undefined) return sv;
  // Attributes of the metaclass (type's methods such as mro, or a user metaclass's).
  const meta = typeOf(c);
  const mv = meta.$proto[name];
  if (mv !== undefined) return bindClassAttr(mv, c, meta);
  return undefined;
}

/** Builtin types whose methods all take self first (see checkedMethod); set by types/index.ts. */
const selfChecked = new Set<PyType>();

export function checkSelfArg(...types: PyType[]): void {
  for (const t of types) selfChecked.add(t);
}

/**
 * A builtin type's method taken from the class (`list.append`) checks its first argument's type
 * when called, as MicroPython's checked functions do (py/runtime.c, CHECK_SELF_ARG). Only the
 * types registered with checkSelfArg: a builtin function stored on a user class acts as a
 * staticmethod, object's methods check for themselves, and some module types keep plain
 * functions as class attributes. The wrapper is cached on the method.
 */
function checkedMethod(c: PyType, name: string, f: any): any {
  let owner = c;
  for (const t of c.$mro) {
    if (hasOwn.call(t.$proto, name)) {
      owner = t;
      break;
    }
  }
  if (!selfChecked.has(owner)) return f;
  const w = f.$checked;
  if (w !== undefined && w.$owner === owner) return w;
  const checked: any = function (...args: any[]) {
    const self = args[0];
    if (self === undefined) throw typeError(`function missing 1 required positional arguments`);
    if (!isSubtype(typeOf(self), owner)) {
      throw typeError(`argument should be a '${owner.$name}' not a '${typeOf(self).$name}'`);
    }
    return f.apply(null, args);
  };
  setArity(checked, f.length);
  checked.$name = f.$name;
  checked.$builtin = true;
  checked.$owner = owner;
  if (f.$sig !== undefined) checked.$sig = f.$sig;
  f.$checked = checked;
  return checked;
}

export function storeAttr(o: any, name: string, v: any): void {
  if (o instanceof PyType) {
    attrHooks.setClassAttr(o, name, v);
    return;
  }
  if (o instanceof PyModule) {
    if (moduleIsReadOnly(o, name)) throw noAttr(o, name);
    o.$d[name] = v;
    return;
  }
  const t = typeOf(o);
  const proto = t.$proto;
  const sa = proto.__setattr__;
  if (sa !== undefined && sa !== objectSetattr) {
    call(sa, [o, name, v], null);
    return;
  }
  genericSetattr(o, name, v);
}

/** object.__setattr__: data descriptors first, else the instance's own attribute. */
export function genericSetattr(o: any, name: string, v: any): void {
  const t = typeOf(o);
  const cv = t.$proto[name];
  if (cv !== undefined && typeof cv === "object") {
    if (cv instanceof PyProperty) {
      if (cv.fset === None) throw attributeError("can't set attribute");
      call(cv.fset, [o, v], null);
      return;
    }
    const set = cv.$cls !== undefined && cv.$cls.$user ? cv.$cls.$proto.__set__ : undefined;
    if (set !== undefined) {
      call(set, [cv, o, v], null);
      return;
    }
  }
  if (!canHaveAttrs(o)) throw noAttr(o, name);
  if (name.charCodeAt(0) === 36) throw noAttr(o, name);
  if (typeof o === "function" && name === "__globals__") throw noAttr(o, name); // read-only
  if (typeof o === "function" && (name === "length" || name === "name" || name === "prototype")) {
    Object.defineProperty(o, name, { value: v, writable: true, configurable: true, enumerable: true });
    return;
  }
  o[name] = typeof v === "function" ? new OwnFunction(v) : v;
}

/** Instances of user classes and exceptions accept new attributes; functions do not (MicroPython's
 *  functions have no __dict__: `f.x = 1` is AttributeError). */
function canHaveAttrs(o: any): boolean {
  if (typeof o === "function") return false;
  if (typeof o !== "object") return false;
  const t: PyType = o.$cls;
  return t.$user || o.$attrsOk === true;
}

export function delAttr(o: any, name: string): void {
  if (o instanceof PyType) {
    if (!o.$user) throw typeError(`can't set attributes of built-in/extension type '${o.$name}'`);
    if (!hasOwn.call(o.$proto, name)) throw noAttr(o, name);
    delete o.$proto[name];
    attrHooks.classChanged(o, name);
    return;
  }
  if (o instanceof PyModule) {
    if (!hasOwn.call(o.$d, name)) throw noAttr(o, name);
    delete o.$d[name];
    return;
  }
  const da = typeOf(o).$proto.__delattr__;
  if (da !== undefined && da !== objectDelattr) {
    call(da, [o, name], null);
    return;
  }
  genericDelattr(o, name);
}

/** object.__delattr__: a data descriptor's deleter, else the instance's own attribute. */
export function genericDelattr(o: any, name: string): void {
  const cv = typeOf(o).$proto[name];
  if (cv instanceof PyProperty) {
    if (cv.fdel === None) throw attributeError("can't delete attribute");
    call(cv.fdel, [o], null);
    return;
  }
  const del = typeof cv === "object" && cv !== null && cv.$cls?.$user ? cv.$cls.$proto.__delete__ : undefined;
  if (del !== undefined) {
    call(del, [cv, o], null);
    return;
  }
  if ((typeof o === "object" || typeof o === "function") && hasOwn.call(o, name)) {
    delete o[name];
    return;
  }
  throw noAttr(o, name);
}

/** o.name(*args, **kw) without creating a bound method when the attribute is a plain method. */
export function callMethod(o: any, name: string, args: any[], kw: Kw): any {
  if (!(o instanceof PyType) && !(o instanceof PyModule) && name.charCodeAt(0) !== 36) {
    const t = typeOf(o);
    const proto = t.$proto;
    const cv = proto[name];
    if (typeof cv === "function" && !((typeof o === "object" || typeof o === "function") && hasOwn.call(o, name))) {
      if (t.$user && isStaticBuiltin(cv, t, name)) return call(cv, args, kw);
      if (kw === null && cv.$sig === undefined && (args.length < (cv.$n ?? cv.length) || (cv.$builtin === true && builtinVarargs(cv)))) {
        switch (args.length) {
          case 0:
            return cv(o);
          case 1:
            return cv(o, args[0]);
          case 2:
            return cv(o, args[0], args[1]);
        }
        return cv(o, ...args);
      }
      return call(cv, [o, ...args], kw);
    }
  }
  return call(loadAttr(o, name), args, kw);
}

/** A bare `object` instance is not settable; set once object.ts/type.ts define it. */
export let objectSetattr: any = undefined;
export function setObjectSetattr(f: any): void {
  objectSetattr = f;
}
/** object.__delattr__ (set by type.ts): deleting through it needs no call. */
export let objectDelattr: any = undefined;
export function setObjectDelattr(f: any): void {
  objectDelattr = f;
}

export const attrHooksExt = attrHooks;

export { builtin, PyObject, isSubtype, newExc, typeError };
