// Which detections of a pack a raw line can reach: one case-folding Aho-Corasick pass finds every detection's literals in the line.
import type { Prefilter } from '../engine/prefilter.js';
import { isUnescaped } from '../util/unescaped.js';

/** Characters the automaton knows: printable ASCII (pre-filter literals are cut to it, see prefilter.ts). */
const ALPHABET = 128;

/**
 * The character the automaton reads for `code`: ASCII letters folded to lower case, and the non-ASCII characters a
 * case-insensitive (`iu`) regex also takes for an ASCII letter (Kelvin sign, long s, dotted capital I). Anything
 * else outside ASCII matches no literal (0). It may accept a little more than the pre-filter, never less.
 */
function fold(code: number): number {
  if (code < ALPHABET) return code >= 65 && code <= 90 ? code | 0x20 : code;
  if (code === 0x212a) return 107; // K (Kelvin sign) → k
  if (code === 0x017f) return 115; // ſ → s
  if (code === 0x0130) return 105; // İ → i
  return 0;
}

/**
 * A multi-literal automaton: `scan(line, seen)` marks in `seen` the ids of the literals the folded line contains.
 * Characters are read as classes (one per character some literal uses, 0 for all others), so the transition table
 * is states × classes, small enough to stay in cache for a pack's thousand literals. The scan loop reads one table
 * entry per character: the class of an ASCII code unit is looked up directly (folding included; others go through
 * fold), and a transition holds the next state's row offset times two plus one bit telling whether literals end there.
 */
export class LiteralAutomaton {
  /** Per ASCII code unit: its class, case folded (0: used by no literal). */
  private readonly classOf: Uint8Array;
  /** Per folded character: its class. */
  private readonly classOfFolded: Uint8Array;
  private readonly classes: number;
  /** next[row + class] → (next row << 1) | ends, where row = state × classes (failure links folded in). */
  private readonly next: Int32Array;
  /** Per state: the literal ids ending there (own and through failure links), or null. */
  private readonly outputs: (number[] | null)[];

  constructor(literals: readonly string[]) {
    const classOfFolded = new Uint8Array(ALPHABET);
    let classes = 1;
    for (const lit of literals) {
      for (let i = 0; i < lit.length; i++) {
        const c = fold(lit.charCodeAt(i));
        if (c !== 0 && classOfFolded[c] === 0) classOfFolded[c] = classes++;
      }
    }
    if (classes > 255) throw new Error('LiteralAutomaton: more than 254 character classes');
    this.classes = classes;
    this.classOfFolded = classOfFolded;
    this.classOf = new Uint8Array(ALPHABET);
    for (let c = 0; c < ALPHABET; c++) this.classOf[c] = classOfFolded[fold(c)]!;
    const trie: number[][] = [new Array<number>(classes).fill(-1)];
    const own: number[][] = [[]];
    literals.forEach((lit, id) => {
      let state = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = classOfFolded[fold(lit.charCodeAt(i))]!;
        const row = trie[state]!;
        if (row[c] === -1) {
          row[c] = trie.length;
          trie.push(new Array<number>(classes).fill(-1));
          own.push([]);
        }
        state = row[c]!;
      }
      own[state]!.push(id);
    });
    this.next = new Int32Array(trie.length * classes);
    this.outputs = own.map((ids) => (ids.length ? ids : null));
    this.link(trie, own);
    // Row offsets and the "literals end here" bit, for the scan loop.
    for (let i = 0; i < this.next.length; i++) {
      const to = this.next[i]!;
      this.next[i] = ((to * classes) << 1) | (this.outputs[to] === null ? 0 : 1);
    }
  }

  /** Breadth-first: failure links, completed transitions and outputs inherited along failure links. */
  private link(trie: number[][], own: number[][]): void {
    const K = this.classes;
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let c = 0; c < K; c++) {
      const child = trie[0]![c]!;
      // Class 0 (characters no literal uses) never starts a literal: it leads back to the root.
      this.next[c] = child === -1 || c === 0 ? 0 : child;
      if (child > 0 && c !== 0) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = this.outputs[fail[state]!];
      if (inherited) this.outputs[state] = [...(own[state] ?? []), ...inherited];
      for (let c = 0; c < K; c++) {
        const child = c === 0 ? -1 : trie[state]![c]!;
        const viaFail = this.next[fail[state]! * K + c]!;
        if (child === -1) {
          this.next[state * K + c] = viaFail;
        } else {
          this.next[state * K + c] = child;
          fail[child] = viaFail;
          queue.push(child);
        }
      }
    }
  }

  /** Push onto `hits` the id of each literal in `line` (case-folded), once: `seen[id] === stamp` marks it found. */
  scan(line: string, seen: Int32Array, stamp: number, hits: number[]): void {
    const { next, outputs, classOf, classOfFolded, classes } = this;
    let row = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const step = next[row + (code < ALPHABET ? classOf[code]! : classOfFolded[fold(code)]!)]!;
      row = step >> 1;
      if ((step & 1) === 0) continue;
      for (const id of outputs[row / classes]!) {
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        hits.push(id);
      }
    }
  }
}

