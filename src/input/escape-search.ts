// Finding real `\u` escapes in raw JSON text: a `u` after an odd run of backslashes (an even run is an escaped `\`).
import { isUnescaped } from '../util/unescaped.js';
import type { TextSearch } from './hit-cursor.js';

const BACKSLASH = 0x5c;

/** A search for `\u` escapes whose hex digits start with `prefix` (after the `u`; digits, so case does not matter). */
export function unicodeEscapeSearch(hexPrefix: string): TextSearch {
  const needle = `u${hexPrefix}`;
  return (text, from) => {
    for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (at > 0 && text.charCodeAt(at - 1) === BACKSLASH && isUnescaped(text, at - 1, 0)) return at;
    }
    return -1;
  };
}

/**
 * Escapes `\u0XXX`: they can write any ASCII character (so any key name or literal character) and U+0130 (İ,
 * which lower-cases to "i" + a dot). One search serves the key picker and the block pre-filter.
 */
export const LOW_UNICODE_ESCAPES: TextSearch = unicodeEscapeSearch('0');
