// Law: the WebAssembly key locator (span-picker.ts) reads the same members as JSON.parse and the plain-JS picker, and declines only what it must.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SpanPicker, SPANS_MIN_BYTES } from '../../src/input/json/span-picker.js';
import { KeyPicker } from '../../src/input/json/key-picker.js';
import { HitCursor } from '../../src/input/fastpath/hit-cursor.js';
import { SPELLING_ESCAPES } from '../../src/input/fastpath/escape-search.js';
import { isJsonObjectText } from '../../src/input/json/line-check.js';
import { forEachLineIn } from '../../src/input/sources/line-block.js';
import { parseJsonExact } from '../../src/util/exact-json.js';
import { compile } from '../../src/query.js';

const FULL = process.env.SPLQ_FULL === '1';
/** The wanted keys: short and long names (the module compares 8 bytes, then the rest), a time field. */
const WANTED = ['sourcetype', 'EventCode', 'a', 'ProcessGuid_long_name_x'];
const TIMES = ['_time', 'timestamp'];

/** A filler line that makes the piece long enough for the module (SPANS_MIN_BYTES). */
const FILLER = `{"filler":"${'f'.repeat(200)}","n":1}`;

interface Visit {
  start: number;
  end: number;
  line: number;
  members?: Record<string, unknown>;
}

/** Every line of `text` through the span picker: the lines it read (with their members) and those it declined. */
function spanVisits(text: string, picker: SpanPicker): { visits: Visit[]; next: number } {
  const bytes = Buffer.from(text, 'latin1');
  const visits: Visit[] = [];
  expect(picker.load(bytes, 0, bytes.length)).toBe(true);
  const next = picker.forEachLine(
    1,
    (start, end, line) => visits.push({ start, end, line, members: picker.all() }),
    (start, end, line) => visits.push({ start, end, line }),
  );
  return { visits, next };
}

/** What JSON.parse says the wanted members are (exact big integers), or null when the line is no object. */
function parsedMembers(line: string, names: string[]): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = parseJsonExact(Buffer.from(line, 'latin1').toString('utf8'));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const out: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(parsed, name)) out[name] = (parsed as Record<string, unknown>)[name];
  return out;
}

/** The plain-JS picker's members of a line (a text of that line alone), or null when it declines. */
function keyPickerMembers(line: string): Record<string, unknown> | null {
  const picker = new KeyPicker(WANTED, TIMES);
  const bytes = Buffer.from(line, 'latin1');
  picker.reset({ text: line, bytes, base: 0 }, new HitCursor(line, SPELLING_ESCAPES));
  return picker.pick(0, line.length);
}

