// Reading raw records: NDJSON, JSON arrays, concatenated objects, gz, CRLF, BOM, blank lines, line numbers.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { collect, Fixtures, linesAndTexts } from './helpers.js';

const fixtures = new Fixtures();
afterAll(() => fixtures.remove());

/** Every chunk size from tiny (every boundary case) to the default must give the same records. */
const CHUNK_SIZES = [1, 2, 3, 7, 64, 1024 * 1024];

async function readAll(path: string) {
  const results = await Promise.all(CHUNK_SIZES.map((chunkSize) => collect([path], { chunkSize })));
  for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  return results[0]!;
}

describe('NDJSON', () => {
  it('reads one record per line with 1-based line numbers and the file name', async () => {
    const path = fixtures.write('a.ndjson', '{"a":1}\n{"a":2}\n{"a":3}\n');
    const records = await readAll(path);
    expect(records).toEqual([
      { text: '{"a":1}', file: path, line: 1 },
      { text: '{"a":2}', file: path, line: 2 },
      { text: '{"a":3}', file: path, line: 3 },
    ]);
  });

  it('skips empty and whitespace-only lines but keeps counting them', async () => {
    const path = fixtures.write('blank.ndjson', '\n{"a":1}\n\n   \n\t\n{"a":2}\n\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [2, '{"a":1}'],
      [6, '{"a":2}'],
    ]);
  });

  it('strips CR of CRLF line ends', async () => {
    const path = fixtures.write('crlf.ndjson', '{"a":1}\r\n{"a":"x\\r"}\r\n\r\n{"a":3}\r\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":"x\\r"}'],
      [4, '{"a":3}'],
    ]);
  });

  it('reads a last line without a final newline', async () => {
    const path = fixtures.write('nofinal.ndjson', '{"a":1}\n{"a":2}');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":2}'],
    ]);
  });

  it('removes a UTF-8 byte-order mark and keeps multibyte text intact across chunks', async () => {
    const path = fixtures.write('bom.ndjson', '\uFEFF{"name":"Zoë 日本 😀"}\n{"b":"ü"}\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"name":"Zoë 日本 😀"}'],
      [2, '{"b":"ü"}'],
    ]);
  });

  it('gives each non-JSON line its own record so the decoder can report it', async () => {
    const path = fixtures.write('junk.ndjson', '{"a":1}\nnot json\n{"a":2}\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [2, 'not json'],
      [3, '{"a":2}'],
    ]);
  });

  it('reads a gzipped file', async () => {
    const path = fixtures.write('z.ndjson.gz', '{"a":1}\r\n\n{"a":2}');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [3, '{"a":2}'],
    ]);
  });

  it('reads an empty file as no records', async () => {
    expect(await readAll(fixtures.write('empty.json', ''))).toEqual([]);
    expect(await readAll(fixtures.write('spaces.json', ' \n\n '))).toEqual([]);
  });
});

describe('JSON array files', () => {
  const elements = [{ a: 1, s: 'x}]"{[' }, { b: { c: [1, 2, { d: '\\"' }] } }, { e: 'multi\nline' }];

  it('cuts a pretty-printed array into its elements with the line each starts on', async () => {
    const path = fixtures.write('pretty.json', JSON.stringify(elements, null, 2) + '\n');
    const records = await readAll(path);
    expect(records.map((r) => JSON.parse(r.text))).toEqual(elements);
    expect(records.map((r) => r.line)).toEqual([2, 6, 17]);
  });

  it('reads a single-line array and a BOM-prefixed gzipped array', async () => {
    const oneLine = await readAll(fixtures.write('one.json', JSON.stringify(elements)));
    expect(oneLine.map((r) => JSON.parse(r.text))).toEqual(elements);
    expect(oneLine.map((r) => r.line)).toEqual([1, 1, 1]);
    const gz = await readAll(fixtures.write('arr.json.gz', '\uFEFF' + JSON.stringify(elements, null, 1)));
    expect(gz.map((r) => JSON.parse(r.text))).toEqual(elements);
  });

  it('keeps scalar elements as records (reported later as not objects) and handles CRLF', async () => {
    const path = fixtures.write('scalars.json', '[\r\n  1,\r\n  "s, t",\r\n  {"a": [1]} ,\r\n  null\r\n]\r\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [2, '1'],
      [3, '"s, t"'],
      [4, '{"a": [1]}'],
      [5, 'null'],
    ]);
  });

  it('reads several arrays one after another, and an empty array as nothing', async () => {
    const path = fixtures.write('arrays.json', '[{"a":1}]\n[]\n[{"a":2},\n{"a":3}]');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [3, '{"a":2}'],
      [4, '{"a":3}'],
    ]);
  });

  it('emits a truncated last element as it is', async () => {
    const path = fixtures.write('truncated.json', '[{"a":1},\n{"a":');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":'],
    ]);
  });
});

