// Finding real `\u` escapes in raw JSON, Latin-1 text or bytes: a `u` after an odd run of backslashes.
import { isUnescaped, isUnescapedByte } from '../../util/unescaped.js';
import type { TextSearch } from './hit-cursor.js';

const BACKSLASH = 0x5c;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
const DIGIT_2 = 0x32;
const DIGIT_3 = 0x33;
const DIGIT_7 = 0x37;

/** Tests the four hex digit codes after an escape's `u` (NaN or undefined past the end of the text). */
export type EscapeDigits = (d0: number, d1: number, d2: number, d3: number) => boolean;

const anyEscape: EscapeDigits = () => true;

/**
 * Escapes that can spell a character of a key the picker looks for or of a pre-filter literal: `\u0020`–`\u007F`
 * (keys and literals are printable ASCII) and `\u0130` (İ, which lower-cases to "i" + a dot). Others, such as
 * `\u00e9` in data written with `ensure_ascii`, decode to characters neither can hold.
 */
export const spellsAscii: EscapeDigits = (d0, d1, d2, d3) =>
  d0 === DIGIT_0 && ((d1 === DIGIT_0 && d2 >= DIGIT_2 && d2 <= DIGIT_7) || (d1 === DIGIT_1 && d2 === DIGIT_3 && d3 === DIGIT_0));

/** A search for `\u` escapes whose hex digits start with `prefix` (after the `u`; digits, so case does not matter) and pass `wanted`. */
export function unicodeEscapeSearch(hexPrefix: string, wanted: EscapeDigits = anyEscape): TextSearch {
  const needle = `u${hexPrefix}`;
  return (text, from) => {
    for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (at === 0 || text.charCodeAt(at - 1) !== BACKSLASH || !isUnescaped(text, at - 1, 0)) continue;
      if (wanted(text.charCodeAt(at + 1), text.charCodeAt(at + 2), text.charCodeAt(at + 3), text.charCodeAt(at + 4))) return at;
    }
    return -1;
  };
}

/** unicodeEscapeSearch over raw bytes. */
export function unicodeEscapeByteSearch(hexPrefix: string, wanted: EscapeDigits = anyEscape): TextSearch<Buffer> {
  const needle = Buffer.from(`u${hexPrefix}`, 'latin1');
  return (bytes, from) => {
    for (let at = bytes.indexOf(needle, from); at >= 0; at = bytes.indexOf(needle, at + 1)) {
      if (at === 0 || bytes[at - 1] !== BACKSLASH || !isUnescapedByte(bytes, at - 1, 0)) continue;
      if (wanted(bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!, bytes[at + 4]!)) return at;
    }
    return -1;
  };
}

/**
 * The escapes that can spell a key or literal character (`spellsAscii`). One search serves the key picker (a line
 * with one may spell a needed key in an escaped form) and the block pre-filter (one may hide the literal).
 */
export const SPELLING_ESCAPES: TextSearch = unicodeEscapeSearch('0', spellsAscii);
