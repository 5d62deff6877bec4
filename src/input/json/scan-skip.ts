// Structural skipping over JSON text (a JS string): whitespace, strings, containers and scalars, without parsing.
import { isUnescaped } from '../../util/unescaped.js';

/** Returned by the skip functions when the text is structurally broken or ends inside the value. */
export const BROKEN = -1;

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_T = 0x74;
const LETTER_F = 0x66;
const LETTER_N = 0x6e;

/** Open brackets of the container being skipped, innermost last; grows when a document nests deeper. */
let openers: Uint8Array<ArrayBuffer> = new Uint8Array(256);

function isJsonWhitespace(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN;
}

/** The index of the first non-whitespace character at or after `pos` (the text length if none). */
export function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && isJsonWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** `bodyStart` is just after an opening quote: the index just after the closing quote, or BROKEN. */
export function skipString(text: string, bodyStart: number): number {
  for (let quote = text.indexOf('"', bodyStart); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    if (isUnescaped(text, quote, bodyStart)) return quote + 1;
  }
  return BROKEN;
}

/**
 * The index just after the value starting at `pos`, or BROKEN. Only structure is checked: strings end,
 * brackets balance and match, literals are spelled right; numbers and the content of containers are not
 * validated (a caller that needs the value parses it).
 */
export function skipValue(text: string, pos: number): number {
  return skipValueAt(text, pos, text.charCodeAt(pos));
}

/** skipValue for a caller that has already read the value's first character `code`. */
export function skipValueAt(text: string, pos: number, code: number): number {
  if (code === QUOTE) return skipString(text, pos + 1);
  if (code === OPEN_BRACE || code === OPEN_BRACKET) return skipContainer(text, pos);
  if (code === LETTER_T) return text.startsWith('true', pos) ? pos + 4 : BROKEN;
  if (code === LETTER_F) return text.startsWith('false', pos) ? pos + 5 : BROKEN;
  if (code === LETTER_N) return text.startsWith('null', pos) ? pos + 4 : BROKEN;
  if (code === MINUS || (code >= DIGIT_0 && code <= DIGIT_9)) return skipNumber(text, pos);
  return BROKEN;
}

/** 1 for the characters a JSON number is made of: digits `-` `+` `.` `e` `E`. */
const NUMBER_CHARS = new Uint8Array(128);
for (const ch of '0123456789-+.eE') NUMBER_CHARS[ch.charCodeAt(0)] = 1;

/** A number runs to the next delimiter; its digits are not checked. */
function skipNumber(text: string, pos: number): number {
  let end = pos + 1;
  // Past the end charCodeAt is NaN, which reads as undefined from the table.
  while (NUMBER_CHARS[text.charCodeAt(end)] === 1) end++;
  return end;
}

/** `pos` is at `{` or `[`: the index just after the matching close, or BROKEN. */
function skipContainer(text: string, pos: number): number {
  let depth = 0;
  let i = pos;
  while (i < text.length) {
    const code = text.charCodeAt(i++);
    if (code === QUOTE) {
      i = skipString(text, i);
      if (i === BROKEN) return BROKEN;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === openers.length) openers = growOpeners();
      openers[depth++] = code;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (openers[--depth] !== (code === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) return BROKEN;
      if (depth === 0) return i;
    }
  }
  return BROKEN;
}

function growOpeners(): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(openers.length * 2);
  bigger.set(openers);
  return bigger;
}
