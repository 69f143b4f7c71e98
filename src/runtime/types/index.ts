// Loads every builtin type's module for its side effects (method tables, hooks).
import "./type.ts";
import "./function.ts";
import "./module.ts";
import "./generator.ts";
import "./slice.ts";
import "./list.ts";
import "./tuple.ts";
import "./dict.ts";
import "./set.ts";
import "./range.ts";
import "./iterators.ts";
import "./int.ts";
import "./float.ts";
import "./complex.ts";
import "./bool.ts";
import "./str.ts";
import "./bytes.ts";
import "./memoryview.ts";
import { checkSelfArg } from "../attr.ts";
import { intType, strType } from "../object.ts";
import { listType } from "./list.ts";
import { tupleType } from "./tuple.ts";
import { dictType } from "./dict.ts";
import { setType, frozensetType } from "./set.ts";
import { bytesType, bytearrayType } from "./bytes.ts";
import { floatType } from "./float.ts";
import { complexType } from "./complex.ts";
import { rangeType } from "./range.ts";
import { memoryviewType } from "./memoryview.ts";

// Builtin methods taken from these classes check their self argument (attr.ts checkedMethod).
checkSelfArg(
  intType, strType, listType, tupleType, dictType, setType, frozensetType, bytesType, bytearrayType,
  floatType, complexType, rangeType, memoryviewType,
);
