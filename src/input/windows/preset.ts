// The `windows` preset: per export format, the fields Splunk's Windows add-on would give and the true UTC `_time`.
import type { Event } from '../../runtime/event.js';
import { parseTimestamp } from '../../time/parse.js';
import { getZone, type TimeZone } from '../../time/zone.js';
import type { FieldMappingSpec } from '../mapping/aliases.js';
import type { WindowsFormat } from './detect.js';
import { channelMetadata } from './channels.js';
import { renderMessage } from './messages.js';

export { detectWindowsFormat, type WindowsFormat } from './detect.js';

export interface WindowsMapping {
  format: WindowsFormat;
  /** ASNEW aliases (never overwrite a field the event already has); compile with `compileFieldMapping`. */
  spec: FieldMappingSpec;
  /** The field holding the event's true UTC time: pass it to the decoder as `timeField`. */
  timeField?: string;
  /** The zone to read `timeField` in when its text has no zone: pass `getZone(timeZone)` to the decoder. */
  timeZone: string;
  /** Per-event work aliases cannot do: source/sourcetype/eventtype from the channel, `host` from the computer name,
   * lifting Winlogbeat data, `Message` where the export has none, `_time` fallback. */
  derive(ev: Event): void;
}

interface FormatRules {
  /** [src, dest] pairs, applied as `src ASNEW dest` in this order (the first source with a value wins). */
  aliases: Array<[string, string]>;
  /** Fields naming the event log channel, first present wins; source/sourcetype/eventtype from `channelMetadata`. */
  channelFields: string[];
  /** Fields naming the computer that logged the event, first present wins: it becomes `host`, as Splunk's event log input sets it. */
  hostFields: string[];
  /** Fields holding the event id, first present wins (read before the aliases run). */
  eventIdFields: string[];
  timeField?: string;
  /** Read (in UTC) only when the decoder left the event without `_time`. */
  fallbackTimeFields: string[];
  /** Prefixes whose fields are copied to their top-level names (`winlog.event_data.X` → `X`). */
  liftPrefixes: string[];
}

const EVENT_LOG_ALIASES: Array<[string, string]> = [
  ['EventID', 'EventCode'],
  ['Computer', 'ComputerName'],
  ['Computer', 'dest'],
];

/** Event log exports that name the channel `Channel`, the computer `Computer` and the id `EventID`. */
const EVENT_LOG_FIELDS = { channelFields: ['Channel'], hostFields: ['Computer'], eventIdFields: ['EventID', 'EventCode'] };

