// Claimed units: they tile the input in order whatever the threads' progress, give a late worker half of what is left, and change no result.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnitClaims, type ClaimableFile } from '../../src/parallel/claims.js';
import type { WorkUnit } from '../../src/parallel/messages.js';
import { runOneThread, runThreads } from './harness.js';
import { fuzzRuns } from '../helpers/tier.js';

const MIB = 1024 * 1024;

describe('UnitClaims', () => {
  it('law: the units tile every file exactly, in input order, none under the minimum unless its file is', () => {
    const file = fc.record({ size: fc.integer({ min: 0, max: 10_000 }), splittable: fc.boolean() });
    const rate = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined });
    const unit = fc.record({ bytes: fc.integer({ min: 0, max: 5000 }), done: fc.integer({ min: 0, max: 6000 }), rate });
    const progress = fc.array(fc.record({ running: fc.array(unit, { maxLength: 3 }), own: rate }), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3000 }), progress, (specs, threads, min, states) => {
        const files: ClaimableFile[] = specs.map((f, i) => ({ file: `f${i}.json`, size: f.size, splittable: f.splittable && f.size > min }));
        const claims = new UnitClaims(files, threads, min);
        const seen: Array<{ unit: WorkUnit; bytes: number }> = [];
        for (let turn = 0; ; turn++) {
          const state = states[turn % states.length]!;
          const next = claims.next(state.running, state.own);
          if (!next) break;
          seen.push(next);
        }
        expect(seen.map((c) => c.unit)).toEqual(claims.units);
        expect(claims.units.map((u) => u.index)).toEqual(claims.units.map((_, i) => i));
        files.forEach(({ file, size, splittable }) => {
          const mine = seen.filter((c) => c.unit.file === file);
          if (!splittable) return expect(mine).toEqual([{ unit: expect.objectContaining({ file }), bytes: size }]);
          expect(mine[0]!.unit.range!.start).toBe(0);
          expect(mine.at(-1)!.unit.range!.end).toBe(size);
          mine.slice(1).forEach((c, i) => expect(c.unit.range!.start).toBe(mine[i]!.unit.range!.end));
          mine.forEach((c) => expect(c.bytes).toBe(c.unit.range!.end - c.unit.range!.start));
          mine.forEach((c) => expect(c.bytes).toBeGreaterThanOrEqual(min));
        });
      }),
    );
  });

  it('two threads, no tail reserve: the main thread starts on half; a late worker takes half of what is left, the main thread the rest', () => {
    const size = 1000 * MIB;
    const claims = new UnitClaims([{ file: 'big.json', size, splittable: true }], 2, 16 * MIB, 0);
    const first = claims.next([])!;
    expect(first.unit.range).toEqual({ start: 0, end: 500 * MIB });
    // The worker is ready once the main thread has read 200 MiB: 800 MiB are left, 400 for each.
    const worker = claims.next([{ bytes: first.bytes, done: 200 * MIB }])!;
    expect(worker.bytes).toBe(400 * MIB);
    // The main thread ends its half when the worker has read 300 of its 400: the 100 MiB left are the main thread's.
    const last = claims.next([{ bytes: worker.bytes, done: 300 * MIB }])!;
    expect(last.unit.range).toEqual({ start: 900 * MIB, end: size });
    expect(claims.next([])).toBeNull();
  });

  it('the first claims leave the last quarter, which goes by speed: all would end together', () => {
    const size = 800 * MIB;
    const claims = new UnitClaims([{ file: 'big.json', size, splittable: true }], 2, 16 * MIB);
    expect(claims.next([])!.unit.range).toEqual({ start: 0, end: 300 * MIB });
    expect(claims.next([{ bytes: 300 * MIB, done: 0 }])!.unit.range).toEqual({ start: 300 * MIB, end: 600 * MIB });
    // The worker is free first; the main thread has 100 MiB of its unit left: 300 MiB in all. At equal speeds half
    // each; the worker reading 1.5 times as fast takes 0.6 of them (180 MiB), the main thread the 20 left after its unit.
    const equal = new UnitClaims([{ file: 'big.json', size, splittable: true }], 2, 16 * MIB);
    equal.next([]);
    equal.next([{ bytes: 300 * MIB, done: 0 }]);
    expect(equal.next([{ bytes: 300 * MIB, done: 200 * MIB, rate: 1 }], 1)!.bytes).toBe(150 * MIB);
    expect(claims.next([{ bytes: 300 * MIB, done: 200 * MIB, rate: 1 }], 1.5)!.unit.range).toEqual({ start: 600 * MIB, end: 780 * MIB });
    expect(claims.next([{ bytes: 180 * MIB, done: 0 }], 1)!.unit.range).toEqual({ start: 780 * MIB, end: size });
    expect(claims.next([])).toBeNull();
  });

  it('a worker ready at once takes the other half, and a crumb under the minimum is not left behind', () => {
    const claims = new UnitClaims([{ file: 'big.json', size: 100 * MIB, splittable: true }], 2, 16 * MIB, 0);
    claims.next([]);
    expect(claims.next([{ bytes: 50 * MIB, done: 0 }])!.unit.range).toEqual({ start: 50 * MIB, end: 100 * MIB });
    const late = new UnitClaims([{ file: 'big.json', size: 100 * MIB, splittable: true }], 2, 16 * MIB, 0);
    late.next([]);
    // 75 MiB left in all, half is 37.5: taking it would leave 12.5 MiB, under the minimum, so the worker takes all 50.
    expect(late.next([{ bytes: 50 * MIB, done: 25 * MIB }])!.bytes).toBe(50 * MIB);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'splq-claims-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const record = fc.record({
  host: fc.constantFrom('h1', 'h2', 'H1'),
  n: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constantFrom('7', 'x')),
  msg: fc.constantFrom('id=1 ok', 'id=22 error', 'error'),
  _time: fc.integer({ min: 1699990000, max: 1700000000 }),
});
const line = fc.oneof({ weight: 15, arbitrary: record.map((r) => JSON.stringify(r)) }, { weight: 1, arbitrary: fc.constant('{"host": oops}') });

