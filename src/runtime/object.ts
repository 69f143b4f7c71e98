// The object model: how Python values are represented in JavaScript.
//
//   int        JS number while Number.isSafeInteger, else bigint (results normalised back)
//   bool       JS true / false
//   str        JS string
//   float      PyFloat (boxed; see types/float.ts)
//   None       the singleton `None` (an object, so `None.x` is a plain property miss)
//   functions  JS functions (Python-callable; positional parameters map 1:1, `undefined` = missing)
//   others     JS objects whose prototype chain is their class's `$proto` chain
//
// Every prototype chain ends in `objectProto`, which has a null prototype: Python attribute names
// never collide with JavaScript's (`constructor`, `__proto__`, `toString`, ...). Internal fields
// and methods start with `$`, which no Python identifier can contain.
//
// Class attributes (methods, descriptors, class variables) live on the class's `$proto` object;
// instance attributes are own properties of the instance. A JS function found through the
// prototype chain is a method (binds self); a function stored as an instance attribute is kept
// in an `OwnFunction` wrapper so the two never mix up (see attr.ts).
//
// Flags read by generated code on prototypes:
//   $setOk  true on a user class's prototype when `o.x = v` may store an own property directly
//           (no __setattr__, no data descriptor of that name: see attr.ts)
//   $desc   true on descriptor objects (property, classmethod, staticmethod, OwnFunction, ...)

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Root of every builtin JS class that represents a Python object. */
export class PyObject {
  declare $cls: PyType;
}
Object.setPrototypeOf(PyObject.prototype, null);

export type PyMethod = (...args: any[]) => any;

/** A Python type (class). Its Python-visible attributes live in `$proto`, never on itself. */
export class PyType extends PyObject {
  $name: string;
  $qualname: string;
  $module: string;
  $bases: PyType[];
  $mro: PyType[];
  /** Class attribute storage and the JS prototype of instances. */
  $proto: any;
  /** Builtin base that decides the instance layout (list, dict, int, ...), or objectType. */
  $solid: PyType | null;
  /** Creates an instance of this builtin type from Python arguments (type.__call__'s work). */
  $new: ((cls: PyType, args: any[], kw: any) => any) | null;
  /** Builtin types only: the type called with one positional argument (call.ts fast path). */
  $new1: ((a: any) => any) | null = null;
  /** A class written in Python (not a builtin type). */
  $user = false;
  /** Subclasses, so changes to class attributes can refresh flattened MRO copies. */
  $subclasses: PyType[] = [];
  /** Extra internal data some types need (e.g. exception type flags). */
  $flags = 0;
  /** Instantiation fast path cached by call.ts (undefined = not computed; reset by classChanged). */
  $init: any = undefined;

  constructor(name: string, bases: PyType[], proto: any, metaclass?: PyType) {
    super();
    this.$name = name;
    this.$qualname = name;
    this.$module = "builtins";
    this.$bases = bases;
    this.$mro = [this];
    this.$proto = proto;
    this.$solid = null;
    this.$new = null;
    if (metaclass) this.$cls = metaclass;
    // The class object is reachable from its instances' prototype chain.
    proto.$cls = this;
  }
}

/** The root prototype: `object`'s class attributes. */
export const objectProto: any = PyObject.prototype;

export const objectType = new PyType("object", [], objectProto);
objectType.$solid = objectType;
export const typeType = new PyType("type", [objectType], PyType.prototype);
typeType.$mro = [typeType, objectType];
typeType.$solid = typeType;
Object.setPrototypeOf(PyType.prototype, objectProto);
delete (PyType.prototype as any).constructor;
delete (PyObject.prototype as any).constructor;

// ---------------------------------------------------------------- singletons

export class PyNoneType extends PyObject {}
export const noneType = defineBuiltinType("NoneType", PyNoneType.prototype);
export const None: any = new PyNoneType();

export class PyNotImplementedType extends PyObject {}
export const notImplementedType = defineBuiltinType("NotImplementedType", PyNotImplementedType.prototype);
export const NotImplemented: any = new PyNotImplementedType();

export class PyEllipsisType extends PyObject {}
export const ellipsisType = defineBuiltinType("ellipsis", PyEllipsisType.prototype);
export const Ellipsis: any = new PyEllipsisType();

/** Marks the end of iteration for iterNext; never a Python value. */
export const STOP: unique symbol = Symbol("STOP");

// ---------------------------------------------------------------- primitive types' classes
// Their prototypes are plain objects (JS primitives have no Python prototype chain); typeOf()
// maps the JS `typeof` to these.

