// Fast projected decode of NDJSON lines inside a block: find the needed top-level keys by native search, not by walking.
import { HitCursor, stringSearch } from '../fastpath/hit-cursor.js';
import { isJsonSpace, keyNeedle, keyValueStart, mayOpenContainer, SIMPLE_KEY, type KeyNeedle } from './key-search.js';
import { ValueReader, type BlockText } from './picked-value.js';
import { CLOSE_BRACE, LETTER_N, OPEN_BRACE, QUOTE } from './json-chars.js';

/**
 * Names left to the full decoder: the keys of a Splunk export line (a line whose only keys are these is
 * unwrapped), and `__proto__` (an own property only JSON.parse makes).
 */
const UNPICKABLE = new Set(['preview', 'offset', 'lastrow', 'result', '__proto__']);

/** Declines a line (the caller decodes it the general way). */
export const DECLINE = null;


/** True when a projection can be read by KeyPicker: every name is a plain top-level key, none an export key. */
export function canPickKeys(names: Iterable<string>): boolean {
  for (const name of names) if (!SIMPLE_KEY.test(name) || UNPICKABLE.has(name)) return false;
  return true;
}

/**
 * Reads the needed keys of each line of a block as JSON.parse would give them, or DECLINEs the line when it
 * cannot be sure without a full scan: a needed key written twice, inside a possibly nested container, a `\u`
 * escape that could spell a key, or a line that does not look like one object (not `{...}`, or with none of the
 * keys and not opening with `{"` or `{}`: the full decoder then reports it if it is broken). Lines must be asked
 * in order.
 *
 * Needed are the projection's fields (always looked for) and the time fields, tried in order until one has a
 * value (as the decoder's `_time` lookup does: the others are then never read).
 *
 * Fields may be read in two steps: `pickFirst` gives the `first` fields (those a filter reads), and only if
 * the filter keeps the line does `pickRest` give all the members.
 */
export class KeyPicker {
  /** By name until the first block, then with each needle's start chosen rarest in that block's text. */
  private needles: KeyNeedle[];
  /** Needles [0, firstCount) are the first step's fields, [firstCount, fieldCount) the other fields, the rest time fields. */
  private readonly firstCount: number;
  private readonly fieldCount: number;
  /** Needle indexes of the time fields in lookup order (some may be fields too). */
  private readonly timeOrder: number[];
  private keyCursors: HitCursor[] = [];
  private readonly braces = new HitCursor<string>('', stringSearch('{'));
  private readonly brackets = new HitCursor<string>('', stringSearch('['));
  private readonly values = new ValueReader();
  private escapes!: HitCursor;
  private block!: BlockText;
  /** Per needle, for the current line: the key's opening quote (-1: absent) and where its value starts. */
  private readonly positions: Int32Array;
  private readonly valueStarts: Int32Array;
  /** Needles located on the current line, sorted by position before building members. */
  private readonly found: Int32Array;
  private foundCount = 0;
  /** The current line as a slice of the block's text (made when a key search needs it), and where it starts. */
  private line = '';
  private lineStart = -1;

  /** `first`: fields to read in a first step (a subset of `fields`, not the time fields); empty for one step. */
  constructor(fields: Iterable<string>, timeNames: readonly string[], first: readonly string[] = []) {
    const fieldSet = new Set(fields);
    const firstSet = new Set(first.filter((name) => fieldSet.has(name)));
    const others = [...fieldSet].filter((name) => !firstSet.has(name));
    const times = timeNames.filter((name) => !fieldSet.has(name));
    this.firstCount = firstSet.size;
    this.fieldCount = fieldSet.size;
    this.needles = [...firstSet, ...others, ...times].map((name) => keyNeedle(name));
    this.timeOrder = timeNames.map((name) => this.needles.findIndex((k) => k.name === name));
    this.positions = new Int32Array(this.needles.length);
    this.valueStarts = new Int32Array(this.needles.length);
    this.found = new Int32Array(this.needles.length);
  }

  /** Start a new block, with a cursor over its escapes that could spell a key (SPELLING_ESCAPES). */
  reset(block: BlockText, escapes: HitCursor): void {
    this.block = block;
    this.escapes = escapes;
    this.line = '';
    this.lineStart = -1;
    const { text } = block;
    if (this.keyCursors.length === 0) {
      this.needles = this.needles.map((k) => keyNeedle(k.name, text));
      this.keyCursors = this.needles.map((k) => new HitCursor(text, stringSearch(k.needle)));
    }
    for (const cursor of this.keyCursors) cursor.retarget(text);
    this.braces.retarget(text);
    this.brackets.retarget(text);
    this.values.reset(block);
  }

  /** The needed members of the line text[start, end), in key order, or DECLINE. */
  pick(start: number, end: number): Record<string, unknown> | null {
    return this.pickFirst(start, end) === DECLINE ? DECLINE : this.pickRest(start, end);
  }

