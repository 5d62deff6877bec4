// Bundle bench/run-files.ts beside the CLI bundle (dist/bundle/run-files.mjs), so it starts worker.mjs like splq does.
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';

await build({ ...bundleOptions({ 'run-files': 'bench/run-files.ts' }), sourcemap: false });
console.log('wrote dist/bundle/run-files.mjs');
