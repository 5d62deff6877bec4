// LIKE patterns (`%` any run of characters, `_` exactly one) compiled to anchored regular expressions.

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
