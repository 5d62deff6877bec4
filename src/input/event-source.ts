// Turn input paths into batches of events: per-file format (JSON or Windows XML), decoding, mappings, time window.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { compileFieldMapping, fieldsNeededForMapping, makeFinisher, presetMapperOf, windowPrecheck, type FieldMapper, type FieldMappingSpec, type TimeWindow } from './mapping/index.js';
import { blocksToRecords, readFileBatches, readFileRecords, resolveInputs, STDIN, type ByteRange, type RawRecord, type ReadBatch } from './sources/index.js';
import { readOpenedBatches } from './sources/records.js';
import { openInput, type OpenedInput } from './sources/open-input.js';
import { SpanPicker } from './json/span-picker.js';
import { SpanCounts, type LineCounts } from './json/span-counts.js';
import type { SpanShelf } from './json/span-shelf.js';
import { blockEvents, canPickKeys, createDecoder, createEventBuilder, createListEventBuilder, KeyPicker, metadataDefault, recordEvent, timeFieldNames, type DecodeOptions, type LineDecoding, type MetadataDefaults } from './json/index.js';
import { LiteralScan } from './fastpath/index.js';
import { isSeekable } from './sources/chunks.js';
import { cannotRead } from './sources/input-error.js';
import type { Prefilter } from '../engine/prefilter.js';
import type { FirstSearch } from '../engine/first-search.js';
import type { SourceStats } from './source-stats.js';
import { detectWindowsFormat, isXmlReadError, looksLikeXmlEvents, readXmlEvents, windowsPresetMapping, xmlRecordToEvent } from './windows/index.js';
import type { Event } from '../runtime/event.js';
import { getZone, type TimeZone } from '../time/zone.js';

export interface EventSourceOptions {
  /** The zone for times written without one (default UTC). */
  zone?: TimeZone;
  timeField?: string;
  defaults?: MetadataDefaults;
  /** Fields the query reads (projection), or null for all. */
  fields: Set<string> | null;
  strict?: boolean;
  /** `windows`: per-file format detection and the Windows add-on's field mapping. */
  preset?: 'windows';
  /** Force a format instead of detecting it per file (with the windows preset). */
  format?: string;
  /** User aliases, `--set` constants and props.conf aliases. */
  mapping?: FieldMappingSpec;
  /** Keep only events with earliest <= _time < latest (epoch seconds). */
  window?: TimeWindow;
  /** Raw-line pre-filter from the query: lines that fail it cannot match and are not parsed (off under --strict). */
  prefilter?: Prefilter | null;
  /** The query's first search, to reject lines from the fields it reads before decoding the others. */
  firstSearch?: FirstSearch | null;
  /** Read NDJSON lines with the key picker where the projection allows (default true; tests turn it off to compare). */
  pickKeys?: boolean;
  /** For byte ranges: number lines from 1 within the range (the parallel runner adds the range's first line later). */
  relativeLines?: boolean;
  /** Per input file: constant fields its events get after every other mapping (a test case's source, sourcetype). */
  fileSets?: Record<string, Record<string, string>>;
  /** Called once per file with its detected format (for -v). */
  onFile?: (file: string, format: string) => void;
  /**
   * The counting table of a `* | stats count by ...` whose search keeps every event: lines the key locator reads
   * are counted into it by their values' intern ids, without events, where nothing else changes events (no
   * preset, mapping or time window); other lines are events as before (docs/stats.md, "Performance").
   */
  lineCounts?: LineCounts | null;
  /** A thread's last span picker, for its next unit of the same file (the same query's units only). */
  spanShelf?: SpanShelf;
}

/** The first bytes of a plain regular file (for format detection); streams are sniffed once opened (openInput). */
function head(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw cannotRead(file, err);
  }
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** Stream events from all inputs, in order, as batches. */
export async function* eventBatches(inputs: string[], opts: EventSourceOptions, stats: SourceStats): AsyncGenerator<Event[]> {
  const files = await resolveInputs(inputs);
  const userMapper = opts.mapping ? compileFieldMapping(opts.mapping, opts.fields) : null;
  for (const file of files) yield* fileBatches(file, optionsFor(file, opts), stats, mapperFor(file, opts, userMapper));
}