/** Partial stats (claimed units) and shipped events (planned units), through the real pool. */
const QUERIES = [
  'search * | stats count first(n) last(n) list(n) values(msg) earliest(n) by host',
  'search error | stats count min(n) max(n) dc(host)',
  'search * | eventstats count by host | table host, n, count',
  'search n>3 | table host, n',
];

describe('the pool with claimed units', () => {
  it('law: whatever the split size and whenever each thread is ready, 2 and 3 threads give the one-thread results', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(line, { maxLength: 60 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 40, max: 600 }),
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 2, maxLength: 2 }),
        async (contents, splitBytes, delays) => {
          const files = contents.map((lines, i) => {
            const path = join(dir, `r${run}-${i}.json`);
            writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
            return path;
          });
          run++;
          for (const text of QUERIES) {
            const one = await runOneThread(text, files);
            for (const threads of [2, 3]) {
              const many = await runThreads(text, files, { threads, splitBytes, threadDelaysMs: delays });
              if (many) expect(many, `${text}, ${threads} threads, split ${splitBytes}, delays ${delays.join('/')}`).toEqual(one);
            }
          }
        },
      ),
      { numRuns: fuzzRuns(8, 40) },
    );
  });
});

describe('tailFraction', () => {
  it('SPLQ_CLAIM_TAIL sets it within 0 to 0.5; anything else leaves the default', async () => {
    const { tailFraction, TAIL_FRACTION } = await import('../../src/parallel/claims.js');
    expect(tailFraction({ SPLQ_CLAIM_TAIL: '0' })).toBe(0);
    expect(tailFraction({ SPLQ_CLAIM_TAIL: '0.125' })).toBe(0.125);
    expect(tailFraction({ SPLQ_CLAIM_TAIL: '2' })).toBe(TAIL_FRACTION);
    expect(tailFraction({ SPLQ_CLAIM_TAIL: 'x' })).toBe(TAIL_FRACTION);
    expect(tailFraction({})).toBe(TAIL_FRACTION);
  });
});
