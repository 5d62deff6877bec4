// Turn chevrotain lexing/parsing problems into SplError with a span and a plain message.
import type { IRecognitionException, IToken, ILexingError } from 'chevrotain';
import { SplError } from '../errors.js';
import { tokenSpan } from './cst-util.js';
import { RULE_DESCRIPTIONS } from '../../grammar/rule-descriptions.js';


const FRIENDLY_TOKEN_NAMES: Record<string, string> = {
  RParen: '")"', LParen: '"("', RBracket: '"]"', LBracket: '"["', Pipe: '"|"', Comma: '","', Eq: '"="',
  StringLiteral: 'a quoted string', QuotedName: "a 'quoted' name", Word: 'a word', WordPart: 'a word', AS: '"AS"',
  IN: '"IN"', BY: '"BY"', NumberLiteral: 'a number',
};

/** Lexer-level problems: unterminated strings and comments, unexpanded macros. */
export function checkLexTokens(toks: IToken[], errors: ILexingError[]): void {
  for (const tok of toks) {
    const name = tok.tokenType.name;
    if (name === 'UnterminatedString') throw new SplError('unbalanced-quote', 'unbalanced quotes: this string is never closed', { start: tok.startOffset, end: tok.startOffset + 1 });
    if (name === 'UnterminatedComment') throw new SplError('lex-error', 'this ``` comment is never closed', { start: tok.startOffset, end: tok.startOffset + 3 });
    if (name === 'MacroCall') {
      const closed = tok.image.length > 1 && tok.image.endsWith('`');
      if (!closed) throw new SplError('lex-error', 'unbalanced backtick: this macro call is never closed', { start: tok.startOffset, end: tok.startOffset + 1 });
      throw new SplError('unknown-macro', `macro ${tok.image} was not expanded (pass its definition with -m)`, tokenSpan(tok));
    }
  }
  const first = errors[0];
  if (first) throw new SplError('lex-error', `unexpected character "${first.message}"`, { start: first.offset, end: first.offset + first.length });
}

/** Brackets and parentheses must pair up, outside strings (the lexer already isolated strings). */
export function checkBrackets(toks: IToken[]): void {
  const stack: IToken[] = [];
  const closer: Record<string, string> = { RParen: 'LParen', RBracket: 'LBracket' };
  for (const tok of toks) {
    const name = tok.tokenType.name;
    if (name === 'LParen' || name === 'LBracket') stack.push(tok);
    else if (name === 'RParen' || name === 'RBracket') {
      const open = stack.pop();
      if (!open) throw new SplError('unbalanced-bracket', `unbalanced ${tok.image}: nothing opened it`, tokenSpan(tok));
      if (open.tokenType.name !== closer[name]) {
        throw new SplError('unbalanced-bracket', `unbalanced ${open.image}: it is closed by ${tok.image}`, tokenSpan(open));
      }
    }
  }
  const open = stack.pop();
  if (open) throw new SplError('unbalanced-bracket', `unbalanced ${open.image}: it is never closed`, tokenSpan(open));
}

/** The first parse error as an SplError pointing at the offending token. */
export function parseErrorToSplError(err: IRecognitionException, text: string): SplError {
  const tok = err.token;
  const atEnd = tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset);
  const span = atEnd ? { start: text.length, end: text.length } : tokenSpan(tok);
  const found = atEnd ? 'end of the query' : `"${tok.image}"`;
  const rules = err.context?.ruleStack ?? [];
  const rule = [...rules].reverse().find((r) => RULE_DESCRIPTIONS[r]);
  const where = rule ? ` in ${RULE_DESCRIPTIONS[rule]}` : '';
  if (err.name === 'MismatchedTokenException') {
    const expected = /--> (\w+) <--/.exec(err.message)?.[1];
    const want = expected ? FRIENDLY_TOKEN_NAMES[expected] ?? expected : 'something else';
    return new SplError('unexpected-token', `expected ${want}${where} but found ${atEnd ? 'the ' : ''}${found}`, span);
  }
  if (err.name === 'NotAllInputParsedException') {
    return new SplError('unexpected-token', `unexpected ${found}: the command cannot continue here`, span);
  }
  return new SplError('unexpected-token', `unexpected ${found}${where}`, span);
}
