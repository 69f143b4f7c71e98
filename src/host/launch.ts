// The `upy` launcher (dist/upy.js). The implementation itself is bundled into dist/upy-core.cjs
// (a CommonJS bundle of cli.ts); this runs it through V8's code cache, so start-up skips parsing
// and compiling the ~600 KB bundle and the runtime functions a previous run needed.
//
// The cache lives beside the bundle, named after the bundle's size and mtime (V8 itself only
// checks the source length) and any Node flags the run has, and is (re)written when the process
// exits if it was missing or V8 rejected it (another Node version). A read-only install simply runs uncached.
// The build removes stale caches and makes a fresh one with a training run (scripts/build.mjs).
import * as fs from "node:fs";
import * as vm from "node:vm";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const core = fileURLToPath(new URL("./upy-core.cjs", import.meta.url));
const dir = path.dirname(core);
const source = fs.readFileSync(core, "utf8");
const st = fs.statSync(core);
// Node/V8 flags change what V8 accepts: runs with flags keep their own cache, so that they do not
// replace the trained one (V8 would reject it, and rewrite it, at every other run).
const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").trim();
const cacheFile = path.join(dir, `upy-core.${st.size}-${Math.floor(st.mtimeMs)}${flags === "" ? "" : "-" + flagTag(flags)}.cache`);

function flagTag(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
let cached: Buffer | undefined;
try {
  cached = fs.readFileSync(cacheFile);
} catch {
  cached = undefined;
}
// The CommonJS wrapper, plus the bundle's stand-in for `import.meta.url` (see build.mjs).
const script = new vm.Script(
  "(function (exports, require, module, __filename, __dirname, __upyMetaUrl) {" + source + "\n})",
  { filename: core, cachedData: cached },
);
if (cached === undefined || script.cachedDataRejected === true) {
  process.once("exit", () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      // not writable: run without a cache
    }
  });
}
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(core), mod, core, dir, pathToFileURL(core).href);
