// Laws: the joined key of several BY values (group-keys.ts) tells lists of texts apart, and tables with several BY fields group by it as by the values themselves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAggregation, GroupTable } from '../../src/aggregates/index.js';
import { groupText, joinedGroupKey } from '../../src/aggregates/group-keys.js';
import type { StatsCommand } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';
import { Event, type Scalar } from '../../src/runtime/event.js';

/** Texts made to collide under a naive join: digits, colons, separators, empty, and numbers with their text twins. */
const piece = fc.constantFrom('', ':', '1', '1:', ':1', '11', '2:ab', 'a', 'b', 'ab', '\u0000', '|', 'é', '😀');
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
const scalar: fc.Arbitrary<Scalar> = fc.oneof(text, fc.constantFrom<Scalar>(1, 11, 0, -0, 2.5, true));

function table(spl: string): GroupTable {
  const node = parseQuery(`* | stats ${spl}`).commands[1] as StatsCommand;
  return new GroupTable(compileAggregation(node, { evalContext: {} } as never, { dedupSplitValues: false }));
}

describe('joinedGroupKey', () => {
  it('gives two lists the same key exactly when their group texts are the same', () => {
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 4 }), fc.array(scalar, { minLength: 1, maxLength: 4 }), (a, b) => {
        const sameTexts = a.length === b.length && a.every((v, i) => groupText(v) === groupText(b[i]!));
        const depth = Math.max(a.length, b.length);
        const pad = (l: Scalar[]) => [...l, ...Array<Scalar>(depth - l.length).fill('')];
        // Same depth (a table's rows all have its number of BY fields): padding with '' must not make them equal unless they were.
        const aKey = joinedGroupKey(pad(a), depth);
        const bKey = joinedGroupKey(pad(b), depth);
        const padEqual = pad(a).every((v, i) => groupText(v) === groupText(pad(b)[i]!));
        expect(aKey === bKey).toBe(padEqual);
        if (a.length === b.length) expect(joinedGroupKey(a, a.length) === joinedGroupKey(b, b.length)).toBe(sameTexts);
      }),
      { numRuns: 500 },
    );
  });

  it('tables with 2 and 3 BY fields make one group per distinct list of texts, in first-seen order', () => {
    const rows = fc.array(fc.tuple(scalar, scalar, scalar), { maxLength: 40 });
    fc.assert(
      fc.property(rows, fc.boolean(), (events, countsOnly) => {
        for (const depth of [2, 3]) {
          const by = ['a', 'b', 'c'].slice(0, depth);
          const t = table(`${countsOnly ? 'count' : 'count, max(v) as m'} by ${by.join(' ')}`);
          events.forEach((values, i) => t.add(Event.fromObject({ a: values[0], b: values[1], c: values[2], v: i }), i));
          // The expected groups: keyed by the JSON of the texts list (unambiguous by construction).
          const expected = new Map<string, number>();
          for (const values of events) {
            const k = JSON.stringify(values.slice(0, depth).map(groupText));
            expected.set(k, (expected.get(k) ?? 0) + 1);
          }
          const got = new Map<string, number>();
          t.forEachRow((row) => {
            const k = JSON.stringify(by.map((f) => groupText(row.get(f) as Scalar)));
            expect(got.has(k)).toBe(false);
            got.set(k, Number(row.get('count')));
          }, false);
          expect(got).toEqual(expected);
          expect([...got.keys()]).toEqual([...expected.keys()]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
