// Which test tier is running: `npm test` (fast) or `npm run test:full` (SPLQ_FULL=1), and run counts that follow it.

/**
 * True under `npm run test:full` (vitest.full.config.ts sets SPLQ_FULL=1). A whole slow file is named
 * `*.full.test.ts`; one slow test inside a fast file is `it.runIf(FULL_TIER)(...)`.
 */
export const FULL_TIER = process.env.SPLQ_FULL === '1';

/**
 * A property test's numRuns: `fast` in `npm test` (enough to catch a broken law on most runs, in little time),
 * `full` in `npm run test:full` (the thorough run).
 */
export function fuzzRuns(fast: number, full: number): number {
  return FULL_TIER ? full : fast;
}
