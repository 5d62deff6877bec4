// Events to and from a compact structured-clone form for postMessage: one flat array of counts, names and values.
import { Event, type FieldValue } from '../runtime/event.js';

/** A unit's events: per event its field count then name/value pairs, in field order; raw texts only when asked. */
export interface EncodedEvents {
  fields: Array<number | string | FieldValue>;
  /** The lazy `_raw` text of each event (undefined when it has none), or null when not carried. */
  raws: Array<string | undefined> | null;
}

export function encodeEvents(events: readonly Event[], withRaw: boolean): EncodedEvents {
  const fields: EncodedEvents['fields'] = [];
  for (const ev of events) {
    const names = ev.names();
    // A lazy `_raw` is listed last by names() but stored apart (as rawText), so only `size` names are fields.
    fields.push(ev.size);
    for (let i = 0; i < ev.size; i++) fields.push(names[i]!, ev.get(names[i]!)!);
  }
  return { fields, raws: withRaw ? events.map((ev) => ev.rawText) : null };
}

export function decodeEvents(encoded: EncodedEvents, onEvent: (ev: Event) => void): void {
  const { fields, raws } = encoded;
  let at = 0;
  for (let index = 0; at < fields.length; index++) {
    const count = fields[at++] as number;
    const values = new Map<string, FieldValue>();
    for (let i = 0; i < count; i++, at += 2) values.set(fields[at] as string, fields[at + 1] as FieldValue);
    onEvent(new Event(values, raws ? raws[index] : undefined));
  }
}
