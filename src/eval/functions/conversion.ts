// Conversion functions: tonumber (with base), tostring (plain, hex, commas, duration) and printf.
import { SplError } from '../../errors.js';
import { numberToString, toNumber, type Scalar } from '../../runtime/event.js';
import type { CompiledArg, EvalFunction, Evaluator } from '../types.js';
import { mapValues, numberReader, numberResult, scalarText, type NumberReader } from '../values.js';
import { numberArg, textArg } from './define.js';
import { groupThousands, roundDecimal } from './rounding.js';
import { printfFunction } from './printf.js';

const DIGITS_IN_BASE = /^([+-]?)(?:0x)?([0-9a-z]+)$/i;

/** Parse text as a number in `base` (2..36); base 16 accepts a 0x prefix. Null when not entirely a number:
 * surrounding spaces make it null too (the conversion-functions page: "use the trim function"). */
function parseInBase(text: string, base: number): number | null {
  if (text !== text.trim()) return null;
  const trimmed = text;
  if (base === 10) {
    const n = toNumber(trimmed);
    return Number.isNaN(n) ? null : n;
  }
  const m = DIGITS_IN_BASE.exec(trimmed);
  if (m === null || (base !== 16 && /x/i.test(trimmed))) return null;
  const digits = m[2]!.toLowerCase();
  for (const d of digits) if (parseInt(d, 36) >= base) return null;
  const n = parseInt(digits, base);
  return m[1] === '-' ? -n : n;
}

function validBase(base: number): boolean {
  return Number.isInteger(base) && base >= 2 && base <= 36;
}

const tonumberFunction: EvalFunction = {
  name: 'tonumber',
  minArgs: 1,
  maxArgs: 2,
  result: 'number',
  compile([value, baseArg]) {
    if (typeof baseArg?.literal === 'number' && !validBase(baseArg.literal)) {
      throw new SplError('bad-argument', 'tonumber base must be an integer from 2 to 36', baseArg.node.span);
    }
    const base = baseArg === undefined ? () => 10 : numberArg(baseArg);
    return (ev) => {
      const b = base(ev);
      if (b === null || !validBase(b)) return null;
      return mapValues(value!.evaluate(ev), (v) => {
        if (typeof v === 'number' && b === 10) return v;
        const text = scalarText(v);
        return text === null ? null : parseInBase(text, b);
      });
    };
  },
};

function hexText(x: number): string {
  const digits = Math.abs(Math.trunc(x)).toString(16).toUpperCase();
  return `${x < 0 ? '-' : ''}0x${digits}`;
}

/** Rounded to two decimals with thousands separators: 1234567.891 → 1,234,567.89. */
function commasText(x: number): string {
  const rounded = numberToString(roundDecimal(Math.abs(x), 2));
  const [whole, fraction] = rounded.split('.');
  const grouped = groupThousands(whole!);
  return `${x < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Seconds as [D+]HH:MM:SS (fractions of a second dropped): 615 → 00:10:15, 93784 → 1+02:03:04. */
function durationText(x: number): string {
  const total = Math.trunc(Math.abs(x));
  const two = (n: number): string => String(n).padStart(2, '0');
  const days = Math.floor(total / 86400);
  const clock = `${two(Math.floor((total % 86400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return `${x < 0 ? '-' : ''}${days > 0 ? `${days}+` : ''}${clock}`;
}

const NUMBER_FORMATS = new Map<string, (x: number) => string>([
  ['hex', hexText],
  ['commas', commasText],
  ['duration', durationText],
]);

/** tostring without a format: numbers as printed, Booleans as True/False. */
function plainText(v: Scalar): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return typeof v === 'number' ? numberToString(v) : v;
}

function formatted(format: (x: number) => string, read: NumberReader): (v: Scalar) => string | null {
  return (v) => {
    const x = read(v);
    return x === undefined || numberResult(x) === null ? null : format(x);
  };
}

function compileTostring(value: CompiledArg, formatArg: CompiledArg | undefined): Evaluator {
  if (formatArg === undefined) return (ev) => mapValues(value.evaluate(ev), plainText);
  const read = numberReader(value.kind);
  if (typeof formatArg.literal === 'string') {
    const format = NUMBER_FORMATS.get(formatArg.literal.toLowerCase());
    if (format === undefined) {
      throw new SplError('bad-argument', `tostring format must be "hex", "commas" or "duration"`, formatArg.node.span);
    }
    const apply = formatted(format, read);
    return (ev) => mapValues(value.evaluate(ev), apply);
  }
  const formatName = textArg(formatArg);
  const appliers = new Map([...NUMBER_FORMATS].map(([name, format]) => [name, formatted(format, read)]));
  return (ev) => {
    const apply = appliers.get(formatName(ev)?.toLowerCase() ?? '');
    return apply === undefined ? null : mapValues(value.evaluate(ev), apply);
  };
}

const tostringFunction: EvalFunction = {
  name: 'tostring',
  minArgs: 1,
  maxArgs: 2,
  result: 'string',
  compile: ([value, format]) => compileTostring(value!, format),
};

export const CONVERSION_FUNCTIONS: EvalFunction[] = [tonumberFunction, tostringFunction, printfFunction];
