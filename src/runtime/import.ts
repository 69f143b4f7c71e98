// The import system: sys.modules, built-in modules (registered by src/modules/index.ts), and
// Python modules and packages found on sys.path through the host file system.
// https://docs.micropython.org/en/latest/reference/packages.html

import { None, STOP, fixSigLength } from "./object.ts";
import { newExc, ImportError, ValueError, AttributeError, valueError, isPyException, excMatches } from "./exceptions.ts";
import { PyModule } from "./types/module.ts";
import { PyDict } from "./types/dict.ts";
import { PyList, mkList } from "./types/list.ts";
import { PyTuple } from "./types/tuple.ts";
import { loadAttr, loadAttrOrUndefined } from "./attr.ts";
import { argStr } from "./types/str.ts";
import { getIter, iterNext, str, getItem } from "./ops.ts";
import { langHooks } from "./hooks.ts";
import { host, type StatResult } from "./host.ts";

/** sys.modules */
export const sysModules = new PyDict();
/** sys.path (the CLI and the board set its entries) */
export const sysPath: PyList = mkList([]);

type ModuleFactory = () => Record<string, any>;
const factories = new Map<string, ModuleFactory>();

/** Registers a module written in TypeScript; it is created on first import. */
export function registerBuiltinModule(name: string, factory: ModuleFactory): void {
  factories.set(name, factory);
}

export function builtinModuleNames(): string[] {
  return [...factories.keys()].sort();
}

let builtinsNs: any = Object.create(null);
/** The builtins namespace: the prototype of every module's globals. */
export function setBuiltins(ns: any): void {
  builtinsNs = ns;
}
export function getBuiltins(): any {
  return builtinsNs;
}

/** Runs module source in a globals object; set by runtime/exec.ts (compiler glue). */
export const importHooks = {
  runModule: (_source: string, _file: string, _globals: any): void => {
    throw new Error("internal: no compiler available");
  },
};

/** A fresh globals object for a module named `name`. */
export function newGlobals(name: string, file?: string): any {
  const g = Object.create(builtinsNs);
  g.__name__ = name;
  if (file !== undefined) g.__file__ = file;
  return g;
}

export function newModule(name: string, globals?: any): PyModule {
  return new PyModule(name, globals ?? newGlobals(name));
}

function noModule(name: string) {
  return newExc(ImportError, `no module named '${name}'`);
}

function getLoaded(name: string): PyModule | undefined {
  const e = sysModules.$t.get(name);
  return e === undefined ? undefined : e.v;
}

/**
 * Built-in modules a file on sys.path may replace (MicroPython's MP_REGISTER_EXTENSIBLE_MODULE):
 * `import os` finds os.py first if there is one. Others (sys, micropython, machine's board
 * modules...) are always the built-in; so is a `u`-prefixed name (`uos` is built-in os).
 */
const EXTENSIBLE = new Set([
  "array", "binascii", "bluetooth", "collections", "cryptolib", "errno", "hashlib", "heapq", "io", "json",
  "machine", "os", "platform", "random", "re", "select", "socket", "ssl", "string", "struct", "time",
  "websocket",
]);

/** The module running as __main__: `import __main__` finds it, though sys.modules does not list it. */
let mainModule: PyModule | null = null;

export function setMainModule(m: PyModule): void {
  mainModule = m;
}

export function getMainModule(): PyModule | null {
  return mainModule;
}

/** The built-in module objects, made once (sys.modules may hold a file of the same name). */
const builtinMods = new Map<string, PyModule>();

/** sys.path as it is now (a program may rebind it; an empty one forces built-ins). */
function currentPath(): any {
  const sys = builtinMods.get("sys");
  return sys !== undefined ? sys.$d.path : sysPath;
}

/** No directory to search (pathEntries would give none). */
function noEntries(list: any): boolean {
  return !(list instanceof PyList || list instanceof PyTuple) || list.$a.length === 0;
}