/** Literals shorter than this do not route (nearly every line holds them): a detection needs only its longer ones. */
const MIN_ROUTING_LITERAL = 3;

/**
 * A line's route: the indexes of the detections it can reach, in pack order. Every routing literal of every
 * detection is in one automaton; a line reaches a detection when it holds all of the detection's literals (as its
 * pre-filter tests them: case-folded), so no pre-filter is run per detection. The automaton may take a little more
 * than the pre-filters (see fold), never less.
 */
export class PackRouter {
  private readonly automaton: LiteralAutomaton;
  /** Per literal id: the detections needing it. */
  private readonly byLiteral: number[][];
  /** Per detection: how many distinct routing literals it needs. */
  private readonly need: Int32Array;
  /** Per detection: literals found on the current line (valid when `countStamp` is the line's stamp). */
  private readonly found: Int32Array;
  private readonly countStamp: Int32Array;
  /** Detections without literals: they see every line. */
  private readonly open: number[];
  /** Detections with literals (every one of them, for lines with a \u escape). */
  private readonly literal: number[];
  private readonly seen: Int32Array;
  private stamp = 0;
  /** The route and the literals found, reused line after line (no arrays made per line). */
  private readonly out: number[] = [];
  private readonly hits: number[] = [];

  /** `prefilters[i]` is detection i's pre-filter (null: it sees everything, unless `routedElsewhere` has i). */
  constructor(prefilters: (Prefilter | null)[], routedElsewhere: ReadonlySet<number> = new Set()) {
    const ids = new Map<string, number>();
    this.byLiteral = [];
    this.open = [];
    this.literal = [];
    this.need = new Int32Array(prefilters.length);
    this.found = new Int32Array(prefilters.length);
    this.countStamp = new Int32Array(prefilters.length);
    prefilters.forEach((p, i) => {
      const literals = p ? [...new Set(p.literals.map((l) => l.toLowerCase()))].filter((l) => l.length >= MIN_ROUTING_LITERAL) : [];
      if (literals.length === 0) {
        if (!routedElsewhere.has(i) || p) this.open.push(i);
        return;
      }
      this.literal.push(i);
      this.need[i] = literals.length;
      for (const lit of literals) {
        let id = ids.get(lit);
        if (id === undefined) {
          id = ids.size;
          ids.set(lit, id);
          this.byLiteral.push([]);
        }
        this.byLiteral[id]!.push(i);
      }
    });
    this.automaton = new LiteralAutomaton([...ids.keys()]);
    this.seen = new Int32Array(ids.size);
  }

  /** Detections that never depend on the line (no literals). */
  get unfiltered(): readonly number[] {
    return this.open;
  }

  /**
   * The detections `line` can reach (in no particular order; each detection still sees its lines in order). The
   * array is reused: it holds this line's route until the next call.
   */
  route(line: string): readonly number[] {
    if (this.literal.length === 0) return this.open;
    const { hits, out, open, need, found, countStamp } = this;
    out.length = 0;
    for (let k = 0; k < open.length; k++) out.push(open[k]!);
    // A \u escape can hide any character: such lines go to every detection's own test, as in a single run.
    if (hasUnicodeEscape(line)) {
      for (let k = 0; k < this.literal.length; k++) out.push(this.literal[k]!);
      return out;
    }
    hits.length = 0;
    const stamp = ++this.stamp;
    this.automaton.scan(line, this.seen, stamp, hits);
    for (let h = 0; h < hits.length; h++) {
      const needing = this.byLiteral[hits[h]!]!;
      for (let k = 0; k < needing.length; k++) {
        const i = needing[k]!;
        if (countStamp[i] !== stamp) {
          countStamp[i] = stamp;
          found[i] = 0;
        }
        if (++found[i] === need[i]) out.push(i);
      }
    }
    return out;
  }
}

/** True when the JSON text holds a real `\uXXXX` escape (its backslash not itself escaped). */
function hasUnicodeEscape(line: string): boolean {
  for (let at = line.indexOf('\\u'); at >= 0; at = line.indexOf('\\u', at + 2)) if (isUnescaped(line, at, 0)) return true;
  return false;
}
