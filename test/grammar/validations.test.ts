// The grammar passes chevrotain's own checks, which the shared lexer and parser skip at start-up to save time.
import { describe, expect, it } from 'vitest';
import { SplParser } from '../../grammar/parser.js';
import { createSplLexer } from '../../grammar/tokens.js';

describe('grammar validations', () => {
  it('the parser builds with every grammar check on (no ambiguity, recursion or naming error)', () => {
    // performSelfAnalysis throws on any definition error when validations run.
    expect(() => new SplParser(true)).not.toThrow();
  });

  it('the lexer builds with its token checks on and lexes a query without errors', () => {
    const lexer = createSplLexer(true);
    expect(lexer.lexerDefinitionErrors).toEqual([]);
    expect(lexer.tokenize('index=main | stats count by host').errors).toEqual([]);
  });
});
