// Decoding one picked JSON value of a block line as JSON.parse would, from the block's bytes.
import { HitCursor, stringSearch } from '../fastpath/hit-cursor.js';
import { endsMember } from './key-search.js';
import { LETTER_F, LETTER_N, LETTER_T, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars.js';
import { parseJsonNumber } from './scan-number.js';
import { parseJsonValueExact } from '../../util/exact-json.js';
import { BROKEN, skipValueAt } from './scan-skip.js';
import { isAscii } from 'node:buffer';
import { utf8Text } from '../../util/byte-text.js';
import type { NodeBuffer } from '../../util/node-buffer.js';

/** One block being read: its text as Latin-1 (one character per byte) and the bytes, for UTF-8 decoding. */
export interface BlockText {
  text: string;
  bytes: NodeBuffer;
  /** Byte offset of text position 0. */
  base: number;
}

/** Strings up to this long are remembered per key: low-cardinality fields (sourcetype, host) repeat line after line. */
const REMEMBERED_LENGTH = 256;
/** How many recent strings are remembered per key. */
const RECENT_STRINGS = 4;

/** Reads values of one block's lines; `reset` it per block. */
export class ValueReader {
  private block!: BlockText;
  private readonly backslashes = new HitCursor<string>('', stringSearch('\\'));
  /**
   * Per key slot, the last few plain (escape-free, ASCII) strings read: when a line holds one of those texts
   * again, the same string object is returned, which saves decoding it and lets later steps reuse its hash (Map
   * lookups). A few, not one: a low-cardinality field (sourcetype, host) alternates between values.
   */
  private readonly recentStrings: string[][] = [];
  /** Per key slot, where the next remembered string goes (round robin). */
  private readonly recentNext: number[] = [];

  reset(block: BlockText): void {
    this.block = block;
    this.backslashes.retarget(block.text);
  }

  /**
   * The value at `pos` as JSON.parse gives it, or undefined when it is broken or not followed by `,` or `}`.
   * `slot` names the key it belongs to (for remembering repeated strings).
   */
  read(pos: number, end: number, slot: number): unknown {
    const { text } = this.block;
    const code = text.charCodeAt(pos);
    if (code === QUOTE) {
      const known = this.knownStringAt(pos, end, slot);
      if (known !== undefined) return endsMember(text, pos + known.length + 2, end) ? known : undefined;
    }
    const valueEnd = skipValueAt(text, pos, code);
    if (valueEnd === BROKEN || valueEnd > end || !endsMember(text, valueEnd, end)) return undefined;
    if (code === QUOTE) return this.stringValue(pos, valueEnd, slot);
    if (code === LETTER_T) return true;
    if (code === LETTER_F) return false;
    if (code === LETTER_N) return null;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) return this.parsed(pos, valueEnd);
    return parseJsonNumber(text, pos, valueEnd);
  }

  /**
   * A string value `text[start, end)` (quotes included), decoded from the bytes: a fresh string, not a slice of
   * the block's text (a slice would keep the whole block alive as long as the value is kept, e.g. as a group key).
   */
  private stringValue(start: number, end: number, slot: number): unknown {
    const { bytes, base, text } = this.block;
    if (this.backslashes.firstFrom(start + 1) < end) return this.parsed(start, end);
    const length = end - start - 2;
    const value = utf8Text(bytes, base + start + 1, base + end - 1);
    // Only an ASCII value reads the same in the Latin-1 text it is compared with next time.
    if (length <= REMEMBERED_LENGTH && value.length === length && isAsciiText(value)) this.remember(slot, (this.recentStrings[slot] ??= []), value);
    return value;
  }

  /**
   * The remembered string that the string value opening at `pos` spells exactly, if any: its text then a
   * quote, inside the line. A remembered string holds no quote or backslash, so that quote closes the value and
   * nothing in it is escaped: the value is that string, found without searching for its end or for backslashes.
   */
  private knownStringAt(pos: number, end: number, slot: number): string | undefined {
    const recent = this.recentStrings[slot];
    if (recent === undefined) return undefined;
    const { text } = this.block;
    for (let i = 0; i < recent.length; i++) {
      const known = recent[i]!;
      const close = pos + 1 + known.length;
      if (close < end && text.charCodeAt(close) === QUOTE && text.startsWith(known, pos + 1)) return known;
    }
    return undefined;
  }

  /** Keep `value` among the slot's recent strings, in place of the oldest once there are RECENT_STRINGS. */
  private remember(slot: number, recent: string[], value: string): void {
    const at = this.recentNext[slot] ?? 0;
    recent[at] = value;
    this.recentNext[slot] = (at + 1) % RECENT_STRINGS;
  }

  /**
   * JSON.parse of the UTF-8 text of `text[start, end)`; undefined when invalid. ASCII bytes read the same as
   * Latin-1, so then the piece's own text is parsed (a slice: no decoding; JSON.parse makes fresh strings).
   */
  private parsed(start: number, end: number): unknown {
    const { bytes, base, text } = this.block;
    try {
      if (isAscii(bytes.subarray(base + start, base + end))) return parseJsonValueExact(text.slice(start, end));
      return parseJsonValueExact(utf8Text(bytes, base + start, base + end));
    } catch {
      return undefined;
    }
  }
}

/** True when every character is below 0x80 (then the Latin-1 and the UTF-8 readings of its bytes agree). */
function isAsciiText(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 0x80) return false;
  return true;
}
