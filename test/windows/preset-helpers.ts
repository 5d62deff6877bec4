// Runs the windows preset the way the engine does: flatten, _time from the preset's field, derive, then aliases.
import { readFileSync } from 'node:fs';
import { compileFieldMapping } from '../../src/input/mapping/aliases.js';
import { detectWindowsFormat, windowsPresetMapping, type WindowsMapping } from '../../src/input/windows/preset.js';
import { readXmlEvents, isXmlReadError, xmlRecordToEvent } from '../../src/input/windows/xml-reader.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { flattenInto } from '../../src/runtime/flatten.js';
import { parseTimestamp } from '../../src/time/parse.js';
import { getZone } from '../../src/time/zone.js';

/** Map one parsed JSON record through the preset of its detected format. */
export function presetEvent(record: Record<string, unknown>): { event: Event; mapping: WindowsMapping } {
  const mapping = windowsPresetMapping(detectWindowsFormat(record));
  const values = new Map<string, FieldValue>();
  flattenInto(record, values);
  const event = new Event(values);
  if (mapping.timeField !== undefined) {
    const time = parseTimestamp(event.get(mapping.timeField), getZone(mapping.timeZone));
    if (time !== undefined) event.set('_time', time);
  }
  mapping.derive(event);
  compileFieldMapping(mapping.spec, null)(event, {});
  return { event, mapping };
}

/** Map the first XML record of a file through the preset. */
export async function presetXmlEvent(file: string): Promise<{ event: Event; mapping: WindowsMapping }> {
  for await (const batch of readXmlEvents(file)) {
    for (const item of batch) {
      if (isXmlReadError(item)) continue;
      const mapping = windowsPresetMapping(detectWindowsFormat(item.fields));
      const event = xmlRecordToEvent(item);
      mapping.derive(event);
      compileFieldMapping(mapping.spec, null)(event, {});
      return { event, mapping };
    }
  }
  throw new Error(`no XML event in ${file}`);
}

/** The JSON records of a dataset file: a JSON array file, or NDJSON. */
export function jsonRecords(file: string): Array<Record<string, unknown>> {
  const text = readFileSync(file, 'utf8');
  if (text.trimStart().startsWith('[')) return JSON.parse(text) as Array<Record<string, unknown>>;
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Epoch seconds of a zone-less `YYYY-MM-DD HH:MM:SS[.fff]` text read as UTC. */
export function utcSeconds(text: unknown): number {
  return Date.parse(`${String(text).replace(' ', 'T')}Z`) / 1000;
}
