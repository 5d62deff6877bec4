// After tsc: bundle the CLI and the worker thread into one file each, so start-up loads 2 files instead of ~250.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions, OUT_DIR } from './bundle-options.mjs';

const CLI = `${OUT_DIR}/splq.mjs`;
const options = bundleOptions({ splq: 'src/cli/main.ts', worker: 'src/parallel/worker.ts' });

try {
  await build(options);
} catch {
  process.exit(1); // esbuild has already printed each error with its file and line
}
chmodSync(CLI, 0o755);
