// Which eventtypes of a mapping an event matches, by one lookup when every eventtype is `F=value`s on one field F.
import type { SearchExpr, SearchLiteral } from '../ast.js';
import { timeBoundSide } from '../engine/time-bounds.js';
import { scalarToString, type Event } from '../runtime/event.js';
import { parseCidr } from '../search/cidr.js';
import { plainIntegerOf } from '../search/values.js';

/**
 * The eventtypes matched per value of one field, as bit masks (eventtype i is bit i). Built when each eventtype's
 * search is `F=value`, an OR of such, or `F IN (...)`, on the same field F, with plain values: no `*`, no CASE(),
 * no CIDR block (the Windows mappings' `EventCode=4624 OR EventCode=4625 ...`). A plain `F=value` holds when one of
 * F's values, printed and lower-cased, is the value lower-cased (search/values.ts), so a lookup of that text gives
 * what trying every eventtype's search gives.
 */
export interface EventtypeIndex {
  field: string;
  /** Masks by lower-cased value text. */
  byText: Map<string, number>;
  /** The same masks by number, for the values that are plain integers (a safe-integer field value is looked up as it is). */
  byInteger: Map<number, number>;
}

/** The index of these eventtype searches (at most `maxEventtypes`), or null when one is not of that form. */
export function eventtypeIndex(searches: SearchExpr[], maxEventtypes: number): EventtypeIndex | null {
  if (searches.length === 0 || searches.length > maxEventtypes) return null;
  let field: string | undefined;
  const byText = new Map<string, number>();
  const byInteger = new Map<number, number>();
  for (let i = 0; i < searches.length; i++) {
    const equalities = plainEqualities(searches[i]!);
    if (equalities === null) return null;
    for (const eq of equalities) {
      if (field !== undefined && eq.field !== field) return null;
      field = eq.field;
      const text = eq.text.toLowerCase();
      byText.set(text, (byText.get(text) ?? 0) | (1 << i));
      const integer = plainIntegerOf(text);
      if (integer !== undefined) byInteger.set(integer, (byInteger.get(integer) ?? 0) | (1 << i));
    }
  }
  return field === undefined ? null : { field, byText, byInteger };
}

/** The mask of the eventtypes an event matches. */
export function matchedMask(index: EventtypeIndex, ev: Event): number {
  const value = ev.get(index.field);
  if (value === undefined) return 0;
  if (!Array.isArray(value)) return valueMask(index, value);
  let mask = 0;
  for (const v of value) mask |= valueMask(index, v);
  return mask;
}

function valueMask(index: EventtypeIndex, v: string | number | boolean): number {
  // A safe integer prints as its digits, which are a plain integer's text exactly when it is that integer.
  if (typeof v === 'number' && Number.isSafeInteger(v)) return index.byInteger.get(v) ?? 0;
  return index.byText.get(scalarToString(v).toLowerCase()) ?? 0;
}

/** The `field=value` pairs an OR of plain equalities on fields holds, or null for any other search. */
function plainEqualities(expr: SearchExpr): Array<{ field: string; text: string }> | null {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      if (expr.kind === 'and' && expr.items.length !== 1) return null;
      const out: Array<{ field: string; text: string }> = [];
      for (const item of expr.items) {
        const inner = plainEqualities(item);
        if (inner === null) return null;
        out.push(...inner);
      }
      return out;
    }
    case 'compare':
      return expr.op === '=' && isPlain(expr.field, expr.value) ? [{ field: expr.field, text: expr.value.text }] : null;
    case 'in':
      return expr.values.every((v) => isPlain(expr.field, v)) ? expr.values.map((v) => ({ field: expr.field, text: v.text })) : null;
    default:
      return null;
  }
}

/** A value compared as whole text: no wildcard, not case-sensitive, not a CIDR block, not a time bound. */
function isPlain(field: string, lit: SearchLiteral): boolean {
  return lit.modifier !== 'CASE' && !lit.text.includes('*') && parseCidr(lit.text) === undefined && timeBoundSide(field, '=') === undefined;
}
