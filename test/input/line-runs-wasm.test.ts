// Law: the WebAssembly validator (assembly/line-runs.ts) ends every run of lines where the regex of line-runs.ts ends it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { wellFormedRunEnd } from '../../src/input/json/line-runs.js';
import { pieceRunEnds, setLineCheckMode, wasmLineRunsAvailable, wasmRunEnd, WASM_MAX_BYTES, WASM_MIN_BYTES } from '../../src/input/json/line-runs-wasm.js';
import { compile } from '../../src/query.js';

const FULL = process.env.SPLQ_FULL === '1';

/** Both engines on one text (one char per byte: the Latin-1 text the reader makes of a piece), from `from`. */
function bothEnds(text: string, from = 0): { wasm: number; regex: number } {
  return { wasm: wasmRunEnd(Buffer.from(text, 'latin1'), from), regex: wellFormedRunEnd(text, from) };
}

/** String contents that stress the escape masks: backslash runs, every escape, bad escapes, control and high bytes. */
const stringPart = fc.oneof(
  { arbitrary: fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s).slice(1, -1)), weight: 3 },
  fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\uD83D\\uDE00', '\\uABCD', '\\uabcd'),
  fc.constantFrom('\\x', '\\u12', '\\u12G4', '\\U0041', '\\', '\\\\\\', '\\ ', '\\\x01', '\\\x80'),
  fc.integer({ min: 1, max: 7 }).map((n) => '\\'.repeat(n)),
  fc.constantFrom('\x00', '\x01', '\x1f', '\t', '\r', '\x7f', '\x80', '\xe9', '\xff', '\xc3\xa9', '\xe2\x82\xac', '\xf0\x9f\x98\x80'),
  fc.nat({ max: 40 }).map((n) => 'x'.repeat(n)),
);
/** A string token, mostly well-formed, sometimes cut short or with a raw newline-free defect. */
const stringToken = fc.array(stringPart, { maxLength: 8 }).map((parts) => `"${parts.join('')}"`);
const numberToken = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc.constantFrom('0', '-0', '0.5', '-0.0', '1e5', '1E+5', '1e-5', '0e0', '123.456e-7', '01', '-', '1.', '.5', '1e', '1e+', '+1', '0x1', '1.2.3', '--1', '00', '-01', '1ee2', 'Infinity', 'NaN'),
);
const literalToken = fc.constantFrom('true', 'false', 'null', 'tru', 'fals', 'nul', 'truee', 'nulll', 'True', 'NULL', 'falsey', 't', 'f', 'n');
const space = fc.constantFrom('', '', '', ' ', '\t', '\r', '  ', ' \t\r ');
const scalarToken = fc.oneof(stringToken, numberToken, literalToken);
const arrayToken = fc
  .tuple(fc.array(fc.tuple(space, scalarToken, space), { maxLength: 4 }), space)
  .map(([items, tail]) => `[${items.map(([a, v, b]) => a + v + b).join(',')}${tail}]`);
