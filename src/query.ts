// The library's front door: compile SPL once into a Query, then run it over events (arrays or async streams).
import type { Pipeline } from './ast.js';
import { compilePipeline, createCompileContext, type CompiledPipeline } from './engine/compile-pipeline.js';
import type { CompiledQuery } from './engine/compiled-query.js';
import { runAsync, runSync, toEvent } from './engine/run.js';
import { SplError } from './errors.js';
import { loadAddonFolder, loadMappingFile, type SourceMappingDef } from './datamodels/index.js';
import { LookupLibrary } from './lookups/index.js';
import { MacroLibrary } from './macros/index.js';
import { parseSpl, type ParsedQuery } from './query-text.js';
import { Event, type FieldValue } from './runtime/event.js';
import { getZone } from './time/zone.js';
import { planScan, scanRows, type FileRun, type ScanOptions } from './scan/index.js';

export interface CompileOptions {
  /** Macro definitions: a library, or paths to ESCU YAML / macros.conf files or folders. */
  macros?: MacroLibrary | string[];
  /** Expand a missing `<name>_filter` macro to `search *` (default true). */
  filterFallback?: boolean;
  /** IANA time zone for formatting and for times written without a zone (default UTC). */
  timeZone?: string;
  /** The search's "now", epoch seconds (default: the wall clock at compile time). */
  now?: number;
  /** Raw-event → CIM mapping files (JSON, the format of src/datamodels/mappings/), tried before the shipped ones. */
  datamodelMaps?: string[];
  /** Splunk add-on folders (default/ and local/ props.conf, eventtypes.conf, tags.conf), tried after datamodelMaps. */
  addonFolders?: string[];
  /** Lookups: a library, or paths to ESCU lookups/*.yml / transforms.conf files or folders (see docs/lookups.md). */
  lookups?: LookupLibrary | string[];
  /** Where warnings go (a subsearch cut by its limits, ...); default stderr, once per message. */
  onWarning?: (message: string) => void;
  /**
   * Memory budget, in MB, of each command that holds data (sort, dedup, stats groups, values(), eventstats,
   * transaction, join's right side...): past it the run fails with `memory-limit` (docs/reliability.md). Default:
   * half of V8's heap limit. Like Splunk's `max_mem_usage_mb` (limits.conf), but splq fails where Splunk spills.
   */
  maxMemoryMb?: number;
}

export type EventLike = Event | Record<string, FieldValue | null | undefined>;

/** A compiled query. Compile once; each run builds fresh stages, so a Query can run many times. */
export class Query implements CompiledQuery {
  readonly text: string;
  readonly expandedText: string;
  readonly ast: Pipeline;
  /** Input fields the query reads; null when any field may matter. */
  readonly requiredFields: ReadonlySet<string> | null;
  /** @internal */
  readonly pipeline: CompiledPipeline;
  /** IANA name of the zone the query was compiled with. */
  readonly timeZone: string;
  /** The search's "now", epoch seconds. */
  readonly now: number;
  /** The lookups the query was compiled with (worker threads rebuild them from `lookups.toSpec()`). */
  readonly lookups: LookupLibrary;
  /** Notes found while compiling that are not errors (e.g. a tstats field the data model does not define). */
  notes: readonly string[] = [];
  /** @internal The user's raw-event → CIM mappings (worker threads compile tstats with them). */
  datamodelMappings: SourceMappingDef[] = [];

  constructor(parsed: ParsedQuery, pipeline: CompiledPipeline, timeZone: string, now: number, lookups: LookupLibrary = new LookupLibrary()) {
    this.text = parsed.original;
    this.expandedText = parsed.expansion.text;
    this.ast = parsed.ast;
    this.pipeline = pipeline;
    this.lookups = lookups;
    this.requiredFields = pipeline.reads;
    this.timeZone = timeZone;
    this.now = now;
  }

  /**
   * Run over files, folders, globs or `-` (stdin) with the CLI's own scan: pre-filter, Windows preset, time window,
   * threads. Iterate the rows; `summary` resolves once they are all out (files, events read/parsed/matched, malformed).
   */
  runFiles(paths: readonly string[], options: ScanOptions = {}): FileRun {
    return scanRows(planScan(this, paths, options));
  }

  /** Run over an in-memory list of events (plain objects are taken as flat fields). */
  runSync(events: Iterable<EventLike>): Event[] {
    return runSync(this.pipeline, mapIterable(events, toEvent));
  }

