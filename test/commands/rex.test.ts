// rex extraction: documented Splunk examples, the reference query's WMI rex, field/no-match/overwrite rules, errors.
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { compileError, runEvents, runQuery } from '../helpers/run.js';

const WMI_5861_MESSAGE =
  'Namespace = //./root/subscription; Eventfilter = SCM Event Log Filter (refer to its activate eventid:5859); ' +
  'Consumer = NTEventLogEventConsumer="SCM Event Log Consumer"; PossibleCause = Permanent';
const WMI_REX = String.raw`* | rex field=Message "Consumer =\s+(?<consumer>[^;|^$]+)"`;

describe('rex: documented examples', () => {
  it('extracts user, app and saved search name from savedsearch_id', () => {
    const [out] = runQuery(String.raw`* | rex field=savedsearch_id "(?<user>\w+);(?<app>\w+);(?<SavedSearchName>\w+)"`, [
      { savedsearch_id: 'bob;search;my_saved_search' },
    ]);
    expect(out).toEqual({ savedsearch_id: 'bob;search;my_saved_search', user: 'bob', app: 'search', SavedSearchName: 'my_saved_search' });
  });

  it('max_match=0 repeats the whole pattern and makes multivalue fields', () => {
    const [out] = runQuery(String.raw`* | rex field=test max_match=0 "((?<field>[^$]*)\$(?<value>[^,]*),?)"`, [{ test: 'a$1,b$2' }]);
    expect(out!.field).toEqual(['a', 'b']);
    expect(out!.value).toEqual(['1', '2']);
  });

  it('offset_field records name=start-end with an inclusive, 0-based end', () => {
    const list = 'abcdefghijklmnopqrstuvwxyz';
    const [first] = runQuery('* | rex offset_field=off field=list "(?<firstfive>abcde)"', [{ list }]);
    expect(first).toMatchObject({ firstfive: 'abcde', off: 'firstfive=0-4' });
    const [middle] = runQuery('* | rex offset_field=off field=list "(?<middle>fgh)"', [{ list }]);
    expect(middle).toMatchObject({ middle: 'fgh', off: 'middle=5-7' });
  });

  it('extracts the consumer of a real-format WMI 5861 Message up to the ";"', () => {
    const [out] = runQuery(WMI_REX, [{ Message: WMI_5861_MESSAGE }]);
    expect(out!.consumer).toBe('NTEventLogEventConsumer="SCM Event Log Consumer"');
  });

  it('feeds the reference query: the SCM consumer is filtered out, other consumers stay', () => {
    const other = WMI_5861_MESSAGE.replace('NTEventLogEventConsumer="SCM Event Log Consumer"', 'CommandLineEventConsumer="Updater"');
    const query = `${WMI_REX} | search consumer!="NTEventLogEventConsumer=\\"SCM Event Log Consumer\\""`;
    const out = runQuery(query, [{ Message: WMI_5861_MESSAGE }, { Message: other }, { Message: 'no consumer here' }]);
    expect(out.map((o) => o.consumer)).toEqual(['CommandLineEventConsumer="Updater"']);
  });
});

