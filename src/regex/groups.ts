// Parses what follows a `(` in a PCRE pattern into a typed group opening; unsupported kinds raise bad-regex.
import { regexError, unsupportedConstruct, type PatternContext } from './context.js';

/** Inline option letters splq understands: i m s x n U (`(?^)` resets them all). */
export interface FlagChange {
  set: string;
  unset: string;
  reset: boolean;
}

export type GroupOpen =
  /** `(`: a capture unless `(?n)` is on. */
  | { kind: 'plain' }
  | { kind: 'named'; name: string }
  | { kind: 'noncapture' }
  | { kind: 'lookaround'; js: '(?=' | '(?!' | '(?<=' | '(?<!' }
  | { kind: 'atomic' }
  /** `(?i)` changes the options until the enclosing group ends; `(?i:` only inside its own group. */
  | { kind: 'flags'; change: FlagChange; scoped: boolean }
  | { kind: 'comment' }
  /** `(?P=name)`. */
  | { kind: 'backref'; name: string };

const FLAGS = /(\^?)([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/y;
const KNOWN_FLAGS = /^[imsxnU]*$/;
const GROUP_NAME = /^[A-Za-z_]\w*$/;
const SUBROUTINE = /(?:R|[+-]?\d+|&\w+)\)/y;

const OPENINGS: ReadonlyArray<[string, GroupOpen]> = [
  [':', { kind: 'noncapture' }],
  ['>', { kind: 'atomic' }],
  ['=', { kind: 'lookaround', js: '(?=' }],
  ['!', { kind: 'lookaround', js: '(?!' }],
  ['<=', { kind: 'lookaround', js: '(?<=' }],
  ['<!', { kind: 'lookaround', js: '(?<!' }],
];

/** Parse the group opening whose `(` is at `pos`. */
export function parseGroupOpen(ctx: PatternContext, pos: number): { open: GroupOpen; end: number } {
  const { pattern } = ctx;
  if (pattern[pos + 1] === '*') throw unsupportedConstruct(ctx, verbText(pattern, pos), pos);
  if (pattern[pos + 1] !== '?') return { open: { kind: 'plain' }, end: pos + 1 };
  const p = pos + 2;
  for (const [prefix, open] of OPENINGS) if (pattern.startsWith(prefix, p)) return { open, end: p + prefix.length };
  if (pattern.startsWith('P<', p)) return namedCapture(ctx, pos, p + 2, '>');
  if (pattern[p] === '<') return namedCapture(ctx, pos, p + 1, '>');
  if (pattern[p] === "'") return namedCapture(ctx, pos, p + 1, "'");
  if (pattern.startsWith('P=', p)) {
    const { name, end } = readName(ctx, pos, p + 2, ')');
    return { open: { kind: 'backref', name }, end };
  }
  if (pattern[p] === '#') {
    const close = pattern.indexOf(')', p);
    if (close < 0) throw regexError(ctx, 'missing ) after (?# comment', pos);
    return { open: { kind: 'comment' }, end: close + 1 };
  }
  rejectUnsupported(ctx, pos);
  return parseFlags(ctx, pos);
}

function namedCapture(ctx: PatternContext, pos: number, start: number, close: string): { open: GroupOpen; end: number } {
  const { name, end } = readName(ctx, pos, start, close);
  return { open: { kind: 'named', name }, end };
}

/** A group name from `start` up to `close`; PCRE names are letters, digits and `_`, not starting with a digit. */
function readName(ctx: PatternContext, pos: number, start: number, close: string): { name: string; end: number } {
  const stop = ctx.pattern.indexOf(close, start);
  if (stop < 0) throw regexError(ctx, `group name is not terminated by ${close}`, pos);
  const name = ctx.pattern.slice(start, stop);
  if (!GROUP_NAME.test(name)) throw regexError(ctx, `invalid group name "${name}" (letters, digits and _, not starting with a digit)`, pos);
  return { name, end: stop + 1 };
}

function rejectUnsupported(ctx: PatternContext, pos: number): void {
  const { pattern } = ctx;
  const p = pos + 2;
  SUBROUTINE.lastIndex = p;
  const call = SUBROUTINE.exec(pattern);
  if (call) throw unsupportedConstruct(ctx, `(?${call[0]}`, pos);
  if (pattern.startsWith('P>', p)) throw unsupportedConstruct(ctx, 'subroutine call (?P>name)', pos);
  if (pattern[p] === '(') throw unsupportedConstruct(ctx, 'conditional group (?(...)...)', pos);
  if (pattern[p] === 'C') throw unsupportedConstruct(ctx, 'callout (?C...)', pos);
  if (pattern[p] === '|') throw unsupportedConstruct(ctx, 'branch reset group (?|...)', pos);
}

function parseFlags(ctx: PatternContext, pos: number): { open: GroupOpen; end: number } {
  FLAGS.lastIndex = pos + 2;
  const m = FLAGS.exec(ctx.pattern);
  const letters = m ? m[2]! + (m[3] ?? '') : '';
  if (letters.includes('J')) throw unsupportedConstruct(ctx, '(?J) (duplicate group names)', pos);
  if (!m || !KNOWN_FLAGS.test(letters) || (m[1] === '^' && m[3] !== undefined)) {
    throw regexError(ctx, 'unrecognized character after (? in the regex', pos);
  }
  const change: FlagChange = { set: m[2]!, unset: m[3] ?? '', reset: m[1] === '^' };
  return { open: { kind: 'flags', change, scoped: m[4] === ':' }, end: FLAGS.lastIndex };
}

/** The text of a backtracking verb such as `(*SKIP)`, for the error message. */
function verbText(pattern: string, pos: number): string {
  const close = pattern.indexOf(')', pos);
  return close < 0 ? pattern.slice(pos) : pattern.slice(pos, close + 1);
}
