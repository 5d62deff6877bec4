// The event (a.k.a. result row): ordered fields with Splunk-style values, plus a lazily kept _raw text.

/** A single field value. Splunk has no booleans in fields; JSON booleans are kept and compare as "true"/"false". */
export type Scalar = string | number | boolean;
/** A field value: a scalar or a multivalue (array of scalars, never empty, never nested). */
export type FieldValue = Scalar | Scalar[];

/** One event or result row. Missing fields are `undefined`. Field order is insertion order. */
export class Event {
  private readonly values: Map<string, FieldValue>;
  /** The event's original text, used as `_raw` when no explicit `_raw` field was set. Lazy: nothing copies it. */
  rawText: string | undefined;

  constructor(values?: Map<string, FieldValue>, rawText?: string) {
    this.values = values ?? new Map();
    this.rawText = rawText;
  }

  /** Build an event from a plain object of already-flat field values. */
  static fromObject(obj: Record<string, FieldValue | null | undefined>, rawText?: string): Event {
    const ev = new Event(undefined, rawText);
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (v !== null && v !== undefined) ev.set(key, v);
    }
    return ev;
  }

  get(name: string): FieldValue | undefined {
    const v = this.values.get(name);
    if (v === undefined && name === '_raw') return this.rawText;
    return v;
  }

  has(name: string): boolean {
    return this.values.has(name) || (name === '_raw' && this.rawText !== undefined);
  }

  /** Set a field; `undefined` (or an empty multivalue) removes it. */
  set(name: string, value: FieldValue | undefined | null): void {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      this.delete(name);
      return;
    }
    this.values.set(name, value);
  }

  delete(name: string): void {
    this.values.delete(name);
    if (name === '_raw') this.rawText = undefined;
  }

  /**
   * Rename a field in place (it keeps its position); an existing `to` field is replaced. Renaming a missing field
   * removes `to` (Splunk: rename cannot merge fields).
   */
  rename(from: string, to: string): void {
    if (from === to) return;
    const value = this.get(from);
    if (value === undefined) {
      this.delete(to);
      return;
    }
    if (from === '_raw' && !this.values.has('_raw')) this.rawText = undefined;
    const entries = [...this.values];
    this.values.clear();
    for (const [k, v] of entries) {
      if (k === from) this.values.set(to, value);
      else if (k !== to) this.values.set(k, v);
    }
    if (!this.values.has(to)) this.values.set(to, value);
  }

  /**
   * `rename(from, to)` for each move in turn, with the map rebuilt once instead of once per move (a wildcard rename
   * of a tstats row moves a dozen fields). Moves touching `_raw` (lazy text) go through `rename` one by one.
   */
  renameMany(moves: ReadonlyArray<readonly [string, string]>): void {
    if (moves.length < 2 || moves.some(([from, to]) => from === '_raw' || to === '_raw')) {
      for (const [from, to] of moves) this.rename(from, to);
      return;
    }
    const keys = [...this.values.keys()];
    const vals = [...this.values.values()];
    for (const [from, to] of moves) {
      if (from === to) continue;
      const at = keys.indexOf(from);
      const old = keys.indexOf(to);
      if (at < 0) {
        if (old >= 0) { keys.splice(old, 1); vals.splice(old, 1); }
        continue;
      }
      keys[at] = to;
      if (old >= 0) { keys.splice(old, 1); vals.splice(old, 1); }
    }
    this.values.clear();
    for (let i = 0; i < keys.length; i++) this.values.set(keys[i]!, vals[i]!);
  }

  /** Field names in order; `_raw` is included when only the lazy raw text backs it. */
  names(): string[] {
    const out = [...this.values.keys()];
    if (this.rawText !== undefined && !this.values.has('_raw')) out.push('_raw');
    return out;
  }

  /** Number of stored fields (not counting a lazy _raw). */
  get size(): number {
    return this.values.size;
  }

  clone(): Event {
    // Entry by entry: `new Map(map)` goes through the iterator protocol, one [key, value] array per field (~30% slower).
    const values = new Map<string, FieldValue>();
    for (const [k, v] of this.values) values.set(k, v);
    return new Event(values, this.rawText);
  }

  /** Plain object view, for output and tests. Includes _raw only if it was set explicitly or `withRaw`. */
  toObject(withRaw = false): Record<string, FieldValue> {
    const out: Record<string, FieldValue> = {};
    for (const [k, v] of this.values) {
      // A field named `__proto__` is an own property like any other (assignment would set the prototype instead).
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    if (withRaw && this.rawText !== undefined && !('_raw' in out)) out._raw = this.rawText;
    return out;
  }
}

/** The values of a field as a list (empty when missing). */
export function valuesOf(v: FieldValue | undefined): Scalar[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** The string form Splunk shows for a scalar. Numbers print without exponent where reasonable. */
export function scalarToString(v: Scalar): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return numberToString(v);
}

/** Render a number as Splunk does: integers plainly, others with up to 17 significant digits. */
export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Number.isSafeInteger(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const s = String(n);
  if (!s.includes('e')) return s;
  // Expand exponents for small/large magnitudes so values compare and print as plain decimals.
  return n.toFixed(Math.min(100, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 16))).replace(/\.?0+$/, '');
}

const NUMERIC_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Parse a scalar as a number the way Splunk's stats/compare do; NaN when it is not numeric. */
export function toNumber(v: Scalar): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return NaN;
  if (!NUMERIC_RE.test(v)) return NaN;
  return Number(v);
}

/** True when the scalar is a number or a string that reads as one. */
export function isNumeric(v: Scalar): boolean {
  return typeof v === 'number' ? !Number.isNaN(v) : !Number.isNaN(toNumber(v));
}
