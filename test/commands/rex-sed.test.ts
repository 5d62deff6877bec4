// rex mode=sed: the documented s/// examples, flags, back-references, y///, multivalue and error handling.
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { compileError, runEvents, runQuery } from '../helpers/run.js';

function sed(expression: string, value: unknown, field = 's'): unknown {
  const [out] = runQuery(`* | rex field=${field} mode=sed ${expression}`, [{ [field]: value as string }]);
  return out![field];
}

describe('rex mode=sed: documented examples', () => {
  it('masks credit card numbers with g', () => {
    const query = String.raw`* | rex field=ccnumber mode=sed "s/(\d{4}-){3}/XXXX-XXXX-XXXX-/g"`;
    const [out] = runQuery(query, [{ ccnumber: '1234-5678-9012-3456' }]);
    expect(out!.ccnumber).toBe('XXXX-XXXX-XXXX-3456');
  });

  it('unquotes IP addresses inside TERM() with a back-reference', () => {
    const query = String.raw`* | rex mode=sed field=search "s/\s\"(\d+\.\d+\.\d+\.\d+)\"\s/\1/g"`;
    const [out] = runQuery(query, [{ search: 'src_ip=TERM( "10.8.2.33" ) OR src_ip=TERM( "172.17.154.197" )' }]);
    expect(out!.search).toBe('src_ip=TERM(10.8.2.33) OR src_ip=TERM(172.17.154.197)');
  });

  it('edits _raw when no field= is given', () => {
    const [out] = runEvents('* | rex mode=sed "s/secret=\\w+/secret=***/"', [Event.fromObject({}, 'user=a secret=hunter2')]);
    expect(out!.get('_raw')).toBe('user=a secret=***');
  });
});

describe('rex mode=sed: s flags and replacement', () => {
  it('replaces the first match without flags, every match with g', () => {
    expect(sed('"s/a/X/"', 'banana')).toBe('bXnana');
    expect(sed('"s/a/X/g"', 'banana')).toBe('bXnXnX');
  });

  it('replaces only the Nth match with a number flag, and the Nth onwards with Ng', () => {
    expect(sed('"s/a/X/2"', 'banana')).toBe('banXna');
    expect(sed('"s/a/X/2g"', 'banana')).toBe('banXnX');
    expect(sed('"s/a/X/4"', 'banana')).toBe('banana');
  });

  it('maps back-references to PCRE group numbers even around emulated atomic groups', () => {
    expect(sed(String.raw`"s/(?>(a+))(b)/\2\1/"`, 'xaab')).toBe('xbaa');
  });

  it('replaces a non-participating group with nothing, and reads \\n as a newline', () => {
    expect(sed(String.raw`"s/(x)|(y)/[\1\2]/g"`, 'xy')).toBe('[x][y]');
    expect(sed(String.raw`"s/,/\n/g"`, 'a,b')).toBe('a\nb');
  });

  it('reads \\0 as the whole match and & as a literal ampersand', () => {
    expect(sed(String.raw`"s/b+/<\0>&/"`, 'abbc')).toBe('a<bb>&c');
  });

  it('accepts another punctuation delimiter and escaped delimiters', () => {
    expect(sed(String.raw`"s|/|\\\\|g"`, 'a/b/c')).toBe(String.raw`a\b\c`);
    expect(sed(String.raw`"s|\\||-|g"`, 'a|b')).toBe('a-b');
    expect(sed(String.raw`"s/\//-/g"`, 'a/b')).toBe('a-b');
  });

  it('handles empty matches like global JavaScript replacement', () => {
    expect(sed('"s/x*/-/g"', 'abc')).toBe('-a-b-c-');
  });
});

describe('rex mode=sed: y and value handling', () => {
  it('transliterates characters with y', () => {
    expect(sed('"y/abc/xyz/"', 'aabbcc-d')).toBe('xxyyzz-d');
  });

  it('edits each value of a multivalue field', () => {
    expect(sed('"s/-/_/g"', ['a-b', 'c', 'd-e'])).toEqual(['a_b', 'c', 'd_e']);
  });

  it('keeps an unchanged number a number; an edited number becomes text', () => {
    expect(sed('"s/9/0/"', 1234)).toBe(1234);
    expect(sed('"s/4/0/"', 1234)).toBe('1230');
  });

  it('does nothing when the field is missing', () => {
    const [out] = runQuery('* | rex field=absent mode=sed "s/a/b/"', [{ other: 'a' }]);
    expect(out).toEqual({ other: 'a' });
  });
});

describe('rex mode=sed: errors', () => {
  const cases: Array<[string, string]> = [
    ['"s/a/b"', 'bad-argument'],
    ['"x/a/b/"', 'bad-argument'],
    ['"s/a/b/q"', 'bad-argument'],
    ['"s/a/b/0"', 'bad-argument'],
    [String.raw`"s/(a)/\2/"`, 'bad-argument'],
    ['"y/abc/xy/"', 'bad-argument'],
    ['"sxaxbx"', 'bad-argument'],
    ['"s/(a/b/"', 'bad-regex'],
  ];
  it.each(cases)('rejects %s with %s pointing at the expression', (expression, code) => {
    const query = `* | rex mode=sed ${expression}`;
    const err = compileError(query);
    expect(err.code).toBe(code);
    expect(query.slice(err.span!.start, err.span!.end)).toBe(expression);
  });
});
