// The one reading of Splunk's boolean words (true/t/1/yes/y, false/f/0/no/n), for options, macros.conf and stats.
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'f', '0', 'no', 'n']);

/** true or false for a boolean word (any case, surrounding spaces ignored), undefined for anything else. */
export function boolWord(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
