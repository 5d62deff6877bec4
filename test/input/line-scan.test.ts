// Law: the WebAssembly line scan (one pass: verdict, literal, escapes) gives the text path's events, counts and malformed reports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventSourceOptions } from '../../src/input/index.js';
import { LINE_FLAT, LINE_KELVIN_ESCAPE, LINE_LITERAL, LINE_SPELLING_ESCAPE, pieceLineScan, setLineCheckMode, type LineCheckMode } from '../../src/input/json/line-runs-wasm.js';
import { wellFormedRunEnd } from '../../src/input/json/line-runs.js';
import { SPELLING_ESCAPES, unicodeEscapeSearch } from '../../src/input/fastpath/escape-search.js';
import { escapeRegExp } from '../../src/util/escape-regexp.js';
import { observedRead } from '../helpers/observed-read.js';

const FULL = process.env.SPLQ_FULL === '1';
const dir = mkdtempSync(join(tmpdir(), 'splq-line-scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLineCheckMode(undefined));

/** Everything a read observes (a string is written as Latin-1: one byte per char): the events (fields in order), the counters, and every malformed report in order. */
async function read(mode: LineCheckMode, text: string | Buffer, opts: Partial<EventSourceOptions>): Promise<unknown> {
  setLineCheckMode(mode);
  const path = join(dir, 'in.ndjson');
  writeFileSync(path, typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
  return observedRead(path, opts);
}

/** A pre-filter on `literal` (lower case), with the general path's test as the engine builds it (a case-folding search). */
function prefilterOn(literal: string) {
  const re = new RegExp(escapeRegExp(literal), 'iu');
  return { literals: [literal], test: (line: string) => re.test(line) || line.includes('\\u') };
}

/** String contents: the literal in any case and split by escapes, escapes that spell it, multibyte UTF-8, bad bytes. */
const stringPart = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s).slice(1, -1)), weight: 3 },
  fc.constantFrom('Binding', 'BINDING', 'bInDiNg', 'bindin', 'inding', 'Bindi\\u006eg', '\\u0042inding', 'Bindin\\u0067', 'B\\\\inding'),
  fc.constantFrom('ki', 'K', '\\u212A', '\xe2\x84\xaa', '\xc4\xb0', 'KI', 'k\\u0130'),
  fc.constantFrom('\\"', '\\\\', '\\/', '\\n', '\\r\\n\\t', '\\u00e9', '\\u0130', '\\u0041', '\\u007f', '\\u0080', '\\uD83D\\uDE00', '\\u2122'),
  fc.constantFrom('\\x', '\\u12', '\\', '\\\\\\', '\x00', '\x01', '\x1f', '\x7f', '\x80', '\xff', '\xc3\xa9', '\xc3', '\xe2\x82\xac', '\xf0\x9f\x98\x80', '\xed\xa0\x80'),
  fc.integer({ min: 1, max: 6 }).map((n) => '\\'.repeat(n)),
);
const stringToken = fc.array(stringPart, { maxLength: 6 }).map((parts) => `"${parts.join('')}"`);
const valueToken = fc.oneof(
  { arbitrary: stringToken, weight: 4 },
  fc.constantFrom('1', '-0.5e3', 'true', 'null', '01', '1.', '[1,"x"]', '[]', '{"a":1}', '{"binding":[1]}', '[[1]]', 'tru'),
);
const keyToken = fc.oneof(stringToken, fc.constantFrom('"Message"', '"EventCode"', '"binding"', '"Bind\\u0069ng"', '"ComputerName"'));
const space = fc.constantFrom('', '', '', ' ', '\t', '\r');
const member = fc.tuple(keyToken, space, valueToken).map(([k, s, v]) => `${k}${s}:${v}`);
const builtLine = fc.tuple(space, fc.array(member, { maxLength: 5 }), space).map(([a, members, b]) => `${a}{${members.join(',')}}${b}`);
/** A line cut, or with one character inserted. */
const mangledLine = fc
  .tuple(builtLine, fc.nat(), fc.constantFrom('', '"', '\\', ',', '}', '{', '\x00', 'B', '\n'))
  .map(([line, at, insert]) => {
    const i = at % (line.length + 1);
    return insert === '' ? line.slice(0, i) : line.slice(0, i) + insert + line.slice(i);
  });
const lineArb = fc.oneof({ arbitrary: builtLine, weight: 5 }, { arbitrary: mangledLine, weight: 2 }, fc.constantFrom('', ' ', '{}', '\r', '{"Message":"binding"}\r', '[1]', '"binding"'));
/** Lines as Latin-1 text (each char a byte), LF or CRLF, a final newline or not. */
const linesArb = fc
  .tuple(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, trailing]) => lines.join(crlf ? '\r\n' : '\n') + (trailing ? '\n' : ''));

