// Exact decimal handling of fractional epoch seconds: split into whole seconds + digits, and join back.

const NANOS_PER_SECOND = 1_000_000_000;

/** Whole seconds (floored) and the fraction as exactly 9 decimal digits, truncated, never rounded. */
export interface SplitSeconds {
  whole: number;
  /** Nine digits; for negative times this is the fraction above `whole` (-1.25 → whole -2, "750000000"). */
  nanoDigits: string;
}

const NO_FRACTION = '000000000';
/**
 * Below this magnitude a double is less than 1e-4 apart from its neighbours, so a value equal to some k/1000
 * has that decimal as its shortest spelling and its milliseconds can be taken arithmetically (fast path).
 */
const MAX_EXACT_MILLIS_SECONDS = 1e12;

/**
 * Splits epoch seconds using the number's shortest decimal spelling, so 1522196414.839 yields "839000000"
 * (the binary double is 1522196414.83899998..., which plain arithmetic would truncate to 838).
 */
export function splitSeconds(seconds: number): SplitSeconds {
  const whole = Math.floor(seconds);
  if (whole === seconds) return { whole, nanoDigits: NO_FRACTION };
  const millis = Math.round(seconds * 1000);
  if (millis / 1000 === seconds && Math.abs(seconds) < MAX_EXACT_MILLIS_SECONDS) {
    return { whole, nanoDigits: String((millis - whole * 1000) * 1_000_000).padStart(9, '0') };
  }
  const magnitude = Math.abs(seconds);
  const text = String(magnitude).includes('e') ? magnitude.toFixed(9) : String(magnitude);
  const fractionText = text.slice(text.indexOf('.') + 1);
  let nanos = Number(fractionText.slice(0, 9).padEnd(9, '0'));
  if (seconds < 0) {
    const truncatedDigitsRemain = /[1-9]/.test(fractionText.slice(9));
    nanos = NANOS_PER_SECOND - nanos - (truncatedDigitsRemain ? 1 : 0);
  }
  return { whole, nanoDigits: String(nanos).padStart(9, '0') };
}

/** `whole` seconds plus a decimal fraction given by its digits ("839" → .839), as the nearest double. */
export function joinSeconds(whole: number, fractionDigits: string): number {
  if (fractionDigits === '' || !/[1-9]/.test(fractionDigits)) return whole;
  if (whole >= 0) return Number(`${whole}.${fractionDigits}`);
  return -Number(`${-whole - 1}.${complementDigits(fractionDigits)}`);
}

/** Digits of 1 - 0.<digits>, same length (digits not all zero): "25" → "75", "001" → "999". */
function complementDigits(digits: string): string {
  const scale = 10n ** BigInt(digits.length);
  return (scale - BigInt(digits)).toString().padStart(digits.length, '0');
}
