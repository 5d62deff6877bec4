// Read an input's raw bytes as a stream of large chunks: plain files (optionally from an offset), other inputs as streams.
import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { cannotRead } from './input-error.js';
import { SNIFF_BYTES, sniffEncoding } from './input-encoding.js';
import { inputLabel } from './raw-record.js';
import { leaseModuleReadBuffers } from '../json/line-runs-wasm.js';
import { releaseReadBuffers } from '../json/line-runs-module.js';

/** Default read size: 1 MiB keeps syscalls few while staying small in memory. */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/**
 * From this size on, a plain file is read into buffers in the line-runs module's memory (readBuffers): its pieces
 * are then judged where they lie, and its newlines counted there. A smaller file never loads the module for this.
 */
const MODULE_BUFFERS_MIN_FILE_BYTES = 4 * DEFAULT_CHUNK_SIZE;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface ChunkOptions {
  /** Bytes per read (tests use tiny sizes to exercise boundaries). */
  chunkSize?: number;
  /** Byte offset to start at (plain files only). */
  start?: number;
}

/** True when the input is named as gzip data (`.gz`); whether it is gzip is decided from its bytes (open-input.ts). */
export function isGzip(file: string): boolean {
  return file.toLowerCase().endsWith('.gz');
}

/**
 * True when the input can be read from an arbitrary byte offset as it is: a regular file of plain text (not gzip,
 * UTF-16 or binary by its first bytes: see sniffEncoding). Pipes, FIFOs, `/dev/stdin`, `<(zcat x.gz)` and other
 * non-regular files are streams: read once, front to back, sniffed from the same stream (reopening a FIFO would lose
 * what the first read took). So are files that need decoding.
 */
export function isSeekable(file: string): boolean {
  if (file === '-' || isGzip(file)) return false;
  let plain = plainFiles.get(file);
  if (plain === undefined) {
    plain = isPlainRegularFile(file);
    plainFiles.set(file, plain);
  }
  return plain;
}

/** Whether each path seen is a regular file of plain text (a path's kind does not change during a run). */
const plainFiles = new Map<string, boolean>();

