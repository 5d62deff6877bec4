// Exact fast parse of a JSON number from text, without JSON.parse, for the common short forms.
import { isUnsafeIntegerText } from '../../util/exact-json.js';

/** Powers of ten that are exact doubles (10^0 .. 10^22). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
/** Significant digits that always fit exactly in a double's 53-bit mantissa. */
const MAX_EXACT_DIGITS = 15;

const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

/**
 * The JSON number written at `text[start, end)`, equal to what JSON.parse gives (including -0); undefined
 * when the text is not a JSON number. Up to 15 digits without an exponent are computed as an exact integer
 * divided by an exact power of ten, which IEEE division rounds correctly, i.e. exactly as JSON.parse does;
 * longer numbers and exponents are handed to JSON.parse.
 */
export function parseJsonNumber(text: string, start: number, end: number): number | string | undefined {
  const negative = text.charCodeAt(start) === MINUS;
  let pos = negative ? start + 1 : start;
  if (pos === end || !isDigit(text.charCodeAt(pos))) return undefined;
  if (text.charCodeAt(pos) === ZERO && pos + 1 < end && isDigit(text.charCodeAt(pos + 1))) return undefined;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let inFraction = false;
  for (; pos < end; pos++) {
    const code = text.charCodeAt(pos);
    if (isDigit(code)) {
      mantissa = mantissa * 10 + (code - ZERO);
      digits++;
      if (inFraction) fractionDigits++;
    } else if (code === DOT && !inFraction && pos + 1 < end && isDigit(text.charCodeAt(pos + 1))) {
      inFraction = true;
    } else {
      return parseWithJson(text, start, end);
    }
  }
  if (digits > MAX_EXACT_DIGITS) return parseWithJson(text, start, end);
  const magnitude = fractionDigits === 0 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[fractionDigits]!;
  return negative ? -magnitude : magnitude;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 0x39;
}

/**
 * JSON.parse of a number's text (exponents, long mantissas, or invalid text → undefined); an integer beyond 2^53
 * is its exact text, as parseJsonExact gives it.
 */
function parseWithJson(text: string, start: number, end: number): number | string | undefined {
  try {
    const token = text.slice(start, end);
    const value: unknown = JSON.parse(token);
    if (typeof value !== 'number') return undefined;
    return isUnsafeIntegerText(token) ? token : value;
  } catch {
    return undefined;
  }
}
