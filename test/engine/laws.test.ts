// Operator laws of the engine, checked with fast-check over generated events and search expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { Event } from '../../src/runtime/event.js';
import { runQuery, type PlainEvent } from '../helpers/run.js';

const FIELDS = ['a', 'b', 'c'];
const VALUES = ['x', 'X', 'y', '1', '10', '2', 'x y'];

const eventArb: fc.Arbitrary<PlainEvent> = fc
  .record({ a: fc.option(fc.constantFrom(...VALUES)), b: fc.option(fc.constantFrom(...VALUES)), c: fc.option(fc.constantFrom(...VALUES)) })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as PlainEvent);
const eventsArb = fc.array(eventArb, { maxLength: 25 });

const quote = (v: string) => `"${v}"`;
/** Simple search expressions over the generated fields. */
const searchArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  atom: fc.oneof(
    fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom('=', '!=', '<', '>'), fc.constantFrom(...VALUES)).map(([f, op, v]) => `${f}${op}${quote(v)}`),
    fc.constantFrom(...FIELDS).map((f) => `${f}=*`),
  ),
  expr: fc.oneof(
    { depthSize: 'small' },
    tie('atom'),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `(${x} OR ${y})`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `(${x} ${y})`),
    tie('expr').map((x) => `NOT (${x})`),
  ),
})).expr as fc.Arbitrary<string>;

const keyOf = (rows: Array<Record<string, unknown>>) => rows.map((r) => JSON.stringify(r));

describe('search laws', () => {
  it('search A | search B equals search A B', () => {
    fc.assert(fc.property(eventsArb, searchArb, searchArb, (events, a, b) => {
      expect(keyOf(runQuery(`search ${a} | search ${b}`, events))).toEqual(keyOf(runQuery(`search ${a} ${b}`, events)));
    }), { numRuns: 200 });
  });

  it('NOT NOT A equals A', () => {
    fc.assert(fc.property(eventsArb, searchArb, (events, a) => {
      expect(keyOf(runQuery(`search NOT (NOT (${a}))`, events))).toEqual(keyOf(runQuery(`search ${a}`, events)));
    }), { numRuns: 200 });
  });

  it('f=v, f!=v and NOT f=* partition the events', () => {
    fc.assert(fc.property(eventsArb, fc.constantFrom(...FIELDS), fc.constantFrom(...VALUES), (events, f, v) => {
      const eq = runQuery(`search ${f}=${quote(v)}`, events).length;
      const ne = runQuery(`search ${f}!=${quote(v)}`, events).length;
      const missing = runQuery(`search NOT ${f}=*`, events).length;
      expect(eq + ne + missing).toBe(events.length);
    }), { numRuns: 200 });
  });
});

describe('command laws', () => {
  it('rename a AS b | rename b AS a restores the events when b was absent', () => {
    fc.assert(fc.property(eventsArb, (events) => {
      const withoutB = events.map(({ b: _b, ...rest }) => rest);
      const restored = runQuery('search * | rename a AS b | rename b AS a', withoutB);
      expect(restored.map((r) => Object.keys(r))).toEqual(withoutB.map((e) => Object.keys(e)));
      expect(restored).toEqual(withoutB);
    }), { numRuns: 100 });
  });

  it('head n returns at most n events, and the first ones', () => {
    fc.assert(fc.property(eventsArb, fc.nat(30), (events, n) => {
      const out = runQuery(`search * | head ${n}`, events);
      expect(out.length).toBe(Math.min(n, events.length));
      expect(keyOf(out)).toEqual(keyOf(events.slice(0, n)));
    }), { numRuns: 100 });
  });
});


describe('chunking law', () => {
  it('splitting the input into arbitrary batches changes nothing', async () => {
    await fc.assert(fc.asyncProperty(eventsArb, fc.array(fc.nat(25), { maxLength: 6 }), searchArb, async (events, cuts, expr) => {
      const query = compile(`search ${expr} | rename a AS renamed | head 20`, { now: 1700000000 });
      const whole = query.runSync(events).map((e) => JSON.stringify(e.toObject()));
      const points = [...new Set(cuts.map((c) => Math.min(c, events.length)))].sort((x, y) => x - y);
      const batches: Event[][] = [];
      let start = 0;
      for (const p of [...points, events.length]) {
        batches.push(events.slice(start, p).map((o) => Event.fromObject(o)));
        start = p;
      }
      const streamed: string[] = [];
      await query.stream((async function* () { yield* batches; })(), (ev) => streamed.push(JSON.stringify(ev.toObject())));
      expect(streamed).toEqual(whole);
    }), { numRuns: 100 });
  });
});
