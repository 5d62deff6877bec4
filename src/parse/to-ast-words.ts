// CST → AST for the shared small pieces: glued words, field names, options, search literals.
import type { CstNode } from 'chevrotain';
import type { CommandOption, FieldName, SearchLiteral, Span } from '../ast.js';
import { SplError } from '../errors.js';
import { node, nodeSpan, quotedNameContent, stringContent, token, tokens, tokenSpan, unescapeSpl } from './cst-util.js';

/** The query text the CST was parsed from (words are sliced from it). */
export interface SourceText {
  text: string;
}

/** The exact text of a glued `word` node. */
export function wordText(cst: CstNode, src: SourceText): { text: string; span: Span } {
  const parts = tokens(cst, 'parts');
  const span = { start: parts[0]!.startOffset, end: parts[parts.length - 1]!.endOffset! + 1 };
  return { text: src.text.slice(span.start, span.end), span };
}

export function fieldNameFromCst(cst: CstNode, src: SourceText): FieldName {
  const str = token(cst, 'StringLiteral');
  const span = nodeSpan(cst);
  const rest = node(cst, 'rest');
  if (str) return { name: stringContent(str) + (rest ? wordText(rest, src).text : ''), quoted: true, span };
  const q = token(cst, 'QuotedName');
  if (q) return { name: quotedNameContent(q), quoted: true, span: tokenSpan(q) };
  return { name: src.text.slice(span.start, span.end), quoted: false, span };
}

export function optionFromCst(cst: CstNode, src: SourceText): CommandOption {
  const name = token(cst, 'name')!.image;
  const span = nodeSpan(cst);
  const str = token(cst, 'value');
  if (str && str.tokenType.name === 'StringLiteral') return { name, value: stringContent(str), quoted: true, span };
  if (str) return { name, value: str.image, quoted: false, span };
  const word = node(cst, 'value');
  return { name, value: word ? unescapeSpl(wordText(word, src).text) : '', quoted: false, span };
}

export function searchLiteralFromCst(cst: CstNode, src: SourceText): SearchLiteral {
  const modifier = token(cst, 'modifier');
  if (modifier) {
    const inner = searchLiteralFromCst(node(cst, 'inner')!, src);
    const upper = modifier.image.toUpperCase() as 'CASE' | 'TERM';
    return { ...inner, modifier: upper, span: nodeSpan(cst) };
  }
  const str = token(cst, 'StringLiteral');
  if (str) return { text: stringContent(str), quoted: true, span: tokenSpan(str) };
  const q = token(cst, 'QuotedName');
  if (q) return { text: q.image, quoted: false, span: tokenSpan(q) };
  const w = wordText(node(cst, 'word')!, src);
  if (token(cst, 'emptyOpen')) {
    // A word with glued `()` pairs (`*GetCurrent()*`): the whole stretch of source is the term.
    const span = nodeSpan(cst);
    return { text: unescapeSpl(src.text.slice(w.span.start, span.end)), quoted: false, span: { start: w.span.start, end: span.end } };
  }
  return { text: unescapeSpl(w.text), quoted: false, span: w.span };
}

/** Parse an integer option value, or fail with a span. */
export function integerOption(opt: CommandOption, command: string): number {
  if (!/^-?\d+$/.test(opt.value)) {
    throw new SplError('bad-option', `${command}: option ${opt.name} expects a whole number, got "${opt.value}"`, opt.span);
  }
  return Number(opt.value);
}
