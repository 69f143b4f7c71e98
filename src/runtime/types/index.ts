// Loads every builtin type's module for its side effects (method tables, hooks).
import "./type.ts";
import "./function.ts";
import "./module.ts";
import "./generator.ts";
import "./slice.ts";
