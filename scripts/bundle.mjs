// After tsc: bundle the CLI and the worker thread into one file each (start-up loads a few files instead of ~250),
// and give the CLI a V8 code cache made by running a trivial query (docs/benchmarks.md, Start-up).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { bundleOptions, OUT_DIR } from './bundle-options.mjs';
import { bundleLazyPackages, LAZY_DIR, lazyChildProcess, lazyPackages } from './lazy-modules.mjs';
import { chevrotainStartup } from './chevrotain-startup.mjs';

const CLI = `${OUT_DIR}/splq.mjs`;
const MAIN = `${OUT_DIR}/splq-main.cjs`;
const CACHE = `${OUT_DIR}/splq-main.cache`;

rmSync(CACHE, { force: true }); // a cache never outlives the bundle it was made from
rmSync(`${CLI}.map`, { force: true });
rmSync(`${OUT_DIR}/${LAZY_DIR}`, { recursive: true, force: true }); // the loader has no map; the CLI's is splq-main.cjs.map
try {
  await build(bundleOptions({ worker: 'src/parallel/worker.ts', 'pack-worker': 'src/scan/pack-worker.ts' }));
  // The CLI itself is CommonJS so that the loader can compile it with vm.Script, which takes a code cache (Node 20
  // has no cache for ES modules). `import.meta.url` becomes the loader's URL, which the loader passes in.
  await build({
    ...bundleOptions({ 'splq-main': 'src/cli/main.ts' }),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: {},
    define: { 'import.meta.url': '__splqCliUrl' },
    plugins: [lazyChildProcess, lazyPackages, chevrotainStartup],
  });
  await bundleLazyPackages(OUT_DIR); // what the CLI bundle's stand-ins require on first use

} catch {
  process.exit(1); // esbuild has already printed each error with its file and line
}

// The loader compares this id with the cache's, so a cache is never used with another build of the bundle. The
// hashbang becomes an empty comment (the loader wraps the text in a function), so lines still match the source map.
const body = readFileSync(MAIN, 'latin1').replace(/^#!.*\n/, '//\n');
const buildId = createHash('sha256').update(body).digest('hex').slice(0, 32);
writeFileSync(MAIN, `${body}// splq-build ${buildId}\n`, 'latin1');
copyFileSync('scripts/cli-loader.mjs', CLI);
chmodSync(CLI, 0o755);

// The cache holds what V8 compiled while a trivial query ran: the bundle's top level, the parser, one search.
const warm = spawnSync(process.execPath, [CLI, 'run', '* | head 1'], {
  input: '{"_time":"2024-01-01T00:00:00Z","a":1}\n',
  env: { ...process.env, SPLQ_WRITE_CODE_CACHE: CACHE },
  encoding: 'utf8',
});
if (warm.status !== 0) {
  process.stderr.write(`bundle: the bundled CLI failed its warm-up run (no code cache written):\n${warm.stderr}`);
  process.exit(1);
}
