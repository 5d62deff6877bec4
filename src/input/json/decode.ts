// Turn raw JSON records into events: parse, unwrap Splunk exports, flatten (projected), _raw, _time, metadata.
import { Event, type FieldValue } from '../../runtime/event.js';
import { parseTimestamp } from '../../time/parse.js';
import type { TimeZone } from '../../time/zone.js';
import { jsonSyntaxError, notAnObjectError, type DecodeError } from './decode-error.js';
import { createFlattener, createPickedFlattener } from './project.js';
import type { RawRecord } from '../sources/raw-record.js';
import { ObjectScanner } from './scan-object.js';
import { isObject } from '../../util/is-object.js';
import { flattenInto } from '../../runtime/flatten.js';
import { parseJsonExact } from '../../util/exact-json.js';

export type { DecodeError } from './decode-error.js';

/** Default metadata values for events that do not carry their own. */
export interface MetadataDefaults {
  sourcetype?: string;
  source?: string;
  host?: string;
  index?: string;
}

export interface DecodeOptions {
  /** Zone for timestamps written without one. */
  zone: TimeZone;
  /** Field holding the event time when there is no `_time` (replaces the built-in candidate list). */
  timeField?: string;
  defaults?: MetadataDefaults;
  /** Field names the query uses (with their `.`/`{}` descendants), or null for all fields. */
  fields?: ReadonlySet<string> | null;
  /**
   * JSON.parse every record, so any invalid JSON is reported (`--strict`). Otherwise a projected decode
   * (`fields` is a set) scans records and parses only the values it needs, skipping the rest structurally.
   */
  validate?: boolean;
}

export type Decoder = (rec: RawRecord) => Event | DecodeError;

/** Fields tried, in order, for the event time after `_time`. */
export const TIME_FIELD_CANDIDATES: readonly string[] = [
  '@timestamp', 'timestamp', 'TimeCreated', 'EventTime', 'UtcTime', 'TimeGenerated', 'time', 'date',
];
const METADATA_FIELDS = ['sourcetype', 'source', 'host', 'index'] as const;
type MetadataField = (typeof METADATA_FIELDS)[number];
/** Keys a Splunk export line (`output_mode=json`) may carry besides `result`. */
const EXPORT_KEYS = new Set(['preview', 'offset', 'lastrow', 'result']);

export function isDecodeError(value: Event | DecodeError): value is DecodeError {
  return !(value instanceof Event);
}

/** Turns the members of one JSON object (all, or those a projection needs) into an event. */
export type EventBuilder = (members: Record<string, unknown>, file: string, rawText: string | undefined) => Event;

/**
 * The event builder for these options: flattening (projected), `_time`, metadata defaults. `withTime: false`
 * leaves `_time` out (for events only a filter that does not read it will see). `members: 'picked'` is for
 * members the key picker read (plain top-level keys only), which need no walk.
 */
export function createEventBuilder(opts: DecodeOptions, withTime = true, members: 'any' | 'picked' = 'any'): EventBuilder {
  const fields = opts.fields ?? null;
  const wanted = fields === null ? null : new Set([...fields, '_raw', '_time', ...METADATA_FIELDS]);
  const flatten = wanted !== null && members === 'picked' ? createPickedFlattener(wanted) : createFlattener(wanted);
  const timeLookups = withTime ? timeFieldNames(opts).map(compileLookup) : [];
  const defaults = opts.defaults ?? {};
  // Defaults only for the metadata fields something reads: with a projection, no other field is ever looked at.
  const defaulted = METADATA_FIELDS.filter((name) => fields === null || fields.has(name));
  return (obj, file, rawText) => {
    const values = new Map<string, FieldValue>();
    flatten(obj, values);
    setTime(values, obj, timeLookups, opts.zone);
    setMetadataDefaults(values, defaulted, defaults, file);
    return new Event(values, values.has('_raw') ? undefined : rawText);
  };
}

/** One line's members as parallel lists: the key's slot (an index into the builder's names) and the value, for i < count; each key at most once. */
export interface MemberList {
  slots: number[];
  values: unknown[];
  count: number;
}

/** Like EventBuilder, over a MemberList. */
export type ListEventBuilder = (members: MemberList, file: string, rawText: string | undefined) => Event;

/** Keys a JS object orders before the others (array indexes): member lists keep line order, so they are left to objects. */
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * The `members: 'picked'` builder of createEventBuilder over member lists whose keys are `names` by slot (plain
 * top-level keys): the same event, without an object per line and with what each slot is (wanted, a time field)
 * worked out once. Null when a name is one an object would order first (an array index), since the event's field
 * order follows the object's.
 */
