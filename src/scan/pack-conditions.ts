// Pack routing on fields: a necessary condition per detection (an OR of `field=value` atoms) and one index over all of them.
import type { SearchExpr, SearchLiteral } from '../ast.js';
import { timeBoundSide } from '../engine/time-bounds.js';
import { scalarToString, type Event } from '../runtime/event.js';
import { parseCidr } from '../search/cidr.js';
import { LiteralAutomaton } from './pack-router.js';
import { ownValue } from '../aggregates/group-keys.js';

/**
 * One way a search can hold: `field`'s value (any value of a multivalue field), lower-cased as `=` compares it, is
 * `text` (`exact`) or contains `text` (`contains`, the longest piece of a wildcard pattern).
 */
export interface Atom {
  field: string;
  kind: 'exact' | 'contains';
  text: string;
}

/** An OR of atoms that holds for every event the search keeps; null when none can be told (the detection sees all). */
export type Condition = Atom[] | null;

/** Cost of a condition, to pick the most selective conjunct of an AND: source fields are the least selective. */
const BROAD_FIELDS = new Set(['sourcetype', 'source', 'index', 'host']);
function cost(c: Atom[]): number {
  let n = 0;
  for (const a of c) n += BROAD_FIELDS.has(a.field) ? 10 : a.kind === 'exact' ? 3 : a.text.length >= 4 ? 1 : 5;
  return n;
}

/** What `field=value` needs of the field's value, as compileValueMatcher tests it (case-folded glob; CIDR; `*`). */
function compareAtom(field: string, lit: SearchLiteral): Atom | null {
  if (lit.modifier || timeBoundSide(field, '=')) return null;
  const text = lit.text;
  if (!text.includes('*')) {
    if (parseCidr(text)) return null;
    return { field, kind: 'exact', text: text.toLowerCase() };
  }
  let longest = '';
  for (const piece of text.toLowerCase().split('*')) if (piece.length > longest.length) longest = piece;
  // The automaton folds ASCII only; a piece with other characters is not used (the condition stays sound).
  if (longest === '' || !/^[\x20-\x7e]+$/.test(longest)) return null;
  return { field, kind: 'contains', text: longest };
}

/** A necessary condition of the search expression: true for every event the expression matches. */
export function necessaryCondition(expr: SearchExpr | null | undefined): Condition {
  if (!expr) return null;
  switch (expr.kind) {
    case 'compare': {
      if (expr.op !== '=') return null;
      const atom = compareAtom(expr.field, expr.value);
      return atom ? [atom] : null;
    }
    case 'in': {
      const out: Atom[] = [];
      for (const v of expr.values) {
        const atom = compareAtom(expr.field, v);
        if (!atom) return null;
        out.push(atom);
      }
      return out.length ? out : null;
    }
    case 'or': {
      const out: Atom[] = [];
      for (const item of expr.items) {
        const c = necessaryCondition(item);
        if (!c) return null;
        out.push(...c);
      }
      return out.length ? out : null;
    }
    case 'and': {
      let best: Atom[] | null = null;
      for (const item of expr.items) {
        const c = necessaryCondition(item);
        if (c && (!best || cost(c) < cost(best))) best = c;
      }
      return best;
    }
    default:
      return null;
  }
}

/** The atoms on one field: exact values → detections, and one automaton over the `contains` pieces. */
interface FieldAtoms {
  field: string;
  exact: Map<string, number[]>;
  pieces: Map<string, number[]>;
  automaton: LiteralAutomaton | null;
  byPiece: number[][];
  seen: Int32Array;
  /** Recent values → the detections they meet (values repeat: process names, paths, event codes); bounded. */
  memo: Map<string, readonly number[]>;
  /** Memo hits since it last started over. */
  memoHits: number;
  /** Values still to be met without the memo (a field whose values rarely repeat, e.g. a whole message text). */
  memoOffFor: number;
}

/** Values remembered per field; past it the memo starts over (a field of unique values costs one lookup more each). */
const MEMO_SIZE = 4096;
/**
 * A memo that filled with fewer hits than entries is switched off for this many values, then tried again: a field
 * whose values rarely repeat (the bench's `Message`, 550 characters, 2% hits) would otherwise pay a copy of every
 * value and a map entry for nothing.
 */
