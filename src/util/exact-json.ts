// JSON.parse that keeps integers beyond 2^53 exact: as their text (a string), not a rounded double.

/**
 * Integers a double holds exactly stay numbers; a JSON integer outside ±(2^53 - 1) becomes the string of its exact
 * digits, so `9007199254740993` and `9007199254740992` compare, group and print apart (Splunk keeps field values
 * as text; arithmetic on them still goes through a double, as in Splunk). Numbers with a fraction or an exponent
 * are read as doubles, as JSON.parse reads them.
 */
export function parseJsonExact(text: string): unknown {
  // Parsed as written first: validity and error messages are JSON.parse's own, whatever the rewriting does.
  const value: unknown = JSON.parse(text);
  if (!LONG_DIGIT_RUN.test(text)) return value;
  const quoted = quoteUnsafeIntegers(text);
  return quoted === text ? value : JSON.parse(quoted);
}

/** A run of 16 digits: every integer beyond 2^53 (16 digits) has one; most records have none. */
const LONG_DIGIT_RUN = /[0-9]{16}/;
/** A JSON string (left as it is) or a number token. Strings are matched first, so digits inside them are skipped. */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\[^])*"|-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/g;

/** The text with each unsafe integer token written as a JSON string of its digits (invalid JSON stays invalid). */
function quoteUnsafeIntegers(text: string): string {
  return text.replace(STRING_OR_NUMBER, (token) => (token.charCodeAt(0) !== 0x22 && isUnsafeIntegerText(token) ? `"${token}"` : token));
}

/** True for the text of an integer (no fraction, no exponent) that a double cannot hold exactly. */
export function isUnsafeIntegerText(token: string): boolean {
  const digits = token.charCodeAt(0) === 0x2d ? token.length - 1 : token.length;
  if (digits < 16 || token.charCodeAt(token.length - digits) === 0x30) return false;
  for (let i = token.length - digits; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return !Number.isSafeInteger(Number(token));
}
