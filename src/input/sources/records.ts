// Read inputs as batches of raw JSON records: NDJSON, JSON array files and concatenated JSON, streamed.
import { countNewlines, isSeekable, readChunks, withoutBom } from './chunks.js';
import { detectLayout, type JsonLayout } from './json-layout.js';
import { JsonRecordScanner } from './json-values.js';
import type { LineBlock } from './line-block.js';
import { blocksToRecords, LineSplitter } from './lines.js';
import { DEFAULT_MAX_RECORD_BYTES, inputLabel, type RawRecord, type RecordSplitter } from './raw-record.js';
import { openInput, type OpenedInput } from './open-input.js';

export interface ReadOptions {
  /** Bytes per read; default 1 MiB. */
  chunkSize?: number;
  /** Larger records are an input error; default 64 MiB. */
  maxRecordBytes?: number;
  /**
   * With a range: number its lines from 1 instead of counting every newline before it (a parallel reader fixes the
   * numbers up later), and report how many lines the range owned through `onRangeLines`.
   */
  relativeLines?: boolean;
  onRangeLines?: (lines: number) => void;
}

/** A half-open byte range [start, end) of a file: it owns every line that starts inside it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What a reader yields: NDJSON as blocks of undecoded lines, other layouts (arrays, concatenated JSON) as
 * decoded records.
 */
export type ReadBatch = { kind: 'lines'; block: LineBlock } | { kind: 'records'; records: RawRecord[] };