/** Filler lines of about `bytes` bytes (well-formed, no literal), so that the lines after them straddle a 64 KiB piece's edge. */
function filler(bytes: number): string {
  const line = `{"EventCode":4688,"Message":"${'x'.repeat(90)}"}\n`;
  return line.repeat(Math.floor(bytes / line.length));
}

describe('the module line scan against the JS text path', () => {
  it('law: per line, the same stop, verdict, literal hit and escapes as the JS searches', () => {
    const literal = 'binding';
    const literalRe = new RegExp(escapeRegExp(literal), 'i');
    const kelvin = unicodeEscapeSearch('212');
    fc.assert(
      fc.property(linesArb, (text) => {
        setLineCheckMode('wasm');
        const bytes = Buffer.from(text, 'latin1');
        const scan = pieceLineScan(bytes, 0, bytes.length, literal)!;
        const got: number[] = [];
        for (let n = scan.next(); n > 0; n = scan.next()) got.push(...scan.entries.subarray(0, n));
        const want: number[] = [];
        for (let start = 0; ; ) {
          const newline = text.indexOf('\n', start);
          const stop = newline < 0 ? text.length : newline;
          const line = text.slice(start, stop);
          const flat = line.length > 0 && wellFormedRunEnd(line, 0) === line.length;
          let flags = (flat ? LINE_FLAT : 0) | (literalRe.test(line) ? LINE_LITERAL : 0);
          if (flat && SPELLING_ESCAPES(line, 0) >= 0) flags |= LINE_SPELLING_ESCAPE;
          if (flat && kelvin(line, 0) >= 0) flags |= LINE_KELVIN_ESCAPE;
          want.push(stop * 16 + flags);
          if (newline < 0) break;
          start = newline + 1;
        }
        expect(got, JSON.stringify(text)).toEqual(want);
      }),
      { numRuns: FULL ? 20_000 : 2000 },
    );
  });

  it('law: the same events, counts and malformed reports as the text path, with and without the key picker', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, fc.constantFrom('binding', 'ki', 'inding', 'k'), fc.boolean(), fc.boolean(), async (text, literal, picked, straddle) => {
        const input = Buffer.from((straddle ? filler(65_400) : '') + text, 'latin1');
        const opts: Partial<EventSourceOptions> = { prefilter: prefilterOn(literal), fields: picked ? new Set(['Message', 'EventCode', 'binding']) : null };
        expect(await read('wasm', input, opts), JSON.stringify(text)).toEqual(await read('regex', input, opts));
      }),
      { numRuns: FULL ? 1000 : 150 },
    );
  });

  it('a piece of more lines than one call of the module judges (4,096), malformed lines on either side of the seam', async () => {
    const lines = Array.from({ length: 9000 }, (_, i) => (i % 1000 === 95 || i === 4094 || i === 4096 ? '{"a":}' : i % 7 === 0 ? '{"binding":1}' : '{}'));
    const input = lines.join('\n') + '\n';
    const opts = { prefilter: prefilterOn('binding') };
    const wasm = (await read('wasm', input, opts)) as { malformed: string[]; read: number };
    expect(wasm).toEqual(await read('regex', input, opts));
    expect(wasm.malformed).toHaveLength(11);
    expect(wasm.malformed[0]).toMatch(/^.*in\.ndjson:96: /);
    expect(wasm.malformed).toContainEqual(expect.stringMatching(/in\.ndjson:4096: /));
    expect(wasm.malformed).toContainEqual(expect.stringMatching(/in\.ndjson:4097: /));
    expect(wasm.read).toBe(9000 - 11);
  });

  it('fixed points: a literal in any case, split by an escape, hidden by the Kelvin sign; invalid UTF-8 reported', async () => {
    const input = [
      '{"m":"a BiNdInG b"}', // read: literal in another case
      '{"m":"Bin\\u0064ing"}', // read: an escape could spell it
      '{"m":"bindin g"}', // skipped
      '{"m":"\xff binding"}', // read, and reported as invalid UTF-8
      '{"m":"nested","o":{"x":"binding"}}', // not flat: judged alone, read
      '{"m":"broken binding",}', // malformed
    ].join('\n');
    const opts = { prefilter: prefilterOn('binding') };
    const wasm = (await read('wasm', input, opts)) as { events: unknown[]; read: number; skipped: number; malformed: string[] };
    expect(wasm).toEqual(await read('regex', input, opts));
    expect(wasm.read).toBe(5);
    expect(wasm.skipped).toBe(1);
    expect(wasm.malformed.map((line) => line.replace(/^.*in\.ndjson:/, '').slice(0, 2))).toEqual(['4:', '6:']);
    const kelvin = await read('wasm', '{"m":"\\u212Ai"}\n{"m":"\xe2\x84\xaai"}\n{"m":"xi"}', { prefilter: prefilterOn('ki') });
    expect(kelvin).toMatchObject({ read: 3, skipped: 1 });
  });
});
