// `npm run docs`: regenerate docs/supported-spl.md and docs/errors.md from the registries and the error-code table.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/corpus.js';
import { renderErrorCodes } from './error-codes-doc.js';
import { renderSupportedSpl } from './supported-spl.js';

for (const [name, render] of [['supported-spl.md', renderSupportedSpl], ['errors.md', renderErrorCodes]] as const) {
  const file = join(repoRoot(), 'docs', name);
  writeFileSync(file, render());
  console.log(`wrote ${file}`);
}