/** Records of every input in order, in batches (about one batch per chunk read). Inputs are resolved paths or `-`. */
export async function* readRecords(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<RawRecord[]> {
  for (const file of inputs) yield* readFileRecords(file, opts);
}

/** readFileBatches with every line decoded into a record (blank lines left out). */
export async function* readFileRecords(
  file: string,
  opts: ReadOptions & { range?: ByteRange } = {},
): AsyncGenerator<RawRecord[]> {
  for await (const batch of readFileBatches(file, opts)) {
    const records = batch.kind === 'lines' ? blocksToRecords([batch.block]) : batch.records;
    if (records.length > 0) yield records;
  }
}

/**
 * Records of one input; with `range`, only those of lines starting inside it (for parallel readers). Ranges
 * split NDJSON plain files only: any other input (array/concatenated layout, `.gz`, stdin) is read whole by
 * the range that contains byte 0 and yields nothing for other ranges, so the union over ranges is the file.
 */
export async function* readFileBatches(
  file: string,
  opts: ReadOptions & { range?: ByteRange } = {},
): AsyncGenerator<ReadBatch> {
  const range = opts.range;
  if (range === undefined) return yield* readWhole(file, opts);
  if (range.start >= range.end) return;
  const splittable = isSeekable(file) && (await sniffLayout(file, opts)) === 'lines';
  if (splittable) yield* readLineRange(file, range, opts);
  else if (range.start === 0) yield* readWhole(file, opts);
}

async function* readWhole(file: string, opts: ReadOptions): AsyncGenerator<ReadBatch> {
  if (isSeekable(file)) return yield* readPlainWhole(file, opts);
  const input = await openInput(file, opts.chunkSize);
  try {
    yield* readOpenedBatches(input, opts);
  } finally {
    await input.close();
  }
}

/** A plain text regular file (already sniffed by isSeekable): its chunks as they are, no decoding layer. */
async function* readPlainWhole(file: string, opts: ReadOptions): AsyncGenerator<ReadBatch> {
  const chunks = readChunks(file, { chunkSize: opts.chunkSize });
  try {
    const { layout, head } = await peekLayout(chunks);
    const replayed = replay(head, chunks);
    yield* splitAll(layout === 'stream' ? withoutBom(replayed) : replayed, createSplitter(inputLabel(file), layout, opts));
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * The batches of an input opened with openInput, front to back. A problem the input has (binary data, truncated
 * gzip) comes last, as a record with `problem` at the line reading had reached.
 */
export async function* readOpenedBatches(input: OpenedInput, opts: ReadOptions = {}): AsyncGenerator<ReadBatch> {
  const chunks = input.chunks;
  const { layout, head } = await peekLayout(chunks);
  const splitter = createSplitter(input.label, layout, opts);
  const replayed = replay(head, chunks);
  // After a problem the unfinished record is dropped: it is cut off, and the problem is reported at its line.
  yield* splitAll(layout === 'stream' ? withoutBom(replayed) : replayed, splitter, () => input.problem === undefined);
  const problem = input.problem;
  if (problem !== undefined) yield { kind: 'records', records: [{ text: '', file: input.label, line: splitter.nextLine, problem: problem.message }] };
}

function createSplitter(label: string, layout: JsonLayout, opts: ReadOptions): RecordSplitter | LineSplitter {
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  if (layout === 'stream') return new JsonRecordScanner(label, maxRecordBytes);
  return new LineSplitter({ label, firstLine: 1, skipFirstLine: false, ownedEnd: Infinity, maxRecordBytes });
}

/** Split every chunk; at the end the unfinished last record is emitted unless `finishes` says no. */
async function* splitAll(chunks: AsyncIterable<Buffer>, splitter: RecordSplitter | LineSplitter, finishes = () => true): AsyncGenerator<ReadBatch> {
  const lines = splitter instanceof LineSplitter ? splitter : null;
  for await (const chunk of chunks) {
    yield* batchesOf(lines ? lines.pushBlocks(chunk) : splitter.push(chunk));
    if (splitter.isDone) break;
  }
  if (finishes()) yield* batchesOf(lines ? lines.finishBlocks() : splitter.finish());
}

function* batchesOf(output: LineBlock[] | RawRecord[]): Generator<ReadBatch> {
  if (output.length === 0) return;
  if ('bytes' in output[0]!) for (const block of output as LineBlock[]) yield { kind: 'lines', block };
  else yield { kind: 'records', records: output as RawRecord[] };
}

/** Read chunks until the layout is known; returns copies of them for replay (a chunk's buffer is reused later). */
async function peekLayout(chunks: AsyncGenerator<Buffer>): Promise<{ layout: JsonLayout; head: Buffer[] }> {
  const head: Buffer[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  for (;;) {
    const next = await chunks.next();
    if (!next.done) {
      head.push(Buffer.from(next.value));
      bytes = head.length === 1 ? head[0]! : Buffer.concat([bytes, head[head.length - 1]!]);
    }
    const layout = detectLayout(bytes, next.done === true);
    if (layout !== undefined) return { layout, head };
  }
}

async function* replay(head: Buffer[], rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function sniffLayout(file: string, opts: ReadOptions): Promise<JsonLayout> {
  const chunks = readChunks(file, { chunkSize: opts.chunkSize });
  try {
    return (await peekLayout(chunks)).layout;
  } finally {
    await chunks.return(undefined);
  }
}

/** NDJSON lines starting in `range`; line numbers stay those of the whole file. */
async function* readLineRange(file: string, range: ByteRange, opts: ReadOptions): AsyncGenerator<ReadBatch> {
  // Start one byte early: that byte tells whether `range.start` begins a line or falls inside one.
  const streamStart = Math.max(0, range.start - 1);
  const splitter = new LineSplitter({
    label: inputLabel(file),
    firstLine: range.start > 0 && !opts.relativeLines ? (await countNewlines(file, streamStart, opts.chunkSize)) + 2 : 1,
    skipFirstLine: range.start > 0,
    ownedEnd: range.end - streamStart,
    maxRecordBytes: opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
  });
  const chunks = readChunks(file, { chunkSize: opts.chunkSize, start: streamStart });
  try {
    yield* splitAll(chunks, splitter);
    opts.onRangeLines?.(splitter.nextLine - 1);
  } finally {
    await chunks.return(undefined);
  }
}
