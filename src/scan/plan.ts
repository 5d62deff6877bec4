// Turn (compiled query, inputs, options) into a scan plan: sources, preset and mapping, pre-filter, time window, threads.
import type { CompiledQuery } from '../engine/compiled-query.js';
import { intersectWindows, searchTimeWindow, type TimeWindow } from '../engine/search-window.js';
import { planParallelRun, type ParallelPlan, type PrefilterSpec, type SourceSpec } from '../parallel/index.js';
import { compileTimeModifier } from '../time/relative.js';
import { getZone, type TimeZone } from '../time/zone.js';
import { scanMapping } from './mapping.js';
import { checkFormat, checkPreset, checkThreads, type ScanOptions } from './options.js';
import { SplError } from '../errors.js';

/** Everything a scan decided before reading a byte. */
export interface ScanPlan {
  query: CompiledQuery;
  inputs: string[];
  zone: TimeZone;
  /** What the event source reads and how (crosses to worker threads as plain data). */
  source: SourceSpec;
  /** What decides the pre-filter's trusted fields; null when the pre-filter is off. */
  prefilter: PrefilterSpec | null;
  /** Whether the user's own mapping (aliases, constants, props.conf, per-file fields) injects fields. */
  userMapped: boolean;
  /** Worker threads and their units, or null to run on the calling thread. */
  parallel: ParallelPlan | null;
  onFile?: (file: string, format: string) => void;
}

/** An absolute or relative time (`-70m@m`, `2024-01-01T00:00:00Z`, epoch) against `now`. */
export function timeAt(value: string | number, now: number, zone: TimeZone): number {
  return typeof value === 'number' ? value : compileTimeModifier(value)(now, zone);
}

/** A time option read as epoch seconds; a bad value is a usage error naming the option. */
export function timeOption(name: string, value: string | number, now: number, zone: TimeZone): number {
  try {
    return timeAt(value, now, zone);
  } catch (e) {
    if (e instanceof SplError) throw new SplError('usage', `${name}: ${e.message}`, undefined, e.hints);
    throw e;
  }
}

/** The earliest/latest options as epoch seconds; earliest must come before latest (else nothing could match). */
export function timeWindowOptions(opts: { earliest?: string | number; latest?: string | number }, now: number, zone: TimeZone): { earliest?: number; latest?: number } | undefined {
  if (opts.earliest === undefined && opts.latest === undefined) return undefined;
  const earliest = opts.earliest !== undefined ? timeOption('--earliest', opts.earliest, now, zone) : undefined;
  const latest = opts.latest !== undefined ? timeOption('--latest', opts.latest, now, zone) : undefined;
  if (earliest !== undefined && latest !== undefined && earliest >= latest) {
    const iso = (t: number) => new Date(t * 1000).toISOString();
    throw new SplError('usage', `--earliest (${opts.earliest} = ${iso(earliest)}) is not before --latest (${opts.latest} = ${iso(latest)}): no event could match`);
  }
  return { earliest, latest };
}

/** The options' window intersected with the first search's own earliest=/latest= (so the reader skips early). */
function scanWindow(query: CompiledQuery, opts: ScanOptions, zone: TimeZone): TimeWindow | undefined {
  return intersectWindows(timeWindowOptions(opts, query.now, zone), searchTimeWindow(query.ast, query.now, zone));
}

/** Plan a scan of `inputs` (files, folders, globs, `-` for stdin) for `query`. */
export async function planScan(query: CompiledQuery, inputs: readonly string[], opts: ScanOptions = {}): Promise<ScanPlan> {
  const zone = getZone(query.timeZone);
  const preset = checkPreset(opts.preset);
  const format = checkFormat(opts.format, preset);
  const threads = checkThreads(opts.threads);
  const defaults: Record<string, string | undefined> = { ...opts.defaults };
  const mapping = scanMapping(opts);
  const source: SourceSpec = {
    timeField: opts.timeField,
    fields: query.requiredFields ? new Set(query.requiredFields) : null,
    strict: opts.strict ?? false,
    defaults,
    preset,
    format,
    mapping,
    window: scanWindow(query, opts, zone),
    fileSets: opts.fileSets,
  };
  const injected = { mapped: mapping !== undefined || preset !== undefined || opts.fileSets !== undefined, defaults };
  // Subsearches (join, append, map) read every input event again: nothing may be skipped before the search sees it.
  const userMapped = mapping !== undefined || opts.fileSets !== undefined;
  const prefilter = opts.prefilter === false || query.pipeline.replaysInputs ? null : { ...injected, userMapped };
  const list = inputs.length ? [...inputs] : ['-'];
  const parallel = await planParallelRun(query, list, { threads, splitBytes: opts.splitBytes });
  return { query, inputs: list, zone, source, prefilter, userMapped, parallel, onFile: opts.onFile };
}