const MEMO_OFF_VALUES = 8 * MEMO_SIZE;
const NONE: readonly number[] = [];

/** Which detections' conditions an event meets: one hash lookup per value for exact atoms, one automaton pass for pieces. */
export class ConditionIndex {
  private readonly fields: FieldAtoms[] = [];
  /** `met[i] === stamp` when detection i's condition holds for the current event. */
  readonly met: Int32Array;
  private pieceStamp = 0;
  /** The pieces one value holds (reused: one array for every value, emptied before each scan). */
  private readonly found: number[] = [];

  /** `conditions[i]` is detection i's condition (null: not indexed). */
  constructor(conditions: readonly Condition[]) {
    this.met = new Int32Array(conditions.length);
    const byField = new Map<string, FieldAtoms>();
    conditions.forEach((c, i) => {
      for (const atom of c ?? []) {
        let f = byField.get(atom.field);
        if (!f) byField.set(atom.field, (f = { field: atom.field, exact: new Map(), pieces: new Map(), automaton: null, byPiece: [], seen: new Int32Array(0), memo: new Map(), memoHits: 0, memoOffFor: 0 }));
        const map = atom.kind === 'exact' ? f.exact : f.pieces;
        const list = map.get(atom.text) ?? [];
        if (!list.includes(i)) list.push(i);
        map.set(atom.text, list);
      }
    });
    for (const f of byField.values()) {
      if (f.pieces.size) {
        f.automaton = new LiteralAutomaton([...f.pieces.keys()]);
        f.byPiece = [...f.pieces.values()];
        f.seen = new Int32Array(f.pieces.size);
      }
      this.fields.push(f);
    }
  }

  /** Mark in `met` (with `stamp`) the detections whose condition `ev` meets; push each onto `hits` once. */
  match(ev: Event, stamp: number, hits: number[]): void {
    for (const f of this.fields) {
      const v = ev.get(f.field);
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) this.matchValue(f, scalarToString(x), stamp, hits);
      else this.matchValue(f, scalarToString(v), stamp, hits);
    }
  }

  private matchValue(f: FieldAtoms, value: string, stamp: number, hits: number[]): void {
    if (f.memoOffFor > 0) {
      f.memoOffFor--;
      const ids = this.meetingValue(f, value);
      if (ids.length) this.mark(ids, stamp, hits);
      return;
    }
    let ids = f.memo.get(value);
    if (ids === undefined) {
      ids = this.meetingValue(f, value);
      if (f.memo.size >= MEMO_SIZE) {
        f.memo.clear();
        if (f.memoHits < MEMO_SIZE) f.memoOffFor = MEMO_OFF_VALUES;
        f.memoHits = 0;
      }
      // A copy as the key: a value read from the input may be a slice of its whole chunk, which the memo would keep.
      if (f.memoOffFor === 0) f.memo.set(ownValue(value) as string, ids);
    } else f.memoHits++;
    if (ids.length) this.mark(ids, stamp, hits);
  }

  /**
   * The detections whose atoms on `f` the value meets (each once). Exact atoms compare the lower-cased value; the
   * pieces' automaton folds case itself (as a case-insensitive regex does: it may take a little more than the
   * lower-cased value would, never less), so a field without exact atoms is not lower-cased at all.
   */
  private meetingValue(f: FieldAtoms, value: string): readonly number[] {
    const exact = f.exact.size > 0 ? f.exact.get(value.toLowerCase()) : undefined;
    if (!f.automaton) return exact ?? NONE;
    const found = this.found;
    found.length = 0;
    f.automaton.scan(value, f.seen, ++this.pieceStamp, found);
    if (found.length === 0) return exact ?? NONE;
    const out = new Set<number>(exact);
    for (const id of found) for (const i of f.byPiece[id]!) out.add(i);
    return [...out];
  }

  private mark(ids: readonly number[], stamp: number, hits: number[]): void {
    for (const i of ids) {
      if (this.met[i] === stamp) continue;
      this.met[i] = stamp;
      hits.push(i);
    }
  }
}
