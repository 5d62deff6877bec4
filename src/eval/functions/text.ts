// Text functions: len lower upper ltrim rtrim trim replace substr urldecode spath.
import type { CompiledArg, EvalFunction, Evaluator } from '../types.js';
import { mapValues, scalarText } from '../values.js';
import { numberArg, preparedArg, textFunction } from './define.js';
import { spathFunction } from './json.js';
import { replaceFunction } from './replace.js';

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Length in characters (code points), not UTF-16 units or bytes. */
function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

const DEFAULT_TRIM_CHARACTERS = ' \t';

/** A regex removing runs of these characters at the start, end or both ends. */
function trimRegex(characters: string, where: 'start' | 'end' | 'both'): RegExp {
  const set = `[${characters.replace(/[\\\]^-]/g, '\\$&')}]+`;
  const source = where === 'start' ? `^${set}` : where === 'end' ? `${set}$` : `^${set}|${set}$`;
  return new RegExp(source, 'gu');
}

function trimFunction(name: string, where: 'start' | 'end' | 'both'): EvalFunction {
  return {
    name,
    minArgs: 1,
    maxArgs: 2,
    result: 'string',
    compile([text, characters]) {
      const defaultRegex = trimRegex(DEFAULT_TRIM_CHARACTERS, where);
      const regex = characters === undefined ? () => defaultRegex : preparedArg(characters, (c) => trimRegex(c, where));
      return (ev) => {
        const re = regex(ev);
        if (re === null) return null;
        return mapValues(text!.evaluate(ev), (v) => scalarText(v)?.replace(re, '') ?? null);
      };
    },
  };
}

/** Characters from 1-based `start` (negative: from the end; 0 counts as 1), `length` of them or to the end. */
function substring(text: string, start: number, length: number | undefined): string | null {
  const chars = text.length === codePointLength(text) ? null : Array.from(text);
  const size = chars === null ? text.length : chars.length;
  const from = start > 0 ? start - 1 : start < 0 ? Math.max(0, size + start) : 0;
  if (length !== undefined && length < 0) return null;
  const to = length === undefined ? size : Math.min(size, from + length);
  if (from >= to) return '';
  return chars === null ? text.slice(from, to) : chars.slice(from, to).join('');
}

function compileSubstr(text: CompiledArg, startArg: CompiledArg, lengthArg: CompiledArg | undefined): Evaluator {
  const start = numberArg(startArg);
  const length = lengthArg === undefined ? undefined : numberArg(lengthArg);
  return (ev) => {
    const s = start(ev);
    const n = length === undefined ? undefined : length(ev);
    if (s === null || n === null) return null;
    return mapValues(text.evaluate(ev), (v) => {
      const t = scalarText(v);
      return t === null ? null : substring(t, Math.trunc(s), n === undefined ? undefined : Math.trunc(n));
    });
  };
}

const substrFunction: EvalFunction = {
  name: 'substr',
  minArgs: 2,
  maxArgs: 3,
  result: 'string',
  compile: ([text, start, length]) => compileSubstr(text!, start!, length),
};

const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

/** Decode %XX sequences as UTF-8 and `+` as a space; malformed sequences stay as written. */
function urlDecode(text: string): string {
  return text.replace(/\+/g, ' ').replace(PERCENT_RUN, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}

export const TEXT_FUNCTIONS: EvalFunction[] = [
  textFunction('len', codePointLength, 'number'),
  textFunction('lower', (t) => t.toLowerCase()),
  textFunction('upper', (t) => t.toUpperCase()),
  trimFunction('ltrim', 'start'),
  trimFunction('rtrim', 'end'),
  trimFunction('trim', 'both'),
  replaceFunction,
  substrFunction,
  textFunction('urldecode', urlDecode),
  spathFunction,
];
