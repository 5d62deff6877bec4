// Fast projected decode of one JSON object: walk its top-level members, JSON.parse only the needed values.
import { NeededKeys } from './scan-keys.js';
import { parseJsonNumber } from './scan-number.js';
import { parseJsonValueExact } from '../../util/exact-json.js';
import { BROKEN, skipString, skipValueAt, skipWhitespace } from './scan-skip.js';
import { SPACE, QUOTE, COLON, COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, LETTER_T, LETTER_F, LETTER_N } from './json-chars.js';

/** A top-level key that may make the line a Splunk export wrapper, which the full path unwraps. */
const EXPORT_RESULT_KEY = 'result';

/**
 * Scans JSON object texts for the members a projection needs (see NeededKeys). `scan` gives those members
 * as JSON.parse would (same values, same key order, the last duplicate wins), or null when the text must
 * take the full JSON.parse path instead: it is not an object, is structurally broken, has a top-level
 * `result` key (a possible Splunk export wrapper), or a needed key or value does not parse.
 */
export class ObjectScanner {
  /**
   * The first backslash at or after the last key or value start looked at (the text length if none). Found
   * by one forward indexOf per backslash, so telling whether a key or a needed string has escapes costs no
   * per-character loop.
   */
  private nextBackslash = 0;

  private readonly keys: NeededKeys;

  /** `wanted`: names materialised with their descendants; `lookedUp`: names read as they are (time fields). */
  constructor(wanted: Iterable<string>, lookedUp: Iterable<string>) {
    this.keys = new NeededKeys(wanted, [...lookedUp, EXPORT_RESULT_KEY]);
  }

  scan(text: string): Record<string, unknown> | null {
    let pos = skipWhitespace(text, 0);
    if (text.charCodeAt(pos) !== OPEN_BRACE) return null;
    const members: Record<string, unknown> = {};
    this.nextBackslash = -1;
    pos = skipWhitespace(text, pos + 1);
    let code = text.charCodeAt(pos);
    if (code !== CLOSE_BRACE) {
      for (;;) {
        if (code !== QUOTE) return null;
        pos = this.scanMember(text, pos + 1, members);
        if (pos === BROKEN) return null;
        // Whitespace checks are written out so that, in compact JSON, each character is read once.
        code = text.charCodeAt(pos);
        if (code <= SPACE) code = text.charCodeAt((pos = skipWhitespace(text, pos)));
        if (code !== COMMA) break;
        code = text.charCodeAt(++pos);
        if (code <= SPACE) code = text.charCodeAt((pos = skipWhitespace(text, pos)));
      }
      if (code !== CLOSE_BRACE) return null;
    }
    return pos + 1 === text.length || skipWhitespace(text, pos + 1) === text.length ? members : null;
  }

  /**
   * One `key": value` (the key's opening quote is before `keyStart`); adds it to `members` when needed.
   * Returns the index just after the value, or BROKEN.
   */
  private scanMember(text: string, keyStart: number, members: Record<string, unknown>): number {
    let keyEnd = text.indexOf('"', keyStart);
    if (keyEnd < 0) return BROKEN;
    if (this.nextBackslash < keyStart) this.nextBackslash = indexOrLength(text, '\\', keyStart);
    const keyEscaped = this.nextBackslash < keyEnd;
    if (keyEscaped) keyEnd = skipString(text, keyStart) - 1;
    let pos = keyEnd + 1;
    let code = text.charCodeAt(pos);
    if (code <= SPACE) code = text.charCodeAt((pos = skipWhitespace(text, pos)));
    if (code !== COLON) return BROKEN;
    code = text.charCodeAt(++pos);
    if (code <= SPACE) code = text.charCodeAt((pos = skipWhitespace(text, pos)));
    const valueEnd = skipValueAt(text, pos, code);
    if (valueEnd === BROKEN) return BROKEN;
    const key = keyEscaped
      ? this.neededEscapedKey(text, keyStart, keyEnd)
      : this.keys.neededRaw(text, keyStart, keyEnd);
    if (key === BROKEN || key === EXPORT_RESULT_KEY) return BROKEN;
    if (key !== null && !addMember(members, key, this.decodeValue(text, pos, valueEnd))) return BROKEN;
    return valueEnd;
  }

  /**
   * A needed value, as JSON.parse would give it for valid JSON. A string without escapes is its text (so a
   * raw control character in it, which JSON forbids, is not detected: checking costs ~10% of the scan), a
   * number is read by parseJsonNumber, literals are known from their first letter (skipValue checked them);
   * a string with escapes and a container are JSON.parsed.
   */
  private decodeValue(text: string, start: number, end: number): unknown {
    const code = text.charCodeAt(start);
    if (code === QUOTE) {
      if (this.nextBackslash < start) this.nextBackslash = indexOrLength(text, '\\', start);
      return this.nextBackslash >= end ? text.slice(start + 1, end - 1) : parseJson(text.slice(start, end));
    }
    if (code === LETTER_T) return true;
    if (code === LETTER_F) return false;
    if (code === LETTER_N) return null;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) return parseJson(text.slice(start, end));
    return parseJsonNumber(text, start, end);
  }

  /** A key written with escapes (`text[start, end)`), decoded, when needed; null when not; BROKEN if invalid. */
  private neededEscapedKey(text: string, start: number, end: number): string | null | typeof BROKEN {
    const key = parseJson(text.slice(start - 1, end + 1));
    if (typeof key !== 'string') return BROKEN;
    return this.keys.has(key) ? key : null;
  }
}

function indexOrLength(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}

/** Sets `members[key]` as JSON.parse would (an own `__proto__` too); false for an invalid (undefined) value. */
function addMember(members: Record<string, unknown>, key: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (key === '__proto__') {
    Object.defineProperty(members, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    members[key] = value;
  }
  return true;
}

/** JSON.parse, with undefined (never a JSON value) for invalid text. */
function parseJson(text: string): unknown {
  try {
    return parseJsonValueExact(text);
  } catch {
    return undefined;
  }
}
