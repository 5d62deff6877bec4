// The time window (--earliest/--latest) keeps exactly the events whose _time is inside it, whatever the time field.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats, type EventSourceOptions } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/cli.js';

async function times(file: string, opts: Partial<EventSourceOptions>): Promise<number[]> {
  const query = compile('search * | table _time n', { now: 1700000000 });
  const out: number[] = [];
  const source = { zone: getZone('UTC'), fields: query.requiredFields ? new Set(query.requiredFields) : null, ...opts };
  await query.stream(eventBatches([file], source, newSourceStats(false)), (ev) => out.push(ev.get('n') as number));
  return out;
}

describe('time window', () => {
  it('equals filtering on _time after decoding, for _time, ISO and epoch-ms time fields', async () => {
    const eventArb = fc.record({ t: fc.integer({ min: 1_600_000_000, max: 1_600_000_100 }), shape: fc.constantFrom('_time', 'iso', 'ms') });
    await fc.assert(fc.asyncProperty(fc.array(eventArb, { maxLength: 20 }), fc.integer({ min: 1_600_000_000, max: 1_600_000_100 }), fc.nat(60), async (events, earliest, width) => {
      const lines = events.map(({ t, shape }, n) => JSON.stringify(
        shape === '_time' ? { _time: t, n } : shape === 'iso' ? { timestamp: new Date(t * 1000).toISOString(), n } : { timestamp: t * 1000, n },
      ));
      const dir = tempFiles({ 'e.json': lines.map((l) => `${l}\n`).join('') });
      const latest = earliest + width;
      const windowed = await times(join(dir, 'e.json'), { window: { earliest, latest } });
      const expected = events.map((e, n) => ({ ...e, n })).filter((e) => e.t >= earliest && e.t < latest).map((e) => e.n);
      expect(windowed).toEqual(expected);
    }), { numRuns: 60 });
  });
});
