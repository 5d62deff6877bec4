// Compiles Splunk's PCRE patterns to JavaScript RegExps once, with a cache keyed by pattern and flags.
import { SplError, type Span } from '../errors.js';
import { budgetedRegExp } from './budget.js';
import { analyseSource } from './linear-source.js';
import { translatePcre } from './translate.js';

export interface CompiledRegex {
  /**
   * The JS RegExp (flags `u`, plus `i`/`g`/`d` as needed). Shared through the cache: with `global`, do not rely
   * on `lastIndex` between calls (use `matchAll`/`replace`, or set `lastIndex = 0` before an `exec` loop).
   */
  regex: RegExp;
  /** Named groups in pattern order; `match.groups[name]` holds each capture. */
  groupNames: string[];
  /** `groupIndex[n]` is the index in a JS match of PCRE group n (they differ when atomic groups are emulated). */
  groupIndex: number[];
  /** The PCRE pattern as written. */
  source: string;
}

export interface PcreOptions {
  /** Add the JS `g` flag (every match, e.g. rex max_match or sed `g`). */
  global?: boolean;
  /** Add the JS `d` flag (match.indices with per-group offsets, e.g. rex offset_field). */
  indices?: boolean;
  /** Span of the pattern in the query, used by errors. */
  span?: Span;
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledRegex>();

/** Translate a PCRE pattern to a JS RegExp; throws SplError 'bad-regex' for invalid or unsupported patterns. */
export function compilePcre(pattern: string, opts: PcreOptions = {}): CompiledRegex {
  const key = `${opts.global ? 'g' : ''}${opts.indices ? 'd' : ''}:${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const compiled = compileUncached(pattern, opts);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

function compileUncached(pattern: string, opts: PcreOptions): CompiledRegex {
  const translation = translatePcre({ pattern, span: opts.span });
  const flags = `${opts.indices ? 'd' : ''}${opts.global ? 'g' : ''}${translation.ignoreCase ? 'i' : ''}u`;
  let regex: RegExp;
  try {
    regex = budgetedRegExp(translation.source, flags, analyseSource(translation.source), pattern, translation.groupNames);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(err);
    throw new SplError('bad-regex', `invalid regex: ${reason}`, opts.span);
  }
  return Object.freeze({
    regex,
    groupNames: Object.freeze(translation.groupNames) as string[],
    groupIndex: Object.freeze(translation.groupIndex) as number[],
    source: pattern,
  });
}
