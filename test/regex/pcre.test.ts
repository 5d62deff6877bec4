// Behaviour of the PCRE→JS translation: every supported construct, checked by what it matches.
import { describe, expect, it } from 'vitest';
import { compilePcre } from '../../src/regex/pcre.js';

const exec = (pattern: string, subject: string) => compilePcre(pattern).regex.exec(subject);
const matches = (pattern: string, subject: string) => compilePcre(pattern).regex.test(subject);
const first = (pattern: string, subject: string) => exec(pattern, subject)?.[0];

describe('reference regex of the seed detection', () => {
  const consumer = 'Consumer =\\s+(?<consumer>[^;|^$]+)';
  it('extracts the consumer up to the first ;', () => {
    const message =
      'Namespace = //./root/subscription; Eventfilter = Updater (refer to its activate eventid:5859); ' +
      'Consumer = CommandLineEventConsumer="Updater"; PossibleCause = Binding EventFilter: \ninstance of';
    expect(exec(consumer, message)?.groups?.consumer).toBe('CommandLineEventConsumer="Updater"');
    expect(compilePcre(consumer).groupNames).toEqual(['consumer']);
  });
  it('treats | ^ $ inside the class as literals that end the capture', () => {
    expect(exec(consumer, 'Consumer =  a|b')?.groups?.consumer).toBe('a');
    expect(exec(consumer, 'Consumer =  a^b')?.groups?.consumer).toBe('a');
    expect(exec(consumer, 'Consumer =  a$b')?.groups?.consumer).toBe('a');
  });
});

describe('named groups and back references', () => {
  it('accepts (?<n>), (?P<n>) and (?\'n\')', () => {
    expect(exec('(?<a>x)(?P<b>y)(?\'c\'z)', 'xyz')?.groups).toEqual({ a: 'x', b: 'y', c: 'z' });
    expect(compilePcre('(?<a>x)(?P<b>y)(?\'c\'z)').groupNames).toEqual(['a', 'b', 'c']);
  });
  it('resolves (?P=n), \\k<n>, \\k{n}, \\k\'n\', \\g{n}, \\g{-1} and \\1', () => {
    for (const ref of ['(?P=n)', '\\k<n>', '\\k{n}', "\\k'n'", '\\g{1}', '\\g1', '\\g{-1}', '\\1']) {
      expect(matches(`^(?<n>ab)${ref}$`, 'abab'), ref).toBe(true);
      expect(matches(`^(?<n>ab)${ref}$`, 'abba'), ref).toBe(false);
    }
  });
  it('does not read a back reference followed by a digit as a larger group number', () => {
    expect(matches('^(a)\\g{1}0$', 'aa0')).toBe(true);
  });
  it('reads \\12 as octal when fewer than 12 groups exist', () => {
    expect(matches('^\\101$', 'A')).toBe(true);
  });
});

