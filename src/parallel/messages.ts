// What the main thread and the workers send each other: setup, work units, unit results, and errors as plain data.
import type { Pipeline } from '../ast.js';
import type { LookupSpec } from '../lookups/index.js';
import type { SourceMappingDef } from '../datamodels/types.js';
import type { ParsedText } from '../parse/parse-cache.js';
import type { PackedGroups } from '../aggregates/index.js';
import { SplError, type ErrorCode, type MacroFrame, type Span } from '../errors.js';
import type { DecodeError } from '../input/index.js';
import type { ByteRange } from '../input/index.js';
import type { EventSourceOptions } from '../input/index.js';
import type { EncodedEvents } from './event-codec.js';
import type { PipelineSplit } from './split.js';

/** Event-source options that cross threads (the zone travels by name; the pre-filter is derived again in the worker). */
export type SourceSpec = Omit<EventSourceOptions, 'zone' | 'prefilter' | 'onFile'>;

/** What decides which fields the pre-filter may trust to come from the line (see `injectedFields`). */
export interface PrefilterSpec {
  mapped: boolean;
  defaults: Record<string, string | undefined>;
  /**
   * Whether the user's own mapping injects fields. A leading tstats trusts fields the preset renames (their values
   * stay in the line), so only these count for it; default: `mapped`.
   */
  userMapped?: boolean;
}

/** Everything a worker needs to compile the query exactly as the main thread did (sent once, as workerData). */
export interface WorkerSetup {
  ast: Pipeline;
  tz: string;
  now: number;
  source: SourceSpec;
  /** Null when the pre-filter is off (`--no-prefilter`). */
  prefilter: PrefilterSpec | null;
  split: PipelineSplit;
  /** The query's lookups, for lookup/iplocation commands the workers run. */
  lookups?: LookupSpec;
  /** The memory budget of each holding command, MB (partial stats and per-unit sorts run in workers too). */
  maxMemoryMb?: number;
  /** The query text after macro expansion (tstats re-reads its where clause from it). */
  queryText?: string;
  /** The user's raw-event → CIM mappings (`--datamodel-map`, `--ta`), for a tstats the workers run. */
  datamodelMappings?: SourceMappingDef[];
  /** Expressions the main thread parsed for data files and tstats (workers then need no parser for them). */
  parsedTexts?: ParsedText[];
}

/** Main → a worker started before the query was compiled (workerData without setup): the setup, sent once, first. */
export interface SetupMessage {
  kind: 'setup';
  setup: WorkerSetup;
}

/** One slice of the input: a whole file, or the records starting in a byte range of it. */
export interface WorkUnit {
  index: number;
  file: string;
  range?: ByteRange;
}

/**
 * A unit's output: its events after the prefix, streamed as `UnitBatch` messages while the unit runs; with partial
 * stats nothing (its groups went into its thread's table, handed over once at the end: see `FlushRequest`).
 */
export type UnitPayload = { kind: 'kept' } | ({ kind: 'events' } & EncodedEvents);

/** Worker → main: a batch of a unit's events (sent before the unit's `done`, in order). */
export interface UnitBatch {
  kind: 'batch';
  index: number;
  events: EncodedEvents;
}

/** Main → worker: the main thread consumed one batch of unit `index` (one more may be sent). */
export interface BatchAck {
  kind: 'ack';
  index: number;
}

/** After the last unit: a thread's partial stats table, as columns (cheap to clone); null without partial stats. */
export interface FlushRequest {
  kind: 'flush';
}

export interface UnitResult {
  index: number;
  files: number;
  eventsRead: number;
  eventsSkipped: number;
  eventsKept: number;
  /** Of eventsKept, lines counted into the thread's table by the reader, never made events. */
  eventsCounted: number;
  /** Events out of the first command. */
  matched: number;
  malformedCount: number;
  /** The first malformed records of the unit (at most the report's keep limit), in input order; lines relative to the range. */
  malformedKept: DecodeError[];
  /** Lines the unit's byte range owned (0 for a whole file): the next range of the file starts after them. */
  rangeLines: number;
  /** Formats detected for files this unit started, for `-v`. */
  formats: Array<[file: string, format: string]>;
  payload: UnitPayload;
}

export type WorkerReply =
  /** The worker has compiled the query (or failed to: then each unit it is given reports the error) and takes units. */
  | { kind: 'ready' }
  | UnitBatch
  /** Bytes of unit `index` read so far (every few MiB: what a free thread's claim weighs, claims.ts). */
  | { kind: 'progress'; index: number; bytes: number }
  | { kind: 'done'; result: UnitResult }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'flushed'; groups: PackedGroups | null };

export type SerializedError =
  | { spl: true; code: ErrorCode; message: string; span?: Span; hints: string[]; source?: string; macroStack: MacroFrame[] }
  | { spl: false; message: string; stack?: string };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof SplError) {
    return { spl: true, code: e.code, message: e.message, span: e.span, hints: e.hints, source: e.source, macroStack: e.macroStack };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { spl: false, message: err.message, stack: err.stack };
}

/** The error again on the main thread: an SplError with the same code, message, span and hints; else a plain Error. */
export function rebuildError(data: SerializedError): Error {
  if (!data.spl) {
    const err = new Error(`worker: ${data.message}`);
    if (data.stack) err.stack = `worker ${data.stack}`;
    return err;
  }
  const err = new SplError(data.code, data.message, data.span, data.hints);
  err.source = data.source;
  err.macroStack = data.macroStack;
  return err;
}
