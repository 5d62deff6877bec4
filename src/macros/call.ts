// Parsing a macro call's body `name(arg1, arg2)` into its name and argument texts.
import { SplError, type Span } from '../errors.js';
import { skipQuoted } from './scan.js';

export interface MacroCall {
  name: string;
  /** Argument texts, trimmed; quotes are kept verbatim. */
  args: string[];
}

const COMMA = 44;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const QUOTE = 34;

/** Split on commas outside double quotes and outside parentheses; each piece trimmed. */
export function splitMacroArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let pieceStart = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN && depth > 0) depth--;
    else if (c === COMMA && depth === 0) {
      args.push(text.slice(pieceStart, i).trim());
      pieceStart = i + 1;
    }
    i++;
  }
  args.push(text.slice(pieceStart).trim());
  return args;
}

/** Parse a call body. `` `f` `` and `` `f()` `` have no arguments. `span` is where errors point. */
export function parseMacroCall(body: string, span: Span): MacroCall {
  const paren = body.indexOf('(');
  const name = (paren < 0 ? body : body.slice(0, paren)).trim();
  if (name === '') {
    throw new SplError('lex-error', 'empty macro name between backticks', span, [
      'macro calls are written `name` or `name(arg1, arg2)`; comments are written ```like this```',
    ]);
  }
  if (paren < 0) return { name, args: [] };
  const rest = body.slice(paren + 1).trimEnd();
  if (!rest.endsWith(')')) {
    throw new SplError('lex-error', `malformed call of macro '${name}': the argument list must end with ')'`, span);
  }
  const inner = rest.slice(0, -1);
  return { name, args: inner.trim() === '' ? [] : splitMacroArgs(inner) };
}
