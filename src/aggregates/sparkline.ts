// sparkline(count[(x)], span): counts per time bucket, as Splunk's `##__SPARKLINE__##` multivalue.
import type { Aggregate } from '../ast.js';
import { SplError } from '../errors.js';
import type { FieldValue } from '../runtime/event.js';
import type { Accumulator, AggregateFunction } from './types.js';

/** Seconds per unit of a sparkline span such as `1h` or `30m`. */
const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, d: 86400, day: 86400, w: 604800 };
/** Splunk picks the span from the search's time range, which offline data does not have: one hour by default. */
export const DEFAULT_SPARKLINE_SPAN = 3600;

const SPARKLINE_MARKER = '##__SPARKLINE__##';

/** Counts per bucket start (epoch seconds). */
export type SparklineState = Map<number, number>;

function accumulator(span: number): Accumulator<SparklineState> {
  return {
    id: `sparkline:${span}`,
    numeric: false,
    timed: true,
    init: () => new Map(),
    add: (state, _value, _num, at) => {
      if (Number.isNaN(at.time)) return;
      const bucket = Math.floor(at.time / span) * span;
      state.set(bucket, (state.get(bucket) ?? 0) + 1);
    },
    merge: (into, from) => {
      for (const [bucket, n] of from) into.set(bucket, (into.get(bucket) ?? 0) + n);
      return into;
    },
  };
}

/** The marker, then one count per bucket from the group's first to its last bucket (empty buckets count 0). */
function result(span: number) {
  return (state: SparklineState): FieldValue | undefined => {
    if (state.size === 0) return undefined;
    const buckets = [...state.keys()];
    const first = Math.min(...buckets);
    const last = Math.max(...buckets);
    const out: Array<string | number> = [SPARKLINE_MARKER];
    for (let b = first; b <= last; b += span) out.push(state.get(b) ?? 0);
    return out;
  };
}

function parseSpan(text: string, agg: Aggregate): number {
  const m = /^(\d+)([a-z]+)$/i.exec(text);
  const unit = m ? UNIT_SECONDS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) === 0) {
    throw new SplError('bad-argument', `stats: sparkline span must be like 30m, 1h or 1d, got "${text}"`, agg.span);
  }
  return Number(m[1]) * unit;
}

/**
 * `sparkline`, `sparkline(count)`, `sparkline(count(x))`, each with an optional span: the function, and the
 * aggregate to plan its input from (events, or the values of x). Other inner functions are not supported yet.
 */
export function resolveSparkline(agg: Aggregate): { fn: AggregateFunction; input: Aggregate } {
  const span = agg.params[0] !== undefined ? parseSpan(agg.params[0], agg) : DEFAULT_SPARKLINE_SPAN;
  const inner = agg.arg?.kind === 'field' ? agg.arg.name : 'count';
  const m = /^(?:count|c)(?:\((.*)\))?$/i.exec(inner);
  if (!m) throw new SplError('bad-argument', `stats: sparkline(${inner}) is not supported yet; only count and count(field)`, agg.span);
  const field = m[1];
  const input: Aggregate = field
    ? { ...agg, arg: { kind: 'field', name: field, quoted: false, span: agg.arg!.span }, params: [] }
    : { ...agg, arg: null, params: [] };
  return { fn: { accumulator: accumulator(span), result: result(span) } as AggregateFunction, input };
}
