// Run one work unit (inside a worker): read its slice of the input, run the pipeline prefix, return groups or events.
import { GroupTable, type Aggregation, type PackedGroups } from '../aggregates/index.js';
import { defaultMaxMemoryMb, MemoryTracker } from '../runtime/memory-budget.js';
import { compilePipeline, createCompileContext } from '../engine/compile-pipeline.js';
import { LookupLibrary } from '../lookups/index.js';
import { scanPrefilter } from '../engine/prefilter.js';
import { primeParsedTexts } from '../parse/parse-cache.js';
import { firstSearchFilter } from '../engine/first-search.js';
import { matchesEveryEvent } from '../engine/search-predicate.js';
import type { CompiledCommand, Stage } from '../engine/types.js';
import { fileEventBatches, newSourceStats, SpanShelf, type EventSourceOptions } from '../input/index.js';
import type { Event } from '../runtime/event.js';
import { getZone } from '../time/zone.js';
import { encodeEvents, type EncodedEvents } from './event-codec.js';
import { BATCH_EVENTS } from './credits.js';
import type { UnitPayload, UnitResult, WorkerSetup, WorkUnit } from './messages.js';
import { compileStatsAggregation, unitOrdinalBase } from './partial-stats.js';
import { partialSendsEvents } from './split.js';
import { countingPrefix } from './stages.js';
import { traceThread } from './trace.js';

interface UnitSink {
  stage: Stage;
  /** Called between input batches and at the end: sends what is pending (at the end, everything). */
  drain(final: boolean): Promise<void>;
  payload(): UnitPayload;
}

/** Where a unit's result batches go; `send` resolves when the next one may be sent (the main thread's credit). */
export interface UnitOutput {
  send(events: EncodedEvents): Promise<void>;
  /** Bytes of the unit read so far, every PROGRESS_BYTES or so (for claims.ts). */
  progress?(bytes: number): void;
}

/** How often a unit reports how far it has read: a message per 8 MiB is ~150 for a 1.2 GB file. */
export const PROGRESS_BYTES = 8 * 1024 * 1024;

/**
 * Partial stats: the unit's events go into its thread's table, with ordinals made global (so any split of the
 * units among threads merges to the same result). Memory: one group per BY combination the thread has seen.
 */
function groupSink(table: GroupTable, unitIndex: number): UnitSink {
  let ordinal = unitOrdinalBase(unitIndex);
  return {
    stage: { push: (ev) => table.add(ev, ordinal++), end: () => undefined },
    drain: async () => undefined,
    payload: () => ({ kind: 'kept' }),
  };
}

/**
 * The unit's events after the prefix, sent in batches of about BATCH_EVENTS as the unit reads (waiting for credit
 * when the main thread is behind). Memory: a batch plus what one input batch adds, whatever the unit's output size.
 */
function eventSink(withRaw: boolean, output: UnitOutput): UnitSink {
  let events: Event[] = [];
  return {
    stage: { push: (ev) => void events.push(ev), end: () => undefined },
    drain: async (final) => {
      while (events.length >= BATCH_EVENTS || (final && events.length > 0)) {
        const batch = events.length > BATCH_EVENTS ? events.slice(0, BATCH_EVENTS) : events;
        events = events.length > BATCH_EVENTS ? events.slice(BATCH_EVENTS) : [];
        await output.send(encodeEvents(batch, withRaw));
      }
    },
    payload: () => ({ kind: 'kept' }),
  };
}

/**
 * A partial aggregate with a second pass (eventstats): each event goes into the thread's table (global ordinals, as for stats) and is then sent on, so
 * the main thread can hold it for the second pass once the tables are merged.
 */
function groupAndEventSink(table: GroupTable, unitIndex: number, withRaw: boolean, output: UnitOutput): UnitSink {
  const events = eventSink(withRaw, output);
  let ordinal = unitOrdinalBase(unitIndex);
  return {
    ...events,
    stage: {
      push: (ev) => {
        table.add(ev, ordinal++);
        events.stage.push(ev);
      },
      end: () => undefined,
    },
  };
}

/**
 * Whether the unit's lines may be counted into the thread's table by the reader, without events (`* | stats count
 * by ...`): the prefix is one search that keeps every event, the stats counts only and sends nothing else on.
 * SPLQ_SPAN_COUNTS=off turns it off (for comparisons).
 */
function readerCounts(setup: WorkerSetup): boolean {
  const { split } = setup;
  const [first] = setup.ast.commands;
  if (process.env.SPLQ_SPAN_COUNTS === 'off' || split.leadingAggregate || split.perUnit || split.prefixLength !== 1) return false;
  if (!split.partialStats || partialSendsEvents(split.partialStats)) return false;
  return first?.kind === 'search' && matchesEveryEvent(first.expr);
}

/** Runs one thread's units one at a time; `flush` hands over its partial stats table after the last one. */
export interface UnitRunner {
  run(unit: WorkUnit, output: UnitOutput): Promise<UnitResult>;
  /** The thread's partial stats groups (and a fresh table after), or null without partial stats. */
  flush(): PackedGroups | null;
}

