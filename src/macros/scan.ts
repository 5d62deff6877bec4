// Finding backtick macro calls in SPL text, skipping double-quoted strings and ```triple-backtick``` comments.
import { SplError, type Span } from '../errors.js';

/** One `` `body` `` call site; `start`/`end` cover both backticks. */
export interface MacroCallSite {
  start: number;
  end: number;
  /** The text between the backticks, e.g. `security_content_ctime(firstTime)`. */
  body: string;
}

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const BACKTICK = 96; // `
const COMMENT_FENCE = '```';

/** Index just past the double-quoted string opening at `open` (a backslash escapes the next character). */
export function skipQuoted(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length; // unterminated: the rest is one string; the parser reports it
}

/** Index of the backtick closing the call opened at `open`; backticks inside quoted arguments don't count. */
function findCallEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === BACKTICK) return i;
    i = c === QUOTE ? skipQuoted(text, i) : i + 1;
  }
  const span: Span = { start: open, end: text.length };
  throw new SplError('lex-error', 'unterminated macro call: no closing backtick', span, [
    'macro calls are written `name` or `name(arg1, arg2)`',
  ]);
}

/** Index just past the ```comment``` opening at `open`. */
function skipComment(text: string, open: number): number {
  const close = text.indexOf(COMMENT_FENCE, open + COMMENT_FENCE.length);
  if (close < 0) {
    throw new SplError('lex-error', 'unterminated comment: no closing ```', { start: open, end: text.length });
  }
  return close + COMMENT_FENCE.length;
}

/** All macro call sites in `text`, in order. Throws `lex-error` for an unterminated call or comment. */
export function scanMacroCalls(text: string): MacroCallSite[] {
  const calls: MacroCallSite[] = [];
  let i = text.indexOf('`');
  if (i < 0) return calls;
  const firstQuote = text.indexOf('"');
  i = firstQuote >= 0 && firstQuote < i ? Math.max(0, firstQuote - 1) : i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      // Outside quotes too, a backslash escapes the next character: `*\"x\"*` holds no string.
      i += 2;
    } else if (c === QUOTE) {
      i = skipQuoted(text, i);
    } else if (c !== BACKTICK) {
      i++;
    } else if (text.startsWith(COMMENT_FENCE, i)) {
      i = skipComment(text, i);
    } else {
      const close = findCallEnd(text, i);
      calls.push({ start: i, end: close + 1, body: text.slice(i + 1, close) });
      i = close + 1;
    }
  }
  return calls;
}
