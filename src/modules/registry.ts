// Every built-in module written in TypeScript, by import name. Add one line per module.
// Each module file exports `makeModule()` returning its member table.
import { makeModule as sysModule } from "./sys.ts";

export const builtinModules: [string, () => Record<string, any>][] = [
  ["sys", sysModule],
];
