// Bundles the CLI into dist/upy-core.cjs (started by the small launcher dist/upy.js, which keeps a
// V8 code cache beside it), the virtual board's worker into dist/board_worker.js (loaded by
// `upy board` and the board API from beside the bundle), and the socket bridge's helper worker
// into dist/netbridge_worker.js (started by the socket module on first use).
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  minifySyntax: true,
  // Without comments the bundles are pure ASCII: V8 then keeps their source as one-byte strings
  // (a single non-Latin-1 character in a comment doubled the core's 0.9 MB source in memory).
  minifyWhitespace: true,
  logLevel: "warning",
};

// The implementation as CommonJS, run by the launcher dist/upy.js through V8's code cache
// (src/host/launch.ts); `import.meta.url` becomes a parameter the launcher passes.
await build({
  ...common,
  format: "cjs",
  entryPoints: ["src/host/cli.ts"],
  outfile: "dist/upy-core.cjs",
  define: { "import.meta.url": "__upyMetaUrl" },
});

await build({
  ...common,
  entryPoints: ["src/host/launch.ts"],
  outfile: "dist/upy.js",
  banner: { js: "#!/usr/bin/env node" },
});

// A fresh code cache: drop old ones, then a training run writes one (scripts/warmup.py).
for (const f of readdirSync("dist")) if (/^upy-core\..*\.cache/.test(f)) rmSync(join("dist", f), { force: true });
try {
  execFileSync(process.execPath, ["dist/upy.js", "scripts/warmup.py"], { stdio: "ignore" });
} catch {
  // no cache: the first run makes one
}

await build({
  ...common,
  entryPoints: ["src/board/worker.ts"],
  outfile: "dist/board_worker.js",
});

await build({
  ...common,
  entryPoints: ["src/host/netbridge_worker.ts"],
  outfile: "dist/netbridge_worker.js",
});