describe('rex: which field, and what happens to existing fields', () => {
  it('matches _raw when no field= is given, including a lazy raw text', () => {
    const ev = Event.fromObject({ host: 'h1' }, 'user=alice action=login');
    const [out] = runEvents('* | rex "user=(?<user>\\w+)"', [ev]);
    expect(out!.get('user')).toBe('alice');
  });

  it('does nothing when the source field is missing', () => {
    const [out] = runQuery('* | rex field=missing "(?<x>.+)"', [{ x: 'kept' }]);
    expect(out).toEqual({ x: 'kept' });
  });

  it('keeps existing fields when the regex does not match', () => {
    const [out] = runQuery('* | rex field=s "id=(?<id>\\d+)"', [{ s: 'nothing', id: 'old' }]);
    expect(out!.id).toBe('old');
  });

  it('overwrites an existing field on a match', () => {
    const [out] = runQuery('* | rex field=s "id=(?<id>\\d+)"', [{ s: 'id=42', id: 'old' }]);
    expect(out!.id).toBe('42');
  });

  it('does not set a named group that took no part in the match', () => {
    const [out] = runQuery('* | rex field=s "(?<a>x)|(?<b>y)"', [{ s: 'y', a: 'old' }]);
    expect(out).toMatchObject({ a: 'old', b: 'y' });
  });

  it('reads numbers as their text', () => {
    const [out] = runQuery('* | rex field=code "^(?<class>\\d)"', [{ code: 404 }]);
    expect(out!.class).toBe('4');
  });

  it('matches a multivalue field as its values joined by newlines', () => {
    const events = [{ pairs: ['x=1', 'x=2'] }];
    expect(runQuery('* | rex field=pairs "x=(?<n>\\d)"', events)[0]!.n).toBe('1');
    expect(runQuery('* | rex field=pairs max_match=0 "x=(?<n>\\d)"', events)[0]!.n).toEqual(['1', '2']);
    expect(runQuery('* | rex field=pairs "(?<whole>.+)"', events)[0]!.whole).toBe('x=1');
  });

  it('accepts (?P<name>) and (?\'name\') group syntax', () => {
    const [out] = runQuery('* | rex field=s "(?P<a>\\d)-(?\'b\'\\d)"', [{ s: '1-2' }]);
    expect(out).toMatchObject({ a: '1', b: '2' });
  });
});

describe('rex: max_match and offsets', () => {
  it('stops after max_match matches; one match stays single-valued', () => {
    const events = [{ s: 'a1 a2 a3' }];
    expect(runQuery('* | rex field=s max_match=2 "a(?<d>\\d)"', events)[0]!.d).toEqual(['1', '2']);
    expect(runQuery('* | rex field=s max_match=5 "a(?<d>1)"', events)[0]!.d).toBe('1');
  });

  it('collects only participating groups per match', () => {
    const [out] = runQuery('* | rex field=s max_match=0 "(?<num>\\d)|(?<word>[a-z])"', [{ s: '1a2' }]);
    expect(out).toMatchObject({ num: ['1', '2'], word: 'a' });
  });

  it('steps past empty matches by one character, as JavaScript global matching does', () => {
    const [out] = runQuery('* | rex field=s max_match=0 "(?<d>\\d*)"', [{ s: 'a12b' }]);
    expect(out!.d).toEqual(['', '12', '', '']);
    const [emoji] = runQuery('* | rex field=s max_match=0 "(?<d>x?)"', [{ s: '😀x' }]);
    expect(emoji!.d).toEqual(['', 'x', '']);
  });

  it('joins offsets of several groups and matches with "&", in match then pattern order', () => {
    const [out] = runQuery('* | rex field=s max_match=0 offset_field=o "(?<k>\\w)=(?<v>\\d)"', [{ s: 'a=1 b=2' }]);
    expect(out!.o).toBe('k=0-0&v=2-2&k=4-4&v=6-6');
  });

  it('sets no offset field when nothing matched', () => {
    const [out] = runQuery('* | rex field=s offset_field=o "(?<k>z)"', [{ s: 'abc', o: 'old' }]);
    expect(out!.o).toBe('old');
  });
});

describe('rex: errors', () => {
  it('rejects an unknown option with its span and a hint', () => {
    const query = '* | rex max_matches=2 "(?<a>x)"';
    const err = compileError(query);
    expect(err.code).toBe('bad-option');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('max_matches=2');
    expect(err.hints.join(' ')).toContain('max_match');
  });

  it('reports an invalid regex as bad-regex pointing at the pattern', () => {
    const query = '* | rex field=s "(?<a>x"';
    const err = compileError(query);
    expect(err.code).toBe('bad-regex');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('"(?<a>x"');
  });

  it('requires at least one named group', () => {
    const query = '* | rex field=s "(\\d+)"';
    const err = compileError(query);
    expect(err.code).toBe('bad-regex');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('"(\\d+)"');
  });

  it('rejects a negative max_match and extraction options in sed mode', () => {
    expect(compileError('* | rex max_match=-1 "(?<a>x)"').code).toBe('bad-option');
    const query = '* | rex mode=sed offset_field=o "s/a/b/"';
    const err = compileError(query);
    expect(err.code).toBe('bad-option');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('offset_field=o');
  });
});
