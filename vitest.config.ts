// `npm test`: the fast tier. Every *.test.ts except the *.full.test.ts files (those run in `npm run test:full`).
import { defineConfig } from 'vitest/config';

/** What both tiers share. Test files run in worker threads that keep loaded modules between files
 * (isolate: false): transforming and loading the engine once per thread instead of once per file is most of
 * the saving. Tests must therefore restore what they change (process.env, spies, process.exitCode). */
export const shared = {
  testTimeout: 60_000,
  pool: 'threads' as const,
  isolate: false,
  poolOptions: { threads: { minThreads: 1, maxThreads: 2 } },
  /** Compiles the WebAssembly modules from assembly/ when missing or stale (tests run from sources). */
  globalSetup: ['scripts/build-wasm.mjs'],
  /** SPLQ_FC_SEED fixes fast-check's seed (CI); without it every run draws new cases. */
  setupFiles: ['test/helpers/fc-seed.ts'],
};

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.full.test.ts', '**/node_modules/**'],
  },
});
