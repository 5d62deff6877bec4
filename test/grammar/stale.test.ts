// The committed grammar artefacts (grammar/diagrams.html, grammar/grammar.md) match what `npm run grammar` generates.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splParser } from '../../grammar/parser.js';
import { renderGrammarArtefacts } from '../../scripts/grammar-artefacts.js';

const grammarDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../grammar');
const committed = (name: string) => readFileSync(join(grammarDir, name), 'utf8');
const generated = renderGrammarArtefacts();
const STALE = 'out of date: run `npm run grammar` and commit the result';

describe('grammar artefacts', () => {
  it(`grammar/diagrams.html is current (${STALE})`, () => {
    expect(committed('diagrams.html') === generated.html, STALE).toBe(true);
  });

  it(`grammar/grammar.md is current (${STALE})`, () => {
    expect(committed('grammar.md')).toBe(generated.md);
  });

  it('grammar.md describes every rule and every token', () => {
    const rules = Object.keys(splParser().getGAstProductions());
    expect(rules.length).toBeGreaterThan(40);
    for (const rule of rules) expect(generated.md).toMatch(new RegExp(`^${rule} ::=`, 'm'));
    for (const token of ['Word', 'WordPart', 'StringLiteral', 'MacroCall', 'BY', 'NumberLiteral']) expect(generated.md).toContain(`| ${token} |`);
    expect(generated.html).toContain('window.serializedGrammar');
    expect(generated.html).toContain('"name": "statsCommand"');
  });
});
