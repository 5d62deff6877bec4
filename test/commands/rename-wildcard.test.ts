// Wildcard rename remembers each name's target: the rows equal those of matching and filling every name afresh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNamePattern, fillPattern } from '../../src/commands/wildcard-names.js';
import { Event } from '../../src/runtime/event.js';
import { runQuery, type PlainEvent } from '../helpers/run.js';

/** Field names that some patterns match (and some match twice, or only partly). */
const name = fc.constantFrom('Processes.dest', 'Processes.user', 'Processes.Processes.x', 'dest', 'user', 'Proc.y', 'a.b.c', 'x');
const row = fc.dictionary(name, fc.constantFrom('1', 'v', 'w'), { maxKeys: 6 }) as fc.Arbitrary<PlainEvent>;
const PAIRS: Array<[string, string]> = [['Processes.*', '*'], ['*.*', '*_*'], ['P*s.*', 'Q*.*'], ['*', 'f_*']];

/** The reference: every name matched and filled afresh, moves applied as rename does. */
function reference(rows: PlainEvent[], from: string, to: string): Array<Record<string, unknown>> {
  const pattern = compileNamePattern(from);
  return rows.map((plain) => {
    const ev = Event.fromObject(plain);
    const moves: Array<[string, string]> = [];
    for (const n of ev.names()) {
      const caps = pattern.match(n);
      if (caps) moves.push([n, fillPattern(to, caps)]);
    }
    ev.renameMany(moves);
    return ev.toObject();
  });
}

describe('rename with wildcards', () => {
  it('equals matching and filling every name of every row afresh (rows that share names, and rows that do not)', () => {
    fc.assert(fc.property(fc.constantFrom(...PAIRS), fc.array(row, { maxLength: 20 }), ([from, to], rows) => {
      expect(runQuery(`search * | rename ${from} AS ${to}`, rows)).toEqual(reference(rows, from, to));
    }), { numRuns: 300 });
  });
});
