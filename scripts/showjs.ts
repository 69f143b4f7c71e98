// Prints the JavaScript the compiler generates for a Python file: `npx tsx scripts/showjs.ts f.py`
import { compile } from "../src/compiler/compile.ts";
import { readFileSync } from "node:fs";

const src = readFileSync(process.argv[2], "utf8");
console.log(compile(src, process.argv[2], "exec").js);