/** The options for one file: with its own constant fields (`fileSets`) added to the user's mapping. */
function optionsFor(file: string, opts: EventSourceOptions): EventSourceOptions {
  const own = opts.fileSets?.[file];
  if (!own) return opts;
  const sets = [...(opts.mapping?.sets ?? []), ...Object.entries(own).map(([field, value]) => ({ field, value }))];
  return { ...opts, mapping: { aliases: opts.mapping?.aliases ?? [], sets } };
}

/** The user's mapper for one file: the shared one, or one compiled for a file with its own constant fields. */
function mapperFor(file: string, opts: EventSourceOptions, shared: FieldMapper | null): FieldMapper | null {
  if (!opts.fileSets?.[file]) return shared;
  const own = optionsFor(file, opts);
  return own.mapping ? compileFieldMapping(own.mapping, own.fields) : null;
}

/**
 * Events of one input file, or with `range` of the records starting in that byte range (a parallel work unit: only
 * NDJSON plain files split; other inputs are read whole by the range holding byte 0). The unit holding byte 0
 * counts the file and reports its format; the windows preset is detected from the file's first record either way.
 */
export async function* fileEventBatches(file: string, opts: EventSourceOptions, stats: SourceStats, range?: ByteRange): AsyncGenerator<Event[]> {
  const userMapper = opts.mapping ? compileFieldMapping(opts.mapping, opts.fields) : null;
  yield* fileBatches(file, optionsFor(file, opts), stats, mapperFor(file, opts, userMapper), range);
}

/**
 * A plain regular file is sniffed by reading its head and may be split into ranges. Any other input (stdin, a FIFO,
 * gzip, UTF-16, binary data) is opened once and read whole by the range holding byte 0, its format (XML or JSON)
 * decided from its first decoded bytes. `--format xml` reads every input as XML.
 */
async function* fileBatches(file: string, opts: EventSourceOptions, stats: SourceStats, userMapper: FieldMapper | null, range?: ByteRange): AsyncGenerator<Event[]> {
  const ownsStart = range === undefined || range.start === 0;
  if (ownsStart) stats.files++;
  if (isSeekable(file)) {
    const text = head(file);
    if (isXml(text, opts)) {
      if (ownsStart) yield* xmlFileBatches(file, file, opts, stats, userMapper);
    } else {
      yield* jsonFileBatches(file, text, ownsStart ? opts : { ...opts, onFile: undefined }, stats, userMapper, range);
    }
    return;
  }
  if (!ownsStart) return;
  const input = await openInput(file);
  try {
    const text = input.head.toString('utf8');
    if (isXml(text, opts)) yield* xmlFileBatches(file, input, opts, stats, userMapper);
    else yield* jsonFileBatches(file, text, opts, stats, userMapper, undefined, input);
  } finally {
    await input.close();
  }
}

function isXml(head: string, opts: EventSourceOptions): boolean {
  return opts.format === 'xml' || looksLikeXmlEvents(head);
}

/** How an input was decoded, for -v: ` (gzip, utf-16le)`, or nothing for plain text. */
function layersNote(input: OpenedInput | undefined): string {
  return input && input.layers.length > 0 ? `, ${input.layers.join(', ')}` : '';
}

/** A file's size in bytes (0 for stdin or when it cannot be read). */
function fileSize(file: string): number {
  try {
    return file === STDIN ? 0 : statSync(file).size;
  } catch {
    return 0;
  }
}

/** The text of a file's first record (what preset detection reads when a unit starts mid-file). */
async function firstRecordText(file: string): Promise<string | undefined> {
  for await (const records of readFileRecords(file)) return records[0]?.text;
  return undefined;
}

async function* xmlFileBatches(file: string, source: string | OpenedInput, opts: EventSourceOptions, stats: SourceStats, userMapper: FieldMapper | null): AsyncGenerator<Event[]> {
  opts.onFile?.(file, `xml (XmlWinEventLog${layersNote(typeof source === 'string' ? undefined : source)})`);
  const preset = opts.preset === 'windows' ? windowsPresetMapping('xml') : null;
  const presetMapper = preset ? presetMapperOf(preset, opts.fields) : null;
  const finish = makeFinisher(opts.window, presetMapper, userMapper);
  for await (const items of readXmlEvents(source)) {
    const batch: Event[] = [];
    for (const item of items) {
      if (isXmlReadError(item)) {
        stats.malformed.add({ file: item.file, line: item.line, message: item.message });
        continue;
      }
      stats.eventsRead++;
      const ev = xmlRecordToEvent(item);
      if (finish(ev)) batch.push(ev);
    }
    stats.eventsKept += batch.length;
    if (batch.length) yield batch;
  }
  stats.bytesRead += fileSize(file);
}

