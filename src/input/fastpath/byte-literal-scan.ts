// The block pre-filter over raw bytes: find a literal ignoring ASCII case, and what could hide it, with no decoding.
import { HitCursor, type TextSearch } from './hit-cursor.js';
import { countChar } from '../../util/count-char.js';
import { spellsAscii, unicodeEscapeByteSearch } from './escape-search.js';
import { hidingForms } from './hiding-forms.js';
import { asciiUpper, equalsFolded, isAsciiLower } from '../../util/ascii-case.js';
import type { NodeBuffer } from '../../util/node-buffer.js';

/** A native search for fixed bytes (Buffer.indexOf: memchr on the first byte, then a compare). */
function bytesSearch(needle: Buffer): TextSearch<Buffer> {
  return (bytes, from) => bytes.indexOf(needle, from);
}

/** The byte searches for what could hide the literal: the spelling escapes and the forms of hiding-forms.ts. */
function hidingByteSearches(literal: string): TextSearch<Buffer>[] {
  const { escapes, utf8 } = hidingForms(literal);
  return [
    unicodeEscapeByteSearch('0', spellsAscii),
    ...escapes.map((hex) => unicodeEscapeByteSearch(hex)),
    ...utf8.map((bytes) => bytesSearch(Buffer.from(bytes))),
  ];
}

/** The two-character spellings of literal[at, at + 2) in every ASCII case. */
function caseVariants(pair: string): Buffer[] {
  let spellings = [''];
  for (const ch of pair) {
    const code = ch.charCodeAt(0);
    const forms = isAsciiLower(code) ? [ch, String.fromCharCode(asciiUpper(code))] : [ch];
    spellings = spellings.flatMap((head) => forms.map((form) => head + form));
  }
  return spellings.map((spelling) => Buffer.from(spelling, 'latin1'));
}

/**
 * Where to anchor the search in the literal: the two characters whose first one (in either case) is rarest in
 * `sample` (memchr stops on it), fewer case spellings breaking ties.
 */
function anchorOf(literal: string, sample: string): number {
  if (literal.length < 2) return 0;
  let best = 0;
  let bestScore = Infinity;
  for (let at = 0; at + 2 <= literal.length; at++) {
    const ch = literal[at]!;
    const upper = ch.toUpperCase();
    const count = countChar(sample, ch) + (upper === ch ? 0 : countChar(sample, upper));
    const score = count * 4 + caseVariants(literal.slice(at, at + 2)).length;
    if (score < bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

/**
 * Finds, in a block's raw bytes, the lines that may hold a lower-case printable-ASCII literal once decoded and
 * lower-cased: the literal in any ASCII case (bytes of 0x80 and up never fold to ASCII, as in the Latin-1 scan),
 * or an escape that can spell it (`spellsAscii`), İ (for a final `i`), or the Kelvin sign (for a `k`). One cursor per case spelling of
 * two anchor characters, and per hiding form; cursors live for a whole block, so no byte is searched twice.
 */
export class ByteLiteralScan {
  private readonly codes: number[];
  private readonly anchor: number;
  private readonly spellings: HitCursor<Buffer>[];
  private readonly hiding: HitCursor<Buffer>[];
  private bytes: Buffer | null = null;
  private blockStart = -1;

  /** `sample`: text like the data's (the first piece), to pick a rare anchor. */
  constructor(literal: string, sample: string) {
    this.codes = [...literal].map((ch) => ch.charCodeAt(0));
    this.anchor = anchorOf(literal, sample);
    const empty: Buffer = Buffer.alloc(0);
    this.spellings = caseVariants(literal.slice(this.anchor, this.anchor + 2)).map((needle) => new HitCursor(empty, bytesSearch(needle)));
    this.hiding = hidingByteSearches(literal).map((search) => new HitCursor(empty, search));
  }

  /** Searches `bytes` from now on, unless it is already the block searched (cursors keep their hits within a block). */
  useBlock(bytes: NodeBuffer, blockStart: number): void {
    if (bytes === this.bytes && blockStart === this.blockStart) return;
    this.bytes = bytes;
    this.blockStart = blockStart;
    for (const cursor of this.spellings) cursor.retarget(bytes);
    for (const cursor of this.hiding) cursor.retarget(bytes);
  }

  /**
   * The first position at or after `pos` that says a line may hold the literal (a hit of it, or of what could
   * hide it), Infinity when none. Hits may lie past the block's end (stale bytes): callers bound them.
   */
  nextMayMatch(pos: number): number {
    let next = this.nextLiteral(pos);
    for (const cursor of this.hiding) next = Math.min(next, cursor.firstFrom(pos));
    return next;
  }

  /** The start of the first ASCII-case-insensitive occurrence of the literal at or after `pos`, or Infinity. */
  private nextLiteral(pos: number): number {
    for (let from = pos + this.anchor; ; ) {
      let hit = Infinity;
      for (const cursor of this.spellings) hit = Math.min(hit, cursor.firstFrom(from));
      if (hit === Infinity) return Infinity;
      const start = hit - this.anchor;
      if (this.matchesAt(start)) return start;
      from = hit + 1;
    }
  }

  /** Whether bytes[start...] spell the literal ignoring ASCII case. */
  private matchesAt(start: number): boolean {
    const bytes = this.bytes!;
    const { codes } = this;
    if (start + codes.length > bytes.length) return false;
    for (let i = 0; i < codes.length; i++) if (!equalsFolded(bytes[start + i]!, codes[i]!)) return false;
    return true;
  }
}
