// Field comparisons of search: whole-value =, wildcards, CIDR, ordered compares, multivalue rules.
import { describe, expect, it } from 'vitest';
import { compareUtf8 } from '../../src/search/utf8-order.js';
import { anyValue, compileOrderedCompare, compileValueMatcher, noValueMatches } from '../../src/search/values.js';

const eq = (value: string, v: string | number | boolean, caseSensitive = false) => compileValueMatcher(value, { caseSensitive })(v);

describe('field=value (spec 1.2, 1.3, 1.8)', () => {
  it('compares the whole value, case-insensitively', () => {
    const consumer = 'NTEventLogEventConsumer="SCM Event Log Consumer"';
    expect(eq(consumer, 'NTEventLogEventConsumer="SCM Event Log Consumer"')).toBe(true);
    expect(eq(consumer, 'nteventlogeventconsumer="scm event log consumer"')).toBe(true);
    expect(eq(consumer, 'CommandLineEventConsumer="Updater"')).toBe(false);
    expect(eq('webserver', 'webserver01')).toBe(false);
    expect(eq('error', 'an error here')).toBe(false);
  });
  it('compares as text: 1 does not match 1.0, the number 5 matches 5', () => {
    expect(eq('1', '1.0')).toBe(false);
    expect(eq('5', 5)).toBe(true);
    expect(eq('5861', 5861)).toBe(true);
    expect(eq('5.0', 5)).toBe(false);
    expect(eq('0.5', 0.5)).toBe(true);
  });
  it('booleans compare as true/false', () => {
    expect(eq('true', true)).toBe(true);
    expect(eq('TRUE', true)).toBe(true);
    expect(eq('false', true)).toBe(false);
  });
  it('CASE() compares case-sensitively', () => {
    expect(eq('LOCALHOST', 'LOCALHOST', true)).toBe(true);
    expect(eq('LOCALHOST', 'localhost', true)).toBe(false);
    expect(eq('LOCAL*', 'LOCALhost', true)).toBe(true);
    expect(eq('local*', 'LOCALhost', true)).toBe(false);
  });
  it('an empty value matches only the empty string', () => {
    expect(eq('', '')).toBe(true);
    expect(eq('', 'x')).toBe(false);
  });
});

describe('wildcards in values (spec 1.5, 1.10)', () => {
  it('* matches any characters of the value', () => {
    expect(eq('4*', '404')).toBe(true);
    expect(eq('4*', 404)).toBe(true);
    expect(eq('4*', 504)).toBe(false);
    expect(eq('*host', 'myhost')).toBe(true);
    expect(eq('*host', 'hosts')).toBe(false);
    expect(eq('webserver*', 'WebServer01')).toBe(true);
    expect(eq('10.9.165.*', '10.9.165.8')).toBe(true);
    expect(eq('*Binding*', 'PossibleCause = Binding EventFilter\ninstance')).toBe(true);
    expect(eq('a*b*c', 'a-c-b')).toBe(false);
    expect(eq('ab*ba', 'aba')).toBe(false);
  });
  it('* alone matches any value', () => {
    for (const v of ['', 'x', 0, false]) expect(eq('*', v)).toBe(true);
  });
});