/**
 * Fields up to which the key picker reads a line: it runs one native search per key over
 * each line it reads, the general decoder's ObjectScanner one walk over the line. On the bench's 1.2 KB lines a
 * key costs the picker ~0.5 µs a line and the walk ~4.6 µs a line in all (bench/q5-stages.ts, Q5's 30 keys: the
 * picker 0.77 CPU s over 51,608 lines, the walk 0.24 s), so past about ten keys the walk is cheaper.
 */
const MAX_PICKED_KEYS = 12;

/** The windows preset's mapping for a JSON file, detected from its first record (or forced with --format). */
function jsonPreset(file: string, firstText: string | undefined, opts: EventSourceOptions) {
  if (opts.preset !== 'windows') return null;
  let format = opts.format;
  if (!format) {
    let sample: Record<string, unknown> = {};
    try {
      const parsed: unknown = firstText ? JSON.parse(firstText) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) sample = parsed as Record<string, unknown>;
    } catch {
      // A malformed first record is reported by the decoder; detection falls back to 'unknown'.
    }
    format = detectWindowsFormat(sample);
  }
  opts.onFile?.(file, `json (windows preset: ${format})`);
  return windowsPresetMapping(format as Parameters<typeof windowsPresetMapping>[0]);
}

/** How one JSON file's records become events; with the windows preset, detected from the file's first record. */
function fileDecoding(file: string, firstText: string, opts: EventSourceOptions, userMapper: FieldMapper | null): LineDecoding {
  const preset = jsonPreset(file, firstText, opts);
  // The preset derives fields from channels and lifted prefixes, so with it every field is decoded.
  const fields = preset ? null : withMapping(opts.fields, opts.mapping);
  const zone = preset && preset.timeField && !opts.timeField ? getZone(preset.timeZone) : (opts.zone ?? getZone('UTC'));
  const timeField = opts.timeField ?? preset?.timeField;
  const decodeOptions = { zone, timeField, defaults: opts.defaults, validate: opts.strict, fields };
  const prefilter = opts.strict ? null : (opts.prefilter ?? null);
  // Picked events get `_time` only when something reads it: the query, the time window, or a mapping.
  const timeNames = fields === null || fields.has('_time') || opts.window !== undefined ? timeFieldNames(decodeOptions) : [];
  const keysPickable = fields !== null && !opts.strict && opts.pickKeys !== false && canPickKeys([...fields, ...timeNames]);
  // Mappings run before the search and may set the fields it reads, so then it cannot run first.
  const firstSearch = keysPickable && !preset && !opts.mapping && opts.firstSearch && !opts.firstSearch.fields.includes('_time') ? opts.firstSearch : null;
  // Many keys and no first search: one walk over each read line (the general decoder's ObjectScanner) costs less.
  const pickable = keysPickable && (firstSearch !== null || fields.size <= MAX_PICKED_KEYS);
  // Lines counted without events: the event would hold each BY value as the line does (no mapping, no `_time`).
  const lineCounts = opts.lineCounts && !preset && !userMapper && !opts.window && !prefilter && !opts.firstSearch && !opts.lineCounts.fields.includes('_time') ? opts.lineCounts : null;
  // A literal scan is what the span picker replaces only when the first search decides every line from fields.
  const makeSpans = () => SpanPicker.create(fields!, timeNames, firstSearch?.fields, lineCounts?.fields);
  const spansKey = JSON.stringify([file, [...(fields ?? [])], timeNames, firstSearch?.fields ?? null, lineCounts?.fields ?? null]);
  const spans = pickable && (!prefilter || (firstSearch !== null && !firstSearch.fields.includes('_raw'))) ? (opts.spanShelf?.pickerFor(spansKey, makeSpans) ?? makeSpans()) : null;
  const makeCounts = () => SpanCounts.create(spans!, lineCounts!, lineCounts!.fields.map((name) => metadataDefault(name, opts.defaults ?? {}, file)));
  const counts = spans === null || lineCounts === null ? null : opts.spanShelf ? opts.spanShelf.countsFor(spans, lineCounts, makeCounts) : makeCounts();
  return {
    decode: createDecoder(decodeOptions),
    finish: makeFinisher(opts.window, preset ? presetMapperOf(preset, opts.fields) : null, userMapper),
    outsideWindow: opts.strict ? null : windowPrecheck(opts.window, opts.mapping, zone, timeField),
    prefilter,
    scan: prefilter ? new LiteralScan(prefilter.literals) : null,
    picker: pickable ? new KeyPicker(fields, timeNames, firstSearch?.fields) : null,
    spans,
    counts,
    // Past the picker's keys, a line the literal scan keeps is read by the key locator alone (a WebAssembly walk, values
    // interned) rather than by the general decoder's walk in JS.
    hitSpans: prefilter && keysPickable && !pickable ? hitSpansFor(fields, timeNames, decodeOptions) : null,
    firstSearch: firstSearch ? { test: firstSearch.test, rawNeeded: firstSearch.fields.includes('_raw'), build: createEventBuilder(decodeOptions, false, 'picked') } : null,
    build: createEventBuilder(decodeOptions, timeNames.length > 0, 'picked'),
    decodeChecks: fields === null || opts.strict === true,
    rawNeeded: fields === null || fields.has('_raw'),
  };
}