export const intType = defineBuiltinType("int", Object.create(objectProto));
export const boolType = defineBuiltinType("bool", Object.create(intType.$proto), intType);
export const strType = defineBuiltinType("str", Object.create(objectProto));
/** Python functions (compiled) and builtin functions are both JS functions. */
export const functionType = defineBuiltinType("function", Object.create(objectProto));
// MicroPython names builtin functions' type "function" too.
export const builtinFunctionType = defineBuiltinType("function", Object.create(objectProto));

/**
 * Creates a builtin type over `proto` (a JS class prototype or a fresh object). The prototype
 * is re-rooted on the base's `$proto`, so instanceof and attribute lookup follow the MRO.
 */
export function defineBuiltinType(name: string, proto: any, base: PyType = objectType): PyType {
  if (Object.getPrototypeOf(proto) !== base.$proto) Object.setPrototypeOf(proto, base.$proto);
  if (Object.prototype.hasOwnProperty.call(proto, "constructor")) delete proto.constructor;
  const t = new PyType(name, [base], proto);
  t.$mro = [t, ...base.$mro];
  t.$solid = t;
  base.$subclasses.push(t);
  return t;
}

/** Installs Python-visible methods (and other class attributes) on a type, from its table. */
export function addMethods(t: PyType, table: Record<string, any>): void {
  for (const name of Object.keys(table)) {
    const v = table[name];
    if (typeof v === "function") {
      if (v.$name === undefined) v.$name = name;
      fixSigLength(v);
    }
    t.$proto[name] = v;
  }
}

/**
 * A builtin with a signature that has *args, keyword-only parameters or **kwargs must not be
 * called directly by generated code (its JS parameters are not all positional): `length` 0
 * sends such calls through call(), which binds keywords (the same rule as compiled functions).
 */
export function fixSigLength(f: any): void {
  const sig = f.$sig;
  if (sig !== undefined && f.length !== 0 && (sig.varargs || sig.varkw || sig.kwonly.length > 0)) setArity(f, 0);
  else if (f.$n === undefined) f.$n = f.length; // a function made without builtin()
}

// ---------------------------------------------------------------- type of a value

/** The Python type of any value. The fast cases come first. */
export function typeOf(x: any): PyType {
  switch (typeof x) {
    case "number":
    case "bigint":
      return intType;
    case "string":
      return strType;
    case "boolean":
      return boolType;
    case "function":
      return x.$type !== undefined ? x.$type : x.$builtin === true ? builtinFunctionType : functionType;
    case "object":
      return x.$cls;
    default:
      // `undefined` where a value is expected is an argument a builtin was not given.
      if (x === undefined) throw new MissingArgument();
      throw new Error("internal: not a Python value: " + String(x));
  }
}

/**
 * Thrown when a builtin uses a parameter it was not given (a missing argument is `undefined`,
 * which is no Python value); toPyExc turns it into TypeError, as MicroPython's argument checks.
 */
export class MissingArgument extends Error {}

/** The object holding class attributes for x's type (where special methods are found). */
export function protoOf(x: any): any {
  return typeof x === "object" ? Object.getPrototypeOf(x) : typeOf(x).$proto;
}

/** Is t a subclass of (or equal to) base? */
export function isSubtype(t: PyType, base: PyType): boolean {
  if (t === base) return true;
  const mro = t.$mro;
  for (let i = 1; i < mro.length; i++) if (mro[i] === base) return true;
  return false;
}

export function isInstance(x: any, t: PyType): boolean {
  return isSubtype(typeOf(x), t);
}

/** Python type name of a value, for error messages. */
export function typeName(x: any): string {
  return typeOf(x).$name;
}

/** Looks a name up along the type's MRO (class attributes only). */
export function lookupInType(t: PyType, name: string): any {
  return t.$proto[name];
}

/** Marks a builtin JS function as Python-callable with a name (for repr and errors). */
export function builtin<F extends PyMethod>(name: string, f: F): F {
  (f as any).$name = name;
  (f as any).$builtin = true;
  (f as any).$n = f.length;
  return f;
}

/**
 * How many positional arguments generated code may pass a builtin or compiled function directly
 * (`typeof f === "function" && f.$n >= N ? f(a1, ..., aN) : callN(...)`): `$n`, a plain data
 * property (reading a function's `length` calls a native accessor), kept equal to the JS
 * `length` the runtime's own checks read. Change a function's arity only through here.
 */
export function setArity(f: any, n: number): void {
  Object.defineProperty(f, "length", { value: n });
  f.$n = n;
}
