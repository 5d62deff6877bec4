// The "double quoted" string literals of an expression's text, unescaped, from the lexer alone (no parse).
import { splLexer, StringLiteral } from '../../grammar/tokens.js';
import { stringContent } from './cst-util.js';

/**
 * Every string literal token of `text` as the parser would give its value: in an eval expression each one is a
 * string constant of the AST, so this is the AST's constants without building it (a mapping file holds a hundred
 * EVALs a query never runs; datamodels/plan.ts wants only their constants).
 */
export function stringLiterals(text: string): string[] {
  return splLexer().tokenize(text).tokens.filter((tok) => tok.tokenType === StringLiteral).map(stringContent);
}
