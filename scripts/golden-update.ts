// `npm run golden:update`: rewrite the golden corpus's output files (test/golden/cases/*/) from what splq does now.
// Review the diff before committing: every changed line is a change of behaviour.
import { sharedDir } from '../src/corpus.js';
import { loadCases, needsShared, renderCase, writeOutputs } from '../test/golden/golden.js';

const only = process.argv.slice(2);
let changedCases = 0;
for (const c of loadCases()) {
  if (only.length && !only.includes(c.name)) continue;
  if (needsShared(c) && !sharedDir()) {
    console.warn(`skipped ${c.name}: ../shared not found`);
    continue;
  }
  const changed = writeOutputs(c, await renderCase(c));
  if (changed.length) {
    changedCases++;
    console.log(`${c.name}: ${changed.join(', ')}`);
  }
}
console.log(changedCases ? `${changedCases} case(s) rewritten: review \`git diff test/golden\`` : 'golden corpus unchanged');