  /** The first step's members of the line (those of them that it has), or DECLINE. */
  pickFirst(start: number, end: number): Record<string, unknown> | null {
    const { text } = this.block;
    if (text.charCodeAt(start) !== OPEN_BRACE || text.charCodeAt(end - 1) !== CLOSE_BRACE) return DECLINE;
    if (this.escapes.within(start, end)) return DECLINE;
    this.foundCount = 0;
    for (let i = 0; i < this.firstCount; i++) if (!this.locate(i, start, end)) return DECLINE;
    return this.checkedMembers(start, end);
  }

  /** After pickFirst on the same line: all the needed members, or DECLINE. */
  pickRest(start: number, end: number): Record<string, unknown> | null {
    for (let i = this.firstCount; i < this.fieldCount; i++) if (!this.locate(i, start, end)) return DECLINE;
    if (!this.locateTime(start, end)) return DECLINE;
    // A line with none of the keys must at least open like an object (`{"` or `{}`): a broken line like `{oops}`
    // goes to the full decoder, which reports it rather than counting it.
    if (this.foundCount === 0 && !opensLikeObject(this.block.text, start, end)) return DECLINE;
    return this.checkedMembers(start, end);
  }

  /** The members located so far, once every one is known to be top-level. */
  private checkedMembers(start: number, end: number): Record<string, unknown> | null {
    let last = start;
    for (let f = 0; f < this.foundCount; f++) last = Math.max(last, this.positions[this.found[f]!]!);
    if (!this.topLevelUpTo(start, last)) return DECLINE;
    return this.members(end);
  }

  /** Locates the time fields in order until one has a value (null and "" do not count, as for `_time`). */
  private locateTime(start: number, end: number): boolean {
    for (const i of this.timeOrder) {
      if (i >= this.fieldCount && !this.locate(i, start, end)) return false;
      if (this.positions[i]! < 0) continue;
      const code = this.block.text.charCodeAt(this.valueStarts[i]!);
      const empty = code === LETTER_N || (code === QUOTE && this.block.text.charCodeAt(this.valueStarts[i]! + 1) === QUOTE);
      if (!empty) return true;
    }
    return true;
  }

  /**
   * Finds key i's one real occurrence in the line (positions[i] = -1 when absent); false when written twice. The
   * search stays inside the line: when few lines are read (a selective pre-filter), a key missing from most
   * lines would otherwise be searched through all the lines skipped up to its next hit, once per key.
   */
  private locate(i: number, start: number, end: number): boolean {
    const key = this.needles[i]!;
    const cursor = this.keyCursors[i]!;
    this.positions[i] = -1;
    if (this.lineStart !== start) {
      this.line = this.block.text.slice(start, end);
      this.lineStart = start;
    }
    const { line } = this;
    for (let hit = cursor.firstIn(start, end, line, start); hit < end; hit = cursor.firstIn(hit + 1, end, line, start)) {
      const valueStart = keyValueStart(this.block.text, key, hit, start, end);
      if (valueStart < 0) continue;
      if (this.positions[i]! >= 0) return false;
      this.positions[i] = hit - key.offset - 1;
      this.valueStarts[i] = valueStart;
      this.found[this.foundCount++] = i;
    }
    return true;
  }

  /**
   * True when no container can open between the line's `{` and `last`: every `{` or `[` there is one that valid
   * JSON only allows inside a string (not after `":`, `,` or `[`, ignoring whitespace).
   */
  private topLevelUpTo(start: number, last: number): boolean {
    // Forwards with a cursor: lastIndexOf would be shorter but V8 runs it character by character.
    const { text } = this.block;
    for (let at = this.braces.firstFrom(start + 1); at < last; at = this.braces.firstFrom(at + 1)) {
      if (mayOpenContainer(text, at, start)) return false;
    }
    for (let at = this.brackets.firstFrom(start + 1); at < last; at = this.brackets.firstFrom(at + 1)) {
      if (mayOpenContainer(this.block.text, at, start)) return false;
    }
    return true;
  }

  /** The located members in key order (insertion sort: a line has few). */
  private members(end: number): Record<string, unknown> | null {
    const { found, positions } = this;
    for (let f = 1; f < this.foundCount; f++) {
      const item = found[f]!;
      let g = f - 1;
      while (g >= 0 && positions[found[g]!]! > positions[item]!) found[g + 1] = found[g--]!;
      found[g + 1] = item;
    }
    const out: Record<string, unknown> = {};
    for (let f = 0; f < this.foundCount; f++) {
      const i = found[f]!;
      const value = this.values.read(this.valueStarts[i]!, end, i);
      if (value === undefined) return DECLINE;
      out[this.needles[i]!.name] = value;
    }
    return out;
  }
}

/** After the line's `{` and any whitespace: a key's quote or the closing brace. */
function opensLikeObject(text: string, start: number, end: number): boolean {
  let pos = start + 1;
  while (pos < end && isJsonSpace(text.charCodeAt(pos))) pos++;
  const code = text.charCodeAt(pos);
  return code === QUOTE || (code === CLOSE_BRACE && pos === end - 1);
}
