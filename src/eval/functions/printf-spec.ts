// Parsing of printf format strings into literal text and conversion specifications (done once per format).

/** One `%...` conversion: flags, width, precision (`-1` = taken from an argument, `*`) and conversion letter. */
export interface ConversionSpec {
  leftAlign: boolean;
  zeroPad: boolean;
  plusSign: boolean;
  spaceSign: boolean;
  alternate: boolean;
  grouping: boolean;
  /** null when absent; 'arg' for `*`. */
  width: number | 'arg' | null;
  precision: number | 'arg' | null;
  conversion: string;
}

export type FormatPiece = string | ConversionSpec;

const SPEC = /%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGscpz%])/g;

/** Documented aliases (conversion-functions page): `%p` is `%X`, `%z` is `%s`. */
const ALIASES: Record<string, string> = { p: 'X', z: 's' };

function parseCount(text: string | undefined): number | 'arg' | null {
  if (text === undefined) return null;
  if (text === '*') return 'arg';
  return text === '' ? 0 : Number(text);
}

/** Split a format into literal runs and conversions; an unrecognised `%` sequence is kept as literal text. */
export function parseFormat(format: string): FormatPiece[] {
  const pieces: FormatPiece[] = [];
  let last = 0;
  for (const m of format.matchAll(SPEC)) {
    const [whole, flags, width, precision, conversion] = m;
    if (m.index > last) pieces.push(format.slice(last, m.index));
    last = m.index + whole.length;
    if (conversion === '%') {
      pieces.push('%');
      continue;
    }
    pieces.push({
      leftAlign: flags!.includes('-'),
      zeroPad: flags!.includes('0'),
      plusSign: flags!.includes('+'),
      spaceSign: flags!.includes(' '),
      alternate: flags!.includes('#'),
      grouping: flags!.includes("'"),
      width: parseCount(width),
      precision: parseCount(precision),
      conversion: ALIASES[conversion!] ?? conversion!,
    });
  }
  if (last < format.length) pieces.push(format.slice(last));
  return pieces;
}
