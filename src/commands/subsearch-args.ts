// Reading the `[subsearch]` argument and the subsearch limit options (maxout, maxtime, timeout) of join/append.
import type { GenericArg, GenericCommand, Pipeline, Span } from '../ast.js';
import { DEFAULT_SUBSEARCH_LIMITS, type SubsearchLimits } from '../engine/subsearch.js';
import { SplError } from '../errors.js';
import { missingSpan, type CommandOptions } from './generic-args.js';

/** The one `[...]` argument, last in the head clause; the other arguments come back in `rest`. */
export function takeSubsearch(node: GenericCommand, args: GenericArg[], example: string): { pipeline: Pipeline; span: Span; rest: GenericArg[] } {
  const at = args.findIndex((a) => a.kind === 'subsearch');
  const found = args[at];
  if (!found || found.kind !== 'subsearch') {
    throw new SplError('bad-argument', `${node.name}: expected a [subsearch], e.g. ${example}`, missingSpan(node));
  }
  const extra = args.slice(at + 1).find((a) => a.kind !== 'comma');
  if (extra) throw new SplError('bad-argument', `${node.name}: the [subsearch] must come last`, extra.span);
  return { pipeline: found.pipeline, span: found.span, rest: args.slice(0, at) };
}

/** Subsearch limits from `maxout=` (rows) and `maxtime=`/`timeout=` (seconds); Splunk's defaults otherwise. */
export function subsearchLimits(options: CommandOptions): SubsearchLimits {
  const maxRows = options.int('maxout', DEFAULT_SUBSEARCH_LIMITS.maxRows, 0);
  const seconds = options.int('maxtime', options.int('timeout', DEFAULT_SUBSEARCH_LIMITS.maxSeconds, 0), 0);
  return { maxRows: maxRows === 0 ? Infinity : maxRows, maxSeconds: seconds === 0 ? Infinity : seconds };
}
