// The lexer's start-up hints: the Word token's short start-character list hides no Word start, and line_breaks is declared.
import { describe, expect, it } from 'vitest';
import { Lexer } from 'chevrotain';
import { ALL_TOKENS, splLexer, Word, NumberLiteral, wordStartChars } from '../../grammar/tokens.js';

const WORD_START = new RegExp(`^(?:${Word.PATTERN instanceof RegExp ? Word.PATTERN.source : ''})`);

describe('Word start characters', () => {
  it('every UTF-16 code unit that the Word pattern accepts lexes as one Word (or a number), none as an error', () => {
    const starts: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      if (WORD_START.test(ch)) starts.push(ch);
    }
    // One text, each start character alone between spaces: a missing table entry makes a lexing error there.
    const { tokens, errors } = splLexer().tokenize(starts.join(' '));
    expect(starts.length).toBeGreaterThan(65_000); // the pattern is a complement set: almost every code unit starts a Word
    expect(errors.map((e) => e.offset)).toEqual([]);
    expect(tokens.length).toBe(starts.length);
    expect(tokens.every((t) => t.tokenType === Word || t.tokenType === NumberLiteral)).toBe(true);
  });

  it('the hint is short (one code per table bucket above Latin-1), not the ~65,500 start characters', () => {
    const hint = wordStartChars();
    expect(hint.length).toBeLessThan(600);
    expect(hint).toContain('a'.charCodeAt(0));
    expect(hint).not.toContain(' '.charCodeAt(0));
    expect(hint).not.toContain('|'.charCodeAt(0));
  });
});

describe('line_breaks hints', () => {
  it('every token that the lexer matches declares line_breaks (else chevrotain analyses its pattern at start-up)', () => {
    const undeclared = ALL_TOKENS.filter((t) => t.PATTERN !== Lexer.NA && t.LINE_BREAKS === undefined).map((t) => t.name);
    expect(undeclared).toEqual([]);
  });

  it('tokens that can span lines say so, and a quoted name with a carriage return still lexes as one token', () => {
    const spanning = ALL_TOKENS.filter((t) => t.LINE_BREAKS === true).map((t) => t.name);
    expect(spanning).toEqual(['WhiteSpace', 'Comment', 'UnterminatedComment', 'MacroCall', 'StringLiteral', 'UnterminatedString', 'QuotedName']);
    const { tokens, errors } = splLexer().tokenize("eval x='a\rb'");
    expect(errors).toEqual([]);
    expect(tokens.map((t) => t.tokenType.name)).toEqual(['Word', 'Word', 'Eq', 'QuotedName']);
  });
});
