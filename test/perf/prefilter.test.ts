// The raw-line pre-filter is exact: results are identical with it on and off, and with 1 and 3 threads, whatever the JSON escaping and case.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivePrefilter, injectedFields } from '../../src/engine/prefilter.js';
import { firstSearchFilter } from '../../src/engine/first-search.js';
import { runOneThread, runThreads } from '../parallel/harness.js';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/cli.js';
import { fuzzRuns } from '../helpers/tier.js';

/** Characters that stress escaping, case folding and breakers. */
const CHARS = ['a', 'B', 'i', 'k', 's', 'K', 'S', ' ', '.', '-', '_', '/', '\\', '"', '*', '\n', '\u212a', '\u0130', '\u017f', 'é', 'É', '€', '😀', '=', ':', '5', '0'];
const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
const eventArb = fc.record({ f: textArb, g: textArb, n: fc.oneof(fc.integer({ min: 0, max: 99 }), textArb) });

/** JSON.stringify, or a variant that escapes every non-ASCII character and every slash (both valid JSON). */
function serialise(obj: unknown, escapeAll: boolean): string {
  const json = JSON.stringify(obj);
  if (!escapeAll) return json;
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\//g, '\\/');
}

/** A literal for the query: a piece of some value, with its case flipped at random, maybe with wildcards. */
const queryArb = (events: Array<{ f: string; g: string; n: string | number }>) => {
  const pieces = events.flatMap((e) => [e.f, e.g, String(e.n)]).filter((p) => p.length > 0);
  const piece = pieces.length ? fc.constantFrom(...pieces) : textArb;
  const literal = fc.tuple(piece, fc.boolean(), fc.boolean(), fc.boolean()).map(([p, upper, star1, star2]) => {
    const cased = upper ? p.toUpperCase() : p.toLowerCase();
    return `${star1 ? '*' : ''}${cased}${star2 ? '*' : ''}`;
  });
  const quoted = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const clause = fc.oneof(
    literal.map(quoted),
    fc.tuple(fc.constantFrom('f', 'g', 'n'), literal).map(([field, lit]) => `${field}=${quoted(lit)}`),
  );
  return fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => cs.join(' '));
};

/** Lines whose text shares no letter, digit or symbol with CHARS but JSON's own (`{"":}` and `z`): 75 KB. */
const FILLER = '{"f":"zz","g":"zz","n":"zz"}\n'.repeat(2700);

/** Results with the pre-filter, the first search and the key picker on (`fast`) or every line decoded in full. */
async function run(spl: string, file: string, fast: boolean): Promise<string[]> {
  const query = compile(`${spl} | table f g n`, { now: 1700000000 });
  const filter = fast ? derivePrefilter(query.ast, injectedFields({ mapped: false, defaults: {} })) : null;
  const firstSearch = fast ? firstSearchFilter(query.ast, getZone('UTC'), 1700000000) : null;
  const out: string[] = [];
  const opts = { zone: getZone('UTC'), fields: query.requiredFields ? new Set(query.requiredFields) : null, prefilter: filter, firstSearch, pickKeys: fast };
  await query.stream(eventBatches([file], opts, newSourceStats(false)), (ev) => out.push(JSON.stringify(ev.toObject())));
  return out;
}

/** Property runs: each writes a file and runs the query four ways. */
const RUNS = fuzzRuns(60, 300);

describe('pre-filter exactness', () => {
  it('gives the same results as parsing every line, for escaped and unescaped JSON', async () => {
    const dir = tempFiles({});
    let round = 0;
    let parallelRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 12 }).chain((events) => fc.tuple(fc.constant(events), queryArb(events), fc.boolean(), fc.boolean())),
        async ([events, spl, escapeAll, padded]) => {
          const file = join(dir, `e${round++}.json`);
          // Padded: the events follow more than one 64 KiB piece of lines without the query's literals, so the
          // block pre-filter reads sparsely, and later pieces are searched as raw bytes.
          writeFileSync(file, (padded ? FILLER : '') + events.map((e) => `${serialise(e, escapeAll)}\n`).join(''));
          expect(await run(spl, file, true)).toEqual(await run(spl, file, false));
          // And with the file cut into byte ranges run by 3 in-process threads, as the CLI's --threads does.
          const oneThread = await runOneThread(`${spl} | stats count by f g n`, [file]);
          const threads = await runThreads(`${spl} | stats count by f g n`, [file], { threads: 3, splitBytes: 40, inProcess: true });
          if (threads !== null) {
            parallelRuns++;
            expect(threads.rows).toEqual(oneThread.rows);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(parallelRuns).toBeGreaterThan(RUNS / 3);
  });

  it('a bare term (the first search reads _raw) keeps a line whose only match is past the first piece (property case of seed -1387628340)', async () => {
    // The key locator tests a first search on members without the line, so a search reading _raw must not use it.
    const dir = tempFiles({});
    const line = JSON.stringify({ f: '\u00c9', g: '\\\u0130\u00e9\u00c9\n-', n: 2 });
    const file = join(dir, 'after-filler.json');
    writeFileSync(file, `${FILLER}${line}\n`);
    for (const spl of ['"\u00e9"', '"\u00c9"', '"\u00e9" f=*']) {
      const slow = await run(spl, file, false);
      expect(slow).toEqual([line]);
      expect(await run(spl, file, true)).toEqual(slow);
    }
  });

  it('derives literals only where they are safe', () => {
    const lits = (spl: string) => derivePrefilter(compile(spl).ast, injectedFields({ mapped: false, defaults: {} }))?.literals ?? [];
    expect(lits('sourcetype="wineventlog:microsoft-windows-wmi-activity/operational" EventCode=5861 Binding')).toEqual([
      'wineventlog:microsoft-windows-wmi-activity', 'binding',
    ]);
    expect(lits('a=1 OR b=2')).toEqual([]);
    expect(lits('NOT x c!=d')).toEqual([]);
    expect(lits('ip="10.0.0.0/8"')).toEqual([]);
    expect(lits('source=foo host=bar')).toEqual(['bar']);
  });
});

describe('pre-filter literal order', () => {
  it('after reordering the literals (past the first 1000 lines) it still keeps exactly the lines holding all of them', () => {
    const filter = derivePrefilter(compile('common rare').ast, injectedFields({ mapped: false, defaults: {} }))!;
    const lines = Array.from({ length: 3000 }, (_, i) => `{"msg":"${i % 2 ? 'common' : 'other'} ${i % 7 === 0 ? 'RARE' : 'x'}"}`);
    const kept = lines.filter((l) => filter.test(l));
    expect(kept).toEqual(lines.filter((l) => /common/i.test(l) && /rare/i.test(l)));
    expect(kept.length).toBeGreaterThan(100);
  });
});
