// Case folding of event text for case-insensitive search, remembered for the last text folded.

let lastRaw: string | undefined;
let lastFolded = '';

/**
 * `raw.toLowerCase()`, computed once per distinct text: the matchers of one search's terms all see the same
 * event's `_raw` in a row, so only the first of them pays for the fold.
 */
export function foldedRaw(raw: string): string {
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastFolded = raw.toLowerCase();
  }
  return lastFolded;
}
