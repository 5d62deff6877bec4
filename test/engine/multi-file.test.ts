// Splitting the input across several files (and reading it through the CLI's event source) changes nothing.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/cli.js';

const lineArb = fc.record({ host: fc.constantFrom('a', 'b', 'C'), n: fc.integer({ min: 0, max: 5 }), msg: fc.constantFrom('Binding x', 'Bindings', 'other') }).map((o) => JSON.stringify(o));

async function runFiles(spl: string, files: string[]): Promise<string[]> {
  const query = compile(spl, { now: 1700000000 });
  const out: string[] = [];
  const fields = query.requiredFields ? new Set(query.requiredFields) : null;
  await query.stream(eventBatches(files, { zone: getZone('UTC'), fields }, newSourceStats(false)), (ev) => out.push(JSON.stringify(ev.toObject())));
  return out;
}

describe('several files', () => {
  it('one file or the same lines cut into several files give the same results', async () => {
    await fc.assert(fc.asyncProperty(fc.array(lineArb, { maxLength: 30 }), fc.array(fc.nat(30), { maxLength: 4 }), async (lines, cuts) => {
      const points = [...new Set(cuts.map((c) => Math.min(c, lines.length)))].sort((a, b) => a - b);
      const parts: Record<string, string> = {};
      let start = 0;
      [...points, lines.length].forEach((p, i) => {
        parts[`part-${i}.json`] = lines.slice(start, p).map((l) => `${l}\n`).join('');
        start = p;
      });
      const dir = tempFiles({ ...parts });
      const whole = tempFiles({ 'all.json': lines.map((l) => `${l}\n`).join('') });
      for (const spl of ['Binding | stats count by host', 'search * | stats count min(n) max(n) values(msg) by host', 'n>2 | table host n']) {
        const split = await runFiles(spl, Object.keys(parts).sort().map((f) => join(dir, f)));
        expect(split).toEqual(await runFiles(spl, [join(whole, 'all.json')]));
      }
    }), { numRuns: 40 });
  });
});
