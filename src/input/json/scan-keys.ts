// Which top-level JSON keys a projected decode needs, decided on the raw key text (most keys are never copied).
import { ancestorsOf } from './project.js';

const QUOTE = 0x22;
const DOT = 0x2e;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Names are bucketed by first character code modulo this (ASCII names get a bucket per character). */
const CHAR_BUCKETS = 128;

/** The bucket of names with this length and first character code. */
function bucketOf(length: number, firstCode: number): number {
  return length * CHAR_BUCKETS + (firstCode % CHAR_BUCKETS);
}

/**
 * The top-level keys whose values a projected decode must read. A wanted name `a.b{}.c` needs the key itself
 * (JSON keys may contain dots), each of its prefixes cut at `.`/`{}` (`a`, `a.b`, `a.b{}`), and any key that
 * is a descendant of it (`a.b{}.c.d`). A looked-up name (a time field) needs itself and its prefixes.
 */
export class NeededKeys {
  private readonly exact = new Set<string>();
  /** `exact` in buckets by length and first character: `bucketOf(length, firstCode)`. */
  private readonly exactBuckets: (string[] | undefined)[] = [];
  /** Names whose descendants are needed too, and the same in buckets by first character. */
  private readonly parents: ReadonlySet<string>;
  private readonly parentBuckets: (string[] | undefined)[] = Array.from({ length: CHAR_BUCKETS }, () => undefined);

  constructor(wanted: Iterable<string>, lookedUp: Iterable<string>) {
    const wantedNames = [...wanted];
    this.parents = new Set(wantedNames.filter((name) => name !== ''));
    for (const parent of this.parents) (this.parentBuckets[parent.charCodeAt(0) % CHAR_BUCKETS] ??= []).push(parent);
    for (const name of [...wantedNames, ...lookedUp]) {
      for (const needed of [name, ...ancestorsOf(name)]) this.addExact(needed);
    }
  }

  private addExact(name: string): void {
    if (this.exact.has(name)) return;
    this.exact.add(name);
    // neededRaw reads an empty key's "first character" as its closing quote.
    const bucket = bucketOf(name.length, name === '' ? QUOTE : name.charCodeAt(0));
    while (this.exactBuckets.length <= bucket) this.exactBuckets.push(undefined);
    (this.exactBuckets[bucket] ??= []).push(name);
  }

  /**
   * The key written (without escapes) at `text[start, end)` when it is needed, else null. An exact name is
   * returned as the stored string (an object key V8 has already interned). Most keys are rejected by one
   * bucket read (length and first character) before any string comparison.
   */
  neededRaw(text: string, start: number, end: number): string | null {
    const first = text.charCodeAt(start);
    const bucket = bucketOf(end - start, first);
    const candidates = bucket < this.exactBuckets.length ? this.exactBuckets[bucket] : undefined;
    if (candidates !== undefined) {
      // A short copy compared with === is about twice as fast as startsWith or a charCodeAt loop in V8.
      const key = text.slice(start, end);
      for (const name of candidates) if (key === name) return name;
    }
    const parents = this.parentBuckets[first % CHAR_BUCKETS];
    return parents !== undefined && hasParentAt(parents, text, start, end) ? text.slice(start, end) : null;
  }

  /** True when the (decoded) key is needed. */
  has(key: string): boolean {
    return this.exact.has(key) || ancestorsOf(key).some((ancestor) => this.parents.has(ancestor));
  }
}

/** True when one of `parents`, followed by `.` or `{}`, starts the key at `text[start, end)`. */
function hasParentAt(parents: readonly string[], text: string, start: number, end: number): boolean {
  for (const parent of parents) {
    const after = start + parent.length;
    if (after < end && isChildMark(text, after, end) && text.startsWith(parent, start)) return true;
  }
  return false;
}

/** A `.` or a `{}` at `pos` (before `end`) starts a child part of a flattened name. */
function isChildMark(text: string, pos: number, end: number): boolean {
  const code = text.charCodeAt(pos);
  return code === DOT || (code === OPEN_BRACE && pos + 1 < end && text.charCodeAt(pos + 1) === CLOSE_BRACE);
}
