// The shipped parser (lookahead built lazily, no grammar checks) parses and fails exactly like a fully built, validated one.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplParser, splParser } from '../../grammar/parser.js';
import { splLexer } from '../../grammar/tokens.js';
import { printPipeline } from '../../src/parse/print.js';
import { fuzzRuns } from '../helpers/tier.js';
import { pipelineArbitrary } from '../parse/arb/pipeline.js';

const eager = new SplParser(true);

/** What a parse gives: the CST and each error's kind, message, token and rule stack. */
function parseWith(parser: SplParser, tokens: IToken[]): { cst: CstNode; errors: unknown[] } {
  parser.input = tokens;
  const cst = parser.query();
  const errors = parser.errors.map((e: IRecognitionException) => ({ name: e.name, message: e.message, token: e.token, rules: e.context.ruleStack }));
  return { cst, errors };
}

function sameParse(text: string): void {
  const { tokens } = splLexer().tokenize(text);
  expect(parseWith(splParser(), tokens), text).toEqual(parseWith(eager, tokens));
}

describe('lazily built lookahead', () => {
  it('gives the same CST as the eager parser on generated queries', () => {
    fc.assert(fc.property(pipelineArbitrary, (ast) => sameParse(printPipeline(ast))), { numRuns: fuzzRuns(60, 2000) });
  });

  it('gives the same errors on cut-off and spliced queries', () => {
    const broken = fc.tuple(pipelineArbitrary, pipelineArbitrary, fc.nat(), fc.nat()).map(([a, b, i, j]) => {
      const x = printPipeline(a);
      const y = printPipeline(b);
      return x.slice(0, i % (x.length + 1)) + y.slice(j % (y.length + 1));
    });
    fc.assert(fc.property(broken, sameParse), { numRuns: fuzzRuns(100, 3000) });
  });

  it('gives the same errors on hand-picked mistakes', () => {
    for (const text of ['| stats count by', 'a=1 | eval x=', 'a=1 | where (x>1', 'a | rex field=x', 'a | head 1 2 (', '| stats count(x) as', 'x IN (', 'a | eval x=if(a,b']) sameParse(text);
    expect(parseWith(splParser(), splLexer().tokenize('a | eval x=').tokens).errors).not.toEqual([]);
  });
});
