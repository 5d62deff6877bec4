// Split a compiled pipeline Splunk-style: a prefix workers run per unit, an optional partial stats, the rest on the main thread.
import type { Command, Pipeline, StatsCommand } from '../ast.js';
import { resolveAggregate } from '../aggregates/resolve.js';
import type { CompiledPipeline } from '../engine/compile-pipeline.js';
import { findCommand } from '../engine/registry.js';

/**
 * Accumulators whose merge of partial states equals one pass over the input, bit for bit. `moments` (sum, avg,
 * stdev, var) is not: floating-point sums depend on the order of additions, so such a stats runs on the main thread.
 */
const EXACT_MERGE_ACCUMULATORS: ReadonlySet<string> = new Set([
  'events', 'values', 'distinct', 'first-last', 'earliest-latest', 'list', 'extremes', 'number-counts',
]);

export interface PipelineSplit {
  /** Commands [0, prefixLength) run in the workers. */
  prefixLength: number;
  /**
   * A partial-aggregate command (stats, eventstats) right after the prefix that workers aggregate partially (merged on the main thread), or
   * null. For eventstats the workers also send their events, which the main thread holds for the second pass.
   */
  partialStats: StatsCommand | null;
  /** Index of the first command the main thread runs. */
  suffixStart: number;
  /** Whether a main-thread command may read `_raw`, so events must carry their raw text. */
  suffixReadsRaw: boolean;
  /**
   * Whether workers run the first main-thread command's `perUnit` stage on each unit's events (sort N keeps each
   * unit's top N in its worker; the main thread's sort then sees at most N per unit).
   */
  perUnit: boolean;
  /**
   * A leading aggregating command that reads the inputs (`| tstats`): workers run its `partial.rows` as the prefix;
   * then `partialStats` (its stats, when it merges exactly) or the main thread runs its `partial.tail` on the rows.
   */
  leadingAggregate?: boolean;
}

/** How a command node splits over threads, from its definition (`serial` when it has none). */
const threadSplitOf = (node: Command) => findCommand(node)?.threads ?? 'serial';

/** Whether every function of a stats merges exactly from partial states. */
const mergesExactly = (node: StatsCommand): boolean =>
  node.aggregates.every((agg) => EXACT_MERGE_ACCUMULATORS.has(resolveAggregate(agg).fn.accumulator.id));

/** A partial-aggregate command (stats, eventstats) right after the per-event prefix, when its functions merge exactly. */
function partialStatsOf(node: Command | undefined): StatsCommand | null {
  if (!node || node.kind !== 'stats') return null;
  const split = threadSplitOf(node);
  if (split !== 'partial-aggregate' && split !== 'partial-aggregate-events') return null;
  return mergesExactly(node) ? node : null;
}

/** A leading command that reads the inputs (tstats): its rows are made in the workers; its stats merges there when exact, else runs on the main thread. */
function leadingAggregateSplit(ast: Pipeline, compiled: CompiledPipeline): PipelineSplit | null {
  const node = ast.commands[0];
  const parts = compiled.commands[0]?.partial;
  if (!node || !parts || threadSplitOf(node) !== 'partial-aggregate') return null;
  const partialStats = parts.stats && mergesExactly(parts.stats) ? parts.stats : null;
  return { prefixLength: 1, partialStats, suffixStart: 1, suffixReadsRaw: false, leadingAggregate: true, perUnit: false };
}

/** A partial aggregate whose workers also send their events on, for the main thread's second pass (eventstats). */
export function partialSendsEvents(node: StatsCommand): boolean {
  return threadSplitOf(node) === 'partial-aggregate-events';
}

/**
 * Whether units send the main thread nothing but their thread's table at the end (partial stats): then units hold
 * nothing on the main thread, and all may be dispatched at once.
 */
export function unitsSendOnlyTables(split: PipelineSplit): boolean {
  return split.partialStats !== null && !partialSendsEvents(split.partialStats);
}

/** How to distribute the pipeline, or null when its first command cannot run on a slice of the input. */
export function splitPipeline(ast: Pipeline, compiled: CompiledPipeline): PipelineSplit | null {
  // Subsearches replay the inputs on the main thread (run.inputs), so such a query runs there whole.
  if (compiled.replaysInputs) return null;
  if (ast.leadingPipe) return leadingAggregateSplit(ast, compiled);
  let prefixLength = 0;
  while (prefixLength < ast.commands.length) {
    const node = ast.commands[prefixLength]!;
    if (threadSplitOf(node) !== 'per-event' || compiled.commands[prefixLength]!.kind === 'dataset') break;
    prefixLength++;
  }
  if (prefixLength === 0) return null;
  const partialStats = partialStatsOf(ast.commands[prefixLength]);
  const suffixStart = partialStats ? prefixLength + 1 : prefixLength;
  const suffix = compiled.commands.slice(suffixStart);
  // Partial stats sends groups only; partial eventstats sends events, whose BY values the second pass reads again.
  const shipsEvents = !partialStats || partialSendsEvents(partialStats);
  const groupedByRaw = partialStats !== null && partialStats.by.some((f) => f.name === '_raw');
  const suffixReadsRaw = shipsEvents && (groupedByRaw || suffix.some((c) => c.reads === null || c.reads.includes('_raw')));
  const next = ast.commands[prefixLength];
  const perUnit = !partialStats && next !== undefined && threadSplitOf(next) === 'partial-aggregate' && suffix[0]?.perUnit !== undefined;
  return { prefixLength, partialStats, suffixStart, suffixReadsRaw, perUnit };
}
