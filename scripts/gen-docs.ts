// `npm run docs`: regenerate docs/supported-spl.md from the registries.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/corpus.js';
import { renderSupportedSpl } from './supported-spl.js';

const file = join(repoRoot(), 'docs/supported-spl.md');
writeFileSync(file, renderSupportedSpl());
console.log(`wrote ${file}`);
