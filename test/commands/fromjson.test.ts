// fromjson: top-level keys of a JSON object field become fields; arrays become multivalues; prefix=.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('fromjson', () => {
  it('expands the top level of a JSON object', () => {
    const data = JSON.stringify({ name: 'Alex', age: 30, hobbies: ['chess', 'go'], address: { city: 'Paris' }, none: null, ok: false });
    const [out] = runQuery('* | fromjson data', [{ data }]);
    expect(out).toEqual({ data, name: 'Alex', age: 30, hobbies: ['chess', 'go'], address: '{"city":"Paris"}', ok: 'false' });
  });

  it('prefix= is put before each new field name', () => {
    expect(runQuery('* | fromjson prefix=d_ Data', [{ Data: '{"zu":"u"}' }])[0]).toMatchObject({ d_zu: 'u' });
  });

  it('ignores values that are not JSON objects', () => {
    expect(runQuery('* | fromjson d', [{ d: '[1,2]' }, { d: 'text' }, { e: 1 }])).toEqual([{ d: '[1,2]' }, { d: 'text' }, { e: 1 }]);
  });

  it('needs one field', () => {
    expect(compileError('* | fromjson').code).toBe('bad-argument');
  });
});
