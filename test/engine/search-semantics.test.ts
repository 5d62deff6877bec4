// The `search` command's documented semantics: != versus NOT (Ponies), whole-term matching, case, wildcards, IN.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../helpers/run.js';

// The Ponies example of the Search Manual "Difference between != and NOT" (spec 1.7).
const PONIES = [
  { Name: 'McIntosh', Location: 'Sweet Apple Acres' },
  { Name: 'Rutherford', Location: 'Yakyakistan' },
  { Name: 'Rarity', Location: 'Carousel Boutique' },
  { Name: 'Chestnut', Location: 'Appleloosa' },
  { Name: 'Pinkie', Location: 'Sugarcube Corner' },
  { Name: 'Lyra' },
  { Name: 'Roan' },
  { Name: 'Fluttershy', Location: 'Calaveras Farms' },
];
const names = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.Name);

describe('search: != versus NOT (spec 1.7, Ponies)', () => {
  it('Location!="Calaveras Farms" keeps only ponies that have a different Location', () => {
    expect(names(runQuery('search Location!="Calaveras Farms"', PONIES))).toEqual(['McIntosh', 'Rutherford', 'Rarity', 'Chestnut', 'Pinkie']);
  });
  it('NOT Location="Calaveras Farms" also keeps ponies without a Location', () => {
    expect(names(runQuery('search NOT Location="Calaveras Farms"', PONIES))).toEqual(['McIntosh', 'Rutherford', 'Rarity', 'Chestnut', 'Pinkie', 'Lyra', 'Roan']);
  });
  it('NOT Location=* keeps the ponies without a Location; Location!=* keeps none', () => {
    expect(names(runQuery('search NOT Location=*', PONIES))).toEqual(['Lyra', 'Roan']);
    expect(runQuery('search Location!=*', PONIES)).toEqual([]);
  });
  it('!= a value that never occurs keeps every event that has the field', () => {
    expect(runQuery('search Location!=Nowhere', PONIES)).toHaveLength(6);
  });
});

describe('search: terms against _raw (spec 1.4)', () => {
  const raw = (text: string) => ({ _raw: text });
  it('matches whole terms bounded by breakers, case-insensitively', () => {
    const events = [raw('PossibleCause = Binding EventFilter'), raw('x.Binding'), raw('Bindings galore'), raw('xBinding'), raw('"BINDING"')];
    expect(runQuery('Binding', events).map((r) => r._raw)).toEqual(['PossibleCause = Binding EventFilter', 'x.Binding', '"BINDING"']);
  });
  it('a trailing wildcard extends a term', () => {
    expect(runQuery('Binding*', [raw('Bindings galore'), raw('bind')])).toHaveLength(1);
  });
  it('search * keeps rows without _raw', () => {
    expect(runQuery('search *', [{ count: 1 }, { count: 2 }])).toHaveLength(2);
  });
  it('a term never matches a row without _raw', () => {
    expect(runQuery('search Binding', [{ Message: 'Binding' }])).toEqual([]);
  });
});

describe('search: field comparisons (spec 1.2, 1.3, 1.8, 1.10, 1.13)', () => {
  it('field=value compares the whole value case-insensitively, with wildcards', () => {
    const events = [{ sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational' }, { sourcetype: 'wineventlog:security' }];
    expect(runQuery('sourcetype="wineventlog:microsoft-windows-wmi-activity/operational"', events)).toHaveLength(1);
    expect(runQuery('sourcetype=wineventlog:*', events)).toHaveLength(2);
    expect(runQuery('sourcetype=wineventlog', events)).toHaveLength(0);
  });
  it('CASE() makes a value comparison case-sensitive', () => {
    expect(runQuery('host=CASE(LOCALHOST)', [{ host: 'localhost' }, { host: 'LOCALHOST' }])).toEqual([{ host: 'LOCALHOST' }]);
  });
  it('= compares strings: "1" does not match "1.0"', () => {
    expect(runQuery('x=1', [{ x: '1.0' }, { x: 1 }, { x: '1' }])).toHaveLength(2);
  });
  it('< > compare numerically when both sides are numbers, else lexicographically', () => {
    const events = [{ v: 9 }, { v: 10 }, { v: '100' }, { v: 'abc' }];
    expect(runQuery('v>9', events).map((r) => r.v)).toEqual([10, '100', 'abc']);
    expect(runQuery('v<70', events).map((r) => r.v)).toEqual([9, 10]);
  });
  it('IN is an OR of = comparisons and takes wildcards', () => {
    const events = [{ s: 404 }, { s: 500 }, { s: 200 }, { s: '4xx' }];
    expect(runQuery('s IN (40*, 500)', events).map((r) => r.s)).toEqual([404, 500]);
  });
  it('CIDR values match addresses in the subnet', () => {
    expect(runQuery('ip="192.0.2.0/24"', [{ ip: '192.0.2.56' }, { ip: '192.0.3.1' }])).toEqual([{ ip: '192.0.2.56' }]);
  });
  it('multivalue fields match when any value matches', () => {
    expect(runQuery('tag=b', [{ tag: ['a', 'b'] }, { tag: ['c'] }])).toEqual([{ tag: ['a', 'b'] }]);
  });
  it('precedence: NOT binds tightest, then OR, then AND (spec 1.9)', () => {
    const ev = (a: number, b: number, c: number) => ({ a, b, c });
    const events = [ev(1, 0, 0), ev(1, 2, 0), ev(0, 0, 3), ev(1, 0, 3)];
    expect(runQuery('a=1 b=2 OR c=3', events)).toEqual([ev(1, 2, 0), ev(1, 0, 3)]);
    expect(runQuery('NOT a=1 OR c=3', events)).toEqual([ev(0, 0, 3), ev(1, 0, 3)]);
  });
});