export function createListEventBuilder(opts: DecodeOptions, withTime: boolean, names: readonly string[]): ListEventBuilder | null {
  if (names.some((name) => INDEX_KEY.test(name) && Number(name) < 2 ** 32 - 1)) return null;
  const fields = opts.fields ?? null;
  const wanted = fields === null ? null : new Set([...fields, '_raw', '_time', ...METADATA_FIELDS]);
  const slotWanted = names.map((name) => wanted === null || wanted.has(name));
  const timeNames = withTime ? timeFieldNames(opts) : [];
  /** Per slot its place in the time lookup order, or NO_TIME. */
  const NO_TIME = timeNames.length;
  const slotTimeRank = names.map((name) => (timeNames.includes(name) ? timeNames.indexOf(name) : NO_TIME));
  const defaults = opts.defaults ?? {};
  const defaulted = METADATA_FIELDS.filter((name) => fields === null || fields.has(name));
  return ({ slots, values: memberValues, count }, file, rawText) => {
    const values = new Map<string, FieldValue>();
    let time: unknown;
    let timeRank = NO_TIME;
    for (let i = 0; i < count; i++) {
      const slot = slots[i]!;
      const value = memberValues[i];
      const rank = slotTimeRank[slot]!;
      // The first time field in lookup order with a value gives _time (setTime's rule).
      if (rank < timeRank && value !== undefined && value !== null && value !== '') {
        time = value;
        timeRank = rank;
      }
      if (!slotWanted[slot]) continue;
      const name = names[slot]!;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values.set(name, value);
      else flattenInto({ [name]: value }, values);
    }
    if (timeRank < NO_TIME) {
      const parsed = parseTimestamp(time, opts.zone);
      if (parsed === undefined) values.delete('_time');
      else values.set('_time', parsed);
    }
    setMetadataDefaults(values, defaulted, defaults, file);
    return new Event(values, values.has('_raw') ? undefined : rawText);
  };
}

/** The value an event of `file` gets for field `name` when its record has none (undefined: it has none). */
export function metadataDefault(name: string, defaults: MetadataDefaults, file: string): string | undefined {
  return (METADATA_FIELDS as readonly string[]).includes(name) ? metadataFieldDefault(name as MetadataField, defaults, file) : undefined;
}

/** Gives each of `names` that `values` lacks its default for an event of `file` (the builders' per-event step). */
function setMetadataDefaults(values: Map<string, FieldValue>, names: readonly MetadataField[], defaults: MetadataDefaults, file: string): void {
  for (const name of names) {
    const fallback = metadataFieldDefault(name, defaults, file);
    if (fallback !== undefined && !values.has(name)) values.set(name, fallback);
  }
}

/** The default of a metadata field for an event of `file` (no check of the name). */
function metadataFieldDefault(name: MetadataField, defaults: MetadataDefaults, file: string): string | undefined {
  return name === 'source' ? (defaults.source ?? file) : defaults[name];
}

/** The fields tried in order for the event time. */
export function timeFieldNames(opts: Pick<DecodeOptions, 'timeField'>): string[] {
  return ['_time', ...(opts.timeField !== undefined ? [opts.timeField] : TIME_FIELD_CANDIDATES)];
}

/** A decoder configured once (projection, time lookups, defaults) and applied to every record. */
export function createDecoder(opts: DecodeOptions): Decoder {
  const fields = opts.fields ?? null;
  const wanted = fields === null ? null : new Set([...fields, '_raw', '_time', ...METADATA_FIELDS]);
  const scanner = wanted === null || opts.validate === true ? null : new ObjectScanner(wanted, timeFieldNames(opts));
  const toEvent = createEventBuilder(opts);
  return (rec) => {
    const scanned = scanner === null ? null : scanner.scan(rec.text);
    if (scanned !== null) return toEvent(scanned, rec.file, rec.text);
    let parsed: unknown;
    try {
      parsed = parseJsonExact(rec.text);
    } catch (err) {
      return jsonSyntaxError(rec, err);
    }
    return isObject(parsed) ? toEvent(unwrapExport(parsed), rec.file, rec.text) : notAnObjectError(rec, parsed);
  };
}

/** `{"preview":false,"result":{...}}` → the result object; anything else unchanged. */
function unwrapExport(obj: Record<string, unknown>): Record<string, unknown> {
  const result = obj.result;
  if (!isObject(result)) return obj;
  for (const key of Object.keys(obj)) if (!EXPORT_KEYS.has(key)) return obj;
  return result;
}

type Lookup = (obj: Record<string, unknown>) => unknown;

/** Read a field by its name as a key, else (for a dotted name) by walking nested objects. */
function compileLookup(name: string): Lookup {
  const path = name.split('.');
  if (path.length === 1) return (obj) => obj[name];
  return (obj) => {
    if (name in obj) return obj[name];
    let node: unknown = obj;
    for (const key of path) node = isObject(node) ? node[key] : undefined;
    return node;
  };
}

/** `_time` from the first present time field (epoch seconds); no parsable time → no `_time`. */
function setTime(values: Map<string, FieldValue>, obj: Record<string, unknown>, lookups: Lookup[], zone: TimeZone): void {
  for (const lookup of lookups) {
    const value = lookup(obj);
    if (value === undefined || value === null || value === '') continue;
    const time = parseTimestamp(value, zone);
    if (time === undefined) values.delete('_time');
    else values.set('_time', time);
    return;
  }
}
