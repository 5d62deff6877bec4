// Date and time functions: now time relative_time strftime strptime (formats and modifiers compiled once when literal).
import { isSplError, SplError } from '../../errors.js';
import type { Span } from '../../errors.js';
import { compileTimeModifier } from '../../time/relative.js';
import { compileStrftime } from '../../time/strftime.js';
import { compileStrptime } from '../../time/strptime.js';
import type { CompiledArg, EvalFunction } from '../types.js';
import { mapValues, numberReader, numberResult, scalarText } from '../values.js';
import { constantFunction, numberArg, preparedArg } from './define.js';

/**
 * The query span of an error found inside a literal's text: shifted past the opening quote when the literal has
 * no escapes (so offsets line up), else the whole literal.
 */
function spanInLiteral(inner: Span | undefined, text: string, literal: Span): Span {
  const plain = literal.end - literal.start === text.length + 2;
  if (inner === undefined || !plain) return literal;
  return { start: literal.start + 1 + inner.start, end: literal.start + 1 + inner.end };
}

/** A builder whose errors, for a literal argument, point into that argument. */
function atArgument<T>(build: (text: string) => T, literal: Span): (text: string) => T {
  return (text) => {
    try {
      return build(text);
    } catch (e) {
      if (!isSplError(e)) throw new SplError('bad-time-format', (e as Error).message, literal);
      e.span = spanInLiteral(e.span, text, literal);
      throw e;
    }
  };
}

const relativeTimeFunction: EvalFunction = {
  name: 'relative_time',
  minArgs: 2,
  maxArgs: 2,
  result: 'number',
  compile([time, modifier], ctx) {
    const t = numberArg(time!);
    const span = modifier!.node.span;
    const build = atArgument(compileTimeModifier, span);
    // An invalid literal modifier gives NULL, like one read from a field, with one compile-time warning
    // (docs/eval-functions.md): Splunk does not fail the search for it.
    const buildLiteral = (text: string): ReturnType<typeof compileTimeModifier> | null => {
      try {
        return build(text);
      } catch (e) {
        if (!isSplError(e) || e.code !== 'bad-time-format') throw e;
        const at = e.span ?? span;
        ctx.warn?.(`relative_time: ${e.message} (at ${at.start}-${at.end}); the result is NULL`);
        return null;
      }
    };
    const apply = preparedArg(modifier!, modifier!.literal === undefined ? build : buildLiteral);
    return (ev) => {
      const seconds = t(ev);
      const shift = apply(ev);
      return seconds === null || shift === null ? null : numberResult(shift(seconds, ctx.zone));
    };
  },
};

const strftimeFunction: EvalFunction = {
  name: 'strftime',
  minArgs: 2,
  maxArgs: 2,
  result: 'string',
  compile([time, format], ctx) {
    const read = numberReader(time!.kind);
    const formatter = preparedArg(format!, atArgument(compileStrftime, format!.node.span));
    return (ev) => {
      const render = formatter(ev);
      if (render === null) return null;
      return mapValues(time!.evaluate(ev), (v) => {
        const seconds = read(v);
        return seconds === undefined || !Number.isFinite(seconds) ? null : render(seconds, ctx.zone);
      });
    };
  },
};

const strptimeFunction: EvalFunction = {
  name: 'strptime',
  minArgs: 2,
  maxArgs: 2,
  result: 'number',
  compile([text, format], ctx) {
    const parser = preparedArg(format!, atArgument(compileStrptime, format!.node.span));
    return (ev) => {
      const parse = parser(ev);
      if (parse === null) return null;
      return mapValues(text!.evaluate(ev), (v) => {
        const s = scalarText(v);
        return s === null ? null : parse(s, ctx.zone);
      });
    };
  },
};

const nowFunction: EvalFunction = {
  name: 'now',
  minArgs: 0,
  maxArgs: 0,
  result: 'number',
  compile: (_args: CompiledArg[], ctx) => () => ctx.now,
};

export const DATETIME_FUNCTIONS: EvalFunction[] = [
  nowFunction,
  constantFunction('time', 'number', () => Date.now() / 1000),
  relativeTimeFunction,
  strftimeFunction,
  strptimeFunction,
];