function isPlainRegularFile(file: string): boolean {
  let fd: number;
  try {
    if (!statSync(file).isFile()) return false;
    fd = openSync(file, 'r');
  } catch {
    return true; // Missing or unreadable: opening it reports why.
  }
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, head, 0, head.length, 0);
    return sniffEncoding(head.subarray(0, n), true)?.kind === 'text';
  } catch {
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * The raw chunks of an input, undecoded (a BOM is left in place: see withoutBom; gzip and UTF-16: openInput).
 * Read failures become `SplError('input-error', 'cannot read <path>: <reason>')`.
 *
 * Ownership: a plain file's chunk is a view on a reused read buffer, valid only until the next chunk is asked for
 * (then its bytes may be overwritten): whoever keeps bytes longer copies them (RecordCarry, the layout sniffers).
 * Reusing buffers saves the page faults of fresh memory, about a fifth of a second per gigabyte.
 */
export async function* readChunks(file: string, opts: ChunkOptions = {}): AsyncGenerator<Buffer> {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const start = opts.start ?? 0;
  if (start > 0 && !isSeekable(file)) throw new Error(`internal: ${inputLabel(file)} cannot be read from an offset`);
  if (isSeekable(file)) return yield* readPlainFile(file, chunkSize, start);
  const stream = openStream(file, chunkSize, start);
  try {
    yield* stream as AsyncIterable<Buffer>;
  } catch (err) {
    throw cannotRead(inputLabel(file), err);
  } finally {
    if (file !== '-') stream.destroy();
  }
}

/**
 * How this thread reads plain files (docs/input.md "Reading a plain file"): `ahead` (the default) reads through
 * Node's thread pool, the next read issued before a chunk is handed on, so the kernel's copy runs on another
 * thread while this one works on the chunk; `on-thread` reads synchronously on this thread into one reused buffer
 * (no hand-off to the pool and back). Measured on Q1, 1M lines (docs/benchmarks.md "Reading and the second
 * thread"): on-thread saves ~4% of the CPU seconds at one thread and nothing at two, and loses wall time on a
 * loaded machine, so it is not used by default; SPLQ_READ=on-thread selects it for comparisons.
 */
export type PlainFileReads = 'ahead' | 'on-thread';

let reads: PlainFileReads | undefined;

/** The mode in force on this thread: SPLQ_READ (`ahead`, `on-thread`: for comparisons), else setPlainFileReads's, else `ahead`. */
export function plainFileReads(): PlainFileReads {
  const fromEnv = process.env.SPLQ_READ;
  if (fromEnv === 'on-thread' || fromEnv === 'ahead') return fromEnv;
  return reads ?? 'ahead';
}

/** Sets how this thread reads plain files from now on (undefined: the default again). */
export function setPlainFileReads(mode: PlainFileReads | undefined): void {
  reads = mode;
}

/**
 * A plain file's chunks from `start`, read into two reused buffers in turn; the next read is issued before a
 * chunk is handed on, so reading overlaps the caller's work on the chunk.
 */
async function* readPlainFile(file: string, chunkSize: number, start: number): AsyncGenerator<Buffer> {
  if (plainFileReads() === 'on-thread') return yield* readPlainFileOnThread(file, chunkSize, start);
  const label = inputLabel(file);
  const handle = await open(file, 'r').catch((err: unknown) => {
    throw cannotRead(label, err);
  });
  const { buffers, release } = await readBuffers(2, chunkSize, () => handle.stat().then((stat) => stat.size - start, () => 0));
  const readInto = (buffer: Buffer, position: number) => handle.read(buffer, 0, chunkSize, position);
  let pending = readInto(buffers[0]!, start);
  try {
    for (let position = start, turn = 0; ; turn ^= 1) {
      const { bytesRead } = await pending.catch((err: unknown) => {
        throw cannotRead(label, err);
      });
      if (bytesRead === 0) return;
      position += bytesRead;
      pending = readInto(buffers[turn ^ 1]!, position);
      yield buffers[turn]!.subarray(0, bytesRead);
    }
  } finally {
    await pending.catch(() => undefined);
    release();
    await handle.close();
  }
}

/**
 * `count` reused read buffers of `size` bytes: for a file of MODULE_BUFFERS_MIN_FILE_BYTES and more (`bytesLeft`
 * says how much is left to read), lent by the line-runs module when it can (docs/input.md, "Reading a plain
 * file"), else fresh; `release` gives lent ones back once the last chunk is done with.
 */
async function readBuffers(count: number, size: number, bytesLeft: () => Promise<number>): Promise<{ buffers: Buffer[]; release: () => void }> {
  const lent = (await bytesLeft()) >= MODULE_BUFFERS_MIN_FILE_BYTES ? leaseModuleReadBuffers(count, size) : null;
  if (lent !== null) return { buffers: lent, release: releaseReadBuffers };
  return { buffers: Array.from({ length: count }, () => Buffer.allocUnsafe(size)), release: () => {} };
}

/**
 * A plain file's chunks from `start`, read synchronously on this thread into one reused buffer: the read for the
 * next chunk happens when it is asked for, once the caller is done with this one (the same contract as above).
 * Each read is preceded by a turn of the event loop: without one, a reader whose every await resolves at once
 * would keep the thread's other work waiting (on the main thread, the pool's messages: a worker's `ready` was seen
 * only after the main thread had read every unit itself).
 */
async function* readPlainFileOnThread(file: string, chunkSize: number, start: number): AsyncGenerator<Buffer> {
  const label = inputLabel(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw cannotRead(label, err);
  }
  const { buffers, release } = await readBuffers(1, chunkSize, async () => {
    try {
      return fstatSync(fd).size - start;
    } catch {
      return 0;
    }
  });
  const buffer = buffers[0]!;
  try {
    for (let position = start; ; ) {
      await nextTurn();
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, 0, chunkSize, position);
      } catch (err) {
        throw cannotRead(label, err);
      }
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    release();
    closeSync(fd);
  }
}

function openStream(file: string, chunkSize: number, start: number): Readable {
  if (file === '-') return process.stdin;
  // No `start` for a stream read from its beginning: with one, reads are positional, which a pipe refuses (ESPIPE).
  return createReadStream(file, start > 0 ? { highWaterMark: chunkSize, start } : { highWaterMark: chunkSize });
}

/** Drop a leading UTF-8 byte-order mark, even when it is split across tiny chunks. */
export async function* withoutBom(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let head: Buffer = Buffer.alloc(0);
  let checked = false;
  for await (const chunk of chunks) {
    if (checked) {
      yield chunk;
      continue;
    }
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) continue;
    checked = true;
    yield head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
  }
  if (!checked && head.length > 0) yield head;
}

/** Number of newline bytes in the first `length` bytes of a plain file (memchr speed, no decoding). */
export async function countNewlines(file: string, length: number, chunkSize = DEFAULT_CHUNK_SIZE): Promise<number> {
  const buffer = Buffer.allocUnsafe(Math.min(chunkSize, Math.max(1, length)));
  let count = 0;
  let position = 0;
  const handle = await open(file, 'r').catch((err: unknown) => {
    throw cannotRead(file, err);
  });
  try {
    while (position < length) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - position), position);
      if (bytesRead === 0) break;
      const filled = buffer.subarray(0, bytesRead);
      for (let i = filled.indexOf(10); i >= 0; i = filled.indexOf(10, i + 1)) count++;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return count;
}
