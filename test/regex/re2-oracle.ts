// RE2 against V8 over generated PCRE patterns, with Perl as referee where JS's semantics differ (used by both test tiers).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { expect } from 'vitest';
import { linearOnlyRegExp } from '../../src/regex/budget.js';
import { analyseSource } from '../../src/regex/linear-source.js';
import { compilePcre } from '../../src/regex/pcre.js';
import { translatePcre } from '../../src/regex/translate.js';

/** Patterns over a small alphabet with the constructs whose RE2 form differs from the JS one. */
export const pattern: fc.Arbitrary<string> = (() => {
  const quantifier = fc.constantFrom('', '', '', '*', '+', '?', '{1,2}', '{2}', '{2,}', '*?', '+?', '??');
  const atom = fc.constantFrom('a', 'b', 'é', '😀', '.', '[a-c]', '[^b]', '[é😀]', '\\s', '\\S', '\\d', '\\w', '\\n', '\\x{e9}');
  const tree = fc.letrec<{ seq: string; item: string; group: string; alt: string }>((tie) => ({
    seq: fc.array(tie('item'), { minLength: 1, maxLength: 3 }).map((items) => items.join('')),
    item: fc.oneof({ maxDepth: 2, withCrossShrink: true }, fc.tuple(atom, quantifier).map(([a, q]) => a + q), tie('group'), fc.constantFrom('^', '\\b')),
    group: fc.tuple(fc.constantFrom('(', '(?:', '(?<g>', '(?i:'), tie('alt'), quantifier).map(([open, body, q]) => `${open}${body})${q}`),
    alt: fc.array(tie('seq'), { minLength: 1, maxLength: 2 }).map((branches) => branches.join('|')),
  }));
  return fc.tuple(fc.constantFrom('', '', '(?i)', '(?s)', '(?m)'), tree.alt, fc.constantFrom('', '', '$', '\\z', '\\Z')).map(([options, body, end]) => {
    let n = 0;
    return `${options}${body.replace(/\(\?<g>/g, () => `(?<g${n++}>`)}${end}`;
  });
})();
const subject = fc.array(fc.constantFrom('a', 'b', 'A', 'é', 'É', '😀', '\n', ' ', '1'), { maxLength: 10 }).map((cs) => cs.join(''));

/** The bodies, with their parentheses, of the groups a quantifier repeats (`*`, `+`, `{n,m}`), innermost first. */
function repeatedGroups(p: string): string[] {
  const out: string[] = [];
  const opens: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[') i = p.indexOf(']', i + 2);
    else if (p[i] === '(') opens.push(i);
    else if (p[i] === ')') {
      const start = opens.pop()!;
      if (/[*+{]/.test(p[i + 1] ?? '')) out.push(p.slice(start, i + 1)); // ? repeats nothing
    }
  }
  return out;
}

/**
 * True when a repeated group can match the empty string: there RE2's captures differ from Perl's and PCRE's in
 * corner cases (RE2 documents empty-width loops as a difference), so the property leaves such patterns out.
 */
function hasNullableLoop(p: string): boolean {
  return repeatedGroups(p).some((body) => compilePcre(`\\A${body}\\z`).regex.test(''));
}

/**
 * True when a repeated group holds an alternation with a capturing group in it. There Perl keeps what a branch that
 * then failed captured (`((a??)(a)|\\sa?){2}` on "a\\n": Perl gives group 2 (1,1)), while PCRE, Python's `re` and RE2
 * restore the captures of the last successful iteration ((0,0)): Perl cannot referee those groups.
 */
function hasCaptureInRepeatedAlternation(p: string): boolean {
  return repeatedGroups(p).some((group) => {
    const body = group.slice(1, -1);
    return body.includes('|') && /\((?!\?(?:[:i]|i:))/.test(body);
  });
}

export function both(p: string): [RegExp, RegExp] | null {
  const t = translatePcre({ pattern: p });
  const flags = `dg${t.ignoreCase ? 'i' : ''}u`;
  const linear = linearOnlyRegExp(t.source, flags, analyseSource(t.source), t.groupNames);
  return linear && [new RegExp(t.source, flags), linear];
}

const shape = (m: RegExpExecArray) => ({ at: m.index, all: [...m], groups: m.groups && { ...m.groups }, indices: [...m.indices!], named: m.indices!.groups && { ...m.indices!.groups } });

/** The first match's offsets (whole match, then each group; -1 when a group did not take part), as numbers in UTF-16 units. */
function offsets(m: RegExpExecArray | null): number[] | null {
  return m && m.indices!.flatMap((pair) => pair ?? [-1, -1]);
}

/**
 * Perl's first match, as `offsets` gives it: the referee where V8 and RE2 disagree. JS has its own rule for a
 * repeated group that matches empty (`(a??){1,2}` on "a": JS "a", Perl, PCRE and RE2 ""), which RE2 follows.
 */
function perlFirstMatch(p: string, s: string): number[] | null | 'no-perl' {
  const script = String.raw`
    my ($p, $s) = @ARGV;
    if ($s =~ /$p/a) {
      my @o;
      for my $i (0 .. $#-) { push @o, defined $-[$i] ? (utf16($s, $-[$i]), utf16($s, $+[$i])) : (-1, -1) }
      print join(",", @o);
    } else { print "null" }
    sub utf16 { my ($t, $n) = @_; my $u = 0; $u += ord($_) > 0xFFFF ? 2 : 1 for split //, substr($t, 0, $n); $u }`;
  const run = spawnSync('perl', ['-CSA', '-e', script, p, s], { encoding: 'utf8' });
  if (run.error) return 'no-perl';
  return run.stdout === 'null' ? null : run.stdout.split(',').map(Number);
}

/** Check `runs` generated (pattern, subject) pairs: RE2 finds what V8 finds, or, where they differ, what Perl finds. */
export function checkRe2AgainstV8(runs: number): void {
    let refereed = 0;
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        const pair = both(p);
        fc.pre(pair !== null);
        expect(hasNullableLoop(p), `${p} has a repeated group that can match empty: it must stay off RE2`).toBe(false);
        const [v8, re2] = pair!;
        const fromRe2 = Array.from(s.matchAll(re2), shape);
        const fromV8 = Array.from(s.matchAll(v8), shape);
        if (JSON.stringify(fromRe2) === JSON.stringify(fromV8)) {
          expect(s.replace(re2, '<$&|$1>'), p).toBe(s.replace(v8, '<$&|$1>'));
          return;
        }
        refereed++;
        // Perl is no referee for captures inside a repeated alternation (see hasCaptureInRepeatedAlternation).
        if (hasCaptureInRepeatedAlternation(p)) return;
        re2.lastIndex = 0;
        const mine = offsets(re2.exec(s));
        const perl = perlFirstMatch(p, s);
        // Perl's @- stops at the last group that took part; pad with "did not take part".
        const padded = Array.isArray(perl) && mine ? [...perl, ...Array<number>(Math.max(0, mine.length - perl.length)).fill(-1)] : perl;
        expect(mine, `${p} on ${JSON.stringify(s)}`).toEqual(padded);
      }),
      { numRuns: runs },
    );
    expect(refereed).toBeLessThan(runs / 10);
}
