// Which detections of a pack a raw line can reach: one case-folding Aho-Corasick pass over each detection's anchor literal.
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
 * is states × classes, small enough to stay in cache for a pack's thousand literals.
 */
export class LiteralAutomaton {
  /** Per folded character (0..127): its class. */
  private readonly classOf: Uint8Array;
  private readonly classes: number;
  /** next[state * classes + class] → next state (complete after build: failure links folded in). */
  private readonly next: Int32Array;
  /** Per state: the literal ids ending there (own and through failure links), or null. */
  private readonly outputs: (number[] | null)[];

  constructor(literals: readonly string[]) {
    this.classOf = new Uint8Array(ALPHABET);
    let classes = 1;
    for (const lit of literals) {
      for (let i = 0; i < lit.length; i++) {
        const c = fold(lit.charCodeAt(i));
        if (c !== 0 && this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    }
    this.classes = classes;
    const trie: number[][] = [new Array<number>(classes).fill(-1)];
    const own: number[][] = [[]];
    literals.forEach((lit, id) => {
      let state = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = this.classOf[fold(lit.charCodeAt(i))]!;
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
    const { next, outputs, classOf, classes } = this;
    let state = 0;
    for (let i = 0; i < line.length; i++) {
      state = next[state * classes + classOf[fold(line.charCodeAt(i))]!]!;
      const out = outputs[state];
      if (out === null) continue;
      for (const id of out) {
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        hits.push(id);
      }
    }
  }
}

/** A line's route: the indexes of the detections it can reach, in pack order. */
export class PackRouter {
  private readonly automaton: LiteralAutomaton;
  /** Per anchor literal id: the detections anchored on it. */
  private readonly byAnchor: number[][];
  private readonly prefilters: (Prefilter | null)[];
  /** Detections without literals: they see every line. */
  private readonly open: number[];
  private readonly seen: Int32Array;
  private stamp = 0;
  /** The route and the anchors found, reused line after line (no arrays made per line). */
  private readonly out: number[] = [];
  private readonly hits: number[] = [];

  /** `prefilters[i]` is detection i's pre-filter (null: it sees everything, unless `routedElsewhere` has i). */
  constructor(prefilters: (Prefilter | null)[], routedElsewhere: ReadonlySet<number> = new Set()) {
    this.prefilters = prefilters;
    const anchors = new Map<string, number>();
    this.byAnchor = [];
    this.open = [];
    prefilters.forEach((p, i) => {
      if (!p) {
        if (!routedElsewhere.has(i)) this.open.push(i);
        return;
      }
      // The longest literal (literals come longest first): the rarest in most data, and each line still gets the
      // detection's whole pre-filter test once its anchor is found.
      const anchor = p.literals[0]!;
      let id = anchors.get(anchor);
      if (id === undefined) {
        id = anchors.size;
        anchors.set(anchor, id);
        this.byAnchor.push([]);
      }
      this.byAnchor[id]!.push(i);
    });
    this.automaton = new LiteralAutomaton([...anchors.keys()]);
    this.seen = new Int32Array(anchors.size);
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
    if (this.byAnchor.length === 0) return this.open;
    const { hits, out, open } = this;
    hits.length = 0;
    // A \u escape can hide any character: such lines go to every detection's own test, as in a single run.
    if (hasUnicodeEscape(line)) for (let anchor = 0; anchor < this.byAnchor.length; anchor++) hits.push(anchor);
    else this.automaton.scan(line, this.seen, ++this.stamp, hits);
    out.length = 0;
    for (let k = 0; k < open.length; k++) out.push(open[k]!);
    for (let h = 0; h < hits.length; h++) {
      const anchored = this.byAnchor[hits[h]!]!;
      for (let k = 0; k < anchored.length; k++) if (this.prefilters[anchored[k]!]!.test(line)) out.push(anchored[k]!);
    }
    return out;
  }
}

/** True when the JSON text holds a real `\uXXXX` escape (its backslash not itself escaped). */
function hasUnicodeEscape(line: string): boolean {
  for (let at = line.indexOf('\\u'); at >= 0; at = line.indexOf('\\u', at + 2)) if (isUnescaped(line, at, 0)) return true;
  return false;
}
