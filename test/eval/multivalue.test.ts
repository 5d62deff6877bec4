// Multivalue functions, with Splunk's documented examples.
import { describe, expect, it } from 'vitest';
import { compileEval } from '../../src/eval/index.js';
import { expr } from './expr.js';
import { evaluate, testContext } from './run.js';

const MV = { multifield: ['a', 'b', 'c', 'd'] };

describe('building and counting', () => {
  it('mvappend flattens values and skips nulls', () => {
    expect(evaluate('mvappend("localhost", srcip)', { srcip: '10.0.0.1' })).toEqual(['localhost', '10.0.0.1']);
    expect(evaluate('mvappend(mvappend("localhost", srcip), destip, "192.168.1.1")', { srcip: ['a', 'b'], destip: 'c' })).toEqual([
      'localhost', 'a', 'b', 'c', '192.168.1.1',
    ]);
    expect(evaluate('mvappend(missing, "x")')).toBe('x');
    expect(evaluate('mvappend(missing)')).toBeNull();
  });

  it('mvcount: values, 1 for a single value, null for none', () => {
    expect(evaluate('mvcount(multifield)', MV)).toBe(4);
    expect(evaluate('mvcount(x)', { x: 'one' })).toBe(1);
    expect(evaluate('mvcount(missing)')).toBeNull();
    expect(evaluate('mvcount(split(To, "@")) - 1', { To: 'a@b.com' })).toBe(1);
  });

  it('mvdedup keeps the first of each value', () => {
    expect(evaluate('mvdedup(x)', { x: ['b', 'a', 'b', 'c', 'a'] })).toEqual(['b', 'a', 'c']);
  });
});

describe('indexing and searching', () => {
  it('mvindex counts from 0, negative from the end, end inclusive', () => {
    expect(evaluate('mvindex(multifield, 2)', MV)).toBe('c');
    expect(evaluate('mvindex(multifield, -1)', MV)).toBe('d');
    expect(evaluate('mvindex(multifield, 1, 2)', MV)).toEqual(['b', 'c']);
    expect(evaluate('mvindex(multifield, -3, -2)', MV)).toEqual(['b', 'c']);
    expect(evaluate('mvindex(multifield, 2, 10)', MV)).toEqual(['c', 'd']);
    expect(evaluate('mvindex(x, 0)', { x: 'solo' })).toBe('solo');
  });

  it('mvindex is null out of range', () => {
    expect(evaluate('mvindex(multifield, 4)', MV)).toBeNull();
    expect(evaluate('mvindex(multifield, -5)', MV)).toBeNull();
    expect(evaluate('mvindex(multifield, 2, 1)', MV)).toBeNull();
    expect(evaluate('mvindex(missing, 0)')).toBeNull();
  });

  it('mvfind gives the 0-based index of the first match, or null', () => {
    expect(evaluate('mvfind(mymvfield, "err\\d+")', { mymvfield: ['ok', 'err42', 'err1'] })).toBe(1);
    expect(evaluate('mvfind(mymvfield, "fatal")', { mymvfield: ['ok', 'err42'] })).toBeNull();
  });

  it('mvfilter keeps the values for which the expression is true', () => {
    const email = ['a@x.net', 'b@y.com', 'c@z.org'];
    expect(evaluate('mvfilter(match(email, "\\.net$") OR match(email, "\\.org$"))', { email })).toEqual(['a@x.net', 'c@z.org']);
    expect(evaluate('mvfilter(email != "b@y.com")', { email })).toEqual(['a@x.net', 'c@z.org']);
    expect(evaluate('mvfilter(x > 1)', { x: ['1', '2', '3'], y: 1 })).toEqual(['2', '3']);
    expect(evaluate('mvfilter(len(x) > 9)', { x: ['short'] })).toBeNull();
    expect(evaluate('mvfilter(isnotnull(x))')).toBeNull();
  });

  it('mvfilter must reference exactly one field', () => {
    expect(() => compileEval(expr('mvfilter(x > y)'), testContext)).toThrow(/exactly one field/);
  });
});

describe('transforming', () => {
  it('mvjoin, mvsort, mvzip, split', () => {
    expect(evaluate('mvjoin(foo, ";")', { foo: ['a', 'b', 'c'] })).toBe('a;b;c');
    expect(evaluate('mvsort(x)', { x: ['10', '9', 'a', 'B', 2] })).toEqual(['10', 2, '9', 'B', 'a']);
    expect(evaluate('mvzip(hosts, ports)', { hosts: ['h1', 'h2', 'h3'], ports: ['80', '443'] })).toEqual(['h1,80', 'h2,443']);
    expect(evaluate('mvzip(hosts, ports, ":")', { hosts: 'h1', ports: 80 })).toBe('h1:80');
    expect(evaluate('split(foo, ";")', { foo: 'a;b;;c' })).toEqual(['a', 'b', '', 'c']);
    expect(evaluate('split("abc", "")')).toEqual(['a', 'b', 'c']);
    expect(evaluate('split("abc", ",")')).toBe('abc');
  });

  it('mvrange counts up to but excluding the end, with numeric or time-span steps', () => {
    expect(evaluate('mvrange(1, 11, 2)')).toEqual([1, 3, 5, 7, 9]);
    expect(evaluate('mvrange(0, 3)')).toEqual([0, 1, 2]);
    expect(evaluate('mvrange(1601503200, 1602367200, "7d")')).toEqual([1601503200, 1602108000]);
    expect(evaluate('mvrange(1577836800, 1585699200, "1mon")')).toEqual([1577836800, 1580515200, 1583020800]);
    expect(evaluate('mvrange(0, 5, s)', { s: 0 })).toBeNull();
    expect(evaluate('mvrange(0, 5, s)', { s: 'soon' })).toBeNull();
    expect(() => compileEval(expr('mvrange(0, 5, 0)'), testContext)).toThrow(/mvrange step/);
  });

  it('mvmap evaluates the expression for each value', () => {
    expect(evaluate('mvmap(results, results * 10)', { results: ['1', '2', 'x'] })).toEqual([10, 20]);
    expect(evaluate('mvmap(owner, owner . "@email.com")', { owner: ['ann', 'bob'] })).toEqual(['ann@email.com', 'bob@email.com']);
    expect(evaluate('mvmap(x, if(x > y, x, y))', { x: ['1', '5'], y: '3' })).toEqual(['3', '5']);
  });

  it('split results read as numbers like other event text', () => {
    expect(evaluate('mvindex(split(ip, "."), 0) > 9', { ip: '10.0.0.1' })).toBe(true);
  });
});
