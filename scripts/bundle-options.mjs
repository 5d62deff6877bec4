// esbuild options shared by every bundle beside the CLI in dist/bundle (the CLI and worker, bench entry points).

export const OUT_DIR = 'dist/bundle';

/**
 * CommonJS dependencies (commander, yaml, saxes) call `require('events')` and the like; an ESM bundle has no
 * `require`, so each bundle gets one made for its own file.
 */
const REQUIRE_SHIM = "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);";

/** Options for bundling `entryPoints` ({ outName: source }) into OUT_DIR as .mjs files. */
export function bundleOptions(entryPoints) {
  return {
    entryPoints,
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
}
