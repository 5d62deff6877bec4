// Splits a strftime/strptime format into literal text and conversion specifiers, expanding composites.

/** A piece of a time format. */
export type FormatToken =
  | { kind: 'literal'; text: string }
  | {
      kind: 'specifier';
      /** The conversion letter (`Y`, `z`, ...), or `Ez` for Splunk's %Ez. */
      letter: string;
      /** Digits before the letter, as in %3N; undefined when absent. */
      width: number | undefined;
      /** Number of colons before `z` (%:z, %::z, %:::z). */
      colons: number;
      /** The GNU `-` flag (%-d): print numbers without padding. */
      noPad: boolean;
      /** The specifier exactly as written, used when the letter is not supported. */
      source: string;
    };

/** Specifiers that stand for other formats (C/US-English locale variants for %c, %+, %x, %X). */
const COMPOSITES: Record<string, string> = {
  T: '%H:%M:%S',
  F: '%Y-%m-%d',
  D: '%m/%d/%y',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  c: '%a %b %e %H:%M:%S %Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
  x: '%-m/%-d/%Y',
  X: '%-H:%M:%S',
  h: '%b',
};

/** Default digit counts of the sub-second specifiers: %N nanoseconds, %Q milliseconds, %f microseconds. */
const FRACTION_DEFAULT_WIDTH: Record<string, number> = { N: 9, Q: 3, f: 6 };

/** The digit count of a sub-second specifier (%N, %3N, %Q, %6Q, %f), or undefined for other tokens. */
export function fractionWidth(token: FormatToken): number | undefined {
  if (token.kind !== 'specifier') return undefined;
  const defaultWidth = FRACTION_DEFAULT_WIDTH[token.letter];
  if (defaultWidth === undefined) return undefined;
  return token.letter === 'f' ? defaultWidth : token.width ?? defaultWidth;
}

const SPECIFIER = /%(-?)(\d*)(:{0,3})(Ez|[\s\S])/y;

/** Tokenizes a format; a `%` that starts no specifier (e.g. at the very end) is literal text. */
export function tokenizeFormat(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let literal = '';
  let index = 0;
  while (index < format.length) {
    const percent = format.indexOf('%', index);
    if (percent < 0) {
      literal += format.slice(index);
      break;
    }
    literal += format.slice(index, percent);
    SPECIFIER.lastIndex = percent;
    const match = SPECIFIER.exec(format);
    if (!match) {
      literal += '%';
      index = percent + 1;
      continue;
    }
    index = percent + match[0].length;
    const [source, dash, digits, colons, letter] = match as unknown as [string, string, string, string, string];
    if (letter === '%' && !dash && !digits && !colons) {
      literal += '%';
      continue;
    }
    const composite = COMPOSITES[letter];
    if (composite !== undefined && !dash && !digits && !colons) {
      if (literal) tokens.push({ kind: 'literal', text: literal });
      literal = '';
      tokens.push(...tokenizeFormat(composite));
      continue;
    }
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
    const width = digits ? Number(digits) : undefined;
    tokens.push({ kind: 'specifier', letter, width, colons: colons.length, noPad: dash === '-', source });
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return mergeLiterals(tokens);
}

function mergeLiterals(tokens: FormatToken[]): FormatToken[] {
  const merged: FormatToken[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (token.kind === 'literal' && last?.kind === 'literal') {
      merged[merged.length - 1] = { kind: 'literal', text: last.text + token.text };
    } else {
      merged.push(token);
    }
  }
  return merged;
}
