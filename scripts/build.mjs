// Bundles the CLI into dist/upy.js so start-up loads one file.
import { build } from "esbuild";

await build({
  entryPoints: ["src/host/cli.ts"],
  outfile: "dist/upy.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  minifySyntax: true,
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
