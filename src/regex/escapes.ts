// Parses one PCRE backslash escape, inside or outside a character class, into a typed token.
import { MAX_CODE_POINT } from './codepoints.js';
import { codePointAt, regexError, unsupportedConstruct, type PatternContext } from './context.js';
import { escapeSet, propertySet, type CharSet } from './sets.js';

export type Escape =
  | { kind: 'char'; cp: number }
  | { kind: 'set'; set: CharSet }
  /** A back reference by PCRE group number or name. */
  | { kind: 'backref'; target: number | string }
  /** Quantifiable JS text (`\R`, `\N`). */
  | { kind: 'atom'; js: string }
  /** Zero-width JS text (`\b`, `\A`, `\z`, `\Z`). */
  | { kind: 'assert'; js: string }
  /** `\Q...\E`: the code points to match literally. */
  | { kind: 'quoted'; cps: number[] }
  /** A stray `\E`, which PCRE ignores. */
  | { kind: 'none' };

export interface EscapeResult {
  escape: Escape;
  end: number;
}

const CONTROL_CHARS: Record<string, number> = { a: 0x07, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };
const ASSERTIONS: Record<string, string> = { b: '\\b', B: '\\B', A: '^', z: '$', Z: '(?=\\n?$)' };
const UNSUPPORTED = new Set(['G', 'K', 'X', 'C', 'L', 'l', 'U', 'u']);
const OUTSIDE_CLASS_ONLY = new Set(['B', 'A', 'z', 'Z', 'R', 'N', 'g', 'k']);
const GROUP_NAME = /^[A-Za-z_]\w*$/;

/** Parse the escape whose backslash is at `pos`. `groupsOpened` decides `\12` backref vs octal, as PCRE does. */
export function parseEscape(ctx: PatternContext, pos: number, inClass: boolean, groupsOpened: number): EscapeResult {
  const { pattern } = ctx;
  if (pos + 1 >= pattern.length) throw regexError(ctx, 'the regex ends with a lone backslash', pos);
  const { cp, next } = codePointAt(pattern, pos + 1);
  const ch = String.fromCodePoint(cp);
  const char = (value: number, end = next): EscapeResult => ({ escape: { kind: 'char', cp: value }, end });
  if (!/[A-Za-z0-9]/.test(ch)) return char(cp);
  if (ch >= '0' && ch <= '9') return parseDigits(pattern, pos + 1, inClass, groupsOpened);
  if (UNSUPPORTED.has(ch)) throw unsupportedConstruct(ctx, `\\${ch}`, pos);
  if (inClass && OUTSIDE_CLASS_ONLY.has(ch)) throw regexError(ctx, `escape \\${ch} is not allowed in a character class`, pos);
  if (ch in CONTROL_CHARS) return char(CONTROL_CHARS[ch]!);
  const set = escapeSet(ch);
  if (set) return { escape: { kind: 'set', set }, end: next };
  if (ch === 'b' && inClass) return char(0x08);
  if (ch in ASSERTIONS) return { escape: { kind: 'assert', js: ASSERTIONS[ch]! }, end: next };
  switch (ch) {
    case 'x':
      return parseCodePoint(ctx, pos, /\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{0,2})/y, 16);
    case 'o':
      return parseCodePoint(ctx, pos, /\{([0-7]+)\}/y, 8);
    case 'c':
      return parseControl(ctx, pos);
    case 'p':
    case 'P':
      return parseProperty(ctx, pos, ch === 'P');
    case 'Q':
      return parseQuoted(pattern, next);
    case 'E':
      return { escape: { kind: 'none' }, end: next };
    case 'R':
      return { escape: { kind: 'atom', js: '(?:\\r\\n|[\\n-\\r\\u{85}\\u{2028}\\u{2029}])' }, end: next };
    case 'N':
      return pattern[next] === '{'
        ? parseCodePoint(ctx, pos, /\{U\+([0-9a-fA-F]+)\}/y, 16)
        : { escape: { kind: 'atom', js: '[^\\n]' }, end: next };
    case 'g':
    case 'k':
      return parseNamedBackref(ctx, pos, groupsOpened);
    default:
      throw regexError(ctx, `unrecognized escape \\${ch} in the regex`, pos);
  }
}

/** `\0nn` octal, `\N` back reference, or `\NNN` octal (PCRE's rule: a backref when N < 10, starts with 8/9, or N groups exist). */
function parseDigits(pattern: string, start: number, inClass: boolean, groupsOpened: number): EscapeResult {
  const digits = /\d+/y;
  digits.lastIndex = start;
  const text = digits.exec(pattern)![0];
  const n = Number(text);
  if (!inClass && text[0] !== '0' && (n < 10 || text[0] === '8' || text[0] === '9' || n <= groupsOpened)) {
    return { escape: { kind: 'backref', target: n }, end: start + text.length };
  }
  const octal = /[0-7]{1,3}/y;
  octal.lastIndex = start;
  const m = octal.exec(pattern);
  if (!m) return { escape: { kind: 'char', cp: pattern.codePointAt(start)! }, end: start + 1 };
  return { escape: { kind: 'char', cp: parseInt(m[0], 8) }, end: start + m[0].length };
}

