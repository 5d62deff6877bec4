// `npm run grammar`: writes grammar/diagrams.html (railroad diagrams) and grammar/grammar.md from the parser.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/corpus.js';
import { renderGrammarArtefacts } from './grammar-artefacts.js';

const { html, md } = renderGrammarArtefacts();
const dir = join(repoRoot(), 'grammar');
writeFileSync(join(dir, 'diagrams.html'), html);
writeFileSync(join(dir, 'grammar.md'), md);
console.log(`wrote ${join(dir, 'diagrams.html')} and ${join(dir, 'grammar.md')}`);
