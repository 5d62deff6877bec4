// JSON.parse that keeps integers beyond 2^53 exact: as their text (a string), not a rounded double.

/**
 * Integers a double holds exactly stay numbers; a JSON integer outside ±(2^53 - 1) becomes the string of its exact
 * digits, so `9007199254740993` and `9007199254740992` compare, group and print apart (Splunk keeps field values
 * as text; arithmetic on them still goes through a double, as in Splunk). Numbers with a fraction or an exponent
 * are read as doubles, as JSON.parse reads them.
 */
export function parseJsonExact(text: string): unknown {
  checkNesting(text);
  // Parsed as written first: validity and error messages are JSON.parse's own, whatever the rewriting does.
  const value: unknown = JSON.parse(text);
  if (!hasLongDigitRun(text)) return value;
  const quoted = quoteUnsafeIntegers(text);
  return quoted === text ? value : JSON.parse(quoted);
}

/**
 * parseJsonExact of one JSON value's text; a string token (`"..."`) is read by JSON.parse alone: it holds no number
 * and no nesting, so neither check has anything to find in it (they would scan long texts such as a Message).
 */
export function parseJsonValueExact(text: string): unknown {
  return text.charCodeAt(0) === 0x22 ? JSON.parse(text) : parseJsonExact(text);
}

/** Digits in a run that every integer beyond 2^53 has (16 digits); most records have none. */
const LONG_RUN = 16;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * True when `text` holds a run of 16 digits (as /[0-9]{16}/ tests, about 8 times faster on event lines): a run that
 * long covers one of every 16th position, so only those are looked at, and around a digit there the run is measured.
 */
export function hasLongDigitRun(text: string): boolean {
  for (let i = LONG_RUN - 1; i < text.length; ) {
    if (!isDigit(text.charCodeAt(i))) {
      i += LONG_RUN;
      continue;
    }
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= LONG_RUN) return true;
    i = end + LONG_RUN;
  }
  return false;
}

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
  for (let i = token.length - digits; i < token.length; i++) if (!isDigit(token.charCodeAt(i))) return false;
  return !Number.isSafeInteger(Number(token));
}

/**
 * Deepest nesting of objects and arrays a JSON value may have. Deeper values are invalid input for splq (a malformed
 * record, a null JSON function result): walking them (flattening, spath) would exhaust the stack. Splunk's own
 * spath stops at a depth too (its `extraction_cutoff` limits size); 512 is far beyond any real event.
 */
export const MAX_JSON_DEPTH = 512;

/** Thrown for JSON nested deeper than MAX_JSON_DEPTH (a SyntaxError, as JSON.parse's own errors are). */
export class JsonTooDeepError extends SyntaxError {
  constructor() {
    super(`objects and arrays nest deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** Throws JsonTooDeepError when `text` nests deeper than MAX_JSON_DEPTH (checked without recursion). */
export function checkNesting(text: string): void {
  if (nestingExceeds(text, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
}

/**
 * True when brackets outside strings nest deeper than `limit`. Cheap for most texts: with at most `limit` opening
 * brackets in all, nothing can be deeper, which native searches count before any character loop.
 */
export function nestingExceeds(text: string, limit: number): boolean {
  let openings = 0;
  for (let at = text.indexOf('{'); at >= 0 && openings <= limit; at = text.indexOf('{', at + 1)) openings++;
  for (let at = text.indexOf('['); at >= 0 && openings <= limit; at = text.indexOf('[', at + 1)) openings++;
  if (openings <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}