function makeBuiltinModule(name: string, factory: ModuleFactory): PyModule {
  // Kept out of sys.modules, as in MicroPython (which lists only modules loaded from files).
  const made = builtinMods.get(name);
  if (made !== undefined) return made;
  const d: any = Object.create(null);
  d.__name__ = name;
  const members = factory();
  for (const k of Object.keys(members)) {
    const v = members[k];
    if (typeof v === "function") fixSigLength(v);
    d[k] = v;
  }
  const m = new PyModule(name, d);
  builtinMods.set(name, m);
  return m;
}

function joinPath(dir: string, name: string): string {
  if (dir === "" || dir === ".") return name;
  return dir.endsWith("/") ? dir + name : dir + "/" + name;
}

/** How imports reach files: the host's file system until modules/vfs.ts routes them through
 *  its mount table (a module may then come from a user-defined file system). */
export const importFS = {
  stat: (path: string): StatResult | null => host.fs?.stat(path) ?? null,
  readFile: (path: string): Uint8Array | null => host.fs?.readFile(path) ?? null,
};

function isDir(path: string): boolean {
  const st = importFS.stat(path === "" ? "." : path);
  return st != null && st.isDir;
}

function isFile(path: string): boolean {
  const st = importFS.stat(path);
  return st != null && !st.isDir;
}

/** Finds `leaf` in the given directories: a .py file, or a package directory. */
function findOnPath(leaf: string, dirs: string[]): { file: string | null; pkgDir: string | null } | null {
  for (const dir of dirs) {
    const base = joinPath(dir, leaf);
    if (isDir(base)) {
      const init = base + "/__init__.py";
      return { file: isFile(init) ? init : null, pkgDir: base };
    }
    if (isFile(base + ".py")) return { file: base + ".py", pkgDir: null };
    if (isFile(base + ".mpy")) return { file: base + ".mpy", pkgDir: null };
  }
  return null;
}

function pathEntries(list: any): string[] {
  const out: string[] = [];
  if (list instanceof PyList || list instanceof PyTuple) for (const x of list.$a) out.push(str(x));
  return out;
}

/** Imports one fully-qualified module whose parent package (if any) is already imported. */
function importOne(fullname: string, parent: PyModule | null): PyModule {
  // MicroPython's order: a loaded module (unless sys.path is empty: that forces a built-in),
  // a non-extensible built-in, a file on sys.path, then an extensible built-in.
  const path = parent === null ? currentPath() : null;
  if (path === null || !noEntries(path)) {
    const loaded = getLoaded(fullname);
    if (loaded !== undefined) return loaded;
  }
  const leaf = fullname.slice(fullname.lastIndexOf(".") + 1);
  let dirs: string[];
  let extensible: ModuleFactory | undefined;
  if (parent === null) {
    if (fullname === "__main__" && mainModule !== null && getLoaded(fullname) === undefined) return mainModule;
    if (fullname === "builtins") {
      // The module shares the namespace every module's globals fall back to, so
      // `builtins.abs = f` changes what `abs` means everywhere, as in MicroPython.
      const m = new PyModule("builtins", builtinsNs);
      sysModules.$t.set(fullname, m);
      return m;
    }
    const factory = factories.get(fullname);
    if (factory !== undefined) {
      if (!EXTENSIBLE.has(fullname)) return makeBuiltinModule(fullname, factory);
      extensible = factory;
    } else if (fullname.startsWith("u") && factories.has(fullname.slice(1))) {
      // `import uos`: the built-in os, whatever the path holds (MicroPython's u-prefix alias).
      const name = fullname.slice(1);
      return makeBuiltinModule(name, factories.get(name)!);
    }
    dirs = pathEntries(path);
  } else {
    const p = parent.$d.__path__;
    if (p === undefined) throw noModule(fullname);
    dirs = [str(p)];
  }
  const found = host.fs !== null ? findOnPath(leaf, dirs) : null;
  if (found === null) {
    if (extensible !== undefined) return makeBuiltinModule(fullname, extensible);
    throw noModule(fullname);
  }
  const g = newGlobals(fullname, found.file ?? undefined);
  if (found.pkgDir !== null) g.__path__ = found.pkgDir;
  const mod = new PyModule(fullname, g);
  sysModules.$t.set(fullname, mod);
  if (parent !== null) parent.$d[leaf] = mod;
  if (found.file !== null) {
    const data = importFS.readFile(found.file);
    if (data === null) throw noModule(fullname);
    // Compiled .mpy files hold MicroPython bytecode, which this implementation cannot run.
    if (found.file.endsWith(".mpy")) {
      sysModules.$t.delete(fullname);
      if (parent !== null) delete parent.$d[leaf];
      throw newExc(ValueError, "incompatible .mpy file");
    }
    try {
      importHooks.runModule(new TextDecoder().decode(data), found.file, g);
    } catch (e) {
      sysModules.$t.delete(fullname);
      if (parent !== null) delete parent.$d[leaf];
      throw e;
    }
  }
  return mod;
}

