// Where a top-level key `"name":` is written in JSON text: a native search for a rare part of the name, then checks.
import { isUnescaped } from '../../util/unescaped.js';
import { countChar } from '../../util/count-char.js';
import { CARRIAGE_RETURN, CLOSE_BRACE, COLON, COMMA, NEWLINE, OPEN_BRACKET, QUOTE, SPACE, TAB } from './json-chars.js';

/**
 * Characters from most to least frequent in JSON event text (roughly). A search needle starts at the key's
 * rarest character: V8's indexOf skips ahead by the needle's first character, so a rare one makes it fast.
 */
const FREQUENCY_ORDER = ' "etaoinsrhlcdumpfgwybvk,:.0123456789xjqzETAOINSRHLCDUMPFGWYBVKXJQZ-_/\\{}[]@$#';

/** Key names the fast path finds by searching: no character that JSON or flattening treat specially. */
export const SIMPLE_KEY = /^[A-Za-z0-9_@$#:-]+$/;

/** How to find one key: search `needle` (a suffix of the name and its closing quote); a hit at h is the key when `"name"` starts at h - `offset` - 1. */
export interface KeyNeedle {
  name: string;
  needle: string;
  offset: number;
}

function rarity(code: string): number {
  const rank = FREQUENCY_ORDER.indexOf(code);
  return rank < 0 ? FREQUENCY_ORDER.length : rank;
}

/**
 * What a needle hit costs next to a stop of the native search on its first character. Timed over 200 MB of the
 * bench data they cost about the same: `ype"` + `EventCode"` searched fastest, ahead of `urcetype"` (fewer hits,
 * more stops) and `Code"` (more of both).
 */
const HIT_COST = 1;

/**
 * The needle for a key: a suffix of its name (at least 3 characters) and its closing quote. With `sample` (text
 * like the data's), the suffix that is cheapest to search there: few stops on its first character, few hits
 * (`ype"` also finds `EventType"`); else the one starting at the rarest character by the usual frequencies.
 */
export function keyNeedle(name: string, sample?: string): KeyNeedle {
  const lastStart = Math.max(0, name.length - 3);
  const cost = sample === undefined
    ? (i: number) => -rarity(name[i]!)
    : (i: number) => countChar(sample, name[i]!) + HIT_COST * countChar(sample, `${name.slice(i)}"`) - rarity(name[i]!) / 1000;
  let best = 0;
  let bestCost = cost(0);
  for (let i = 1; i <= lastStart; i++) {
    const c = cost(i);
    if (c < bestCost) [best, bestCost] = [i, c];
  }
  return { name, needle: `${name.slice(best)}"`, offset: best };
}

export function isJsonSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === NEWLINE || code === CARRIAGE_RETURN;
}


/**
 * For a needle hit at `hit` (inside [lineStart, lineEnd)): the position just after the key's `:` when the hit is
 * a real key `"name"` followed by a colon, else -1. In valid JSON `"name":` cannot occur inside a string (the
 * quotes there are escaped), so a hit that passes is a key of some object of the line.
 */
export function keyValueStart(text: string, key: KeyNeedle, hit: number, lineStart: number, lineEnd: number): number {
  const quote = hit - key.offset - 1;
  if (quote < lineStart || text.charCodeAt(quote) !== QUOTE) return -1;
  const close = quote + 1 + key.name.length;
  if (close >= lineEnd || text.charCodeAt(close) !== QUOTE) return -1;
  if (key.offset > 0 && !text.startsWith(key.name.slice(0, key.offset), quote + 1)) return -1;
  if (!isUnescaped(text, quote, lineStart)) return -1;
  let pos = close + 1;
  while (pos < lineEnd && isJsonSpace(text.charCodeAt(pos))) pos++;
  if (text.charCodeAt(pos) !== COLON) return -1;
  pos++;
  while (pos < lineEnd && isJsonSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** After a value: optional whitespace, then `,` or the line's closing `}`. */
export function endsMember(text: string, pos: number, end: number): boolean {
  while (pos < end && isJsonSpace(text.charCodeAt(pos))) pos++;
  const code = text.charCodeAt(pos);
  return code === COMMA || (code === CLOSE_BRACE && pos === end - 1);
}

/** Whether the `{`/`[` at `at` could open a container in valid JSON (else it must be inside a string). */
export function mayOpenContainer(text: string, at: number, lineStart: number): boolean {
  let before = at - 1;
  while (before > lineStart && isJsonSpace(text.charCodeAt(before))) before--;
  const code = text.charCodeAt(before);
  if (code === COMMA || code === OPEN_BRACKET || before === lineStart) return true;
  if (code !== COLON) return false;
  before--;
  while (before > lineStart && isJsonSpace(text.charCodeAt(before))) before--;
  return text.charCodeAt(before) === QUOTE;
}
