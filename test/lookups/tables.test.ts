// Lookup tables and definitions: CSV edge cases (quotes, newlines, BOM, CRLF), JSON tables, ESCU yml and transforms.conf,
// KV-store stand-ins, and the WILDCARD index against a plain scan of every pattern.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMatchTypes } from '../../src/lookups/definition.js';
import { loadDefinitions } from '../../src/lookups/load-definitions.js';
import { parseCsvTable, parseJsonTable } from '../../src/lookups/table.js';
import { wildcardIndex } from '../../src/lookups/wildcard-index.js';
import { compileGlob } from '../../src/search/glob.js';
import { SplError } from '../../src/errors.js';
import { libraryOver, run, tempFolder } from './helpers.js';

describe('lookup tables', () => {
  it('reads quoted fields, embedded newlines and commas, a BOM and CRLF line ends', () => {
    const t = parseCsvTable('\uFEFFname,note\r\n"a, b","line1\r\nline2"\r\nc,"say ""hi"""\r\n', 'x.csv');
    expect(t.columns).toEqual(['name', 'note']);
    expect(t.rows).toEqual([['a, b', 'line1\r\nline2'], ['c', 'say "hi"']]);
  });

  it('a row with the wrong number of cells is a malformed-lookup error naming the line', () => {
    const e = (() => { try { parseCsvTable('a,b\n1,2\n3\n', 't.csv'); } catch (err) { return err as SplError; } })()!;
    expect(e.code).toBe('malformed-lookup');
    expect(e.message).toContain('t.csv:3');
  });

  it('reads JSON arrays and NDJSON as tables', () => {
    expect(parseJsonTable('[{"a":1,"b":"x"},{"b":"y","c":true}]', 'j')).toEqual({ columns: ['a', 'b', 'c'], rows: [['1', 'x', ''], ['', 'y', 'true']], source: 'j' });
    expect(parseJsonTable('{"a":1}\n{"a":2}\n', 'j').rows).toEqual([['1'], ['2']]);
  });

  it('parses match_type lists (ESCU remote_access_software: three WILDCARD fields)', () => {
    expect([...parseMatchTypes('WILDCARD(remote_utility),WILDCARD(remote_domain), CIDR(ip)', 'x')]).toEqual([
      ['remote_utility', 'WILDCARD'], ['remote_domain', 'WILDCARD'], ['ip', 'CIDR'],
    ]);
    expect(() => parseMatchTypes('FUZZY(x)', 'x')).toThrow(/match_type/);
  });

  it('reads ESCU yml and transforms.conf definitions (filename beside the conf, or in the app\'s lookups/)', () => {
    const dir = tempFolder({
      'lookups/a.yml': "name: a\nfilename: a.csv\nmatch_type: WILDCARD(x)\nmin_matches: 1\ndefault_match: 'false'\ncase_sensitive_match: 'false'\n",
      'lookups/a.csv': 'x,y\n',
      'lookups/app.csv': 'k,v\n',
      'default/transforms.conf': '[app_lookup]\nfilename = app.csv\nmax_matches = 5\n\n[kv]\ncollection = coll\nfields_list = _key, k, v\n\n[extraction]\nREGEX = (.*)\n',
    });
    const defs = loadDefinitions([`${dir}/lookups/a.yml`, `${dir}/default/transforms.conf`]);
    expect(defs.map((d) => [d.name, d.file?.replace(dir, ''), d.collection, d.maxMatches, d.minMatches, d.defaultMatch, d.caseSensitive])).toEqual([
      ['a', '/lookups/a.csv', undefined, 100, 1, 'false', false],
      ['app_lookup', '/lookups/app.csv', undefined, 5, 0, '', true],
      ['kv', undefined, 'coll', 100, 0, '', true],
    ]);
    expect(defs[2]!.fieldsList).toEqual(['_key', 'k', 'v']);
  });

  it('a KV-store lookup without a table is empty and warns once; --lookup supplies its table', () => {
    const dir = tempFolder({ 'kv.yml': 'name: kv\ncollection: kv\nfields_list: user, seen\n', 'seen.csv': 'user,seen\nbob,yes\n' });
    const warnings: string[] = [];
    const lib = libraryOver(dir, { onWarning: (m) => warnings.push(m) });
    const events = [{ user: 'bob' }, { user: 'amy' }];
    expect(run('search * | lookup kv user OUTPUT seen', lib, events)).toEqual(events);
    run('search * | lookup kv user OUTPUTNEW seen', lib, events);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/kv is a KV store collection .* --lookup kv=/);
    const supplied = libraryOver(dir, { tables: { kv: `${dir}/seen.csv` } });
    expect(run('search * | lookup kv user OUTPUT seen', supplied, events).map((r) => r.seen)).toEqual(['yes', undefined]);
  });

  it('a table is read once per library, however many queries use it', () => {
    const dir = tempFolder({ 't.csv': 'k,v\na,1\n' });
    const lib = libraryOver(dir);
    const first = lib.table('t.csv');
    run('search * | lookup t.csv k OUTPUT v', lib, [{ k: 'a' }]);
    expect(lib.table('t.csv')).toBe(first);
  });

  it('law: the WILDCARD index finds exactly the rows a scan of every pattern finds, in file order', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '*', '.', '\\');
    const text = fc.array(alphabet, { maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 25 }), fc.array(text.map((t) => t.replace(/\*/g, '')), { maxLength: 10 }), (patterns, values) => {
        const index = wildcardIndex(patterns, (s) => s);
        return values.every((v) => {
          const expected = patterns.flatMap((p, i) => (compileGlob(p)(v) ? [i] : []));
          return JSON.stringify(index.rowsMatching(v)) === JSON.stringify(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});
