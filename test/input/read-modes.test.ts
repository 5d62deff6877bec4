// The two ways a plain file is read (ahead through the thread pool, on this thread): same bytes, same records, and a chunk stays intact until the next is asked for.
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readChunks, setPlainFileReads, plainFileReads, type PlainFileReads } from '../../src/input/sources/chunks.js';
import { SplError } from '../../src/errors.js';
import { collect, collectRange, Fixtures } from './helpers.js';
import { fuzzRuns } from '../helpers/tier.js';

const fixtures = new Fixtures();
afterAll(() => fixtures.remove());
afterEach(() => setPlainFileReads(undefined));

const MODES: PlainFileReads[] = ['ahead', 'on-thread'];
let files = 0;

/** Each chunk of the file as a copy, read in `mode`. */
async function chunksIn(mode: PlainFileReads, file: string, chunkSize: number, start = 0): Promise<Buffer[]> {
  setPlainFileReads(mode);
  const out: Buffer[] = [];
  for await (const chunk of readChunks(file, { chunkSize, start })) out.push(Buffer.from(chunk));
  return out;
}

const ndjson = fc.array(
  fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.fullUnicodeString({ maxLength: 6 }), fc.integer())).map((o) => JSON.stringify(o)), fc.constantFrom('', 'junk')),
  { maxLength: 20 },
).map((lines) => Buffer.from(lines.join('\n'), 'utf8'));

describe('reading a plain file ahead or on this thread', () => {
  it('the mode is ahead unless set (SPLQ_READ unset in tests)', () => {
    expect(process.env.SPLQ_READ).toBeUndefined();
    expect(plainFileReads()).toBe('ahead');
    setPlainFileReads('on-thread');
    expect(plainFileReads()).toBe('on-thread');
  });

  it('law: both modes give the same chunks, from any offset and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(ndjson, fc.integer({ min: 1, max: 40 }), fc.nat(), async (bytes, chunkSize, offset) => {
        const path = fixtures.write(`chunks-${files++}.ndjson`, bytes);
        const start = bytes.length === 0 ? 0 : offset % bytes.length;
        const ahead = await chunksIn('ahead', path, chunkSize, start);
        const onThread = await chunksIn('on-thread', path, chunkSize, start);
        expect(onThread).toEqual(ahead);
        expect(Buffer.concat(onThread)).toEqual(bytes.subarray(start));
      }),
      { numRuns: fuzzRuns(30, 150) },
    );
  });

  it('law: both modes give the same records, whole and by byte ranges, with read buffers reused every few bytes', async () => {
    await fc.assert(
      fc.asyncProperty(ndjson, fc.integer({ min: 1, max: 30 }), fc.nat(), async (bytes, chunkSize, cut) => {
        const path = fixtures.write(`records-${files++}.ndjson`, bytes);
        const at = bytes.length === 0 ? 0 : cut % bytes.length;
        const read = async (mode: PlainFileReads) => {
          setPlainFileReads(mode);
          return {
            whole: await collect([path], { chunkSize }),
            ranges: [...(await collectRange(path, { start: 0, end: at }, { chunkSize })), ...(await collectRange(path, { start: at, end: bytes.length }, { chunkSize }))],
          };
        };
        const ahead = await read('ahead');
        expect(ahead.ranges).toEqual(ahead.whole);
        expect(await read('on-thread')).toEqual(ahead);
      }),
      { numRuns: fuzzRuns(30, 150) },
    );
  });

  it('on-thread: the event loop turns between reads (the main thread must see its workers\' messages while it reads a unit)', async () => {
    const path = fixtures.write('turns.ndjson', Buffer.alloc(64 * 1024, 0x61));
    setPlainFileReads('on-thread');
    let turned = false;
    setImmediate(() => (turned = true));
    let chunks = 0;
    let turnedBeforeEnd = false;
    for await (const chunk of readChunks(path, { chunkSize: 4096 })) {
      void chunk;
      if (++chunks > 2 && turned) turnedBeforeEnd = true;
    }
    expect(chunks).toBe(16);
    expect(turnedBeforeEnd).toBe(true);
  });

  for (const mode of MODES) {
    it(`${mode}: a chunk stays intact while its reader works (even across awaits), and its buffer is reused for a later chunk`, async () => {
      const bytes = Buffer.from(Array.from({ length: 64 }, (_, i) => `{"n":${i}}`).join('\n'));
      const path = fixtures.write(`own-${mode}.ndjson`, bytes);
      setPlainFileReads(mode);
      const buffers = new Set<ArrayBufferLike>();
      let chunks = 0;
      let position = 0;
      for await (const chunk of readChunks(path, { chunkSize: 16 })) {
        const copy = Buffer.from(chunk);
        // A read ahead into another buffer completes here; this chunk must not change.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setTimeout(resolve, 1));
        expect(chunk).toEqual(copy);
        expect(copy).toEqual(bytes.subarray(position, position + chunk.length));
        position += chunk.length;
        buffers.add(chunk.buffer);
        chunks++;
      }
      expect(position).toBe(bytes.length);
      // Ownership: the reader keeps at most two buffers for all its chunks, so whoever keeps bytes copies them.
      expect(chunks).toBeGreaterThan(10);
      expect(buffers.size).toBeLessThanOrEqual(mode === 'ahead' ? 2 : 1);
    });

    it(`${mode}: a missing file is an input error`, async () => {
      setPlainFileReads(mode);
      const read = async () => {
        for await (const chunk of readChunks(fixtures.path(`missing-${mode}.ndjson`))) void chunk;
      };
      await expect(read()).rejects.toThrow(SplError);
      await expect(read()).rejects.toThrow(/cannot read/);
    });
  }
});
