// Number helpers for eval functions: decimal rounding (round(2.555, 2) = 2.56), significant figures, digit grouping.

/** n × 10^digits computed on the decimal text, so 2.555 shifted by 2 is exactly 255.5. */
function shiftDecimal(n: number, digits: number): number {
  const [mantissa, exponent] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + digits}`);
}

/** Round to `digits` decimals (negative: to tens, hundreds...), halves away from zero; never -0. */
export function roundDecimal(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const shifted = Math.round(shiftDecimal(Math.abs(x), digits));
  return sign * shiftDecimal(shifted, -digits) || 0;
}

/** Round to `figures` significant figures. */
export function roundSignificant(x: number, figures: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  return roundDecimal(x, figures - 1 - magnitude);
}

/** Significant figures written in a number's text: "1.00" → 3, "1100" → 2, "0.050" → 2. */
export function significantFigures(text: string): number {
  const mantissa = text.trim().replace(/^[+-]/, '').split(/e/i)[0]!;
  if (mantissa.includes('.')) {
    const digits = mantissa.replace('.', '').replace(/^0+/, '');
    return Math.max(1, digits.length);
  }
  const digits = mantissa.replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** Decimal places written in a number's text: "1.50" → 2, "12" → 0. */
export function decimalPlaces(text: string): number {
  const mantissa = text.trim().split(/e/i)[0]!;
  const point = mantissa.indexOf('.');
  return point < 0 ? 0 : mantissa.length - point - 1;
}

/** Thousands separators in a run of digits: "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
