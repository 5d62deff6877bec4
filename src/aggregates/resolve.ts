// Checks one parsed aggregate (`avg(x) AS y`) and resolves its function and output name, with SplErrors pointing at the text.
import type { Aggregate } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import { AGGREGATE_FUNCTION_NAMES, EVENT_COUNT, namedFunction, percentileFunction } from './functions.js';
import { resolveSparkline } from './sparkline.js';
import type { AggregateFunction } from './types.js';

export interface ResolvedAggregate {
  fn: AggregateFunction;
  /** The aggregate whose argument feeds the function (sparkline's `count(x)` feeds the values of x). */
  input: Aggregate;
  /** The output field: the AS name, else the call as written (`count`, `avg(mag)`); a pattern for wildcard fields. */
  name: string;
}

function functionNameSpan(agg: Aggregate) {
  return { start: agg.span.start, end: agg.span.start + agg.fn.length };
}

function lookup(agg: Aggregate): AggregateFunction {
  const lower = agg.fn.toLowerCase();
  if (agg.arg === null && (lower === 'count' || lower === 'c')) return EVENT_COUNT;
  const named = namedFunction(lower);
  if (named) return named;
  const percentile = percentileFunction(lower);
  if (typeof percentile === 'string') throw new SplError('bad-argument', `stats: ${percentile}`, functionNameSpan(agg));
  if (percentile) return percentile;
  const hints = closestNames(agg.fn, AGGREGATE_FUNCTION_NAMES).map((n) => `did you mean \`${n}\`?`);
  if (lower.startsWith('perc')) hints.push('percentiles are written perc<N>(field), e.g. perc95(duration)');
  throw new SplError('unknown-function', `unknown stats function \`${agg.fn}\``, functionNameSpan(agg), hints);
}

const starCount = (text: string): number => text.split('*').length - 1;

function checkArgument(agg: Aggregate): void {
  if (agg.params.length > 0) {
    throw new SplError('bad-argument', `stats: ${agg.fn}() takes one field, got ${agg.params.length + 1} arguments`, agg.span);
  }
  if (agg.arg === null) {
    throw new SplError('bad-argument', `stats: ${agg.fn} needs a field, e.g. ${agg.fn}(bytes) or ${agg.fn}(*)`, agg.span);
  }
  if (agg.arg.kind === 'field' && agg.as && starCount(agg.as.name) !== starCount(agg.arg.name)) {
    throw new SplError('bad-argument', `stats: wildcard mismatch: "${agg.arg.name}" and "${agg.as.name}" must have the same number of *`, agg.as.span);
  }
  if (agg.arg.kind === 'eval' && agg.as === null) {
    throw new SplError('bad-argument', `stats: you must name the result of ${agg.fn}(eval(...)) with AS`, agg.span, [
      `for example: ${agg.fn}(eval(status="404")) AS errors`,
    ]);
  }
}

/** The default output name: the call as written, e.g. `count`, `dc(user)`. */
function callText(agg: Aggregate): string {
  return agg.arg?.kind === 'field' ? `${agg.fn}(${agg.arg.name})` : agg.fn;
}

export function resolveAggregate(agg: Aggregate): ResolvedAggregate {
  if (agg.fn.toLowerCase() === 'sparkline') {
    const { fn, input } = resolveSparkline(agg);
    return { fn, input, name: agg.as?.name ?? callText(agg) };
  }
  const fn = lookup(agg);
  if (fn !== EVENT_COUNT) checkArgument(agg);
  return { fn, input: agg, name: agg.as?.name ?? callText(agg) };
}

/** Splunk rejects naming one call twice (`first(host) AS a, first(host) AS b`): copy it with eval instead. */
export function checkNamedOnce(aggregates: Aggregate[]): void {
  const seen = new Set<string>();
  for (const agg of aggregates) {
    if (agg.arg?.kind === 'eval') continue;
    const call = callText(agg).toLowerCase();
    if (seen.has(call)) {
      throw new SplError('bad-argument', `stats: \`${callText(agg)}\` appears twice; one function call cannot have two names`, agg.span, [
        'compute it once and copy it with eval, e.g. `stats first(host) AS site | eval report=site`',
      ]);
    }
    seen.add(call);
  }
}
