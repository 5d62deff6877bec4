// Bundle bench/run-files.ts beside the CLI bundle (dist/bundle/run-files.mjs), so it starts worker.mjs like splq does.
import { build } from 'esbuild';

const REQUIRE_SHIM = "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);";
await build({
  entryPoints: { 'run-files': 'bench/run-files.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: REQUIRE_SHIM },
  logLevel: 'warning',
});
console.log('wrote dist/bundle/run-files.mjs');
