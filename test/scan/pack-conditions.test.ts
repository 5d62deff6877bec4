// The pack's field routing: a detection's necessary condition holds for every event its search keeps, and a
// routed pack of random detections gives each one exactly the rows it gives alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSearchExpr } from '../../src/engine/search-predicate.js';
import { parseSearchExpression } from '../../src/parse/parse.js';
import { compile } from '../../src/query.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { generateWindowsEvents, writeNdjson } from '../../src/sample/windows-events.js';
import { ConditionIndex, necessaryCondition } from '../../src/scan/pack-conditions.js';
import { runPack } from '../../src/scan/pack.js';
import { LiteralAutomaton } from '../../src/scan/pack-router.js';
import { getZone } from '../../src/time/zone.js';

const NOW = 1_700_000_000;
const zone = getZone('UTC');

// Values chosen to collide in case, in wildcard pieces, as numbers and as multivalues.
const VALUES = ['a', 'A', 'ab', 'Abc', 'xabcx', '1', '01', '1.0', '10', 'Kb', '\u212Ab', 'c:\\x\\abc.exe', ''];
const FIELDS = ['f', 'g', 'h'];
const value = fc.constantFrom(...VALUES);
const pattern = fc.oneof(value, value.map((v) => `*${v}*`), value.map((v) => `${v}*`), value.map((v) => `*${v}`), fc.constant('*'), fc.constant('10.0.0.0/8'));
const quoted = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Random search expressions over f, g, h: =, !=, IN, AND, OR, NOT, terms. */
const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.tuple(fc.constantFrom(...FIELDS), pattern).map(([f, v]) => `${f}=${quoted(v)}`),
    fc.tuple(fc.constantFrom(...FIELDS), pattern).map(([f, v]) => `${f}!=${quoted(v)}`),
    fc.tuple(fc.constantFrom(...FIELDS), fc.array(pattern, { minLength: 1, maxLength: 3 })).map(([f, vs]) => `${f} IN (${vs.map(quoted).join(', ')})`),
    fc.constantFrom('abc', 'f>5', 'CASE(Abc)', 'f=CASE(Abc)'),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} ${b})`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(${a} OR ${b})`),
    tie('node').map((a) => `NOT (${a})`),
  ),
})).node as fc.Arbitrary<string>;

const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(value, fc.constantFrom(1, 10, 1.5), fc.array(value, { minLength: 2, maxLength: 3 }));
const event = fc.record({ f: fc.option(fieldValue), g: fc.option(fieldValue), h: fc.option(fieldValue) }).map((o) => {
  const ev = new Event();
  for (const [k, v] of Object.entries(o)) if (v !== null) ev.set(k, v);
  ev.set('_raw', JSON.stringify(o));
  return ev;
});

