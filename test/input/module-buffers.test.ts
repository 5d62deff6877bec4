// Laws of reading into the line-runs module's memory: pieces judged where they lie equal their copies, newline counts equal indexOf's, whole files read the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventSourceOptions } from '../../src/input/index.js';
import { LINE_FLAT, LINE_LITERAL, leaseModuleReadBuffers, pieceLineScan, pieceRunEnds, setLineCheckMode, WASM_MAX_BYTES, type LineCheckMode } from '../../src/input/json/line-runs-wasm.js';
import { newlineCount, newlineCountByIndexOf, readBufferLeases, releaseReadBuffers } from '../../src/input/json/line-runs-module.js';
import { readChunks, setPlainFileReads, type PlainFileReads } from '../../src/input/sources/chunks.js';
import { observedRead } from '../helpers/observed-read.js';
import { fuzzRuns } from '../helpers/tier.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-module-buffers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  releaseReadBuffers();
  setLineCheckMode(undefined);
  setPlainFileReads(undefined);
});

/** A lent read buffer holding `bytes` from offset 0, the rest of it `tail` repeated (what a chunk's next lines would be). */
function lent(bytes: Buffer, tail: number): Buffer {
  const [buffer] = leaseModuleReadBuffers(1, 1 << 20)!;
  buffer!.fill(tail);
  bytes.copy(buffer!, 0);
  return buffer!;
}

/** Every entry of the module's line scan over bytes[0, end). */
function scanEntries(bytes: Buffer, end: number, literal: string): number[] {
  const scan = pieceLineScan(bytes, 0, end, literal)!;
  const out: number[] = [];
  for (let n = scan.next(); n > 0; n = scan.next()) out.push(...scan.entries.subarray(0, n));
  return out;
}

/** Every run end of the module's rule over bytes[0, end), from each line start. */
function runEnds(bytes: Buffer, end: number): number[] {
  const text = bytes.toString('latin1', 0, end);
  const runEnd = pieceRunEnds(bytes, 0, end, text);
  const out: number[] = [];
  for (let from = 0; from >= 0; from = text.indexOf('\n', from) < 0 ? -1 : text.indexOf('\n', from) + 1) out.push(runEnd(from));
  return out;
}

const part = fc.oneof(
  { arbitrary: fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s).slice(1, -1)), weight: 3 },
  fc.constantFrom('Binding', 'bInDiNg', 'Bindi\\u006eg', '\\r\\n\\t', '\\"', '\\\\', '\\', '\x00', '\x01', '\xc3\xa9', '\xff', 'x'.repeat(40)),
);
const value = fc.oneof(fc.array(part, { maxLength: 5 }).map((parts) => `"${parts.join('')}"`), fc.constantFrom('1', '-2.5e3', 'true', 'null', '[1,"b"]', '{"a":1}', '01', 'tru'));
const line = fc.oneof(
  { arbitrary: fc.array(fc.tuple(fc.constantFrom('"Message"', '"a"', '"binding"'), value), { maxLength: 6 }).map((ms) => `{${ms.map(([k, v]) => `${k}:${v}`).join(',')}}`), weight: 5 },
  fc.constantFrom('', ' ', '{}', '{"a":}', '[1]', '{"m":"binding"}\r'),
);
/** Lines of Latin-1 text (a char a byte), newline separated, as a piece: no newline after the last, which may be cut short. */
const piece = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 40 }), fc.nat({ max: 12 }))
  .map(([lines, cut]) => {
    const bytes = Buffer.from(lines.join('\n'), 'latin1');
    return bytes.subarray(0, Math.max(0, bytes.length - cut));
  })
  .filter((bytes) => bytes.length > 0);

