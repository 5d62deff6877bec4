// Law (full tier): a leading tstats over 2 or 3 threads gives the one-thread results for any generated input.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectSameOverThreads, tstatsFiles, writeFiles } from './tstats-threads-cases.js';
import { fuzzRuns } from '../helpers/tier.js';

describe('a leading tstats over threads', () => {
  it('law: threads 2 and 3 give the rows, order, matches and malformed reports of one thread', async () => {
    await fc.assert(fc.asyncProperty(tstatsFiles, async (contents) => void (await expectSameOverThreads(writeFiles(contents)))), { numRuns: fuzzRuns(5, 12) });
  }, 900_000);
});
