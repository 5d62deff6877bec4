// Recognises which Windows event export format a file holds, from one of its records.
import { isObject } from '../../util/is-object.js';

/**
 * - `mordor`: OTRF Mordor / NXLog NDJSON (`Hostname` with `EventTime`, `SourceModuleType`, `@timestamp` or `TimeCreated`).
 * - `sd2`: OTRF Security Datasets 2.0 JSON arrays (`Computer`, `EventID`, `TimeCreated` and `TimeGenerated`).
 * - `evtx-flat`: EVTX converted to flat NDJSON (`Computer`, `EventID`, `TimeCreated`, no `TimeGenerated`).
 * - `winlogbeat`: Elastic Winlogbeat (`winlog.*`, or the 6.x `event_data`/`computer_name`/`log_name`).
 * - `xml`: records from the XmlWinEventLog reader (`sourcetype=XmlWinEventLog`).
 * - `unknown`: none of these; the preset then applies its generic mapping.
 */
export type WindowsFormat = 'mordor' | 'sd2' | 'evtx-flat' | 'winlogbeat' | 'xml' | 'unknown';

const WINLOGBEAT_PREFIXES = ['winlog.', 'event_data.', 'user_data.'];

/** The format of a record: a parsed JSON object (nested or already flattened) or an XML record's fields. */
export function detectWindowsFormat(sample: Record<string, unknown>): WindowsFormat {
  const has = (name: string): boolean => sample[name] !== undefined && sample[name] !== null;
  if (isWinlogbeat(sample, has)) return 'winlogbeat';
  if (sample['sourcetype'] === 'XmlWinEventLog' && has('SystemTime')) return 'xml';
  if (has('Hostname') && (has('EventTime') || has('SourceModuleType') || has('@timestamp') || has('TimeCreated'))) return 'mordor';
  if (has('Computer') && has('TimeGenerated')) return 'sd2';
  if (has('Computer') && has('TimeCreated')) return 'evtx-flat';
  return 'unknown';
}

function isWinlogbeat(sample: Record<string, unknown>, has: (name: string) => boolean): boolean {
  if (isObject(sample['winlog']) || isObject(sample['event_data']) || isObject(sample['user_data'])) return true;
  if (has('computer_name') && has('log_name')) return true;
  return Object.keys(sample).some((key) => WINLOGBEAT_PREFIXES.some((prefix) => key.startsWith(prefix)));
}

