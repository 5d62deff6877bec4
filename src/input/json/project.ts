// Flatten only the wanted fields of a parsed JSON object (a projection), skipping untouched subtrees.
import type { FieldValue, Scalar } from '../../runtime/event.js';
import { flattenInto } from '../../runtime/flatten.js';

/** Adds the (wanted) fields of a parsed JSON object to a field map. */
export type Flattener = (obj: Record<string, unknown>, out: Map<string, FieldValue>) => void;

/**
 * The flattener for a projection: null flattens everything; a set materialises only those names and their
 * `.`/`{}` descendants. Objects on the way to a wanted name are walked key by key; an array on the way is
 * flattened whole (its multivalue merging is what flattenInto defines) and then filtered.
 */
export function createFlattener(fields: ReadonlySet<string> | null): Flattener {
  if (fields === null) return (obj, out) => flattenInto(obj, out);
  const projection = new Projection(fields);
  return (obj, out) => projection.walk(obj, '', out);
}

/**
 * The flattener for members the key picker read: plain top-level keys (no `.` or `{}`), so a member is kept
 * exactly when its key is wanted, and no object is walked on the way to one (what Projection would do for them).
 */
export function createPickedFlattener(fields: ReadonlySet<string>): Flattener {
  return (obj, out) => {
    for (const key in obj) {
      if (!fields.has(key)) continue;
      const value = obj[key];
      if (isScalar(value)) out.set(key, value);
      else flattenInto({ [key]: value }, out);
    }
  };
}

class Projection {
  /** Names of objects/arrays that lie on the path to a wanted name. */
  private readonly ancestors = new Set<string>();

  constructor(private readonly wanted: ReadonlySet<string>) {
    for (const name of wanted) for (const ancestor of ancestorsOf(name)) this.ancestors.add(ancestor);
  }

  walk(obj: Record<string, unknown>, prefix: string, out: Map<string, FieldValue>): void {
    for (const key of Object.keys(obj)) {
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const value = obj[key];
      if (this.isWanted(name, key)) {
        if (isScalar(value)) out.set(name, value);
        else flattenInto({ [key]: value }, out, prefix);
        continue;
      }
      if (!this.ancestors.has(name) || value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) this.flattenArrayFiltered(key, value, prefix, out);
      else this.walk(value as Record<string, unknown>, name, out);
    }
  }

  /**
   * True for a wanted name or a descendant of one. Walked ancestors were not wanted, so only the ones inside
   * `key` itself (a key containing `.` or `{}`, or a name produced by flattening an array) need checking.
   */
  private isWanted(name: string, key: string): boolean {
    if (this.wanted.has(name)) return true;
    if (!key.includes('.') && !key.includes('{}')) return false;
    return ancestorsOf(name).some((ancestor) => this.wanted.has(ancestor));
  }

  private flattenArrayFiltered(key: string, value: unknown[], prefix: string, out: Map<string, FieldValue>): void {
    const all = new Map<string, FieldValue>();
    flattenInto({ [key]: value }, all, prefix);
    for (const [name, fieldValue] of all) {
      if (this.isWanted(name, name)) out.set(name, fieldValue);
    }
  }
}

/** Proper prefixes of a flattened name that end before a `.` or a `{}`: `a.b{}.c` → `a`, `a.b`, `a.b{}`. */
export function ancestorsOf(name: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length; i++) {
    if (name[i] === '.' || (name[i] === '{' && name[i + 1] === '}')) out.push(name.slice(0, i));
  }
  return out;
}

/** A JSON scalar that becomes a field as it is (what flattenInto does with one, without building a wrapper). */
function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
