// Integers beyond 2^53 keep their exact text: they compare, group and print exactly (issue 16 point 3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { parseJsonExact } from '../../src/util/exact-json.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-bigint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'ids.ndjson');
writeFileSync(path, '{"id":9007199254740993,"k":4611686018427387904}\n{"id":9007199254740992,"k":-4611686018427387905}\n{"id":12,"k":1.5e300}\n');

async function rows(spl: string, prefilter = true, pickKeys?: boolean): Promise<Array<Record<string, unknown>>> {
  const run = compile(spl).runFiles([path], { prefilter, threads: 1, ...(pickKeys === undefined ? {} : {}) });
  const out: Array<Record<string, unknown>> = [];
  for await (const row of run) out.push(row.toObject());
  await run.summary;
  return out;
}

describe('64-bit integers', () => {
  it('group apart, match exactly and print exactly, on every read path', async () => {
    for (const prefilter of [true, false]) {
      expect(await rows('search * | stats count by id | sort id', prefilter)).toEqual([
        { id: 12, count: 1 },
        { id: '9007199254740992', count: 1 },
        { id: '9007199254740993', count: 1 },
      ]);
      expect(await rows('id=9007199254740993 | table id k', prefilter)).toEqual([{ id: '9007199254740993', k: '4611686018427387904' }]);
      expect(await rows('search * | table k', prefilter)).toEqual([{ k: '4611686018427387904' }, { k: '-4611686018427387905' }, { k: 1.5e300 }]);
    }
  });

  it('arithmetic goes through a double, as in Splunk', async () => {
    // 9007199254740993 reads as the double 2^53, and 2^53 + 1 rounds back to 2^53.
    expect(await rows('id=12 OR id=9007199254740993 | eval x=id+1 | table x')).toEqual([{ x: 9007199254740992 }, { x: 13 }]);
  });

  it('law: parseJsonExact equals JSON.parse except that unsafe integers are their exact text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (value, big) => {
        fc.pre(!/[0-9]{16}/.test(JSON.stringify(value)));
        const text = JSON.stringify({ v: value, big: Number(0) }).replace('"big":0', `"big":${big}`);
        const parsed = parseJsonExact(text) as { v: unknown; big: unknown };
        expect(parsed.v).toEqual(JSON.parse(JSON.stringify(value)));
        const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
        expect(parsed.big).toEqual(safe ? Number(big) : String(big));
      }),
      { numRuns: 500 },
    );
  });

  it('rewriting never turns invalid JSON valid', () => {
    for (const bad of ['{"a":01234567890123456789}', '{"a":"x 12345678901234567}', '{"a":12345678901234567 8}']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(() => parseJsonExact(bad)).toThrow();
    }
  });
});
