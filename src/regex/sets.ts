// Named character sets of PCRE: \d \s \h \v \w and negations, POSIX [:classes:], \p{..} properties.
import { MAX_CODE_POINT, type Range } from './codepoints.js';
import { unsupportedConstruct, type PatternContext } from './context.js';

/** A character set: a JS escape valid inside and outside classes (`\d`, `\p{L}`), or explicit ranges. */
export type CharSet = { native: string } | { ranges: Range[]; negated: boolean };

/** PCRE `\s` without UCP: HT, LF, VT, FF, CR, space (JS `\s` would add Unicode spaces). */
const ASCII_SPACE: Range[] = [[0x09, 0x0d], [0x20, 0x20]];
/** PCRE `\h`: horizontal white space, including the Unicode ones PCRE lists. */
const HORIZONTAL_SPACE: Range[] = [
  [0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e],
  [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
];
/** PCRE `\v`: vertical white space (not JS's single VT character). */
const VERTICAL_SPACE: Range[] = [[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]];

/** JS `\d` and `\w` are ASCII-only like PCRE's, so they are kept native. */
const ESCAPE_SETS: Record<string, CharSet> = {
  d: { native: '\\d' },
  D: { native: '\\D' },
  w: { native: '\\w' },
  W: { native: '\\W' },
  s: { ranges: ASCII_SPACE, negated: false },
  S: { ranges: ASCII_SPACE, negated: true },
  h: { ranges: HORIZONTAL_SPACE, negated: false },
  H: { ranges: HORIZONTAL_SPACE, negated: true },
  v: { ranges: VERTICAL_SPACE, negated: false },
  V: { ranges: VERTICAL_SPACE, negated: true },
};

/** The set for a one-letter escape such as `d` or `S`, if it is one. */
export function escapeSet(letter: string): CharSet | undefined {
  return ESCAPE_SETS[letter];
}

const DIGIT: Range = [0x30, 0x39];
const UPPER: Range = [0x41, 0x5a];
const LOWER: Range = [0x61, 0x7a];

/** POSIX classes as PCRE defines them without UCP (ASCII only). */
const POSIX_CLASSES: Record<string, Range[]> = {
  alnum: [DIGIT, UPPER, LOWER],
  alpha: [UPPER, LOWER],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [DIGIT],
  graph: [[0x21, 0x7e]],
  lower: [LOWER],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: ASCII_SPACE,
  upper: [UPPER],
  word: [DIGIT, UPPER, LOWER, [0x5f, 0x5f]],
  xdigit: [DIGIT, [0x41, 0x46], [0x61, 0x66]],
};

/** The ranges of a POSIX class name (`alpha`), or undefined when PCRE does not know it. */
export function posixClass(name: string): Range[] | undefined {
  return Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
}

const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
const PCRE_SPECIAL_PROPERTIES = new Set(['Xan', 'Xps', 'Xsp', 'Xwd', 'Xuc']);

/** The set for `\p{name}` (or `\P{name}` when negated): general categories, `Any`, `L&`, or a script name. */
export function propertySet(ctx: PatternContext, name: string, negated: boolean, offset: number): CharSet {
  const p = negated ? 'P' : 'p';
  if (name === 'Any') return { ranges: [[0, MAX_CODE_POINT]], negated };
  if (name === 'L&') return { native: `\\${p}{LC}` };
  if (PCRE_SPECIAL_PROPERTIES.has(name)) throw unsupportedConstruct(ctx, `\\p{${name}}`, offset);
  if (GENERAL_CATEGORIES.has(name) || name.includes('=')) return { native: `\\${p}{${name}}` };
  return { native: `\\${p}{Script=${name}}` };
}