/** A leading tstats as a prefix: only its per-event half (rows) runs here. */
function leadingRows(commands: CompiledCommand[]): CompiledCommand[] {
  const [first] = commands;
  if (!first?.partial) throw new Error('leading aggregate without partial parts');
  return [{ ...first, factory: first.partial.rows }];
}

/** Compile the query once (as the main thread did). */
export function createUnitRunner(setup: WorkerSetup): UnitRunner {
  const zone = getZone(setup.tz);
  const lookups = setup.lookups ? LookupLibrary.fromSpec(setup.lookups) : undefined;
  // Parses the main thread made (tstats' mappings and where clause): no parser is built here for them.
  if (setup.parsedTexts) primeParsedTexts(setup.parsedTexts);
  const ctx = createCompileContext(zone, setup.now, { lookups, maxMemoryMb: setup.maxMemoryMb });
  ctx.queryText = setup.queryText;
  ctx.datamodelMappings = setup.datamodelMappings;
  const { split } = setup;
  // Only the prefix runs here: the rest (tables loaded by a later lookup, say) is the main thread's; with a per-unit
  // stage, the first main-thread command too (sort N: the unit's top N, built afresh for each unit).
  const compiled = compilePipeline({ ...setup.ast, commands: setup.ast.commands.slice(0, split.prefixLength + (split.perUnit ? 1 : 0)) }, ctx);
  const prefixCommands = compiled.commands.slice(0, split.prefixLength);
  const prefix = split.leadingAggregate ? leadingRows(prefixCommands) : prefixCommands;
  const perUnit = split.perUnit ? compiled.commands[split.prefixLength]!.perUnit : undefined;
  const aggregation = split.partialStats ? compileStatsAggregation(split.partialStats, ctx) : null;
  const prefilter = setup.prefilter ? scanPrefilter(setup.ast, compiled, setup.prefilter) : null;
  // Ranges number their lines from 1; the main thread adds each range's first line (it sees units in order).
  const firstSearch = setup.prefilter ? firstSearchFilter(setup.ast, zone, setup.now) : null;
  const sourceOptions: EventSourceOptions = { ...setup.source, zone, prefilter, firstSearch, relativeLines: true };

  // The thread's partial groups count against the budget in this thread (its own heap).
  const budgetMb = setup.maxMemoryMb ?? defaultMaxMemoryMb();
  const partial = split.partialStats;
  const newTable = (agg: Aggregation) => new GroupTable(agg, partial ? new MemoryTracker(partial.command, partial.span, budgetMb, 'groups and values') : undefined);
  let table = aggregation ? newTable(aggregation) : null;
  // The reader counts lines into the table (its rows, by their values' intern ids, kept by the shelf between units).
  const countsLines = readerCounts(setup);
  let lineCounts = countsLines ? (table?.lineCounts() ?? null) : null;
  const spanShelf = new SpanShelf();
  const run = async (unit: WorkUnit, output: UnitOutput): Promise<UnitResult> => {
    // Malformed records are collected, never thrown here: under --strict the main thread fails on the first one
    // in input order, with its true line number.
    const stats = newSourceStats(false);
    const formats: UnitResult['formats'] = [];
    const counter = { matched: 0 };
    const sink = !table
      ? eventSink(split.suffixReadsRaw, output)
      : split.partialStats && partialSendsEvents(split.partialStats)
        ? groupAndEventSink(table, unit.index, split.suffixReadsRaw, output)
        : groupSink(table, unit.index);
    const head = countingPrefix(prefix, counter, perUnit ? perUnit(sink.stage) : sink.stage);
    const onFile = (file: string, format: string) => void formats.push([file, format]);
    traceThread(`unit ${unit.index} start ${unit.range ? `${unit.range.start}-${unit.range.end}` : unit.file}`);
    let batches = 0;
    let reported = 0;
    for await (const batch of fileEventBatches(unit.file, { ...sourceOptions, onFile, lineCounts, spanShelf }, stats, unit.range)) {
      if (batches++ === 0) traceThread(`unit ${unit.index} first batch`);
      for (const ev of batch) head.push(ev);
      await sink.drain(false);
      if (stats.bytesRead - reported >= PROGRESS_BYTES) output.progress?.((reported = stats.bytesRead));
    }
    head.end();
    await sink.drain(true);
    traceThread(`unit ${unit.index} end (${batches} batches, ${stats.eventsRead} events, ${stats.eventsCounted} counted without events)`);
    return {
      index: unit.index,
      files: stats.files,
      eventsRead: stats.eventsRead,
      eventsSkipped: stats.eventsSkipped,
      eventsKept: stats.eventsKept,
      eventsCounted: stats.eventsCounted,
      // Lines the reader counted passed the search (it keeps every event) without going through it.
      matched: counter.matched + stats.eventsCounted,
      malformedCount: stats.malformed.count,
      malformedKept: stats.malformed.kept,
      rangeLines: stats.rangeLines,
      formats,
      payload: sink.payload(),
    };
  };
  const flush = (): PackedGroups | null => {
    if (!table || !aggregation) return null;
    const packed = table.pack();
    table = newTable(aggregation);
    lineCounts = countsLines ? table.lineCounts() : null;
    return packed;
  };
  return { run, flush };
}