/** The key locator for single hit lines and the builder of their events, or null when either cannot be made for these names. */
function hitSpansFor(fields: Set<string>, timeNames: string[], decodeOptions: DecodeOptions): LineDecoding['hitSpans'] {
  const spans = SpanPicker.create(fields, timeNames);
  const build = spans && createListEventBuilder(decodeOptions, timeNames.length > 0, spans.keyNames());
  return spans && build ? { spans, build } : null;
}

async function* jsonFileBatches(
  file: string, text: string, opts: EventSourceOptions, stats: SourceStats, userMapper: FieldMapper | null, range?: ByteRange, input?: OpenedInput,
): AsyncGenerator<Event[]> {
  let decoding: LineDecoding | null = null;
  if (opts.preset !== 'windows') opts.onFile?.(file, input?.layers.length ? `json (${input.layers.join(', ')})` : 'json');
  const readOptions = range ? { range, relativeLines: opts.relativeLines, onRangeLines: (n: number) => void (stats.rangeLines = n) } : {};
  for await (const batch of input ? readOpenedBatches(input) : readFileBatches(file, readOptions)) {
    if (!decoding) {
      // Only the windows preset's format detection reads the first record (decoding it costs a whole block).
      const detecting = opts.preset === 'windows' && !opts.format;
      const firstText = !detecting ? undefined : range && range.start > 0 ? await firstRecordText(file) : firstTextOf(batch);
      decoding = fileDecoding(file, firstText ?? text, opts, userMapper);
    }
    stats.bytesRead += batch.kind === 'lines' ? batch.block.end - batch.block.start : batch.records.reduce((n, r) => n + r.text.length + 1, 0);
    const counted = stats.eventsCounted;
    const events = batch.kind === 'lines' ? blockEvents(batch.block, decoding, stats) : recordEvents(batch.records, decoding, stats);
    stats.eventsKept += events.length;
    // A block counted whole still passes (empty): the reader of the batches reports progress between them.
    if (events.length || stats.eventsCounted !== counted) yield events;
  }
}

/** The first record's text of a batch (for preset detection). */
function firstTextOf(batch: ReadBatch): string | undefined {
  if (batch.kind === 'records') return batch.records.find((r) => r.problem === undefined)?.text;
  return blocksToRecords([batch.block])[0]?.text;
}

/** Events of decoded records (arrays and concatenated JSON), each through the general path. */
function recordEvents(records: RawRecord[], decoding: LineDecoding, stats: SourceStats): Event[] {
  const batch: Event[] = [];
  for (const rec of records) recordEvent(rec, decoding, stats, batch);
  return batch;
}

function withMapping(fields: Set<string> | null, mapping: FieldMappingSpec | undefined): Set<string> | null {
  return mapping ? fieldsNeededForMapping(mapping, fields) : fields;
}

