// `convert [timeformat=f] fn(field) [AS name] ...`: convert field values (ctime, mktime, dur2sec, auto, ...) in place or into AS.
import type { CommandOption, Conversion, ConvertCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError, closestNames } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { applyConversion } from './convert-apply.js';
import { CONVERT_FUNCTION_NAMES, DEFAULT_TIME_FORMAT, convertFunctions, type ConvertFunction } from './convert-functions.js';
import { compileNamePattern, fillPattern, type NamePattern } from './wildcard-names.js';

/** One conversion, ready to run: the function, the source field (pattern) and the AS target (pattern), if any. */
interface ConversionStep {
  fn: ConvertFunction;
  source: NamePattern;
  target: string | null;
}

export const convertCommand: CommandDef<ConvertCommand> = {
  names: ['convert'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'all functions; formats in `--tz`',
  compile(node, ctx) {
    const functions = convertFunctions(timeFormatOf(node.options), ctx.zone);
    const exclusions = node.conversions.filter((c) => c.fn === 'none').map(checkedExclusion);
    const steps = node.conversions.filter((c) => c.fn !== 'none').map((c) => compileStep(c, functions));
    const convert = compileConversions(steps, exclusions);
    return {
      kind: 'streaming',
      reads: steps.some((s) => s.source.hasWildcard) ? null : steps.map((s) => s.source.text),
      factory: (next) => ({
        push: (ev) => {
          convert(ev);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};

/** The value of `timeformat=`, the only option convert has. */
function timeFormatOf(options: CommandOption[]): string {
  let timeFormat = DEFAULT_TIME_FORMAT;
  for (const o of options) {
    if (o.name.toLowerCase() !== 'timeformat') {
      const near = closestNames(o.name, ['timeformat']);
      throw new SplError('bad-option', `convert has no option "${o.name}"; its only option is timeformat`, o.span,
        near.length > 0 ? ['did you mean timeformat?'] : []);
    }
    timeFormat = o.value;
  }
  return timeFormat;
}

function checkedExclusion(c: Conversion): NamePattern {
  if (c.as) throw new SplError('bad-argument', 'convert: none() excludes fields and cannot take AS', c.as.span);
  return compileNamePattern(c.field.name);
}

function compileStep(c: Conversion, functions: Record<string, ConvertFunction>): ConversionStep {
  const fn = functions[c.fn];
  if (!fn) {
    const nameSpan = { start: c.span.start, end: c.span.start + c.fn.length };
    const near = closestNames(c.fn, CONVERT_FUNCTION_NAMES).map((n) => `did you mean ${n}()?`);
    throw new SplError('bad-argument', `convert has no function "${c.fn}"; known functions: ${CONVERT_FUNCTION_NAMES.join(', ')}`, nameSpan, near);
  }
  const source = compileNamePattern(c.field.name);
  if (c.as && countStars(c.as.name) !== countStars(c.field.name)) {
    throw new SplError('bad-argument', `convert: "${c.field.name}" and its AS name "${c.as.name}" must have the same number of *`, c.as.span);
  }
  return { fn, source, target: c.as ? c.as.name : null };
}

function countStars(name: string): number {
  return name.split('*').length - 1;
}

/** Conversions run in order, each seeing the previous ones' results. */
function compileConversions(steps: ConversionStep[], exclusions: NamePattern[]): (ev: Event) => void {
  return (ev) => {
    for (const step of steps) {
      if (step.source.hasWildcard) convertMatchingFields(ev, step, exclusions);
      else applyConversion(ev, step.fn, step.source.text, step.target ?? step.source.text);
    }
  };
}

/**
 * A wildcard conversion applies to the event's fields that match it, except fields excluded by none() (which only
 * filters wildcard matches) and internal fields (`_raw`, `_time`, ...) unless the pattern itself starts with `_`.
 */
function convertMatchingFields(ev: Event, step: ConversionStep, exclusions: NamePattern[]): void {
  const includeInternal = step.source.text.startsWith('_');
  for (const name of ev.names()) {
    if (!includeInternal && name.startsWith('_')) continue;
    const captures = step.source.match(name);
    if (!captures || isExcluded(name, exclusions)) continue;
    applyConversion(ev, step.fn, name, step.target === null ? name : fillPattern(step.target, captures));
  }
}

function isExcluded(name: string, exclusions: NamePattern[]): boolean {
  for (const pattern of exclusions) if (pattern.match(name)) return true;
  return false;
}
