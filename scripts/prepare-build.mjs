// npm `prepare`: build dist/ when it is missing, so a git install (`npm install github:...`) gets a working package,
// while `npm install` in a clone that has built once stays fast (`prepack` always rebuilds before packing).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

// The generated WebAssembly modules are needed from sources too (tsx, vitest): compiled whenever stale.
execSync('node scripts/build-wasm.mjs', { stdio: 'inherit' });
if (!existsSync('dist/bundle/splq.cjs') || !existsSync('dist/src/index.js')) {
  execSync('npm run build', { stdio: 'inherit' });
}
