// Raw-line pre-filter: literals every matching event's JSON line must contain, so other lines skip JSON.parse.
import type { Pipeline, SearchExpr, SearchLiteral } from '../ast.js';
import type { CompiledPipeline } from './compile-pipeline.js';
import { parseCidr } from '../search/cidr.js';
import { requiredLiterals } from '../search/terms.js';
import { toNumber } from '../runtime/event.js';
import { timeBoundSide } from './time-bounds.js';
import { escapeRegExp } from '../util/escape-regexp.js';
import { isUnescaped } from '../util/unescaped.js';

export interface Prefilter {
  /** Lower-cased literals, longest first; a line must contain all of them. */
  literals: string[];
  /** False only when the line cannot hold an event the search keeps. */
  test(line: string): boolean;
}

/** Whether a field's value may come from outside the line (defaults, --set, aliases, presets). */
export type InjectedField = (field: string) => boolean;

/**
 * Characters JSON may write differently from the decoded text (`\/`, `\"`, `\\`, `\uXXXX`, control escapes) or that
 * case-fold unlike ASCII: a literal is cut at them and only its longest safe fragment is used.
 */
const UNSAFE = /[^\x20-\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+/;

function safeFragment(literal: string): string | undefined {
  const best = literal.split(UNSAFE).reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length > 0 ? best : undefined;
}

function termLiterals(lit: SearchLiteral): string[] {
  return requiredLiterals(lit.text);
}

/** Literals from one conjunct of the first search; OR, NOT and != contribute nothing (they need no literal). */
function conjunctLiterals(expr: SearchExpr, injected: InjectedField): string[] {
  switch (expr.kind) {
    case 'and':
      return expr.items.flatMap((i) => conjunctLiterals(i, injected));
    case 'term':
      return termLiterals(expr.value);
    case 'compare': {
      if (expr.op !== '=' || injected(expr.field) || timeBoundSide(expr.field, expr.op)) return [];
      const value = expr.value.text;
      // A number may be written 5861, 5861.0 or 5.861e3 in JSON; an address may be written many ways.
      if (!Number.isNaN(toNumber(value)) || (!value.includes('*') && parseCidr(value))) return [];
      return requiredLiterals(value);
    }
    default:
      return [];
  }
}

/** The pre-filter for a pipeline, or null when its first command gives no usable literal. */
export function derivePrefilter(ast: Pipeline, injected: InjectedField): Prefilter | null {
  const first = ast.commands[0];
  if (ast.leadingPipe || !first || first.kind !== 'search' || !first.expr) return null;
  return literalPrefilter(conjunctLiterals(first.expr, injected));
}

/** The pre-filter of a generating command that reads the input (tstats), or null. */
export function generatingPrefilter(pipeline: CompiledPipeline, injected: InjectedField): Prefilter | null {
  const first = pipeline.commands[0];
  return pipeline.generating || !first?.rawLiterals ? null : literalPrefilter(first.rawLiterals(injected));
}

/**
 * The pre-filter of a scan: the first search's literals, else a leading tstats' own. The preset's renames keep
 * values in the line for tstats, so only the user's mapping (`userMapped`) and the defaults count as injected there.
 */
export function scanPrefilter(
  ast: Pipeline, pipeline: CompiledPipeline, spec: { mapped: boolean; userMapped?: boolean; defaults: Record<string, string | undefined> },
): Prefilter | null {
  return derivePrefilter(ast, injectedFields(spec))
    ?? generatingPrefilter(pipeline, injectedFields({ mapped: spec.userMapped ?? spec.mapped, defaults: spec.defaults }));
}

/** A pre-filter requiring all of `raw` (lower-cased literals), cut to JSON-safe fragments; null when none is left. */
function literalPrefilter(raw: string[]): Prefilter | null {
  const literals = [...new Set(raw.map(safeFragment).filter((l): l is string => l !== undefined))];
  if (literals.length === 0) return null;
  literals.sort((a, b) => b.length - a.length);
  const ordered = rarestFirst(literals.map(foldingPattern));
  return {
    literals,
    test: (line) => {
      // A \u escape can hide any character (even one that folds to ASCII): such lines are always parsed.
      return ordered(line) || hasUnicodeEscape(line);
    },
  };
}

/** Lines sampled before the literal checks are reordered. */
const SAMPLE_LINES = 1000;

/**
 * All patterns must match; check the one that rejects most lines first. Which one that is depends on the data (a
 * sourcetype literal may be in every line): the first lines are checked against every pattern to find out.
 */
function rarestFirst(patterns: RegExp[]): (line: string) => boolean {
  const rejects = patterns.map(() => 0);
  let sampled = 0;
  return (line) => {
    if (sampled < SAMPLE_LINES) {
      let all = true;
      patterns.forEach((re, i) => {
        if (!re.test(line)) {
          rejects[i]!++;
          all = false;
        }
      });
      if (++sampled === SAMPLE_LINES) patterns = patterns.map((re, i) => ({ re, n: rejects[i]! })).sort((a, b) => b.n - a.n).map((p) => p.re);
      return all;
    }
    for (const re of patterns) if (!re.test(line)) return false;
    return true;
  };
}

/**
 * A regex that finds `lit` wherever `text.toLowerCase()` would contain it: `iu` case folding covers ASCII letters
 * and the Kelvin sign (U+212A → k); U+0130 (İ) lower-cases to "i" + a combining dot, so a final "i" also accepts it.
 * 5× faster than lower-casing every line. It may accept a little more (e.g. ſ for s), never less.
 */
function foldingPattern(lit: string): RegExp {
  const source = lit.endsWith('i') ? `${escapeRegExp(lit.slice(0, -1))}[i\u0130]` : escapeRegExp(lit);
  return new RegExp(source, 'iu');
}

/** True when the JSON text holds a real `\uXXXX` escape (its backslash not itself escaped). */
function hasUnicodeEscape(line: string): boolean {
  for (let at = line.indexOf('\\u'); at >= 0; at = line.indexOf('\\u', at + 2)) if (isUnescaped(line, at, 0)) return true;
  return false;
}

/** Which fields can get values that are not in the line, given how events are read. */
export function injectedFields(opts: { mapped: boolean; defaults: Record<string, string | undefined> }): InjectedField {
  if (opts.mapped) return () => true;
  const withDefault = new Set(Object.entries(opts.defaults).filter(([, v]) => v !== undefined).map(([k]) => k));
  // The decoder falls back to the file path for `source`.
  withDefault.add('source');
  return (field) => withDefault.has(field);
}
