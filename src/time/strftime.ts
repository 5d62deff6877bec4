// strftime: formats epoch seconds in a time zone; the format is parsed once into a list of emitters.

import { fractionWidth, tokenizeFormat, type FormatToken } from './format-tokens.js';
import { localTimeAt } from './local-time.js';
import { splitSeconds } from './seconds.js';
import { offsetText } from './offset-text.js';
import { NUMERIC_FIELDS, TEXT_FIELDS, type FormatContext, type NumericField } from './strftime-fields.js';
import type { TimeZone } from './zone.js';

type Emitter = (context: FormatContext) => string;

/**
 * Compiles a strftime format. The result formats finite epoch seconds (fraction allowed) in `zone`.
 * Unsupported specifiers are copied to the output unchanged, as C strftime does.
 */
export function compileStrftime(format: string): (epochSeconds: number, zone: TimeZone) => string {
  const tokens = tokenizeFormat(format);
  const emitters = tokens.map(emitterFor);
  const needsFraction = tokens.some((t) => fractionWidth(t) !== undefined);
  return (epochSeconds, zone) => {
    const split = needsFraction ? splitSeconds(epochSeconds) : undefined;
    const wholeSeconds = split ? split.whole : Math.floor(epochSeconds);
    const local = localTimeAt(wholeSeconds, zone.offsetMinutes(wholeSeconds * 1000));
    const context: FormatContext = { local, wholeSeconds, nanoDigits: split?.nanoDigits ?? '', zone };
    let out = '';
    for (const emit of emitters) out += emit(context);
    return out;
  };
}

function emitterFor(token: FormatToken): Emitter {
  if (token.kind === 'literal') {
    const text = token.text;
    return () => text;
  }
  const numeric = NUMERIC_FIELDS[token.letter];
  if (numeric && token.colons === 0) return numericEmitter(numeric, token.noPad);
  const digits = fractionWidth(token);
  if (digits !== undefined) return fractionEmitter(digits);
  if (token.letter === 'z') {
    const colons = token.colons;
    return (c) => offsetText(c.local.offsetMinutes, colons);
  }
  const text = TEXT_FIELDS[token.letter];
  if (text && token.colons === 0) return text;
  const source = token.source;
  return () => source;
}

function numericEmitter(field: NumericField, noPad: boolean): Emitter {
  const { width, pad, value } = field;
  if (noPad) return (c) => String(value(c.local));
  return (c) => {
    const n = value(c.local);
    return n < 0 ? `-${String(-n).padStart(width - 1, pad)}` : String(n).padStart(width, pad);
  };
}

/** Sub-second digits, truncated (never rounded); widths past nine digits are padded with zeros. */
function fractionEmitter(width: number): Emitter {
  if (width <= 9) return (c) => c.nanoDigits.slice(0, width);
  const zeros = '0'.repeat(width - 9);
  return (c) => c.nanoDigits + zeros;
}
