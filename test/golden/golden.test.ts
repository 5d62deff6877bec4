// The golden corpus: every case's expanded text, AST, printed SPL and rows over the demo sample match the checked-in files.
// After a reviewed change of behaviour: `npm run golden:update`, then read the diff of test/golden/cases/.
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/corpus.js';
import { expectedOutput, loadCases, needsShared, OUTPUT_FILES, renderCase } from './golden.js';

const cases = loadCases();
const shared = sharedDir() !== undefined;
const skipped = cases.filter(needsShared);
if (!shared && skipped.length) console.warn(`golden: ../shared not found; skipping ${skipped.length} ESCU cases (${skipped.map((c) => c.name).join(', ')})`);

describe('golden corpus', () => {
  it('has about 40 cases, each with every output file checked in', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const missing = cases.flatMap((c) => OUTPUT_FILES.filter((file) => expectedOutput(c, file) === undefined).map((file) => `${c.name}/${file}`));
    expect(missing, 'run `npm run golden:update` to create them').toEqual([]);
  });

  for (const c of cases) {
    it.skipIf(needsShared(c) && !shared)(`${c.name}: ${c.about}`, async () => {
      const outputs = await renderCase(c);
      for (const file of OUTPUT_FILES) {
        expect(outputs[file], `test/golden/cases/${c.name}/${file} (after a reviewed change: npm run golden:update)`).toBe(expectedOutput(c, file));
      }
    });
  }
});