describe('inline options', () => {
  it('(?i) at the start makes the whole pattern case-insensitive', () => {
    expect(matches('(?i)binding', 'BINDING')).toBe(true);
    expect(compilePcre('(?i)binding').regex.flags).toContain('i');
  });
  it('(?i) in the middle applies to the rest of the enclosing group only', () => {
    expect(matches('^a(?i)bc$', 'aBC')).toBe(true);
    expect(matches('^a(?i)bc$', 'ABC')).toBe(false);
    expect(matches('^(a(?i)b)c$', 'aBc')).toBe(true);
    expect(matches('^(a(?i)b)c$', 'aBC')).toBe(false);
  });
  it('scoped (?i:...) is emulated, including classes and non-ASCII letters', () => {
    expect(matches('^(?i:abc)d$', 'AbCd')).toBe(true);
    expect(matches('^(?i:abc)d$', 'AbCD')).toBe(false);
    expect(matches('^(?i:[a-c]+)$', 'AbC')).toBe(true);
    expect(matches('^(?i:é)$', 'É')).toBe(true);
    expect(matches('^(?i:[[:lower:]]+)$', 'ABC')).toBe(true);
  });
  it('(?-i) turns case-insensitivity off again', () => {
    expect(matches('^(?i)a(?-i)b$', 'Ab')).toBe(true);
    expect(matches('^(?i)a(?-i)b$', 'AB')).toBe(false);
    expect(matches('^(?i)a(?-i:b)c$', 'AbC')).toBe(true);
  });
  it('(?s) lets . match newlines; without it . matches anything but \\n (also \\r)', () => {
    expect(matches('a.b', 'a\nb')).toBe(false);
    expect(matches('(?s)a.b', 'a\nb')).toBe(true);
    expect(matches('a.b', 'a\rb')).toBe(true);
    expect(matches('(?s)a(?-s).b', 'a\nb')).toBe(false);
  });
  it('(?m) makes ^ and $ match at internal newlines, but ^ not after a final newline', () => {
    expect(matches('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(matches('^b$', 'a\nb\nc')).toBe(false);
    expect('a\n'.match(compilePcre('(?m)^', { global: true }).regex)?.length).toBe(1);
    expect(matches('(?m)a$', 'a\r\n')).toBe(false);
  });
  it('combines options: (?im), (?i-s), (?^)', () => {
    expect(matches('(?im)^B$', 'a\nb')).toBe(true);
    expect(matches('(?si)A.B', 'a\nb')).toBe(true);
    expect(matches('(?s)(?i-s)a.b', 'A\nB')).toBe(false);
    expect(matches('(?i)(?^)a', 'A')).toBe(false);
  });
  it('(?x) drops white space and # comments outside classes, keeps escaped and class spaces', () => {
    expect(matches('(?x) ^ a b  # comment\n c $', 'abc')).toBe(true);
    expect(matches('(?x)^a[ ]b\\ c$', 'a b c')).toBe(true);
    expect(matches('(?x)^a \\# b$', 'a#b')).toBe(true);
    expect(matches('^a b$', 'a b')).toBe(true);
  });
  it('(?U) swaps greedy and lazy, (?n) stops plain groups from capturing', () => {
    expect(first('(?U)a+', 'aaa')).toBe('a');
    expect(first('(?U)a+?', 'aaa')).toBe('aaa');
    expect(exec('(?n)(a)(?<b>b)', 'ab')?.[1]).toBe('b');
  });
});

describe('anchors', () => {
  it('$ without (?m) matches at the end or before a final newline', () => {
    expect(matches('abc$', 'abc')).toBe(true);
    expect(matches('abc$', 'abc\n')).toBe(true);
    expect(matches('abc$', 'abc\n\n')).toBe(false);
    expect(matches('abc$', 'abc\nx')).toBe(false);
  });
  it('\\A matches only at the start, \\z only at the very end, \\Z also before a final newline', () => {
    expect(matches('\\Aabc', 'abc')).toBe(true);
    expect(matches('\\Aabc', 'x\nabc')).toBe(false);
    expect(matches('(?m)\\Aabc', 'x\nabc')).toBe(false);
    expect(matches('abc\\z', 'abc')).toBe(true);
    expect(matches('abc\\z', 'abc\n')).toBe(false);
    expect(matches('abc\\Z', 'abc\n')).toBe(true);
    expect(matches('abc\\Z', 'abc\n\n')).toBe(false);
  });
});

describe('character sets', () => {
  it('\\d \\w \\s are ASCII-only', () => {
    expect(matches('\\d', '٣')).toBe(false);
    expect(matches('\\w', 'é')).toBe(false);
    expect(matches('\\s', '\u00a0')).toBe(false);
    expect(matches('^\\s+$', ' \t\n\v\f\r')).toBe(true);
    expect(matches('^[\\S]+$', 'a\u00a0b')).toBe(true);
  });
  it('\\h is horizontal space, \\v vertical space (not the VT character alone)', () => {
    expect(matches('^\\h+$', ' \t\u00a0\u3000')).toBe(true);
    expect(matches('\\h', '\n')).toBe(false);
    expect(matches('^\\v+$', '\n\r\f\u2028')).toBe(true);
    expect(matches('\\v', ' ')).toBe(false);
    expect(matches('^\\H\\V$', 'ab')).toBe(true);
  });
  it('\\R matches any newline sequence, \\N any character but \\n', () => {
    expect(first('a\\Rb', 'a\r\nb')).toBe('a\r\nb');
    expect(matches('a\\Nb', 'a\nb')).toBe(false);
  });
  it('POSIX classes inside brackets, negated ones too', () => {
    expect(first('[[:alpha:]]+', '1ab2')).toBe('ab');
    expect(first('[[:^digit:]]+', '12ab3')).toBe('ab');
    expect(first('[[:xdigit:]]+', 'zfF0g')).toBe('fF0');
    expect(first('[[:punct:]]+', 'a!?b')).toBe('!?');
    expect(first('[[:space:][:digit:]]+', 'a1 2b')).toBe('1 2');
    expect(first('[^[:alnum:]]', 'ab_c')).toBe('_');
  });
  it('ranges, leading ] and - in classes', () => {
    expect(first('[]a]+', 'x]a]y')).toBe(']a]');
    expect(first('[^]a]+', ']ab]')).toBe('b');
    expect(first('[a-c-]+', 'x-ab-')).toBe('-ab-');
    expect(first('[\\d-z]+', 'a1-z')).toBe('1-z');
  });
  it('Unicode properties, with PCRE script names', () => {
    expect(first('\\p{L}+', '12abé3')).toBe('abé');
    expect(first('\\p{Greek}+', 'aαβb')).toBe('αβ');
    expect(first('\\P{L}+', 'ab12c')).toBe('12');
    expect(first('\\p{^L}+', 'ab12c')).toBe('12');
  });
});

describe('literals and escapes', () => {
  it('escaped punctuation is literal even where JS u-mode would reject the escape', () => {
    expect(first('\\-\\_\\@\\ \\/\\:\\"', 'x-_@ /:"')).toBe('-_@ /:"');
  });
  it('\\Q...\\E quotes metacharacters, also inside classes', () => {
    expect(matches('^\\Qa.b*\\E$', 'a.b*')).toBe(true);
    expect(matches('^\\Qa.b*\\E$', 'axbb')).toBe(false);
    expect(first('^\\Qab\\E+', 'abbb')).toBe('abbb');
    expect(first('[\\Q]^\\E]+', 'x]^y')).toBe(']^');
  });
  it('a { that does not start a quantifier is literal', () => {
    expect(exec('(?P<g>{.*?})', 'x{ab}y')?.groups?.g).toBe('{ab}');
    expect(matches('^a{,3}$', 'a{,3}')).toBe(true);
    expect(matches('^a{2}$', 'aa')).toBe(true);
  });
  it('code point escapes: \\x{..}, \\xhh, octal, \\o{..}, \\cX, \\e', () => {
    expect(matches('\\x{202E}', 'a\u202eb')).toBe(true);
    expect(matches('^\\x41\\101\\o{101}$', 'AAA')).toBe(true);
    expect(matches('^\\cA\\e\\0$', '\u0001\u001b\u0000')).toBe(true);
  });
  it('(?#...) comments are dropped', () => {
    expect(matches('^a(?#note)b$', 'ab')).toBe(true);
  });
});

describe('possessive quantifiers and atomic groups', () => {
  it('possessive quantifiers never give characters back', () => {
    expect(matches('a++a', 'aaaa')).toBe(false);
    expect(matches('a+a', 'aaaa')).toBe(true);
    expect(first('a*+b', 'aaab')).toBe('aaab');
    expect(matches('^x?+x$', 'x')).toBe(false);
    expect(matches('^a{1,3}+a$', 'aaa')).toBe(false);
    expect(matches('^a{1,3}+a$', 'aaaa')).toBe(true);
    expect(first('"[^"]*+"', 'say "hi" now')).toBe('"hi"');
  });
  it('atomic groups commit to their first match', () => {
    expect(matches('^(?>a|ab)c$', 'abc')).toBe(false);
    expect(matches('^(?:a|ab)c$', 'abc')).toBe(true);
    expect(matches('^(?>a|ab)*c$', 'aac')).toBe(true);
  });
  it('inside a lookbehind they degrade to greedy (JS matches lookbehinds backwards)', () => {
    expect(matches('(?<=a++)b', 'aab')).toBe(true);
    expect(matches('(?<=x(?>a|ab))c', 'xabc')).toBe(true);
  });
  it('keeps PCRE group numbers: groupIndex maps them to JS match indexes', () => {
    const compiled = compilePcre('(a)(?>(b))\\2(?<c>c)');
    const m = compiled.regex.exec('abbc')!;
    expect(compiled.groupIndex.map((i) => m[i])).toEqual(['abbc', 'a', 'b', 'c']);
    expect(m.groups?.c).toBe('c');
  });
});

describe('compilePcre options and cache', () => {
  it('returns the cached translation for the same pattern and flags', () => {
    expect(compilePcre('abc')).toBe(compilePcre('abc'));
    expect(compilePcre('abc', { global: true })).not.toBe(compilePcre('abc'));
  });
  it('adds g and d flags on request and always u', () => {
    expect(compilePcre('x', { global: true, indices: true }).regex.flags).toBe('dgu');
    const m = compilePcre('(?<y>b)', { indices: true }).regex.exec('ab')!;
    expect(m.indices?.groups?.y).toEqual([1, 2]);
  });
  it('keeps the PCRE pattern as source', () => {
    expect(compilePcre('a\\Z').source).toBe('a\\Z');
  });
});
