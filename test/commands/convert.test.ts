// convert: every function, the documented examples, the reference macro's ctime, wildcards, none(), AS and errors.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery, type PlainEvent } from '../helpers/run.js';

const APRIL_30_2021_130511 = Date.UTC(2021, 3, 30, 13, 5, 11) / 1000;

function convert(args: string, event: PlainEvent, zone = 'UTC'): Record<string, unknown> {
  return runQuery(`* | convert ${args}`, [event], zone)[0]!;
}

describe('convert: time functions', () => {
  it('formats the reference macro ctime in place, fraction truncated, no zone suffix', () => {
    const out = convert('timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)', { firstTime: APRIL_30_2021_130511 + 0.999 });
    expect(out.firstTime).toBe('2021-04-30T13:05:11');
  });

  it('uses %m/%d/%Y %H:%M:%S by default', () => {
    expect(convert('ctime(t)', { t: APRIL_30_2021_130511 }).t).toBe('04/30/2021 13:05:11');
    expect(convert('ctime(t)', { t: String(APRIL_30_2021_130511) }).t).toBe('04/30/2021 13:05:11');
  });

  it('documented: ctime(_time) AS c_time with %H:%M:%S, in the search time zone', () => {
    const out = convert('timeformat="%H:%M:%S" ctime(_time) AS c_time', { _time: 1522196414.839 }, 'America/Los_Angeles');
    expect(out).toEqual({ _time: 1522196414.839, c_time: '17:20:14' });
    expect(convert('timeformat="%H:%M:%S" ctime(_time) AS c_time', { _time: 1522196414.839 }).c_time).toBe('00:20:14');
  });

  it('leaves non-numeric and empty values unchanged and converts each value of a multivalue', () => {
    expect(convert('ctime(t)', { t: 'yesterday' }).t).toBe('yesterday');
    expect(convert('ctime(t)', { t: '' }).t).toBe('');
    expect(convert('ctime(t)', { t: [0, 'x', 86400] }).t).toEqual(['01/01/1970 00:00:00', 'x', '01/02/1970 00:00:00']);
  });

  it('mktime reads text with the time format; text that does not fit is left unchanged', () => {
    expect(convert('mktime(t)', { t: '04/30/2021 13:05:11' }).t).toBe(APRIL_30_2021_130511);
    expect(convert('timeformat="%Y%m%d" mktime(d)', { d: 20210430 }).d).toBe(Date.UTC(2021, 3, 30) / 1000);
    expect(convert('mktime(t)', { t: '2021-04-30' }).t).toBe('2021-04-30');
  });

  it('later conversions see earlier ones', () => {
    const out = convert('ctime(t) AS text mktime(text) AS back', { t: APRIL_30_2021_130511 + 0.5 });
    expect(out).toMatchObject({ text: '04/30/2021 13:05:11', back: APRIL_30_2021_130511 });
  });
});

describe('convert: number functions', () => {
  it('dur2sec reads [D+]HH:MM:SS', () => {
    expect(convert('dur2sec(delay)', { delay: '00:10:15' }).delay).toBe(615);
    expect(convert('dur2sec(delay)', { delay: '1+00:00:01' }).delay).toBe(86401);
    expect(convert('dur2sec(delay)', { delay: '10 minutes' }).delay).toBe('10 minutes');
  });

  it('mstime reads [MM:]SS.SSS (documented: mstime(_time) AS ms_time)', () => {
    expect(convert('mstime(d)', { d: '01:02.5' }).d).toBe(62.5);
    expect(convert('mstime(_time) AS ms_time', { _time: 1522196414.839 }).ms_time).toBe(1522196414.839);
  });

  it('memk converts k, m and g amounts to kilobytes (no letter means kilobytes)', () => {
    expect(convert('memk(a) memk(b) memk(c) memk(d) memk(e)', { a: '10', b: '2m', c: '1G', d: '1.5k', e: 'lots' }))
      .toEqual({ a: 10, b: 2048, c: 1048576, d: 1.5, e: 'lots' });
  });

  it('rmcomma removes commas and keeps the text; rmunit keeps the leading number', () => {
    expect(convert('rmcomma(n)', { n: '1,000,000.00' }).n).toBe('1000000.00');
    expect(convert('rmunit(duration)', { duration: '212 sec' }).duration).toBe(212);
    expect(convert('rmunit(duration)', { duration: 'sec 212' }).duration).toBe('sec 212');
  });

  it('auto converts numbers and leaves a field untouched if any value cannot be converted', () => {
    expect(convert('auto(a) auto(b) auto(c) auto(d)', { a: '42', b: ' 1.5e3 ', c: '1,234.5', d: 'x' }))
      .toEqual({ a: 42, b: 1500, c: 1234.5, d: 'x' });
    expect(convert('auto(m)', { m: ['1', '2'] }).m).toEqual([1, 2]);
    expect(convert('auto(m)', { m: ['1', 'x'] }).m).toEqual(['1', 'x']);
  });

  it('num removes values it cannot convert, and the field when none is left', () => {
    expect(convert('num(m)', { m: ['1', 'x', '3'] }).m).toEqual([1, 3]);
    expect(convert('num(m)', { m: ['x', '2'] }).m).toBe(2);
    expect(convert('num(x)', { x: 'abc', y: 1 })).toEqual({ y: 1 });
  });
});

describe('convert: fields, wildcards, none() and AS', () => {
  it('converts every matching field, except none() exclusions and internal fields', () => {
    const out = convert('auto(*) none(src_ip)', { count: '3', src_ip: '10', name: 'n', _time: '5' });
    expect(out).toEqual({ count: 3, src_ip: '10', name: 'n', _time: '5' });
  });

  it('matches suffix wildcards and fills AS wildcards', () => {
    const event = { firstTime: 0, lastTime: 86400, other: 1 };
    expect(convert('timeformat="%F" ctime(*Time)', event)).toEqual({ firstTime: '1970-01-01', lastTime: '1970-01-02', other: 1 });
    expect(convert('timeformat="%F" ctime(*Time) AS *Day', event)).toMatchObject({ firstTime: 0, firstDay: '1970-01-01', lastDay: '1970-01-02' });
  });

  it('an explicit _ pattern reaches internal fields', () => {
    expect(convert('timeformat="%Y" ctime(_t*)', { _time: 0 })._time).toBe('1970');
  });

  it('a missing field is left alone and no AS field is made', () => {
    expect(convert('ctime(missing) AS shown', { a: 1 })).toEqual({ a: 1 });
  });

  it('AS leaves the original intact', () => {
    expect(convert('dur2sec(d) AS secs', { d: '00:01:00' })).toEqual({ d: '00:01:00', secs: 60 });
  });
});

describe('convert: errors', () => {
  it('an unknown function is bad-argument naming the known ones', () => {
    const query = '* | convert ctim(x)';
    const err = compileError(query);
    expect(err.code).toBe('bad-argument');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('ctim');
    expect(err.message).toContain('auto, ctime, dur2sec, memk, mktime, mstime, none, num, rmcomma, rmunit');
    expect(err.hints.join(' ')).toContain('ctime()');
  });

  it('an unknown option is bad-option with its span', () => {
    const query = '* | convert timefmt="%H" ctime(x)';
    const err = compileError(query);
    expect(err.code).toBe('bad-option');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('timefmt="%H"');
  });

  it('rejects none() with AS and AS names whose wildcards do not line up', () => {
    expect(compileError('* | convert auto(*) none(a) AS b').code).toBe('bad-argument');
    const query = '* | convert ctime(*time) AS t';
    const err = compileError(query);
    expect(err.code).toBe('bad-argument');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('t');
  });
});
