// Applies one convert function to one field of an event: in place, or into an AS field; each value of a multivalue.
import type { Event, FieldValue, Scalar } from '../runtime/event.js';
import type { ConvertFunction } from './convert-functions.js';

/** Marks "leave the field as it is" (auto when some value cannot be converted). */
const LEAVE = Symbol('leave');

/** Convert the value of `from` and store it in `to` (the same field for in-place conversion). Missing fields are left alone. */
export function applyConversion(ev: Event, fn: ConvertFunction, from: string, to: string): void {
  const value = ev.get(from);
  if (value === undefined) return;
  const converted = Array.isArray(value) ? convertEach(value, fn) : convertOne(value, fn);
  if (converted !== LEAVE) ev.set(to, converted);
}

/** The converted scalar; undefined when it is removed (num). */
function convertOne(value: Scalar, fn: ConvertFunction): Scalar | undefined | typeof LEAVE {
  const converted = fn.convert(value);
  if (converted !== undefined) return converted;
  if (fn.onFailure === 'keep') return value;
  return fn.onFailure === 'remove' ? undefined : LEAVE;
}

function convertEach(values: Scalar[], fn: ConvertFunction): FieldValue | undefined | typeof LEAVE {
  const out: Scalar[] = [];
  for (const value of values) {
    const converted = convertOne(value, fn);
    if (converted === LEAVE) return LEAVE;
    if (converted !== undefined) out.push(converted);
  }
  return out.length === 1 ? out[0] : out;
}
