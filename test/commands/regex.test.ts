// regex command: documented filters on _raw and fields, != negation, multivalues, errors.
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { compileError, runEvents, runQuery } from '../helpers/run.js';

const raws = (query: string, lines: string[]) => runEvents(query, lines.map((l) => new Event(undefined, l))).map((e) => e.get('_raw'));

describe('regex', () => {
  it('keeps events whose _raw holds a 10.x.x.x address (documented)', () => {
    const query = String.raw`* | regex _raw="(?<!\d)10\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d)"`;
    expect(raws(query, ['from 10.1.2.3 ok', 'from 110.1.2.3', 'none'])).toEqual(['from 10.1.2.3 ok']);
  });

  it('!= keeps the events that do not match; a bare pattern applies to _raw', () => {
    expect(raws(String.raw`* | regex _raw!="^\d+"`, ['12 a', 'b 12'])).toEqual(['b 12']);
    expect(raws('* | regex "b"', ['12 a', 'b 12'])).toEqual(['b 12']);
  });

  it('matches a field anywhere (unanchored), any value of a multivalue', () => {
    const out = runQuery('* | regex user="adm"', [{ id: 1, user: 'sysadmin' }, { id: 2, user: ['x', 'admin'] }, { id: 3, user: 'bob' }, { id: 4 }]);
    expect(out.map((r) => r.id)).toEqual([1, 2]);
  });

  it('field != keeps results where the field is missing', () => {
    expect(runQuery('* | regex user!="adm"', [{ id: 1, user: 'admin' }, { id: 2 }]).map((r) => r.id)).toEqual([2]);
  });

  it('supports PCRE inline options', () => {
    expect(runQuery('* | regex form_data="(?i)java\\.lang\\.runtime"', [{ form_data: 'JAVA.LANG.Runtime' }])).toHaveLength(1);
  });

  it('reports invalid regexes and missing patterns', () => {
    expect(compileError('* | regex x="("').code).toBe('bad-regex');
    expect(compileError('* | regex').code).toBe('bad-argument');
  });
});