describe('CIDR values (spec 1.13)', () => {
  it('matches IPv4 addresses in the subnet', () => {
    expect(eq('192.0.2.0/24', '192.0.2.56')).toBe(true);
    expect(eq('192.0.2.0/24', '192.0.3.56')).toBe(false);
    expect(eq('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(eq('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(eq('10.1.2.3/8', '10.9.9.9')).toBe(true);
    expect(eq('0.0.0.0/0', '203.0.113.9')).toBe(true);
    expect(eq('10.0.0.0/8', '10.1.2')).toBe(false);
    expect(eq('10.0.0.0/8', 'server10')).toBe(false);
  });
  it('matches IPv6 addresses in the subnet, any notation', () => {
    expect(eq('2001:db8::/32', '2001:db8:1::5')).toBe(true);
    expect(eq('2001:db8::/32', '2001:DB8:0:0:0:0:0:1')).toBe(true);
    expect(eq('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(eq('::ffff:0:0/96', '::ffff:192.0.2.1')).toBe(true);
    expect(eq('2001:db8::/32', '192.0.2.1')).toBe(false);
  });
  it('an out-of-range prefix is not CIDR, so the value compares as text', () => {
    expect(eq('10.0.0.0/33', '10.0.0.0/33')).toBe(true);
    expect(eq('10.0.0.0/33', '10.0.0.1')).toBe(false);
  });
});

describe('ordered comparisons (spec 1.8)', () => {
  const cmp = (op: '<' | '<=' | '>' | '>=', value: string, v: string | number | boolean) => compileOrderedCompare(op, value)(v);
  it('compares numerically when both sides are numbers', () => {
    expect(cmp('>', '5', '10')).toBe(true);
    expect(cmp('>', '5', 10)).toBe(true);
    expect(cmp('<', '5', '10')).toBe(false);
    expect(cmp('<=', '5', 5)).toBe(true);
    expect(cmp('>=', '5.5', '5.25')).toBe(false);
    expect(cmp('<', '-1', -2)).toBe(true);
  });
  it('compares lexicographically otherwise: digits by first digit, uppercase before lowercase', () => {
    expect(cmp('>', '5', 'abc')).toBe(true);
    expect(cmp('<', 'b', 'a')).toBe(true);
    expect(cmp('<', 'a', 'Z')).toBe(true);
    expect(cmp('<', 'a', '10')).toBe(true);
    expect(['9', '70', '100', '10'].sort(compareUtf8)).toEqual(['10', '100', '70', '9']);
  });
  it('booleans compare as their text', () => {
    expect(cmp('>', 'false', true)).toBe(true);
  });
});

describe('multivalue fields (spec 1.7, 1.14)', () => {
  const isB = compileValueMatcher('b');
  const any = compileValueMatcher('*');
  it('= matches when any value matches; a missing field never matches', () => {
    expect(anyValue(['a', 'b'], isB)).toBe(true);
    expect(anyValue(['a', 'c'], isB)).toBe(false);
    expect(anyValue('b', isB)).toBe(true);
    expect(anyValue(undefined, any)).toBe(false);
  });
  it('!= matches when the field exists and no value matches', () => {
    expect(noValueMatches(['a', 'c'], isB)).toBe(true);
    expect(noValueMatches(['a', 'b'], isB)).toBe(false);
    expect(noValueMatches('a', isB)).toBe(true);
    expect(noValueMatches(undefined, isB)).toBe(false);
  });
  it('the Ponies example of spec 1.7: != drops rows without the field, NOT = keeps them', () => {
    const rows: Array<[string, string | undefined]> = [
      ['Twilight', 'Calaveras Farms'], ['McIntosh', 'Sweet Apple Acres'], ['Rarity', 'Carousel Boutique'], ['Lyra', undefined],
    ];
    const calaveras = compileValueMatcher('Calaveras Farms');
    const notEqual = rows.filter(([, location]) => noValueMatches(location, calaveras)).map(([name]) => name);
    const notMatching = rows.filter(([, location]) => !anyValue(location, calaveras)).map(([name]) => name);
    expect(notEqual).toEqual(['McIntosh', 'Rarity']);
    expect(notMatching).toEqual(['McIntosh', 'Rarity', 'Lyra']);
  });
  it('IN with wildcards is any of the value matchers (spec 1.10)', () => {
    const codes = ['40*', '500'].map((v) => compileValueMatcher(v));
    const isIn = (fv: string | number) => codes.some((m) => anyValue(fv, m));
    expect([404, 500, 503, '401'].map(isIn)).toEqual([true, true, false, true]);
  });
  it('field!=* never matches, field=* means the field exists', () => {
    expect(noValueMatches('x', any)).toBe(false);
    expect(noValueMatches(undefined, any)).toBe(false);
    expect(anyValue('x', any)).toBe(true);
  });
});