describe('concatenated JSON objects', () => {
  it('cuts pretty-printed objects that follow one another', async () => {
    const objects = [{ a: 1 }, { b: { c: '}' } }, { d: [] }];
    const text = objects.map((o) => JSON.stringify(o, null, 2)).join('\n');
    const records = await readAll(fixtures.write('concat.json', text));
    expect(records.map((r) => JSON.parse(r.text))).toEqual(objects);
    expect(records.map((r) => r.line)).toEqual([1, 4, 9]);
  });

  it('cuts objects written back to back on one line', async () => {
    const path = fixtures.write('packed.json', '{"a":1}{"a":2} {"a":3}\n{"a":4}');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{"a":1}'],
      [1, '{"a":2}'],
      [1, '{"a":3}'],
      [2, '{"a":4}'],
    ]);
  });

  it('turns text between objects into a one-line record', async () => {
    const path = fixtures.write('junk.json', '{\n "a": 1\n}\ngarbage {"x":\n{\n "a": 2\n}\n');
    expect(linesAndTexts(await readAll(path))).toEqual([
      [1, '{\n "a": 1\n}'],
      [4, 'garbage {"x":'],
      [5, '{\n "a": 2\n}'],
    ]);
  });
});

describe('several inputs and limits', () => {
  it('reads inputs in the order given, each with its own line numbers', async () => {
    const first = fixtures.write('first.ndjson', '{"a":1}\n');
    const second = fixtures.write('second.json', '[\n{"a":2}\n]');
    const records = await collect([first, second]);
    expect(records.map((r) => [r.file, r.line])).toEqual([
      [first, 1],
      [second, 2],
    ]);
  });

  it('skips an NDJSON line larger than maxRecordBytes (the event source reports it) and reads on', async () => {
    const path = fixtures.write('huge.ndjson', `{"a":1}\n{"a":"${'x'.repeat(500)}"}\n{"a":3}\n`);
    const read = await collect([path], { chunkSize: 64, maxRecordBytes: 100 });
    expect(read.map((r) => [r.line, r.text])).toEqual([[1, '{"a":1}'], [3, '{"a":3}']]);
  });

  it('reports a missing file as input-error "cannot read <path>: <reason>"', async () => {
    const path = fixtures.path('nope.json');
    await expect(collect([path])).rejects.toMatchObject({
      code: 'input-error',
      message: `cannot read ${path}: no such file or directory`,
    });
  });

  it('reads a file named .gz that holds plain text as that text (gzip is decided by its magic number)', async () => {
    const path = fixtures.path('plain.json.gz');
    writeFileSync(path, '{"a":1}\n');
    expect(await collect([path])).toEqual([{ text: '{"a":1}', file: path, line: 1 }]);
  });

  it('reports corrupt gzip data as a problem record and reads the next input', async () => {
    const path = fixtures.path('bad.json.gz');
    writeFileSync(path, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not gzip at all')]));
    const next = fixtures.write('next.ndjson', '{"a":2}\n');
    const records = await collect([path, next]);
    expect(records).toEqual([
      { text: '', file: path, line: 1, problem: expect.stringMatching(/^gzip data is corrupt \(.+\): reading stopped in this line, after 0 bytes/) },
      { text: '{"a":2}', file: next, line: 1 },
    ]);
  });
});
