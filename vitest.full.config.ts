// `npm run test:full`: both tiers. Every test file, property tests at their thorough run counts (SPLQ_FULL=1).
import { defineConfig } from 'vitest/config';
import { shared } from './vitest.config.js';

export default defineConfig({
  test: {
    ...shared,
    include: ['test/**/*.test.ts'],
    env: { SPLQ_FULL: '1' },
    // The full files start processes and threads and read hundreds of MB: room for a busy shared machine.
    testTimeout: 300_000,
    // The memory test measures the process's resident set: its own process, not a thread beside other tests.
    poolMatchGlobs: [['test/input/memory.full.test.ts', 'forks']],
  },
});
