// Parses a PCRE bracket class `[...]` (ranges, escapes, POSIX classes, \Q..\E) and emits the JS equivalent.
import { caseClosure, complementRanges, normalizeRanges, rangesToClassBody, type Range } from './codepoints.js';
import { codePointAt, regexError, unsupportedConstruct, type PatternContext } from './context.js';
import { parseEscape } from './escapes.js';
import { posixClass, type CharSet } from './sets.js';

export interface CharClass {
  negated: boolean;
  ranges: Range[];
  /** JS escapes kept as they are (`\d`, `\p{L}`). */
  natives: string[];
}

type Member = { kind: 'char'; cp: number } | { kind: 'set'; set: CharSet } | { kind: 'chars'; cps: number[] };

const POSIX = /\[:(\^?)([a-z]+):\]/y;

/** Parse the class whose `[` is at `pos`. As in PCRE, `]` right after `[` or `[^` is a literal. */
export function parseCharClass(ctx: PatternContext, pos: number): { cls: CharClass; end: number } {
  const { pattern } = ctx;
  let p = pos + 1;
  const negated = pattern[p] === '^';
  if (negated) p++;
  const cls: CharClass = { negated, ranges: [], natives: [] };
  for (let first = true; ; first = false) {
    if (p >= pattern.length) throw regexError(ctx, 'missing terminating ] for character class', pos);
    if (pattern[p] === ']' && !first) return { cls, end: p + 1 };
    const low = parseMember(ctx, p);
    p = low.end;
    if (low.member.kind === 'char' && pattern[p] === '-' && p + 1 < pattern.length && pattern[p + 1] !== ']') {
      const high = parseMember(ctx, p + 1);
      if (high.member.kind !== 'char') throw regexError(ctx, 'invalid range in character class', p);
      if (high.member.cp < low.member.cp) throw regexError(ctx, 'range out of order in character class', p);
      cls.ranges.push([low.member.cp, high.member.cp]);
      p = high.end;
    } else {
      addMember(cls, low.member);
    }
  }
}

function parseMember(ctx: PatternContext, p: number): { member: Member; end: number } {
  const { pattern } = ctx;
  if (pattern[p] === '[') {
    POSIX.lastIndex = p;
    const m = POSIX.exec(pattern);
    if (m) return { member: { kind: 'set', set: posixSet(ctx, m[2]!, m[1] === '^', p) }, end: POSIX.lastIndex };
    if (pattern[p + 1] === '=' || pattern[p + 1] === '.') throw unsupportedConstruct(ctx, `POSIX collating element [${pattern[p + 1]}`, p);
  }
  if (pattern[p] !== '\\') {
    const { cp, next } = codePointAt(pattern, p);
    return { member: { kind: 'char', cp }, end: next };
  }
  const { escape, end } = parseEscape(ctx, p, true, 0);
  switch (escape.kind) {
    case 'char':
      return { member: escape, end };
    case 'set':
      return { member: escape, end };
    case 'quoted':
      return { member: { kind: 'chars', cps: escape.cps }, end };
    case 'none':
      return { member: { kind: 'chars', cps: [] }, end };
    default:
      throw regexError(ctx, 'escape is not allowed in a character class', p);
  }
}

function posixSet(ctx: PatternContext, name: string, negated: boolean, offset: number): CharSet {
  const ranges = posixClass(name);
  if (!ranges) throw regexError(ctx, `unknown POSIX class name [:${name}:]`, offset);
  return { ranges, negated };
}

function addMember(cls: CharClass, member: Member): void {
  if (member.kind === 'char') cls.ranges.push([member.cp, member.cp]);
  else if (member.kind === 'chars') for (const cp of member.cps) cls.ranges.push([cp, cp]);
  else if ('native' in member.set) cls.natives.push(member.set.native);
  else cls.ranges.push(...(member.set.negated ? complementRanges(member.set.ranges) : member.set.ranges));
}

/** The JS class for a parsed class; `foldCase` adds other-case letters (emulating a scoped `(?i)`). */
export function charClassToJs(cls: CharClass, foldCase: boolean): string {
  const ranges = foldCase ? caseClosure(cls.ranges) : normalizeRanges(cls.ranges);
  return `[${cls.negated ? '^' : ''}${rangesToClassBody(ranges)}${cls.natives.join('')}]`;
}

/** A named set (`\s`, `\d`, `\p{L}`) used outside a class. */
export function charSetToJs(set: CharSet): string {
  if ('native' in set) return set.native;
  return `[${set.negated ? '^' : ''}${rangesToClassBody(normalizeRanges(set.ranges))}]`;
}
