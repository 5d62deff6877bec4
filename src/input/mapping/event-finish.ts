// Per-event steps around decoding: preset and alias mappings, the time window, and a time-only pre-check.
import { compileFieldMapping, type FieldMapper, type FieldMappingSpec } from './aliases.js';
import { createDecoder, isDecodeError } from '../json/decode.js';
import type { RawRecord } from '../sources/index.js';
import type { WindowsMapping } from '../windows/preset.js';
import type { TimeWindow } from '../../engine/search-window.js';
import type { Event } from '../../runtime/event.js';
import type { TimeZone } from '../../time/zone.js';

/** Per-event work after decoding: preset derivation, aliases, then the window filter. Returns false to drop the event. */
export type EventFinisher = (ev: Event) => boolean;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function makeFinisher(window: TimeWindow | undefined, presetMapper: ((ev: Event) => void) | null, userMapper: FieldMapper | null): EventFinisher {
  const { earliest = -Infinity, latest = Infinity } = window ?? {};
  // Mappings run first: the preset may give an event its time (e.g. NXLog's EventTime when @timestamp is missing).
  return (ev) => {
    presetMapper?.(ev);
    if (userMapper) userMapper(ev, { sourcetype: str(ev.get('sourcetype')), source: str(ev.get('source')) });
    if (!window) return true;
    const t = ev.get('_time');
    return typeof t === 'number' && t >= earliest && t < latest;
  };
}

/** The windows preset's per-event work: derived fields, then its ASNEW aliases. */
export function presetMapperOf(preset: WindowsMapping, fields: Set<string> | null): (ev: Event) => void {
  const aliases = compileFieldMapping(preset.spec, fields);
  return (ev) => {
    preset.derive(ev);
    aliases(ev, {});
  };
}

export type { TimeWindow };

/** A time-only decode for the window check; null when there is no window or a mapping could set `_time`. */
export function windowPrecheck(window: TimeWindow | undefined, mapping: FieldMappingSpec | undefined, zone: TimeZone, timeField: string | undefined): ((rec: RawRecord) => boolean) | null {
  if (!window || mapping?.aliases.some((a) => a.dest === '_time') || mapping?.sets.some((s) => s.field === '_time')) return null;
  const { earliest = -Infinity, latest = Infinity } = window;
  const timeOnly = createDecoder({ zone, timeField, fields: new Set(['_time']) });
  return (rec) => {
    const ev = timeOnly(rec);
    if (isDecodeError(ev)) return false; // the full decode reports it
    const t = ev.get('_time');
    return typeof t === 'number' && (t < earliest || t >= latest);
  };
}