  /** Run over events from any iterable or async iterable; resolves to all results. */
  async run(events: Iterable<EventLike> | AsyncIterable<EventLike>): Promise<Event[]> {
    if (Symbol.iterator in events) return this.runSync(events as Iterable<EventLike>);
    const out: Event[] = [];
    await runAsync(this.pipeline, batchesOf(events as AsyncIterable<EventLike>), (ev) => out.push(ev));
    return out;
  }

  /** Run over batches of events, calling `onResult` for each result as it is produced. */
  stream(batches: AsyncIterable<Event[]>, onResult: (ev: Event) => void): Promise<void> {
    return runAsync(this.pipeline, batches, onResult);
  }
}

function* mapIterable<A, B>(items: Iterable<A>, fn: (a: A) => B): Iterable<B> {
  for (const item of items) yield fn(item);
}

async function* batchesOf(events: AsyncIterable<EventLike>): AsyncIterable<Event[]> {
  for await (const ev of events) yield [toEvent(ev)];
}

/** Expand macros, parse and compile. Errors are SplErrors pointing into `spl` (with the macro chain if inside one). */
export function compile(spl: string, opts: CompileOptions = {}): Query {
  const macros = opts.macros instanceof MacroLibrary ? opts.macros : MacroLibrary.load(opts.macros ?? []);
  checkQueryNesting(spl);
  return withinStack(() => compileChecked(spl, macros, opts));
}

/** Deepest bracket nesting a query may have (Splunk's own parser rejects far less; real queries nest under 20). */
export const MAX_QUERY_NESTING = 200;

/** A query nesting brackets deeper than MAX_QUERY_NESTING is refused with a span at the first bracket too deep. */
function checkQueryNesting(spl: string): void {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < spl.length; i++) {
    const ch = spl[i]!;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === '`') quote = ch;
    else if (ch === '(' || ch === '[') {
      if (++depth > MAX_QUERY_NESTING) {
        throw new SplError('query-too-complex', `brackets nest deeper than ${MAX_QUERY_NESTING} levels`, { start: i, end: i + 1 });
      }
    } else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
  }
}

/**
 * Parsing and compiling recurse over the query's structure: what the nesting check cannot see (1,000 NOTs, a
 * 20,000-term `+` chain) may still exhaust the stack, which then ends as a clean SplError, not an internal error.
 */
function withinStack<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new SplError('query-too-complex', `the query is too deeply nested or too long to compile (${e.message})`, undefined, [
        'split long chains into several eval/where commands, or use fewer nested NOT and brackets',
      ]);
    }
    throw e;
  }
}

/** A memory budget: a positive whole number of MB (or none: the default). */
function checkMaxMemory(mb: number | undefined): number | undefined {
  if (mb === undefined) return undefined;
  if (!Number.isInteger(mb) || mb < 1) throw new SplError('usage', `maxMemoryMb must be a positive whole number of MB, got "${mb}"`);
  return mb;
}

function compileChecked(spl: string, macros: MacroLibrary, opts: CompileOptions): Query {
  const parsed = parseSpl(spl, { macros, filterFallback: opts.filterFallback });
  const zone = getZone(opts.timeZone ?? 'UTC');
  const now = opts.now ?? Date.now() / 1000;
  const lookups = opts.lookups instanceof LookupLibrary ? opts.lookups : LookupLibrary.load({ paths: opts.lookups ?? [] });
  const ctx = createCompileContext(zone, now, { macros, onWarning: opts.onWarning, lookups, maxMemoryMb: checkMaxMemory(opts.maxMemoryMb) });
  ctx.queryText = parsed.expansion.text;
  ctx.notes = [];
  try {
    ctx.datamodelMappings = [
      ...(opts.datamodelMaps ?? []).map(loadMappingFile),
      ...(opts.addonFolders ?? []).flatMap((dir) => loadAddonFolder(dir, ctx.evalContext)),
    ];
    const query = new Query(parsed, compilePipeline(parsed.ast, ctx), zone.name, now, lookups);
    query.notes = [...new Set(ctx.notes)];
    query.datamodelMappings = ctx.datamodelMappings;
    return query;
  } catch (e) {
    if (e instanceof SplError) throw parsed.expansion.mapError(e);
    throw e;
  }
}
