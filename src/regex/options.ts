// PCRE inline options (i m s x n U): their state while translating and how (?flags) groups change it.
import type { FlagChange } from './groups.js';

export type Options = Readonly<Record<'i' | 'm' | 's' | 'x' | 'n' | 'U', boolean>>;

export const NO_OPTIONS: Options = { i: false, m: false, s: false, x: false, n: false, U: false };

/** The options after a `(?set-unset)` or `(?^set)` group. */
export function applyFlags(options: Options, change: FlagChange): Options {
  const next: Record<string, boolean> = { ...(change.reset ? NO_OPTIONS : options) };
  for (const letter of change.set) next[letter] = true;
  for (const letter of change.unset) next[letter] = false;
  return next as Options;
}

/** True when the pattern starts with `(?i)` and never turns `i` off again (then the JS `i` flag is exact). */
export function caseInsensitiveThroughout(pattern: string): boolean {
  return /^\(\?[a-zA-Z]*i[a-zA-Z]*\)/.test(pattern) && !/\(\?[a-zA-Z]*-[a-zA-Z]*i|\(\?\^/.test(pattern);
}
