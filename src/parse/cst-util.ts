// Small helpers for reading chevrotain CST nodes: labelled children, spans, word text, SPL unescaping.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from '../ast.js';

export function isToken(el: CstElement): el is IToken {
  return (el as IToken).image !== undefined;
}

/** The CST child nodes under a label (rule name or LABEL). */
export function nodes(cst: CstNode, label: string): CstNode[] {
  return (cst.children[label] ?? []).filter((el): el is CstNode => !isToken(el));
}

/** The first CST child node under a label, if any. */
export function node(cst: CstNode, label: string): CstNode | undefined {
  return nodes(cst, label)[0];
}

/** The tokens under a label (token name or LABEL). */
export function tokens(cst: CstNode, label: string): IToken[] {
  return (cst.children[label] ?? []).filter(isToken);
}

export function token(cst: CstNode, label: string): IToken | undefined {
  return tokens(cst, label)[0];
}

export function tokenSpan(tok: IToken): Span {
  return { start: tok.startOffset, end: (tok.endOffset ?? tok.startOffset + tok.image.length - 1) + 1 };
}

export function nodeSpan(cst: CstNode): Span {
  const loc = cst.location;
  if (!loc || Number.isNaN(loc.startOffset)) return { start: 0, end: 0 };
  return { start: loc.startOffset, end: (loc.endOffset ?? loc.startOffset) + 1 };
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** SPL string escapes: `\"`, `\\` and `\|` are unescaped; any other backslash sequence is kept as written. */
export function unescapeSpl(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(["\\|])/g, '$1');
}

/** The content of a "double quoted" token, unescaped. */
export function stringContent(tok: IToken): string {
  return unescapeSpl(tok.image.slice(1, -1));
}

/** The content of a 'single quoted' token (eval field name), with `\'` unescaped. */
export function quotedNameContent(tok: IToken): string {
  return tok.image.slice(1, -1).replace(/\\(['\\])/g, '$1');
}
