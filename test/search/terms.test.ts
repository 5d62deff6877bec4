// Bare terms and phrases against _raw: whole-segment matching with Splunk's breakers (spec 1.4, 1.5, 1.11).
import { describe, expect, it } from 'vitest';
import { compileTermMatcher, requiredLiterals, type TermOptions } from '../../src/search/terms.js';

const matches = (term: string, raw: string, opts: TermOptions = {}) => compileTermMatcher(term, opts)(raw);

describe('whole-term matching (spec 1.4)', () => {
  it('Binding matches when bounded by breakers or the text ends', () => {
    for (const raw of ['... PossibleCause = Binding EventFilter ...', 'x.Binding', 'x_Binding', '"Binding"', 'Binding', 'a:Binding=1']) {
      expect(matches('Binding', raw), raw).toBe(true);
    }
  });
  it('Binding does not match Bindings or xBinding', () => {
    for (const raw of ['Bindings', 'xBinding', 'xBindingx', 'Bindings and xBinding']) expect(matches('Binding', raw), raw).toBe(false);
  });
  it('finds a later bounded occurrence after unbounded ones', () => {
    expect(matches('Binding', 'Bindings xBinding Binding.')).toBe(true);
  });
  it('matches inside JSON text, where quotes and backslashes are breakers', () => {
    expect(matches('Binding', '{"Message":"PossibleCause = Binding EventFilter: \\ninstance"}')).toBe(true);
    expect(matches('EventFilter', '{"Message":"a \\"EventFilter\\""}')).toBe(true);
  });
  it('in JSON text an escaped newline glues its n to the next word, as Splunk segments the raw text', () => {
    expect(matches('instance', '{"Message":"EventFilter: \\ninstance"}')).toBe(false);
    expect(matches('ninstance', '{"Message":"EventFilter: \\ninstance"}')).toBe(true);
    expect(matches('EventCode', '{"EventCode":5861}')).toBe(true);
  });
  it('is case-insensitive', () => {
    expect(matches('binding', 'BINDING here')).toBe(true);
    expect(matches('BINDING', 'x binding')).toBe(true);
  });
  it('a term with minor breakers matches as that contiguous string', () => {
    expect(matches('10.2.3.4', 'src=10.2.3.4;')).toBe(true);
    expect(matches('10.2.3.4', 'src=10.2.3.45')).toBe(false);
    expect(matches('10.2.3.4', 'src=110.2.3.4')).toBe(false);
    expect(matches('a_b', 'x a_b y')).toBe(true);
  });
  it('a term that starts or ends with a breaker carries its own boundary', () => {
    expect(matches('/api', 'GET /api/x')).toBe(true);
    expect(matches('/api', 'GET x/apix')).toBe(false);
    expect(matches('-foo', 'x-foo')).toBe(true);
    expect(matches('foo=', 'xfoo=1')).toBe(false);
    expect(matches('foo=', 'a foo=1')).toBe(true);
  });
  it('URL-encoded major breakers bound terms', () => {
    expect(matches('bar', 'foo%20bar')).toBe(true);
    expect(matches('foo', 'foo%3Bbar')).toBe(true);
    expect(matches('bar', 'foo%2Bbar', { termMode: true })).toBe(true);
  });
});

describe('wildcards (spec 1.5)', () => {
  it('a trailing * extends the term', () => {
    expect(matches('fail*', 'login failed')).toBe(true);
    expect(matches('fail*', 'fail')).toBe(true);
    expect(matches('fail*', 'xfailed')).toBe(false);
    expect(matches('my*', 'myhost.ny.mydomain.com')).toBe(true);
  });
  it('a leading * matches term ends', () => {
    expect(matches('*host', 'at myhost now')).toBe(true);
    expect(matches('*host', 'hosts')).toBe(false);
  });
  it('*x* matches x anywhere', () => {
    expect(matches('*host*', 'yourhost27.x')).toBe(true);
    expect(matches('*host*', 'hos t')).toBe(false);
  });
  it('a middle * spans characters but not major breakers', () => {
    expect(matches('a*z', 'a.b.z')).toBe(true);
    expect(matches('a*z', 'abz')).toBe(true);
    expect(matches('a*z', 'a b z')).toBe(false);
    expect(matches('a*z', 'a b az')).toBe(true);
    expect(matches('S*G01', 'productID=SF-G01')).toBe(true);
    expect(matches('a*b*c', 'a-b b-c')).toBe(false);
    expect(matches('a*b*c', 'xa-b-bc y')).toBe(false);
    expect(matches('a*b*c', 'x a-b-bc y')).toBe(true);
  });
  it('the last literal may be tried at later positions for its boundary', () => {
    expect(matches('a*bc', 'a-bcd-bc')).toBe(true);
    expect(matches('a*bc', 'a-bcd-bcd')).toBe(false);
  });
  it('* alone matches everything, including empty text', () => {
    expect(matches('*', '')).toBe(true);
    expect(matches('**', 'anything')).toBe(true);
  });
});

describe('quoted phrases (spec 1.6)', () => {
  const phrase = { quoted: true };
  it('"web error" matches the exact phrase with boundaries at its ends', () => {
    expect(matches('web error', 'a web error here', phrase)).toBe(true);
    expect(matches('web error', 'WEB ERROR.', phrase)).toBe(true);
    expect(matches('web error', 'web errors', phrase)).toBe(false);
    expect(matches('web error', 'xweb error', phrase)).toBe(false);
    expect(matches('web error', 'web  error', phrase)).toBe(false);
    expect(matches('web error', 'error web', phrase)).toBe(false);
  });
  it('a phrase with wildcards', () => {
    expect(matches('*SCM Event*', 'Consumer="SCM Event Log Consumer"', phrase)).toBe(true);
    expect(matches('SCM Event*', 'xSCM Event Log', phrase)).toBe(false);
  });
});

describe('CASE() and TERM() (spec 1.11)', () => {
  it('CASE matches case-sensitively', () => {
    expect(matches('Error', 'an Error here', { caseSensitive: true })).toBe(true);
    expect(matches('Error', 'an error here', { caseSensitive: true })).toBe(false);
    expect(matches('%ASA-1*', 'x %ASA-1-1234 y', { caseSensitive: true })).toBe(true);
  });
  it('TERM needs major breakers on both sides', () => {
    const term = { termMode: true };
    expect(matches('10.2.3.4', 'ip 10.2.3.4 x', term)).toBe(true);
    expect(matches('10.2.3.4', '[10.2.3.4]', term)).toBe(true);
    expect(matches('10.2.3.4', 'ip=10.2.3.4', term)).toBe(false);
    expect(matches('foo', 'foo--bar', term)).toBe(true);
    expect(matches('foo', 'foo-bar', term)).toBe(false);
    expect(matches('foo', 'foo-bar')).toBe(true);
  });
});

describe('requiredLiterals', () => {
  it('lists the lower-cased literal fragments between wildcards', () => {
    expect(requiredLiterals('Fail*ED')).toEqual(['fail', 'ed']);
    expect(requiredLiterals('*host*')).toEqual(['host']);
    expect(requiredLiterals('Binding')).toEqual(['binding']);
    expect(requiredLiterals('*')).toEqual([]);
  });
});
