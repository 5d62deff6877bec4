// A field named __proto__ is a field like any other: in JSON/NDJSON output and as a group key (issue 16 point 29).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { createWriter } from '../../src/output/formats.js';
import type { Event } from '../../src/runtime/event.js';

function ndjson(rows: Event[]): string {
  let text = '';
  const writer = createWriter('ndjson', (chunk) => void (text += chunk));
  for (const row of rows) writer.write(row);
  writer.end();
  return text;
}

describe('__proto__ as a field name', () => {
  const own = (value: string, n: number) => JSON.parse(`{"__proto__":"${value}","n":${n}}`) as Record<string, string | number>;

  it('prints in NDJSON and groups in stats by', () => {
    const input = [own('a', 1), own('b', 2), own('a', 3)];
    expect(ndjson(compile('search * | table __proto__ n').runSync(input))).toBe('{"__proto__":"a","n":1}\n{"__proto__":"b","n":2}\n{"__proto__":"a","n":3}\n');
    expect(ndjson(compile('search * | stats count by __proto__').runSync(input))).toBe('{"__proto__":"a","count":2}\n{"__proto__":"b","count":1}\n');
    expect(Object.getPrototypeOf(compile('search * | table __proto__').runSync(input)[0]!.toObject())).toBe(Object.prototype);
  });
});
