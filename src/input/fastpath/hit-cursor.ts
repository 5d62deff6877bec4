// Forward-only search over one text (a string or raw bytes): lines visited in order ask "first hit at or after here?" and no byte is scanned twice.

/** Finds the first hit at or after `from` in `text` (a Latin-1 string, or a Buffer of raw bytes), or -1. */
export type TextSearch<T = string> = (text: T, from: number) => number;

/**
 * Caches the last hit found, so that asking for successive positions (lines in order) costs one pass over the
 * text in total, however far apart the hits are.
 */
export class HitCursor<T = string> {
  /** The first hit at or after `searchedFrom` (Infinity: none up to the end of the text). */
  private hit = -1;
  private searchedFrom = Infinity;

  constructor(
    private text: T,
    private readonly search: TextSearch<T>,
  ) {}

  /** Search another text from now on (reusing the cursor saves an allocation per text). */
  retarget(text: T): void {
    this.text = text;
    this.hit = -1;
    this.searchedFrom = Infinity;
  }

  /** The position of the first hit at or after `pos`, or Infinity. Positions asked must not decrease much: each
   * ask before the cached range searches again. */
  firstFrom(pos: number): number {
    if (pos >= this.searchedFrom && pos <= this.hit) return this.hit;
    const found = this.search(this.text, pos);
    this.searchedFrom = pos;
    this.hit = found < 0 ? Infinity : found;
    return this.hit;
  }

  /** True when a hit starts in [start, end). */
  within(start: number, end: number): boolean {
    return this.firstFrom(start) < end;
  }
}

/** A TextSearch for a fixed string (native indexOf). */
export function stringSearch(needle: string): TextSearch {
  return (text, from) => text.indexOf(needle, from);
}

/** A TextSearch for a global regex (its lastIndex is set per call). */
export function regexSearch(re: RegExp): TextSearch {
  const global = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  return (text, from) => {
    global.lastIndex = from;
    const match = global.exec(text);
    return match === null ? -1 : match.index;
  };
}