function parseCodePoint(ctx: PatternContext, pos: number, syntax: RegExp, radix: number): EscapeResult {
  syntax.lastIndex = pos + 2;
  const m = syntax.exec(ctx.pattern);
  if (!m) throw regexError(ctx, `malformed escape \\${ctx.pattern[pos + 1]} in the regex`, pos);
  const digits = m[1] ?? m[2] ?? '';
  const cp = digits === '' ? 0 : parseInt(digits, radix);
  if (cp > MAX_CODE_POINT) throw regexError(ctx, 'character code point value in the regex is too large', pos);
  return { escape: { kind: 'char', cp }, end: syntax.lastIndex };
}

function parseControl(ctx: PatternContext, pos: number): EscapeResult {
  const code = ctx.pattern.charCodeAt(pos + 2);
  if (!(code >= 0x20 && code < 0x7f)) throw regexError(ctx, '\\c must be followed by a printable ASCII character', pos);
  return { escape: { kind: 'char', cp: String.fromCharCode(code).toUpperCase().charCodeAt(0) ^ 0x40 }, end: pos + 3 };
}

function parseProperty(ctx: PatternContext, pos: number, negated: boolean): EscapeResult {
  const { pattern } = ctx;
  let name: string;
  let end: number;
  if (pattern[pos + 2] === '{') {
    const close = pattern.indexOf('}', pos + 3);
    if (close < 0) throw regexError(ctx, 'malformed \\p{...} property in the regex', pos);
    name = pattern.slice(pos + 3, close);
    end = close + 1;
  } else {
    name = pattern[pos + 2] ?? '';
    end = pos + 3;
  }
  const caret = name.startsWith('^');
  const bare = caret ? name.slice(1) : name;
  if (bare === '') throw regexError(ctx, 'malformed \\p{...} property in the regex', pos);
  return { escape: { kind: 'set', set: propertySet(ctx, bare, negated !== caret, pos) }, end };
}

function parseQuoted(pattern: string, start: number): EscapeResult {
  const close = pattern.indexOf('\\E', start);
  const stop = close < 0 ? pattern.length : close;
  const cps = Array.from(pattern.slice(start, stop), (c) => c.codePointAt(0)!);
  return { escape: { kind: 'quoted', cps }, end: close < 0 ? stop : close + 2 };
}

/** `\g{n}`, `\gn`, `\g{-n}`, `\g{name}`, `\k<name>`, `\k'name'`, `\k{name}`. */
function parseNamedBackref(ctx: PatternContext, pos: number, groupsOpened: number): EscapeResult {
  const letter = ctx.pattern[pos + 1]!;
  const open = ctx.pattern[pos + 2] ?? '';
  if (letter === 'g' && (open === '<' || open === "'")) throw unsupportedConstruct(ctx, `subroutine call \\g${open}...`, pos);
  const { body, end } = backrefBody(ctx, pos, open);
  if (letter === 'g' && /^-?\d+$/.test(body)) {
    const n = Number(body);
    const target = n < 0 ? groupsOpened + n + 1 : n;
    if (target < 1) throw regexError(ctx, `back reference \\g${body} refers to a group that does not exist`, pos);
    return { escape: { kind: 'backref', target }, end };
  }
  if (!GROUP_NAME.test(body)) throw regexError(ctx, `\\${letter} must be followed by a group name or number`, pos);
  return { escape: { kind: 'backref', target: body }, end };
}

const CLOSING_BRACKET: Record<string, string> = { '{': '}', '<': '>', "'": "'" };

/** The text naming the referenced group, bracketed or (for `\g`) a bare signed number. */
function backrefBody(ctx: PatternContext, pos: number, open: string): { body: string; end: number } {
  const close = CLOSING_BRACKET[open];
  if (close === undefined) {
    const number = /-?\d+/y;
    number.lastIndex = pos + 2;
    const body = number.exec(ctx.pattern)?.[0] ?? '';
    return { body, end: pos + 2 + body.length };
  }
  const stop = ctx.pattern.indexOf(close, pos + 3);
  if (stop < 0) throw regexError(ctx, `unterminated \\${ctx.pattern[pos + 1]} back reference`, pos);
  return { body: ctx.pattern.slice(pos + 3, stop), end: stop + 1 };
}
