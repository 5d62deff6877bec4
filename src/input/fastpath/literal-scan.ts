// Block-level pre-filter: find the lines that may hold a literal by one native search over the block's raw text.
import { HitCursor, regexSearch, stringSearch, type TextSearch } from './hit-cursor.js';
import { unicodeEscapeSearch } from './escape-search.js';
import { escapeRegExp } from '../../util/escape-regexp.js';
import { hidingForms } from './hiding-forms.js';
import { latin1Text } from '../../util/byte-text.js';
import type { NodeBuffer } from '../../util/node-buffer.js';
import { LINE_KELVIN_ESCAPE, LINE_LITERAL, LINE_SPELLING_ESCAPE } from '../json/line-runs-wasm.js';


/** The text searches for what could hide the literal (see hiding-forms.ts), over Latin-1 text. */
function hidingSearches(literal: string): TextSearch[] {
  const { escapes, utf8 } = hidingForms(literal);
  return [...escapes.map((hex) => unicodeEscapeSearch(hex)), ...utf8.map((bytes) => stringSearch(String.fromCharCode(...bytes)))];
}

/**
 * Decides which lines of a block may contain a pre-filter literal (lower-case, printable ASCII without `"`, `\`,
 * `/`), exactly: a line it rejects cannot contain the literal once decoded and lower-cased. It searches the
 * block's Latin-1 text (one character per byte) for the literal ignoring ASCII case, and for what could hide it.
 * Of several literals (all required), it uses the one with the fewest hits in the first block it sees. There is no
 * density threshold: its cost is one native search per piece plus a cursor check per line, at any share of hits.
 */
export class LiteralScan {
  private chosen: string | null = null;
  private literalSearch: TextSearch | null = null;
  private hidingSearches: TextSearch[] | null = null;
  /** Cursors over this scan's own hiding searches (the escape cursor is shared and given to `reset`). */
  private ownHidingHits: HitCursor[] = [];
  private literalHits: HitCursor | null = null;
  private hidingHits: HitCursor[] = [];

  constructor(private readonly literals: readonly string[]) {}

  /** Start a block: its Latin-1 text and a cursor over its escapes that could spell the literal (SPELLING_ESCAPES). */
  reset(text: string, escapes: HitCursor): void {
    if (this.chosen === null) this.choose(text);
    this.literalSearch ??= regexSearch(literalPattern(this.chosen!));
    this.hidingSearches ??= hidingSearches(this.chosen!);
    if (this.literalHits === null) {
      this.literalHits = new HitCursor(text, this.literalSearch);
      this.ownHidingHits = this.hidingSearches.map((search) => new HitCursor(text, search));
    } else {
      this.literalHits.retarget(text);
      for (const cursor of this.ownHidingHits) cursor.retarget(text);
    }
    this.hidingHits = [escapes, ...this.ownHidingHits];
  }

  /** False only when text[start, end) cannot hold the literal. */
  mayMatch(start: number, end: number): boolean {
    if (this.literalHits!.within(start, end)) return true;
    for (const cursor of this.hidingHits) if (cursor.within(start, end)) return true;
    return false;
  }

  /** The literal searched (the one with the fewest hits in the first piece, chosen on its Latin-1 text once). */
  literalFor(bytes: NodeBuffer, start: number, end: number): string {
    if (this.chosen === null) this.choose(latin1Text(bytes, start, end));
    return this.chosen!;
  }

  /** The byte forms that could hide the chosen literal (UTF-8 sequences), with cursors; made at the first piece. */
  private byteHiding: { cursors: HitCursor<Buffer>[]; escapeFlags: number } | null = null;

  /**
   * Start a piece judged by the module's line scan (line-runs-wasm.ts, pieceLineScan): `piece` is its bytes;
   * positions are offsets in it. The module's flags say whether a line holds the literal or an escape that could
   * spell it; the UTF-8 forms that could hide it (rare: a literal ending in `i` or holding a `k`) are searched here.
   */
  resetBytes(piece: NodeBuffer): void {
    if (this.byteHiding === null) {
      const { escapes, utf8 } = hidingForms(this.chosen!);
      const cursors = utf8.map((sequence) => new HitCursor<Buffer>(piece, byteSearch(Buffer.from(sequence))));
      this.byteHiding = { cursors, escapeFlags: LINE_LITERAL | LINE_SPELLING_ESCAPE | (escapes.length > 0 ? LINE_KELVIN_ESCAPE : 0) };
    }
    for (const cursor of this.byteHiding.cursors) cursor.retarget(piece);
  }

  /** mayMatch for a line of the piece given to resetBytes, from its flags (all three escape flags known). */
  mayMatchLine(flags: number, start: number, end: number): boolean {
    const hiding = this.byteHiding!;
    if ((flags & hiding.escapeFlags) !== 0) return true;
    for (const cursor of hiding.cursors) if (cursor.within(start, end)) return true;
    return false;
  }

  private choose(text: string): void {
    let fewest = Infinity;
    for (const literal of this.literals) {
      const hits = countLinesWithHits(text, literalPattern(literal));
      if (hits < fewest) [fewest, this.chosen] = [hits, literal];
    }
  }
}


function literalPattern(literal: string): RegExp {
  return new RegExp(escapeRegExp(literal), 'gi');
}

/** Lines of `text` with at least one hit of the global regex `re`. */
function countLinesWithHits(text: string, re: RegExp): number {
  let count = 0;
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    count++;
    const newline = text.indexOf('\n', match.index);
    if (newline < 0) break;
    re.lastIndex = newline + 1;
  }
  return count;
}

/** A search for a byte sequence in raw bytes (native indexOf). */
function byteSearch(needle: Buffer): (bytes: Buffer, from: number) => number {
  return (bytes, from) => bytes.indexOf(needle, from);
}