/** Resolves a relative import against the importing module's package. */
function resolveName(name: string, level: number, globals: any): string {
  if (level === 0) return name;
  let pkg: string = globals?.__path__ !== undefined ? globals.__name__ : (globals?.__name__ ?? "");
  if (globals?.__path__ === undefined) {
    const i = pkg.lastIndexOf(".");
    pkg = i < 0 ? "" : pkg.slice(0, i);
  }
  for (let i = 1; i < level; i++) {
    const j = pkg.lastIndexOf(".");
    if (j < 0) {
      pkg = "";
      break;
    }
    pkg = pkg.slice(0, j);
  }
  if (pkg === "" || pkg === "__main__") throw newExc(ImportError, "can't perform relative import");
  return name === "" ? pkg : pkg + "." + name;
}

/** `import a.b.c` / `from x import y`: imports each package on the way, returns the top or the leaf. */
export function importName(name: string, fromlist: string[] | null, level: number, globals: any): PyModule {
  if (name === "" && level === 0) throw valueError("Empty module name");
  const full = resolveName(name, level, globals);
  const parts = full.split(".");
  let parent: PyModule | null = null;
  let top: PyModule | null = null;
  let prefix = "";
  for (const part of parts) {
    prefix = prefix === "" ? part : prefix + "." + part;
    const m: PyModule = importOne(prefix, parent);
    if (top === null) top = m;
    parent = m;
  }
  if (fromlist !== null || level > 0) return parent!;
  return top!;
}

export function importFrom(mod: any, name: string): any {
  const v = loadAttrOrUndefined(mod, name);
  if (v !== undefined) return v;
  if (mod instanceof PyModule && mod.$d.__path__ !== undefined) {
    try {
      return importOne(mod.$name + "." + name, mod);
    } catch {
      // fall through to the ImportError below
    }
  }
  throw newExc(ImportError, `can't import name ${name}`);
}

export function importStar(mod: any, globals: any): void {
  // __all__ as an attribute (a module __getattr__ may provide it; its AttributeError means none),
  // each name in it loaded as an attribute too, as MicroPython's mp_import_all does.
  let all: any;
  try {
    all = loadAttrOrUndefined(mod, "__all__");
  } catch (e) {
    if (!(isPyException(e) && excMatches(e, AttributeError))) throw e;
    all = undefined;
  }
  if (all !== undefined) {
    const it = getIter(all);
    for (let k = iterNext(it); k !== STOP; k = iterNext(it)) globals[k] = loadAttr(mod, argStr(k));
    return;
  }
  if (mod instanceof PyModule) {
    const d = mod.$d;
    for (const k of Object.keys(d)) if (!k.startsWith("_")) globals[k] = d[k];
    return;
  }
  // Anything else in sys.modules (a class, an instance): the public names of its __dict__.
  const dict = loadAttr(mod, "__dict__");
  const it = getIter(dict);
  for (let k = iterNext(it); k !== STOP; k = iterNext(it)) {
    const name = argStr(k);
    if (!name.startsWith("_")) globals[name] = getItem(dict, k);
  }
}

/** `__import__(name, globals, locals, fromlist, level)` */
export function builtinImport(name: string, globals: any, fromlist: any, level: number): PyModule {
  const fl = fromlist === None || fromlist === undefined ? null : [];
  return importName(name, fl, level, globals);
}

langHooks.importName = importName;
langHooks.importFrom = importFrom;
langHooks.importStar = importStar;