const valueToken = fc.oneof({ arbitrary: scalarToken, weight: 4 }, arrayToken, fc.constantFrom('{}', '{"a":1}', '[[1]]', '[{}]', '[1,]', '[,]', '['));
const member = fc.tuple(space, stringToken, space, space, valueToken, space).map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`);
/** An object line as the grammar builds it (mostly well-formed). */
const builtLine = fc.tuple(space, fc.array(member, { maxLength: 6 }), space, space).map(([a, members, b, c]) => `${a}{${members.join(',')}${b}}${c}`);
/** Lines from JSON.stringify (well-formed, nested or not), and mangled ones. */
const stringifiedLine = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 })), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);
/** A line mangled at one place: a cut, an inserted character, a deleted one. */
function mangled(line: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(line, fc.nat(), fc.constantFrom('', '\t', '\r', ' ', '\x00', '\x01', '"', '\\', ',', '}', '{', '[', ']', ':', '\\u12', 'x', '0', '-', 'e', '.', '\xe9'), fc.constantFrom('insert', 'cut', 'delete'))
    .map(([text, at, insert, how]) => {
      const i = at % (text.length + 1);
      if (how === 'cut') return text.slice(0, i);
      if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + insert + text.slice(i);
    });
}
/** A long line: one long string value with escapes placed anywhere in it (masks across many 16-byte blocks). */
const longLine = fc
  .tuple(fc.array(stringPart, { minLength: 20, maxLength: 120 }), fc.nat({ max: 3000 }))
  .map(([parts, pad]) => `{"Message":"${'a'.repeat(pad)}${parts.join('')}","n":1}`);
const lineArb = fc.oneof(
  { arbitrary: builtLine, weight: 4 },
  { arbitrary: stringifiedLine, weight: 2 },
  { arbitrary: mangled(fc.oneof(builtLine, stringifiedLine)), weight: 3 },
  { arbitrary: longLine, weight: 1 },
  fc.constantFrom('', ' ', '{}', '{} ', '{"a":1}{"b":2}', '{"a":[1,[2]]}', '{"a":{"b":1}}', '{"a":01}', '\r', '{"a":1}\r'),
);
/** A run of lines, joined by LF or CRLF, with or without a final newline. */
const textArb = fc
  .tuple(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, trailing]) => lines.join(crlf ? '\r\n' : '\n') + (trailing ? '\n' : ''));

describe('the WebAssembly validator against the regex', () => {
  afterEach(() => setLineCheckMode(undefined));

  it('runs here: Node 20 has WebAssembly with SIMD, so a broken build fails this test rather than falling back', () => {
    expect(wasmLineRunsAvailable()).toBe(true);
  });

  it('law: the same run end on generated runs of lines, from every line start', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let from = 0; from <= text.length; ) {
          const { wasm, regex } = bothEnds(text, from);
          expect(wasm, JSON.stringify(text.slice(from, from + 200))).toBe(regex);
          const newline = text.indexOf('\n', from);
          if (newline < 0) break;
          from = newline + 1;
        }
      }),
      { numRuns: FULL ? 20_000 : 3000 },
    );
  });

  it('law: every escape, backslash run and control byte at every offset of a 16-byte block', () => {
    const inner = fc.oneof(stringPart, fc.constantFrom('\\', '"', '\\"', '\\\\"', '\\\\\\"'));
    fc.assert(
      fc.property(fc.nat({ max: 40 }), fc.array(inner, { maxLength: 6 }), fc.nat({ max: 40 }), (before, parts, after) => {
        const text = `{"k":"${'p'.repeat(before)}${parts.join('')}${'q'.repeat(after)}"}`;
        const { wasm, regex } = bothEnds(text);
        expect(wasm, JSON.stringify(text)).toBe(regex);
      }),
      { numRuns: FULL ? 20_000 : 4000 },
    );
  });

  it('examples: escapes, numbers, literals, arrays, whitespace, non-ASCII, NUL', () => {
    const cases = [
      '{"a":1,"b":["x",2,null]}\n{ "c" : "d" }\r\n{"e":{"f":1}}\n{"g":1}',
      '{"a":"\\u00e9\\n\\"\\\\"}',
      '{"a":"\\\\\\"}',
      '{"a":"\\uD83D\\uDE00"}',
      '{"a":"\\u12"}',
      '{"a":"tab\there"}',
      '{"a":"caf\xc3\xa9 \xff"}',
      '{"a":-0.5e+10,"b":true,"c":false,"d":null,"e":[],"f":[ 1 , "x" ]}',
      '{"a":01}',
      '{"a":1.}',
      '{"a":.5}',
      '{"a":1e}',
      '{"a":tru}',
      '{"a":1}{"b":2}',
      '{"a":1,}',
      '{,"a":1}',
      '{"a" 1}',
      '{"a":[1,]}',
      '{"a":[[1]]}',
      '{"a":1} x',
      '{"a":"\x00"}',
      '{"a":1}\x00',
      ' {} \r',
      '{}\n\n{}',
      '{}\n \n{}',
      '{}\n',
      '',
      '\n',
      `{"a":"${'x'.repeat(5000)}\\n${'y'.repeat(17)}"}`,
      `{"a":"${'\\\\'.repeat(33)}"}`,
      `{"a":"${'\\\\'.repeat(33)}\\"}`,
    ];
    for (const text of cases) expect(bothEnds(text), JSON.stringify(text)).toEqual({ wasm: bothEnds(text).regex, regex: bothEnds(text).regex });
    // A few fixed points, so the law is not only "the two agree".
    const allGood = '{"a":1}\n{"b":"\\u00e9"}\n{"c":[1,"x"]}';
    expect(bothEnds(allGood).wasm).toBe(allGood.length);
    expect(bothEnds('{"a":1}\n{"a":01}\n{"b":2}').wasm).toBe(8);
    expect(bothEnds('{"a":"\\\\\\"}\n').wasm).toBe(0);
  });

  it('pieceRunEnds gives the same ends whichever engine is set, on a piece past WASM_MIN_BYTES', () => {
    const line = '{"Message":"a\\r\\nb\\tc","EventCode":4688,"v":[1,"x",null]}';
    const lines = Array.from({ length: Math.ceil((WASM_MIN_BYTES * 2) / line.length) }, (_, i) => (i === 40 ? '{"x":{"nested":1}}' : i === 90 ? '{"broken":}' : line));
    const bytes = Buffer.from(`GARBAGE\n${lines.join('\n')}\nTAIL`, 'latin1');
    const start = 8;
    const end = bytes.length - 5;
    const text = bytes.toString('latin1', start, end);
    const ends = (mode: 'wasm' | 'regex' | 'auto') => {
      setLineCheckMode(mode);
      const runEnd = pieceRunEnds(bytes, start, end, text);
      const out: number[] = [];
      for (let from = 0; from < text.length; ) {
        const stop = runEnd(from);
        out.push(stop);
        const newline = text.indexOf('\n', stop);
        from = newline < 0 ? text.length : newline + 1;
      }
      return out;
    };
    const regex = ends('regex');
    expect(regex).toHaveLength(3);
    expect(ends('wasm')).toEqual(regex);
    expect(ends('auto')).toEqual(regex);
  });

  it('a piece over WASM_MAX_BYTES goes to the regex path even when the module is forced (its memory stays small)', () => {
    const bytes = Buffer.from('{"a":1}\n'.repeat(Math.ceil((WASM_MAX_BYTES + 1) / 8)), 'latin1');
    setLineCheckMode('wasm');
    const text = bytes.toString('latin1');
    // The regex judges no run past 1 MiB at once (RUN_MAX_CHARS): the caller then judges line by line.
    expect(pieceRunEnds(bytes, 0, bytes.length, text)(0)).toBe(wellFormedRunEnd(text, 0));
    expect(pieceRunEnds(bytes, 0, bytes.length, text)(bytes.length - 8)).toBe(bytes.length);
  });
});

describe('the engine with either validator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-line-runs-wasm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => setLineCheckMode(undefined));

  it('the same malformed lines and counts with SPLQ_LINE_CHECK=wasm and =regex, one and two threads', async () => {
    const good = (i: number) => JSON.stringify({ EventCode: 4688, host: `h${i % 7}`, Message: `line ${i}\r\n\tTab "q" \\ é`, v: [i, 'x'] });
    const lines = Array.from({ length: 3000 }, (_, i) =>
      i % 97 === 5 ? '{"EventCode":4688,"host":"x",}' : i % 89 === 3 ? '{"EventCode":4688,"n":{"deep":1}}' : i % 101 === 7 ? '{"EventCode":04688}' : good(i),
    );
    const path = join(dir, 'mixed.ndjson');
    writeFileSync(path, lines.join('\n') + '\n');
    const run = async (threads: number) => {
      const execution = compile('EventCode=4688 | stats count').runFiles([path], { threads });
      const rows: Array<Record<string, unknown>> = [];
      for await (const row of execution) rows.push(row.toObject());
      return { count: rows[0]?.count, malformed: (await execution.summary).malformed.lines.map((l) => l.split(': ')[0]) };
    };
    const saved = process.env.SPLQ_LINE_CHECK;
    const results = [];
    try {
      for (const mode of ['wasm', 'regex'] as const) {
        process.env.SPLQ_LINE_CHECK = mode; // read by worker threads at their first piece
        setLineCheckMode(mode);
        results.push(await run(1), await run(2));
      }
    } finally {
      if (saved === undefined) delete process.env.SPLQ_LINE_CHECK;
      else process.env.SPLQ_LINE_CHECK = saved;
    }
    const broken = lines.flatMap((l, i) => (l.includes(',}') || l.includes('04688') ? [`${path}:${i + 1}`] : []));
    expect(results[0]!.malformed.slice(0, 20)).toEqual(broken.slice(0, 20));
    expect(results[0]!.count).toBe(lines.length - broken.length);
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });
});
