// Wildcard field-name patterns (`EU*`, `*_count`) shared by rename, fields, table and friends.
import { escapeRegExp } from '../util/escape-regexp.js';

/** A compiled field-name pattern: `match` returns the `*` captures, or null. */
export interface NamePattern {
  text: string;
  hasWildcard: boolean;
  match(name: string): string[] | null;
}

export function compileNamePattern(text: string): NamePattern {
  if (!text.includes('*')) return { text, hasWildcard: false, match: (name) => (name === text ? [] : null) };
  const source = text.split('*').map(escapeRegExp).join('(.*?)');
  const re = new RegExp(`^${source}$`, 's');
  return {
    text,
    hasWildcard: true,
    match: (name) => {
      const m = re.exec(name);
      return m ? m.slice(1) : null;
    },
  };
}

/** Fill a target pattern's `*`s with captures: `EMEA*` + [`_UK`] → `EMEA_UK`. */
export function fillPattern(target: string, captures: string[]): string {
  let i = 0;
  return target.replace(/\*/g, () => captures[i++] ?? '');
}

/** Field names among `names` that any of the patterns matches, in the patterns' order then name order. */
export function expandPatterns(patterns: NamePattern[], names: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of patterns) {
    if (!p.hasWildcard) {
      if (!seen.has(p.text)) {
        seen.add(p.text);
        out.push(p.text);
      }
      continue;
    }
    for (const n of names) {
      if (!seen.has(n) && p.match(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}