describe('pieces judged where they lie in the module memory', () => {
  it('law: the line scan and the run ends of a piece in a lent buffer (a newline after it, then other bytes) equal those of its copy', () => {
    setLineCheckMode('wasm');
    fc.assert(
      fc.property(piece, fc.constantFrom(0x22, 0x5c, 0x41, 0x0a, 0x7b, 0x7d, 0x2c, 0x31, 0x20), fc.constantFrom('binding', 'b', 'inding'), fc.boolean(), (bytes, tail, literal, cut) => {
        const copied = scanEntries(bytes, bytes.length, literal);
        const copiedEnds = runEnds(bytes, bytes.length);
        // Cut at the piece's end (the tail bytes right after it), the view has no newline after it: the module
        // must copy the piece in, or its last line would be judged with the bytes that follow.
        const buffer = cut ? lent(bytes, tail).subarray(0, bytes.length) : lent(Buffer.concat([bytes, Buffer.from('\n')]), tail);
        try {
          expect(scanEntries(buffer, bytes.length, literal)).toEqual(copied);
          expect(runEnds(buffer, bytes.length)).toEqual(copiedEnds);
        } finally {
          releaseReadBuffers();
        }
      }),
      { numRuns: fuzzRuns(500, 5000) },
    );
  });

  it('law: the module counts the newlines of any range of a lent buffer as indexOf does', () => {
    const bytes = fc.uint8Array({ maxLength: 3000 }).chain((arr) => fc.tuple(fc.constant(Buffer.from(arr.map((b) => (b % 5 === 0 ? 0x0a : b)))), fc.nat(), fc.nat()));
    fc.assert(
      fc.property(bytes, ([data, a, b]) => {
        const buffer = lent(data, 0x0a);
        const start = a % (data.length + 1);
        const end = start + (b % (data.length - start + 1));
        try {
          expect(newlineCount(buffer, start, end)).toBe(newlineCountByIndexOf(data, start, end));
        } finally {
          releaseReadBuffers();
        }
      }),
      { numRuns: fuzzRuns(500, 5000) },
    );
  });

  it('takes the largest piece it copies (16 MiB) while its buffers are lent, which stay whole', () => {
    setLineCheckMode('wasm');
    const buffers = leaseModuleReadBuffers(2, 1 << 20)!;
    buffers[1]!.fill(0x61);
    const line = `{"a":"${'x'.repeat((1 << 20) - 10)}"}`;
    const big = Buffer.from(Array.from({ length: 16 }, () => line).join('\n'), 'latin1');
    const piece = big.subarray(0, Math.min(big.length, WASM_MAX_BYTES));
    const entries = scanEntries(piece, piece.length, 'x');
    expect(entries).toHaveLength(16);
    expect(entries.every((entry) => (entry & (LINE_FLAT | LINE_LITERAL)) === (LINE_FLAT | LINE_LITERAL))).toBe(true);
    expect(buffers[1]!.length).toBe(1 << 20);
    expect(buffers[1]!.every((byte) => byte === 0x61)).toBe(true);
  });

  it('lends its buffers to one reader at a time; fresh buffers are counted by indexOf', () => {
    const first = leaseModuleReadBuffers(2, 1 << 20);
    expect(first).toHaveLength(2);
    expect(leaseModuleReadBuffers(2, 1 << 20)).toBeNull();
    releaseReadBuffers();
    expect(leaseModuleReadBuffers(2, 1 << 20)![0]!.buffer).toBe(first![0]!.buffer);
    releaseReadBuffers();
    setLineCheckMode('regex');
    expect(leaseModuleReadBuffers(2, 1 << 20)).toBeNull();
    expect(newlineCount(Buffer.from('a\nb\n\n'), 0, 5)).toBe(3);
  });
});

/** Everything a read observes: the events (fields in order), the counters, and every malformed report in order. */
async function read(mode: LineCheckMode, reads: PlainFileReads, path: string, opts: Partial<EventSourceOptions>): Promise<unknown> {
  setLineCheckMode(mode);
  setPlainFileReads(reads);
  return observedRead(path, opts);
}

describe('a file of 4 MiB and more, read into the module memory', () => {
  /** ~5 MiB of filler lines with odd lines (malformed, blank, CRLF, the literal) around 1 MiB chunk and 64 KiB piece edges. */
  function bigFile(odd: string[]): string {
    const filler = `{"EventCode":4688,"Message":"${'x'.repeat(200)}\\r\\n\\t"}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 2 ** 20; i++) {
      const next = i % 97 === 3 ? odd[i % odd.length]! + '\n' : filler;
      parts.push(next);
      size += next.length;
    }
    const path = join(dir, `big-${odd.length}.ndjson`);
    writeFileSync(path, Buffer.from(parts.join(''), 'latin1'));
    return path;
  }

  it('gives the events, counts and malformed reports of the regex path (fresh buffers), read ahead or on this thread', async () => {
    const path = bigFile(['{"a":}', '', '{"m":"Binding"}\r', '{"m":"\xff binding"}', '{"o":{"binding":1}}', '{"m":"bInDiNg x"}', ' {"m":"binding"} ', '{"m":"Bin\\u0064ing"}']);
    const opts = { prefilter: { literals: ['binding'], test: (text: string) => /binding/i.test(text) || text.includes('\\u') } };
    const want = await read('regex', 'ahead', path, opts);
    for (const reads of ['ahead', 'on-thread'] as const) {
      const before = readBufferLeases();
      const got = (await read('wasm', reads, path, opts)) as { read: number; malformed: string[] };
      expect(readBufferLeases()).toBe(before + 1);
      expect(got).toEqual(want);
      expect(got.malformed.length).toBeGreaterThan(20);
    }
  });

  it('reads the same bytes as fresh buffers do', async () => {
    const path = bigFile(['{"b":2}']);
    const chunks = async (mode: LineCheckMode) => {
      setLineCheckMode(mode);
      const out: Buffer[] = [];
      for await (const chunk of readChunks(path)) out.push(Buffer.from(chunk));
      return Buffer.concat(out);
    };
    expect((await chunks('wasm')).equals(await chunks('regex'))).toBe(true);
  });
});
