// The malformed-record report: counting, keeping the first few, printing, and --strict failing fast.
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { createDecoder, isDecodeError } from '../../src/input/json/decode.js';
import { MalformedReport } from '../../src/input/malformed.js';
import { getZone } from '../../src/time/zone.js';
import { collect, Fixtures } from './helpers.js';

const fixtures = new Fixtures();
afterAll(() => fixtures.remove());

/** Read and decode files, feeding failures to `report`; returns the number of events. */
async function decodeFiles(paths: string[], report: MalformedReport): Promise<number> {
  const decode = createDecoder({ zone: getZone('UTC') });
  let events = 0;
  for (const record of await collect(paths)) {
    const result = decode(record);
    if (isDecodeError(result)) report.add(result);
    else events++;
  }
  return events;
}

describe('MalformedReport', () => {
  it('counts malformed NDJSON lines and prints file:line: message', async () => {
    const path = fixtures.write('mixed.ndjson', '{"a":1}\n{"a":\n\n[1]\n{"a":2}\n');
    const report = new MalformedReport();
    expect(await decodeFiles([path], report)).toBe(2);
    expect(report.count).toBe(2);
    expect(report.lines()).toEqual([
      `${path}:2: invalid JSON: Unexpected end of JSON input (column 6)`,
      `${path}:4: expected a JSON object, found an array`,
    ]);
  });

  it('reports the line of the error inside a pretty-printed array file', async () => {
    const text = '[\n  {\n    "a": 1\n  },\n  {\n    "a": 2\n    "b": 3\n  },\n  {"c": 4}\n]\n';
    const path = fixtures.write('pretty-bad.json', text);
    const report = new MalformedReport();
    expect(await decodeFiles([path], report)).toBe(2);
    expect(report.lines()).toEqual([`${path}:7: invalid JSON: Expected ',' or '}' after property value (column 5)`]);
  });

  it('keeps only the first few and says how many more there were', async () => {
    const path = fixtures.write('many.ndjson', Array.from({ length: 30 }, (_, i) => `bad ${i}`).join('\n'));
    const report = new MalformedReport({ keep: 5 });
    await decodeFiles([path], report);
    expect(report.count).toBe(30);
    expect(report.kept.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
    expect(report.lines().at(-1)).toBe('... and 25 more malformed records');
  });

  it('throws SplError malformed-input with file and line on the first malformed record when strict', async () => {
    const path = fixtures.write('strict.ndjson', '{"a":1}\n{oops}\nalso bad\n');
    const report = new MalformedReport({ strict: true });
    const run = decodeFiles([path], report);
    await expect(run).rejects.toBeInstanceOf(SplError);
    await expect(decodeFiles([path], new MalformedReport({ strict: true }))).rejects.toMatchObject({
      code: 'malformed-input',
      message: expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON`)),
    });
  });
});
