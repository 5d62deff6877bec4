// `earliest=`/`latest=` in a search are bounds on `_time`, not field comparisons; shared by every place that reads searches.
import type { SearchLiteral } from '../ast.js';
import { SplError } from '../errors.js';
import { compileTimeModifier } from '../time/relative.js';
import type { TimeZone } from '../time/zone.js';

export type TimeBoundSide = 'earliest' | 'latest';

/** Which bound `field op value` sets, or undefined when it is an ordinary comparison. */
export function timeBoundSide(field: string, op: string): TimeBoundSide | undefined {
  if (op !== '=') return undefined;
  const name = field.toLowerCase();
  return name === 'earliest' || name === 'latest' ? name : undefined;
}

/** The bound's epoch seconds against the search's now; a bad time modifier points at the value in the query. */
export function timeBoundValue(lit: SearchLiteral, now: number, zone: TimeZone): number {
  try {
    return compileTimeModifier(lit.text)(now, zone);
  } catch (e) {
    if (e instanceof SplError) e.span = lit.span;
    throw e;
  }
}