describe('necessary conditions and their index', () => {
  it('every event a search keeps meets its condition, in the index (property)', () => {
    fc.assert(
      fc.property(fc.array(expr, { minLength: 1, maxLength: 6 }), fc.array(event, { minLength: 1, maxLength: 8 }), (texts, events) => {
        const exprs = texts.map(parseSearchExpression);
        const index = new ConditionIndex(exprs.map(necessaryCondition));
        const preds = exprs.map((e) => compileSearchExpr(e, { zone, now: NOW }));
        events.forEach((ev, n) => {
          const stamp = n + 1;
          index.match(ev, stamp, []);
          exprs.forEach((e, i) => {
            if (necessaryCondition(e) !== null && preds[i]!(ev)) expect(index.met[i], `${texts[i]} on ${JSON.stringify(ev.toObject())}`).toBe(stamp);
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('indexes field=value, IN, ORs and wildcard pieces; gives none for NOT, !=, terms and CIDR', () => {
    const cond = (text: string) => necessaryCondition(parseSearchExpression(text));
    expect(cond('sourcetype=x EventCode=4688')).toEqual([{ field: 'EventCode', kind: 'exact', text: '4688' }]);
    expect(cond('(a=1 OR b=*Mimikatz*) c!=2')).toEqual([{ field: 'a', kind: 'exact', text: '1' }, { field: 'b', kind: 'contains', text: 'mimikatz' }]);
    expect(cond('x IN ("A*", "*.EXE")')).toEqual([{ field: 'x', kind: 'contains', text: 'a' }, { field: 'x', kind: 'contains', text: '.exe' }]);
    for (const none of ['NOT a=1', 'a!=1', 'abc', 'a=1 OR abc', 'ip=10.0.0.0/8', 'a=*', 'a>1']) expect(cond(none), none).toBeNull();
    const index = new ConditionIndex([cond('a=1'), cond('b=*mimi*'), null]);
    const hits: number[] = [];
    index.match(Event.fromObject({ a: 1, b: 'x MIMIKATZ' }), 1, hits);
    expect(hits.sort()).toEqual([0, 1]);
  });
});

describe('the index over a long run (memo filled, switched off for unique values, back on)', () => {
  it('marks for every event what a fresh index marks, and every detection whose atom the lower-cased value meets', () => {
    const exprs = ['f=abc', 'f=*Mimi*', 'g IN ("x*", "*.EXE")', 'f=*katz* OR g=cmd.exe', 'h=1'].map(parseSearchExpression);
    const conditions = exprs.map(necessaryCondition);
    const long = new ConditionIndex(conditions);
    const rng = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: 1, seed: 7 })[0]!;
    const kinds = ['abc', 'ABC', 'x MIMIKATZ y', 'cmd.exe', 'Tool.Exe', 'xk', 'nothing'];
    let seed = rng;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 1; n <= 30_000; n++) {
      // First unique values (a message-like field: the memo fills with no hits), then repeating ones, then mixed.
      const unique = n < 12_000 || (n > 20_000 && next() % 2 === 0);
      const base = kinds[next() % kinds.length]!;
      const f = unique ? `${base} #${n}` : base;
      const g = kinds[next() % kinds.length]!;
      const ev = Event.fromObject({ f, g, h: n % 3 });
      const got: number[] = [];
      long.match(ev, n, got);
      const fresh: number[] = [];
      new ConditionIndex(conditions).match(ev, n, fresh);
      expect(got.sort(), `event ${n}`).toEqual(fresh.sort());
      conditions.forEach((c, i) => {
        const holds = c!.some((a) => {
          const v = String(ev.get(a.field) ?? '').toLowerCase();
          return a.kind === 'exact' ? v === a.text : v.includes(a.text);
        });
        if (holds) expect(long.met[i], `${i} on ${f}`).toBe(n);
      });
    }
  });
});

describe('the literal automaton (character classes)', () => {
  it('finds exactly the literals a lower-cased text contains (property)', () => {
    const text = fc.stringOf(fc.constantFrom('a', 'B', 'b', 'c', '.', '\\', 'é', '\u212A', 'k', ' '), { maxLength: 30 });
    const literal = fc.stringOf(fc.constantFrom('a', 'b', 'c', '.', '\\', 'k'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }), text, (literals, line) => {
        const hits: number[] = [];
        new LiteralAutomaton(literals).scan(line, new Int32Array(literals.length), 1, hits);
        const folded = line.replace(/\u212A/g, 'k').toLowerCase();
        expect(hits.sort((x, y) => x - y)).toEqual(literals.flatMap((l, i) => (folded.includes(l) ? [i] : [])));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a routed pack of random detections', () => {
  let data: string;
  beforeAll(() => {
    data = join(mkdtempSync(join(tmpdir(), 'splq-pack-cond-')), 'events.ndjson');
    writeNdjson(data, generateWindowsEvents({ seed: 5, count: 1500 }));
  });

  it('gives each detection the rows it gives alone (property)', async () => {
    const term = fc.constantFrom(
      'EventCode=1', 'EventCode=3', 'EventCode IN (4624, 4688)', 'sourcetype="*Sysmon*"', '(EventCode=11 OR EventCode=4624)', 'Image="*\\\\powershell.exe"',
      'NOT EventCode=11', 'host=WKS-00*', '(sourcetype="WinEventLog:Security" OR source="*sysmon*")', 'User=*', 'TargetFilename=*.lnk',
    );
    const tstats = fc.constantFrom(
      '| tstats count from datamodel=Endpoint.Processes where Processes.process_name IN ("powershell.exe", "cmd.exe") by Processes.dest',
      '| tstats count from datamodel=Endpoint.Processes where Processes.process=*-enc* by Processes.user',
      '| tstats count from datamodel=Endpoint.Filesystem where Filesystem.file_name="*.lnk" by Filesystem.dest',
      '| tstats count from datamodel=Network_Traffic.All_Traffic where All_Traffic.dest_port=443 OR All_Traffic.dest_port=80 by All_Traffic.src',
    );
    const tail = fc.constantFrom('| stats count', '| stats count by host | sort host', '| head 3 | table host EventCode');
    const detection = fc.oneof(fc.tuple(fc.array(term, { minLength: 1, maxLength: 3 }), tail).map(([t, r]) => `${t.join(' ')} ${r}`), tstats);
    await fc.assert(
      fc.asyncProperty(fc.array(detection, { minLength: 2, maxLength: 6 }), async (spls) => {
        const entries = spls.map((spl, i) => ({ name: `d${i}`, spl }));
        const result = await runPack(entries, [data], { now: NOW });
        expect(result.failed).toEqual([]);
        for (const { name, spl } of entries) {
          const own: string[] = [];
          for await (const row of compile(spl, { now: NOW }).runFiles([data])) own.push(JSON.stringify(row.toObject()));
          const packed = result.rows.filter((r) => r.get('detection') === name).map((r) => {
            const { detection, ...rest } = r.toObject();
            return JSON.stringify(rest);
          });
          expect(packed, spl).toEqual(own);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('ConditionIndex memo of recent values', () => {
  it('gives a repeated value the same detections on every event, also after the memo starts over', () => {
    const index = new ConditionIndex([[{ field: 'f', kind: 'contains', text: 'cmd' }], [{ field: 'f', kind: 'exact', text: 'x.exe' }], null]);
    const at = (v: string, stamp: number): number[] => {
      const hits: number[] = [];
      index.match(Event.fromObject({ f: v }), stamp, hits);
      return hits.sort();
    };
    expect(at('C:\\CMD.exe', 1)).toEqual([0]);
    expect(at('C:\\CMD.exe', 2)).toEqual([0]);
    expect(at('X.EXE', 3)).toEqual([1]);
    let stamp = 4;
    for (let i = 0; i < 5000; i++) at(`v${i}`, stamp++);
    expect(at('C:\\CMD.exe', stamp++)).toEqual([0]);
    expect(at('x.exe', stamp++)).toEqual([1]);
    expect(index.met[2]).toBe(0);
  });
});