const RULES: Record<WindowsFormat, FormatRules> = {
  mordor: {
    aliases: [['EventID', 'EventCode'], ['Hostname', 'ComputerName'], ['Hostname', 'dest']],
    channelFields: ['Channel'],
    hostFields: ['Hostname'],
    eventIdFields: ['EventID'],
    timeField: '@timestamp',
    fallbackTimeFields: ['EventTime', 'TimeCreated'],
    liftPrefixes: [],
  },
  sd2: { aliases: EVENT_LOG_ALIASES, ...EVENT_LOG_FIELDS, timeField: 'TimeGenerated', fallbackTimeFields: [], liftPrefixes: [] },
  'evtx-flat': { aliases: EVENT_LOG_ALIASES, ...EVENT_LOG_FIELDS, timeField: 'TimeCreated', fallbackTimeFields: [], liftPrefixes: [] },
  winlogbeat: {
    aliases: [
      ['winlog.event_id', 'EventCode'], ['event_id', 'EventCode'], ['event.code', 'EventCode'],
      ['winlog.computer_name', 'ComputerName'], ['computer_name', 'ComputerName'],
      ['winlog.computer_name', 'dest'], ['computer_name', 'dest'],
      ['message', 'Message'],
      ['winlog.channel', 'Channel'], ['log_name', 'Channel'],
      ['winlog.provider_name', 'SourceName'], ['source_name', 'SourceName'],
      ['winlog.record_id', 'RecordNumber'], ['record_number', 'RecordNumber'],
    ],
    channelFields: ['winlog.channel', 'log_name'],
    hostFields: ['winlog.computer_name', 'computer_name'],
    eventIdFields: ['winlog.event_id', 'event_id', 'event.code'],
    timeField: '@timestamp',
    fallbackTimeFields: [],
    liftPrefixes: ['winlog.event_data.', 'winlog.user_data.', 'event_data.', 'user_data.'],
  },
  xml: { aliases: [['Computer', 'dest']], ...EVENT_LOG_FIELDS, fallbackTimeFields: ['SystemTime'], liftPrefixes: [] },
  unknown: {
    aliases: [
      ['EventID', 'EventCode'], ['event_id', 'EventCode'],
      ['Hostname', 'ComputerName'], ['Computer', 'ComputerName'], ['computer_name', 'ComputerName'],
      ['Hostname', 'dest'], ['Computer', 'dest'], ['computer_name', 'dest'],
      ['message', 'Message'],
    ],
    channelFields: ['Channel', 'log_name', 'winlog.channel'],
    hostFields: ['Hostname', 'Computer', 'computer_name'],
    eventIdFields: ['EventID', 'event_id', 'EventCode'],
    fallbackTimeFields: ['@timestamp', 'TimeGenerated', 'TimeCreated', 'EventTime'],
    liftPrefixes: [],
  },
};

/** The preset mapping of one format (build it once per file, then run `derive` and the compiled spec per event). */
export function windowsPresetMapping(format: WindowsFormat): WindowsMapping {
  const rules = RULES[format];
  const spec: FieldMappingSpec = {
    aliases: rules.aliases.map(([src, dest]) => ({ src, dest, mode: 'ASNEW' as const })),
    sets: [],
  };
  const mapping: WindowsMapping = { format, spec, timeZone: 'UTC', derive: compileDerive(rules) };
  if (rules.timeField !== undefined) mapping.timeField = rules.timeField;
  return mapping;
}

function compileDerive(rules: FormatRules): (ev: Event) => void {
  const utc = getZone('UTC');
  const timeFields = rules.timeField === undefined ? rules.fallbackTimeFields : [rules.timeField, ...rules.fallbackTimeFields];
  const { channelFields, hostFields, eventIdFields, liftPrefixes } = rules;
  return (ev) => {
    const channel = firstText(ev, channelFields);
    if (channel !== undefined) {
      const meta = channelMetadata(channel);
      ev.set('source', meta.source);
      ev.set('sourcetype', meta.sourcetype);
      if (meta.eventtype !== undefined && !ev.has('eventtype')) ev.set('eventtype', meta.eventtype);
    }
    const computer = firstText(ev, hostFields);
    if (computer !== undefined) ev.set('host', computer);
    if (liftPrefixes.length > 0) liftFields(ev, liftPrefixes);
    if (channel !== undefined) {
      const eventId = firstText(ev, eventIdFields);
      if (eventId !== undefined) renderMessage(ev, channel, eventId);
    }
    if (!ev.has('_time')) setTimeFrom(ev, timeFields, utc);
  };
}

function firstText(ev: Event, names: string[]): string | undefined {
  for (const name of names) {
    const value = ev.get(name);
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') return String(first);
  }
  return undefined;
}

function liftFields(ev: Event, prefixes: string[]): void {
  for (const name of ev.names()) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) continue;
    const top = name.slice(prefix.length);
    if (top !== '' && !ev.has(top)) ev.set(top, ev.get(name));
  }
}

function setTimeFrom(ev: Event, fields: string[], utc: TimeZone): void {
  for (const field of fields) {
    const time = parseTimestamp(ev.get(field), utc);
    if (time !== undefined) {
      ev.set('_time', time);
      return;
    }
  }
}
