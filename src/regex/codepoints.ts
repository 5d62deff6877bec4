// Code-point range sets for character classes: normalising, complementing, case closure, JS escaping.

/** An inclusive range of code points. */
export type Range = readonly [number, number];

export const MAX_CODE_POINT = 0x10ffff;

/** Ranges sorted by start, with overlapping and adjacent ranges merged. */
export function normalizeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Every code point not in `ranges`. */
export function complementRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalizeRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** Other single code points that are the same letter in another case (e.g. `a` → [`A`]). */
export function caseVariants(cp: number): number[] {
  const variants = new Set<number>();
  const addMappings = (from: number): void => {
    const s = String.fromCodePoint(from);
    for (const mapped of [s.toLowerCase(), s.toUpperCase()]) {
      const m = mapped.codePointAt(0)!;
      if (mapped.length === String.fromCodePoint(m).length) variants.add(m);
    }
  };
  addMappings(cp);
  for (const v of [...variants]) addMappings(v);
  variants.delete(cp);
  return [...variants];
}

/** Non-ASCII ranges larger than this are left without case closure (documented limitation). */
const MAX_FOLDED_RANGE = 4096;

/** Add the other-case letters of every code point in `ranges`, for emulating a scoped `(?i)`. */
export function caseClosure(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    addShifted(out, lo, hi, 0x61, 0x7a, -0x20); // a-z -> A-Z
    addShifted(out, lo, hi, 0x41, 0x5a, 0x20); // A-Z -> a-z
    const start = Math.max(lo, 0x80);
    if (hi < start || hi - start > MAX_FOLDED_RANGE) continue;
    for (let cp = start; cp <= hi; cp++) for (const v of caseVariants(cp)) out.push([v, v]);
  }
  return normalizeRanges(out);
}

function addShifted(out: Range[], lo: number, hi: number, from: number, to: number, shift: number): void {
  const a = Math.max(lo, from);
  const b = Math.min(hi, to);
  if (a <= b) out.push([a + shift, b + shift]);
}

const CLASS_SYNTAX = new Set(['\\', ']', '[', '^', '-']);
const LITERAL_SYNTAX = new Set(['\\', '^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);

/** A code point as JS source: printable ASCII as itself (syntax characters escaped), anything else as `\u{..}`. */
function escapeCodePoint(cp: number, syntax: Set<string>): string {
  if (cp < 0x20 || cp > 0x7e) return `\\u{${cp.toString(16)}}`;
  const ch = String.fromCharCode(cp);
  return syntax.has(ch) ? `\\${ch}` : ch;
}

/** A code point as a literal outside a character class. */
export function escapeLiteral(cp: number): string {
  return escapeCodePoint(cp, LITERAL_SYNTAX);
}

/** A code point as a member of a character class. */
export function escapeClassChar(cp: number): string {
  return escapeCodePoint(cp, CLASS_SYNTAX);
}

/** The body of a JS character class (without brackets) for normalised ranges. */
export function rangesToClassBody(ranges: readonly Range[]): string {
  let body = '';
  for (const [lo, hi] of ranges) {
    body += escapeClassChar(lo);
    if (hi === lo + 1) body += escapeClassChar(hi);
    else if (hi > lo) body += `-${escapeClassChar(hi)}`;
  }
  return body;
}
