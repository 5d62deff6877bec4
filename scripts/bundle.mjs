// After tsc: bundle the CLI and the worker thread into one file each, so start-up loads 2 files instead of ~250.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const OUT_DIR = 'dist/bundle';
const CLI = `${OUT_DIR}/splq.mjs`;

/**
 * CommonJS dependencies (commander, yaml, saxes) call `require('events')` and the like; an ESM bundle has no
 * `require`, so each bundle gets one made for its own file.
 */
const REQUIRE_SHIM = "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);";

const options = {
  entryPoints: { splq: 'src/cli/main.ts', worker: 'src/parallel/worker.ts' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: REQUIRE_SHIM },
  // No minification and no keepNames: names stay readable in stack traces, and chevrotain stays fast.
  minify: false,
  sourcemap: 'linked',
  logLevel: 'warning',
};

try {
  await build(options);
} catch {
  process.exit(1); // esbuild has already printed each error with its file and line
}
chmodSync(CLI, 0o755);
