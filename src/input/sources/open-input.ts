// Open an input once and decode what its first bytes say it is: gzip (by magic number), UTF-16, binary, plain text.
import { Readable, pipeline } from 'node:stream';
import { readChunks, DEFAULT_CHUNK_SIZE } from './chunks.js';
import { cannotRead } from './input-error.js';
import { sniffEncoding, type InputEncoding } from './input-encoding.js';
import { inputLabel } from './raw-record.js';
import type { NodeBuffer } from '../../util/node-buffer.js';
import { nodeZlib } from '../../util/node-zlib.js';

const MIN_GUNZIP_CHUNK = 64;
/** Gzip inside gzip is not unpacked again: a second layer is reported as binary. */
const MAX_LAYERS = 2;

/** What made (part of) an input unreadable: reported as one malformed record at the line reading had reached. */
export interface InputProblem {
  message: string;
}

/**
 * An input opened for reading front to back. `head` is a copy of the first decoded bytes (for format detection);
 * `chunks` gives every decoded byte from the start (the head again, then the rest; a chunk is valid until the next
 * one is asked for). `problem` is set when the input is binary (at once, and `chunks` is empty) or when its gzip
 * data proves truncated or corrupt (once `chunks` has ended: what came before is kept).
 */
export interface OpenedInput {
  readonly label: string;
  readonly head: NodeBuffer;
  /** The decoding layers applied, outermost first (`gzip`, `utf-16le`, `utf-16be`): empty for plain text. */
  readonly layers: readonly string[];
  readonly chunks: AsyncGenerator<NodeBuffer>;
  problem: InputProblem | undefined;
  /** Stop reading (also done when `chunks` ends or is returned). */
  close(): Promise<void>;
}

/** Open `file` (a path or `-`), sniff its encoding from the stream itself (never reopened) and decode it. */
export async function openInput(file: string, chunkSize = DEFAULT_CHUNK_SIZE): Promise<OpenedInput> {
  const raw = readChunks(file, { chunkSize });
  const state: { problem: InputProblem | undefined } = { problem: undefined };
  const layers: string[] = [];
  /** Every generator opened, innermost (the raw bytes) first: closing returns them all, outermost first. */
  const opens: AsyncGenerator<Buffer>[] = [raw];
  const close = async () => {
    for (const gen of [...opens].reverse()) await gen.return(undefined);
  };
  try {
    for (;;) {
      const peeked = await peekEncoding(opens[opens.length - 1]!);
      opens.push(peeked.chunks);
      const encoding = layers.length >= MAX_LAYERS && peeked.encoding.kind !== 'text' ? binaryNested(peeked.encoding) : peeked.encoding;
      if (encoding.kind === 'text') return opened(inputLabel(file), peeked.head, layers, peeked.chunks, state, close);
      if (encoding.kind === 'binary') {
        await close();
        state.problem = { message: binaryMessage(encoding.reason, layers) };
        return opened(inputLabel(file), Buffer.alloc(0), layers, empty(), state, close);
      }
      layers.push(encoding.kind);
      opens.push(encoding.kind === 'gzip' ? gunzipChunks(peeked.chunks, chunkSize, state, inputLabel(file)) : utf16Chunks(peeked.chunks, encoding.kind === 'utf-16be'));
    }
  } catch (err) {
    await close();
    throw err;
  }
}

function opened(label: string, head: Buffer, layers: string[], chunks: AsyncGenerator<Buffer>, state: { problem: InputProblem | undefined }, close: () => Promise<void>): OpenedInput {
  return {
    label,
    head,
    layers,
    chunks,
    get problem() {
      return state.problem;
    },
    set problem(value) {
      state.problem = value;
    },
    close,
  };
}

function binaryNested(encoding: InputEncoding): InputEncoding {
  return { kind: 'binary', reason: `${encoding.kind} data inside it again` };
}

function binaryMessage(reason: string, layers: readonly string[]): string {
  const inside = layers.length > 0 ? ` (after ${layers.join(', ')} decoding)` : '';
  return `binary data, not JSON or XML text${inside}: ${reason}; the input is skipped`;
}

/** Read chunks until the encoding is known; `chunks` replays copies of what was read, then the rest. */
async function peekEncoding(source: AsyncGenerator<Buffer>): Promise<{ encoding: InputEncoding; head: Buffer; chunks: AsyncGenerator<Buffer> }> {
  const pieces: Buffer[] = [];
  let head: Buffer = Buffer.alloc(0);
  for (;;) {
    const next = await source.next();
    if (!next.done) {
      pieces.push(Buffer.from(next.value)); // a plain file's chunk buffer is reused by the next read
      head = pieces.length === 1 ? pieces[0]! : Buffer.concat([head, pieces[pieces.length - 1]!]);
    }
    const encoding = sniffEncoding(head, next.done === true);
    if (encoding !== undefined) return { encoding, head, chunks: replay(pieces, source) };
  }
}

async function* replay(head: Buffer[], rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return(undefined);
  }
}

async function* empty(): AsyncGenerator<Buffer> {}

/**
 * Gunzip a chunk stream. Truncated or corrupt gzip data ends the stream early with `state.problem` set (how many
 * decompressed bytes came out first); what was decompressed before is kept. Read failures stay input errors.
 */
async function* gunzipChunks(source: AsyncGenerator<Buffer>, chunkSize: number, state: { problem: InputProblem | undefined }, label: string): AsyncGenerator<Buffer> {
  const gunzip = nodeZlib().createGunzip({ chunkSize: Math.max(MIN_GUNZIP_CHUNK, chunkSize) });
  const stream = pipeline(Readable.from(source, { objectMode: false }), gunzip, () => undefined);
  let produced = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length;
      yield chunk;
    }
  } catch (err) {
    if (!isZlibError(err)) throw cannotRead(label, err);
    const what = (err as Error).message === 'unexpected end of file' ? 'gzip data is truncated' : `gzip data is corrupt (${(err as Error).message})`;
    state.problem = { message: `${what}: reading stopped in this line, after ${produced} bytes of decompressed data; the rest of the input is lost` };
  } finally {
    stream.destroy();
    await source.return(undefined);
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** Decode UTF-16 (a BOM is dropped) into UTF-8 chunks; an odd byte is carried to the next chunk. */
async function* utf16Chunks(source: AsyncGenerator<Buffer>, bigEndian: boolean): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-16le');
  let carry: number | undefined;
  try {
    for await (const chunk of source) {
      let bytes: Uint8Array = chunk;
      if (bigEndian) {
        const joined = carry === undefined ? chunk : Buffer.concat([Buffer.of(carry), chunk]);
        const even = joined.length & ~1;
        carry = even < joined.length ? joined[even] : undefined;
        bytes = Buffer.from(joined.subarray(0, even)).swap16();
      }
      const text = decoder.decode(bytes, { stream: true });
      if (text !== '') yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.decode();
    if (rest !== '' || carry !== undefined) yield Buffer.from(rest + (carry !== undefined ? '\uFFFD' : ''), 'utf8');
  } finally {
    await source.return(undefined);
  }
}
