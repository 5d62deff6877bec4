// `splq test` with a shared scan over real content: ESCU endpoint detections replaying a real OTRF recording get the
// same outcome (status, reason, results, records read, malformed) as each replayed alone.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/corpus.js';
import { testDetections, type DetectionTestOptions } from '../../src/detection-test/run.js';
import type { TestOutcome } from '../../src/detection-test/types.js';
import { LookupLibrary } from '../../src/lookups/index.js';
import { MacroLibrary } from '../../src/macros/index.js';

const shared = sharedDir();
const corpus = shared === undefined ? undefined : join(shared, 'corpus/security_content');
const recording = shared === undefined ? undefined : join(shared, 'datasets/windows/otrf_atomic/psh_control_panel_execution_2020-10-2201312134.json');
if (shared === undefined) console.warn('skipping the shared-scan splq test over ESCU: ../shared is not present (set SPLQ_SHARED)');

const comparable = (outcomes: TestOutcome[]): Array<Omit<TestOutcome, 'seconds'>> => outcomes.map(({ seconds: _s, ...rest }) => rest);

describe.skipIf(shared === undefined)('splq test, shared scan, ESCU endpoint detections over a real recording', () => {
  it('gives every detection the outcome it gets alone (detections a* to c*, windows preset)', async () => {
    const folder = join(corpus!, 'detections/endpoint');
    const files = readdirSync(folder).filter((f) => /^[a-c].*\.yml$/.test(f)).sort().map((f) => join(folder, f));
    const options = (sharedScan: boolean): DetectionTestOptions => ({
      macros: MacroLibrary.load([join(corpus!, 'macros')]),
      lookups: LookupLibrary.load({ paths: [join(corpus!, 'lookups')] }),
      override: { files: [recording!] },
      preset: 'windows',
      now: 1700000000,
      sharedScan,
    });
    const together = await testDetections(files, options(true));
    const alone = await testDetections(files, options(false));
    expect(together.length).toBe(files.length);
    // The recording holds the attack these detections look for: some pass, so the comparison is not only of failures.
    expect(together.filter((o) => o.status === 'pass').length).toBeGreaterThan(0);
    expect(comparable(together)).toEqual(comparable(alone));
  }, 240_000);
});
