// LIKE patterns (`%` any run of characters, `_` exactly one) compiled to anchored regular expressions.
import { memoizeBuild } from './cache.js';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/** The anchored, case-sensitive regex for a LIKE pattern. */
export function likePatternRegex(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(REGEX_SPECIAL, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/** The regex for a pattern known only at run time (memoized). */
export const likePatternRegexCached = memoizeBuild(likePatternRegex);
