// The eventtype index finds exactly the eventtypes whose searches match an event, and declines searches it cannot index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinMappings } from '../../src/datamodels/index.js';
import { eventtypeIndex, matchedMask } from '../../src/datamodels/eventtype-index.js';
import { compileSearchExpr } from '../../src/engine/search-predicate.js';
import { parseSearchCached } from '../../src/parse/parse-cache.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { getZone } from '../../src/time/zone.js';

const OPTS = { zone: getZone('UTC'), now: 1700000000 };

/** The mask trying every search in turn gives (what the mapper did before the index). */
function maskBySearch(searches: string[], ev: Event): number {
  let mask = 0;
  searches.forEach((s, i) => {
    if (compileSearchExpr(parseSearchCached(s), OPTS)(ev)) mask |= 1 << i;
  });
  return mask;
}

const SEARCHES: Record<string, string[]> = {
  ...Object.fromEntries(builtinMappings().map((m) => [m.name, m.eventtypes.map((et) => et.search)])),
  text: ['action="Allowed"', 'action=blocked OR action=DENIED', 'action IN (dropped, "-1", 7, 0)', 'action=""'],
};

const scalar = fc.oneof(
  fc.constantFrom<FieldValue>(1, 3, 11, 23, 4688, 4624, 4781, 7045, -1, 0, -0, 1.5, 5e-324, 1e21, NaN),
  fc.constantFrom<FieldValue>('1', '01', ' 1', '1.0', '4688', 'allowed', 'ALLOWED', 'Denied', '-1', '', 'dropped', true),
  fc.integer({ min: -5, max: 5000 }),
);
const value = fc.oneof(scalar, fc.array(scalar, { minLength: 1, maxLength: 3 }));

describe('eventtype index', () => {
  for (const [name, searches] of Object.entries(SEARCHES)) {
    it(`law: the index's mask is the mask of trying every search (${name})`, () => {
      const index = eventtypeIndex(searches.map((s) => parseSearchCached(s)), 30);
      expect(index).not.toBeNull();
      fc.assert(
        fc.property(value, (v) => {
          const ev = Event.fromObject({ [index!.field]: v as FieldValue, other: 1 });
          expect(matchedMask(index!, ev)).toBe(maskBySearch(searches, ev));
        }),
        { numRuns: 500 },
      );
      expect(matchedMask(index!, Event.fromObject({ other: 1 }))).toBe(0);
    });
  }

  it('declines wildcards, CASE(), CIDR blocks, other operators, two fields, AND and NOT', () => {
    for (const search of ['EventCode=4*', 'action=CASE(Allowed)', 'src=10.0.0.0/8', 'EventCode>1', 'EventCode!=1', 'NOT EventCode=1', 'EventCode=1 action=x', 'EventCode=1 OR EventID=1', 'cmd.exe', 'earliest=-1d']) {
      expect(eventtypeIndex([parseSearchCached('EventCode=1'), parseSearchCached(search)], 30)).toBeNull();
    }
    expect(eventtypeIndex([], 30)).toBeNull();
    expect(eventtypeIndex([parseSearchCached('a=1'), parseSearchCached('a=2')], 1)).toBeNull();
  });
});