const key = fc.constantFrom(...WANTED, ...TIMES, 'other', 'sourcetypes', 'EventCod', 'A', 'ProcessGuid_long_name_y', 'source\\u0074ype', 'a\\"b', 'é');
const stringValue = fc.oneof(
  fc.constantFrom('WinEventLog:Security', 'x', '', 'caf\xc3\xa9', '\\r\\n\\t', '\\u00e9', '\\uD83D\\uDE00', '\\"quoted\\"', '\\\\', 'a'.repeat(120)),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s).slice(1, -1)),
);
const scalar = fc.oneof(
  stringValue.map((s) => `"${s}"`),
  fc.constantFrom('4688', '-0', '0.5', '1e5', '12345678901234567890', '-1.25E-3', 'true', 'false', 'null', '4688.0'),
  fc.integer().map(String),
);
const value = fc.oneof({ arbitrary: scalar, weight: 5 }, fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(',')}]`), fc.constantFrom('{"a":1}', '[[1]]', '01', 'tru'));
const space = fc.constantFrom('', '', ' ', '\t', '\r');
const member = fc.tuple(key, space, space, value).map(([k, a, b, v]) => `"${k}"${a}:${b}${v}`);
const lineArb = fc.oneof(
  { arbitrary: fc.tuple(fc.array(member, { maxLength: 6 }), space).map(([members, tail]) => `{${members.join(',')}}${tail}`), weight: 8 },
  fc.constantFrom('', ' {"a":1}', '{"a":1,}', '{"a":1}{"b":2}', '[1]', '{"a":1} x', '{}', '\r'),
);
const pieceArb = fc
  .tuple(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.nat({ max: 12 }), fc.boolean(), fc.boolean())
  .map(([lines, at, crlf, trailing]) => {
    const all = [...lines];
    const fill = Array.from({ length: Math.ceil(SPANS_MIN_BYTES / FILLER.length) }, () => FILLER);
    all.splice(at % (all.length + 1), 0, ...fill);
    return all.join(crlf ? '\r\n' : '\n') + (trailing ? '\n' : '');
  });

describe('the WebAssembly key locator', () => {
  it('runs here: Node 20 has WebAssembly with SIMD, so a broken build fails this test rather than falling back', () => {
    const picker = SpanPicker.create(WANTED, TIMES)!;
    const bytes = Buffer.from(Array.from({ length: 40 }, () => FILLER).join('\n'), 'latin1');
    expect(picker.load(bytes, 0, bytes.length)).toBe(true);
    expect(picker.load(bytes, 0, SPANS_MIN_BYTES - 1)).toBe(false);
  });

  it('law: the same lines as forEachLineIn; a line it reads is well-formed and its members are JSON.parse\'s and the plain picker\'s', () => {
    fc.assert(
      fc.property(pieceArb, (text) => {
        const picker = SpanPicker.create(WANTED, TIMES)!;
        const { visits, next } = spanVisits(text, picker);
        const expected: Visit[] = [];
        const expectedNext = forEachLineIn(text, 1, (start, end, line) => expected.push({ start, end, line }));
        expect(visits.map(({ start, end, line }) => ({ start, end, line }))).toEqual(expected);
        expect(next).toBe(expectedNext);
        for (const visit of visits) {
          const line = text.slice(visit.start, visit.end);
          if (visit.members === undefined) {
            // Declined: not a flat object opening with `{`, a key with a backslash, or a wanted key written twice.
            const mustDecline = !line.startsWith('{') || !isJsonObjectText(line) || /[{[]\s*[{[]|:\s*\{|:\s*\[[^\]]*[{[]/.test(line.slice(1)) || /"[^"]*\\/.test(line) || hasDuplicateWanted(line);
            expect(mustDecline, JSON.stringify(line)).toBe(true);
            continue;
          }
          expect(isJsonObjectText(line), JSON.stringify(line)).toBe(true);
          expect(visit.members, JSON.stringify(line)).toEqual(parsedMembers(line, [...WANTED, ...TIMES]));
          const plain = keyPickerMembers(line);
          if (plain !== null) for (const [name, v] of Object.entries(plain)) expect(visit.members[name], `${name} in ${JSON.stringify(line)}`).toEqual(v);
        }
      }),
      { numRuns: FULL ? 5000 : 400 },
    );
  });

  it('interns: a repeated value is the same JS value; a value that never repeats stops being interned but still reads right', () => {
    const lines = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ sourcetype: i % 3 === 0 ? 'WinEventLog:Security' : 'Sysmon', EventCode: 4688 + (i % 2), a: `unique-${i}` }));
    const text = lines.join('\n');
    const picker = SpanPicker.create(WANTED, [])!;
    const { visits } = spanVisits(text, picker);
    expect(visits).toHaveLength(6000);
    visits.forEach((v, i) => expect(v.members).toEqual(JSON.parse(lines[i]!)));
    expect(visits[3]!.members!.sourcetype).toBe(visits[0]!.members!.sourcetype);
  });

  it('examples: keys around 8 bytes, escapes, first-step members', () => {
    const lines = [
      '{"sourcetype":"A","EventCode":1,"a":[1,"x"],"ProcessGuid_long_name_x":"{G}"}',
      '{"EventCode":2,"sourcetype":"B\\u0041","ProcessGuid_long_name_y":"no"}',
      '{"sourcetype":"A","sourcetype":"B"}',
      '{"source\\u0074ype":"A"}',
      '{"x":{"sourcetype":"nested"},"EventCode":3}',
    ];
    const text = [...lines, ...Array.from({ length: 30 }, () => FILLER)].join('\n');
    const { visits } = spanVisits(text, SpanPicker.create(WANTED, [], ['EventCode'])!);
    expect(visits[0]!.members).toEqual({ sourcetype: 'A', EventCode: 1, a: [1, 'x'], ProcessGuid_long_name_x: '{G}' });
    expect(Object.keys(visits[0]!.members!)).toEqual(['sourcetype', 'EventCode', 'a', 'ProcessGuid_long_name_x']);
    expect(visits[1]!.members).toEqual({ EventCode: 2, sourcetype: 'BA' });
    expect(visits[2]!.members).toBeUndefined();
    expect(visits[3]!.members).toBeUndefined();
    expect(visits[4]!.members).toBeUndefined();
  });
});

/** True when a wanted key (or time field) is written twice as a top-level-looking key. */
function hasDuplicateWanted(line: string): boolean {
  return [...WANTED, ...TIMES].some((name) => line.split(`"${name}"`).length > 2);
}

describe('the engine with and without the key locator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-span-picker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the same rows, counts and malformed lines with SPLQ_KEY_SPANS on and off, one and two threads', async () => {
    const good = (i: number) => JSON.stringify({ sourcetype: i % 5 === 0 ? 'WinEventLog:Security' : 'Sysmon', EventCode: 4688 + (i % 3), ProcessGuid: `{${i % 37}}`, Message: `line ${i}\r\n\tImage: C:\\x${i % 4}.exe`, v: [i, 'x'] });
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 97 === 5 ? '{"EventCode":4688,"host":"x",}' : i % 89 === 3 ? '{"EventCode":4688,"n":{"deep":1}}' : i % 101 === 7 ? '{"EventCode":04688}' : i % 103 === 9 ? '{"sourcetype":"A","sourcetype":"Sysmon","EventCode":1}' : good(i),
    );
    const path = join(dir, 'mixed.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');
    const queries = [
      '* | stats count by sourcetype, EventCode',
      '* | stats count by ProcessGuid | sort -count, +ProcessGuid | head 5',
      'sourcetype=Sysmon | rex field=Message "Image: (?<image>[^\\r\\n]+)" | stats count by image',
      'EventCode=4689 | stats count by ProcessGuid, sourcetype',
      '* | stats count by "v{}"',
    ];
    const run = async (spl: string, threads: number) => {
      const execution = compile(spl).runFiles([path], { threads });
      const rows: Array<Record<string, unknown>> = [];
      for await (const row of execution) rows.push(row.toObject());
      const summary = await execution.summary;
      return { rows, malformed: summary.malformed.count, where: summary.malformed.lines.map((l) => l.split(': ')[0]) };
    };
    const saved = process.env.SPLQ_KEY_SPANS;
    try {
      for (const spl of queries) {
        const results = [];
        for (const mode of ['on', 'off']) {
          process.env.SPLQ_KEY_SPANS = mode; // read where each file's decoding is set up, workers included
          results.push(await run(spl, 1), await run(spl, 2));
        }
        expect(results[0]!.rows.length, spl).toBeGreaterThan(0);
        expect(results[0]!.malformed).toBe(lines.filter((l) => l.includes(',}') || l.includes('04688')).length);
        for (const result of results.slice(1)) expect(result, spl).toEqual(results[0]);
      }
    } finally {
      if (saved === undefined) delete process.env.SPLQ_KEY_SPANS;
      else process.env.SPLQ_KEY_SPANS = saved;
    }
  });
});
