// Reading NDJSON blocks with the key picker and block pre-filter gives the same results as decoding every line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivePrefilter, injectedFields } from '../../src/engine/prefilter.js';
import { firstSearchFilter } from '../../src/engine/first-search.js';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/cli.js';
import { jsonObjectText } from '../input/scan-arbitraries.js';
import { fuzzRuns } from '../helpers/tier.js';

const PLAIN_VALUES = ['x', 'X', 'a: {b}', 'C:\\\\Windows', 'é', 5, 5.0, -1, true, null, ''];

/** Lines as NDJSON: generated objects (escapes, nesting, duplicates) and plain ones with the queried keys. */
const lineArb = fc.oneof(
  jsonObjectText.map((text) => text.replace(/[\r\n]/g, ' ')),
  fc.record({
    a: fc.constantFrom(...PLAIN_VALUES),
    b: fc.constantFrom(...PLAIN_VALUES),
    _time: fc.constantFrom(1700000000, '2023-11-14T22:13:20Z', '', null),
    n: fc.constantFrom({ a: 1 }, [1, { a: 2 }], 'q'),
  }, { requiredKeys: [] }).map((obj) => JSON.stringify(obj)),
  fc.constantFrom('', '   ', 'not json', '{"a":1,"a":2}', '{"\\u0061":"x"}', '{"a":"x"}\r'),
);

const QUERIES = [
  '* | stats count by a',
  '* | stats count by a, b',
  'search a=x | table a b _time',
  'search a=x b!=5 | stats count by b',
  'search NOT a=X OR b=* | stats values(a) as a count by b',
  'search X | stats count by b',
  'search b="C:\\\\Windows" | stats count',
  '* | stats min(_time) as first max(_time) as last count by a',
];

async function results(spl: string, file: string, fast: boolean): Promise<{ rows: string[]; malformed: number; read: number; reports: string[] }> {
  const query = compile(spl, { now: 1700000000 });
  const prefilter = fast ? derivePrefilter(query.ast, injectedFields({ mapped: false, defaults: {} })) : null;
  const firstSearch = fast ? firstSearchFilter(query.ast, getZone('UTC'), 1700000000) : null;
  const opts = { zone: getZone('UTC'), fields: query.requiredFields ? new Set(query.requiredFields) : null, prefilter, firstSearch, pickKeys: fast };
  const rows: string[] = [];
  const stats = newSourceStats(false);
  await query.stream(eventBatches([file], opts, stats), (ev) => rows.push(JSON.stringify(ev.toObject())));
  return { rows, malformed: stats.malformed.count, read: stats.eventsRead, reports: stats.malformed.lines() };
}

/** Lines where a rare word appears now and then: in any case, escaped, or not at all; blank and CRLF lines too. */
const sparseLineArb = fc.oneof(
  { weight: 30, arbitrary: fc.record({ a: fc.constantFrom('x', 'y', 'z'), n: fc.integer() }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.constantFrom('{"a":"Binding","n":1}', '{"a":"x","m":"a BINDING b"}', '{"a":"\\u0062inding"}', '{"a":"\\u0042INDING"}', '{"a":"\\\\u0062inding"}', '{"a":"bİnding"}') },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '{"a":"x"}\r', 'not json binding', '{"a":"bin ding"}') },
);

/** 80 KB of lines without the sparse test's word. */
const FILLER = '{"a":"y","n":12345}\n'.repeat(4000);

describe('block reading fast path', () => {
  const dir = tempFiles({});

  it('skips the lines between a selective word\'s hits exactly (same rows and the same count of lines read)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sparseLineArb, { minLength: 50, maxLength: 400 }), fc.boolean(), async (lines, padded) => {
        const file = join(dir, 'sparse.ndjson');
        // Some files open with more than one 64 KiB piece of lines without the word: later pieces are then searched
        // as raw bytes, not as text.
        writeFileSync(file, (padded ? FILLER : '') + `${lines.join('\n')}\n`);
        const fast = await results('binding | stats count by a', file, true);
        const slow = await results('binding | stats count by a', file, false);
        expect(fast.rows).toEqual(slow.rows);
        expect(fast.read).toBe(slow.read);
        // Malformed lines the word keeps are reported at the same file:line.
        expect(fast.reports).toEqual(slow.reports);
      }),
      { numRuns: fuzzRuns(30, 150) },
    );
  });

  it('gives the results of decoding every line, on lines with escapes, nesting, duplicates and blanks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 30 }), fc.constantFrom(...QUERIES), async (lines, spl) => {
        const file = join(dir, 'in.ndjson');
        writeFileSync(file, `${lines.join('\n')}\n`);
        const fast = await results(spl, file, true);
        const slow = await results(spl, file, false);
        expect(fast.rows).toEqual(slow.rows);
      }),
      { numRuns: fuzzRuns(60, 300) },
    );
  });
});
