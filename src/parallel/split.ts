// Split a compiled pipeline Splunk-style: a prefix workers run per unit, an optional partial stats, the rest on the main thread.
import type { Command, Pipeline, StatsCommand } from '../ast.js';
import { resolveAggregate } from '../aggregates/resolve.js';
import type { CompiledPipeline } from '../engine/compile-pipeline.js';

/**
 * Commands that work on each event alone (no state, no order), so any slice of the input can run them. A command
 * named here whose compiled form is a 'dataset' command (fillnull without a field list, bin without a span) is not.
 */
export const DISTRIBUTABLE_COMMANDS: ReadonlySet<string> = new Set([
  'search', 'rex', 'eval', 'where', 'rename', 'fields', 'table', 'convert', 'regex', 'replace', 'spath', 'fromjson',
  'xmlkv', 'makemv', 'nomv', 'mvexpand', 'bin', 'bucket', 'fillnull', 'lookup', 'iplocation',
]);

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
  /** A `stats` right after the prefix that workers aggregate partially (merged on the main thread), or null. */
  partialStats: StatsCommand | null;
  /** Index of the first command the main thread runs. */
  suffixStart: number;
  /** Whether a main-thread command may read `_raw`, so events must carry their raw text. */
  suffixReadsRaw: boolean;
}

/** The command's SPL name (`stats`, `eventstats`, `mvexpand`, ...). */
export function commandName(node: Command): string {
  if (node.kind === 'generic') return node.name;
  if (node.kind === 'stats') return node.command;
  return node.kind;
}

function partialStatsOf(node: Command | undefined): StatsCommand | null {
  if (!node || node.kind !== 'stats' || node.command !== 'stats') return null;
  const exact = node.aggregates.every((agg) => EXACT_MERGE_ACCUMULATORS.has(resolveAggregate(agg).fn.accumulator.id));
  return exact ? node : null;
}

/** How to distribute the pipeline, or null when its first command cannot run on a slice of the input. */
export function splitPipeline(ast: Pipeline, compiled: CompiledPipeline): PipelineSplit | null {
  if (ast.leadingPipe) return null;
  let prefixLength = 0;
  while (prefixLength < ast.commands.length) {
    const node = ast.commands[prefixLength]!;
    if (!DISTRIBUTABLE_COMMANDS.has(commandName(node)) || compiled.commands[prefixLength]!.kind === 'dataset') break;
    prefixLength++;
  }
  if (prefixLength === 0) return null;
  const partialStats = partialStatsOf(ast.commands[prefixLength]);
  const suffixStart = partialStats ? prefixLength + 1 : prefixLength;
  const suffix = compiled.commands.slice(suffixStart);
  const suffixReadsRaw = !partialStats && suffix.some((c) => c.reads === null || c.reads.includes('_raw'));
  return { prefixLength, partialStats, suffixStart, suffixReadsRaw };
}
