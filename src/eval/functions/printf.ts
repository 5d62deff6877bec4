// printf(): C-style formatting of eval values with a format parsed once per distinct format string.
import { numberToString, toNumber, type Scalar } from '../../runtime/event.js';
import type { CompiledArg, EvalFunction, Evaluator } from '../types.js';
import { asScalar } from '../values.js';
import { preparedArg } from './define.js';
import { parseFormat, type ConversionSpec, type FormatPiece } from './printf-spec.js';
import { groupThousands } from './rounding.js';

/** Reads a printf argument as a number: numbers, and strings that read as numbers; anything else is 0. */
function argNumber(v: Scalar | null): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = toNumber(v);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

function argText(v: Scalar | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return numberToString(v);
  return typeof v === 'boolean' ? String(v) : v;
}

/** C-style exponent: at least two digits (`1.5e+02`). */
function exponential(x: number, precision: number, upper: boolean): string {
  const s = x.toExponential(precision).replace(/e([+-])(\d)$/, (_m, sign: string, digit: string) => `e${sign}0${digit}`);
  return upper ? s.toUpperCase() : s;
}

/** `%g` without `#`: trailing fraction zeros (and a bare point) are dropped. */
function stripFractionZeros(s: string): string {
  const [mantissa, exponent] = s.split('e');
  const m = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? m : `${m}e${exponent}`;
}

/** `%g`: fixed or exponential notation by C's rule for the decimal exponent. */
function general(x: number, spec: ConversionSpec, precision: number): string {
  const p = precision === 0 ? 1 : precision;
  const exp = x === 0 ? 0 : Number(x.toExponential(p - 1).split('e')[1]);
  const s = p > exp && exp >= -4 ? x.toFixed(p - 1 - exp) : exponential(x, p - 1, false);
  const out = spec.alternate ? s : stripFractionZeros(s);
  return spec.conversion === 'G' ? out.toUpperCase() : out;
}

function unsignedDigits(x: number, radix: number): string {
  return BigInt.asUintN(64, BigInt(Math.trunc(x))).toString(radix);
}

/** Digits (no sign) of a numeric conversion, plus a base prefix for `#`. */
function numericBody(x: number, spec: ConversionSpec, precision: number | null): { body: string; prefix: string } {
  const c = spec.conversion;
  if (!Number.isFinite(x)) return { body: Number.isNaN(x) ? 'nan' : 'inf', prefix: '' };
  if ('di'.includes(c) || c === 'u') {
    let digits = c === 'u' ? unsignedDigits(x, 10) : Math.abs(Math.trunc(x)).toFixed(0);
    if (precision !== null) digits = digits.padStart(precision, '0');
    return { body: spec.grouping ? groupThousands(digits) : digits, prefix: '' };
  }
  if ('oxX'.includes(c)) {
    let digits = unsignedDigits(x, c === 'o' ? 8 : 16);
    if (precision !== null) digits = digits.padStart(precision, '0');
    const prefix = spec.alternate && x !== 0 ? (c === 'o' ? '0' : '0x') : '';
    return c === 'X' ? { body: digits.toUpperCase(), prefix: prefix.toUpperCase() } : { body: digits, prefix };
  }
  const p = precision ?? 6;
  const abs = Math.abs(x);
  if (c === 'e' || c === 'E') return { body: exponential(abs, p, c === 'E'), prefix: '' };
  if (c === 'g' || c === 'G') return { body: general(abs, spec, p), prefix: '' };
  const fixed = abs.toFixed(p) + (spec.alternate && p === 0 ? '.' : '');
  return { body: spec.grouping ? fixed.replace(/^\d+/, groupThousands) : fixed, prefix: '' };
}

function pad(text: string, width: number, leftAlign: boolean): string {
  return leftAlign ? text.padEnd(width) : text.padStart(width);
}

function formatOne(spec: ConversionSpec, v: Scalar | null, width: number, precision: number | null): string {
  const c = spec.conversion;
  if (c === 's' || c === 'c') {
    let text = argText(v);
    if (c === 'c') text = typeof v === 'number' ? String.fromCodePoint(v) : [...text][0] ?? '';
    else if (precision !== null) text = [...text].slice(0, precision).join('');
    return pad(text, width, spec.leftAlign);
  }
  const x = argNumber(v);
  const { body, prefix } = numericBody(x, spec, precision);
  const signed = 'di'.includes(c) || 'eEfFgG'.includes(c);
  const sign = x < 0 && signed && body !== '0' ? '-' : signed && spec.plusSign ? '+' : signed && spec.spaceSign ? ' ' : '';
  const zeroAllowed = spec.zeroPad && !spec.leftAlign && !(precision !== null && 'diouxX'.includes(c)) && Number.isFinite(x);
  if (zeroAllowed) return sign + prefix + body.padStart(width - sign.length - prefix.length, '0');
  return pad(sign + prefix + body, width, spec.leftAlign);
}

/** Format values with parsed pieces; arguments are consumed left to right (also by `*` width/precision). */
function formatPieces(pieces: FormatPiece[], values: Array<Scalar | null>): string {
  let next = 0;
  const take = (): Scalar | null => (next < values.length ? values[next++]! : null);
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    let width = piece.width === 'arg' ? Math.trunc(argNumber(take())) : (piece.width ?? 0);
    const leftAlign = piece.leftAlign || width < 0;
    width = Math.abs(width);
    const precisionArg = piece.precision === 'arg' ? Math.trunc(argNumber(take())) : piece.precision;
    const precision = precisionArg !== null && precisionArg < 0 ? null : precisionArg;
    out += formatOne({ ...piece, leftAlign }, take(), width, precision);
  }
  return out;
}

export const printfFunction: EvalFunction = {
  name: 'printf',
  minArgs: 1,
  maxArgs: Infinity,
  result: 'string',
  compile([format, ...rest]: CompiledArg[]): Evaluator {
    const pieces = preparedArg(format!, parseFormat);
    const values = rest.map((a) => a.evaluate);
    return (ev) => {
      const parsed = pieces(ev);
      return parsed === null ? null : formatPieces(parsed, values.map((evaluate) => asScalar(evaluate(ev))));
    };
  },
};
