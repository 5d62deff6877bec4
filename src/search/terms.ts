// Matching bare search terms and quoted phrases against `_raw` as whole segments (spec 1.4, 1.5, 1.11).
import { boundaryAfter, boundaryBefore, breakerKind, MAJOR_BREAKER, majorFreeEnd, MINOR_BREAKER } from './breakers.js';
import { foldedRaw } from './fold.js';

export interface TermOptions {
  /** A quoted phrase. Matched by the same rule as a bare term (the parser has already unescaped it). */
  quoted?: boolean;
  /** CASE(term): match case-sensitively. */
  caseSensitive?: boolean;
  /** TERM(term): the term must be bounded by major breakers only. */
  termMode?: boolean;
}

export type RawMatcher = (raw: string) => boolean;

interface Shape {
  majorOnly: boolean;
  /** Literal fragments between `*`s, never empty. */
  literals: string[];
  needLeft: boolean;
  needRight: boolean;
}

/**
 * Compile a term: a term without `*` must occur bounded on both sides by a breaker (major or minor; major only
 * for TERM) or the text's start/end, case-insensitively unless CASE. A `*` matches any run of characters without
 * a major breaker; a leading or trailing `*` lifts the boundary rule on its side. `*` alone matches everything.
 */
export function compileTermMatcher(term: string, opts: TermOptions): RawMatcher {
  const text = opts.caseSensitive ? term : term.toLowerCase();
  const parts = text.split('*');
  const literals = parts.filter((p) => p !== '');
  if (literals.length === 0) return () => true;
  const majorOnly = opts.termMode === true;
  const required = majorOnly ? MAJOR_BREAKER : MINOR_BREAKER;
  const first = literals[0]!;
  const last = literals[literals.length - 1]!;
  const shape: Shape = {
    majorOnly,
    literals,
    // A term that starts (ends) with a breaker carries its own boundary.
    needLeft: parts[0] !== '' && breakerKind(first.charCodeAt(0)) < required,
    needRight: parts[parts.length - 1] !== '' && breakerKind(last.charCodeAt(last.length - 1)) < required,
  };
  const fold = opts.caseSensitive ? (raw: string) => raw : foldedRaw;
  return (raw) => matchesShape(fold(raw), shape);
}

/** The lower-cased literal fragments any text matching `term` contains (for a raw-text pre-filter). */
export function requiredLiterals(term: string): string[] {
  return term
    .toLowerCase()
    .split('*')
    .filter((p) => p !== '');
}

function matchesShape(text: string, shape: Shape): boolean {
  const { literals, needLeft, majorOnly } = shape;
  const first = literals[0]!;
  for (let start = text.indexOf(first); start >= 0; start = text.indexOf(first, start + 1)) {
    if (needLeft && !boundaryBefore(text, start, majorOnly)) continue;
    const rest = matchRest(text, start + first.length, shape);
    if (rest !== 'retry') return rest === 'match';
  }
  return false;
}

/**
 * Place literals[1..] after `cursor`, each at its earliest occurrence (optimal, since a gap may not hold a major
 * breaker), trying later occurrences only for the last literal, whose right boundary may fail.
 * 'never' means no later start of the first literal can match either.
 */
function matchRest(text: string, cursor: number, shape: Shape): 'match' | 'retry' | 'never' {
  const { literals, needRight, majorOnly } = shape;
  const lastIndex = literals.length - 1;
  for (let i = 1; i < lastIndex; i++) {
    const at = text.indexOf(literals[i]!, cursor);
    if (at < 0) return 'never';
    if (at > majorFreeEnd(text, cursor)) return 'retry';
    cursor = at + literals[i]!.length;
  }
  if (lastIndex === 0) return !needRight || boundaryAfter(text, cursor, majorOnly) ? 'match' : 'retry';
  const last = literals[lastIndex]!;
  let at = text.indexOf(last, cursor);
  if (at < 0) return 'never';
  for (const limit = majorFreeEnd(text, cursor); at >= 0 && at <= limit; at = text.indexOf(last, at + 1)) {
    if (!needRight || boundaryAfter(text, at + last.length, majorOnly)) return 'match';
  }
  return 'retry';
}
