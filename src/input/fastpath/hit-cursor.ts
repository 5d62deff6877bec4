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
  /** After a bounded search that found nothing: no hit starts in [searchedFrom, clearTo); `hit` is then -1 (unknown). */
  private clearTo = -1;

  constructor(
    private text: T,
    private readonly search: TextSearch<T>,
  ) {}

  /** Search another text from now on (reusing the cursor saves an allocation per text). */
  retarget(text: T): void {
    this.text = text;
    this.hit = -1;
    this.searchedFrom = Infinity;
    this.clearTo = -1;
  }

  /** The position of the first hit at or after `pos`, or Infinity. Positions asked must not decrease much: each
   * ask before the cached range searches again. */
  firstFrom(pos: number): number {
    if (pos >= this.searchedFrom && pos <= this.hit) return this.hit;
    const found = this.search(this.text, pos);
    this.searchedFrom = pos;
    this.hit = found < 0 ? Infinity : found;
    this.clearTo = -1;
    return this.hit;
  }

  /**
   * The first hit in [pos, end) that lies wholly inside `window` (the text's [windowStart, end), e.g. a line as a
   * slice), else Infinity (or a hit at or past `end`, already known). Unlike firstFrom, the search never runs past
   * `end`: a caller that asks about a few lines far apart pays for those lines only, not for the text between
   * them (where a rare needle would be searched to its next hit). Cached as firstFrom is.
   */
  firstIn(pos: number, end: number, window: T, windowStart: number): number {
    if (pos >= this.searchedFrom && pos <= this.hit) return this.hit;
    if (pos >= this.searchedFrom && end <= this.clearTo) return Infinity;
    const found = this.search(window, pos - windowStart);
    this.searchedFrom = pos;
    if (found < 0) {
      this.hit = -1;
      this.clearTo = end;
      return Infinity;
    }
    this.hit = found + windowStart;
    this.clearTo = -1;
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
