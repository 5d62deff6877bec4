// Shared helpers for the Windows input tests: the /work/shared location and small XML event fixtures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlEventParser, isXmlReadError, type XmlEventRecord, type XmlReadError, type XmlReadItem } from '../../src/input/windows/xml-reader.js';

/** `<repo>/../shared`, the read-only reference data beside the project. */
export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
export const WINDOWS_DATA = path.join(SHARED_DIR, 'datasets/windows');
export const HAS_WINDOWS_DATA = existsSync(WINDOWS_DATA);
if (!HAS_WINDOWS_DATA) console.warn(`[test/windows] ${WINDOWS_DATA} is absent: dataset tests are skipped`);

/** A complete <Event> document on one line, like Splunk's XmlWinEventLog raw text. */
export function xmlEvent(opts: { eventId?: string; computer?: string; channel?: string; recordId?: number; eventData?: string } = {}): string {
  const { eventId = '4688', computer = 'host1.corp.local', channel = 'Security', recordId = 1, eventData = '' } = opts;
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>" +
    `<EventID>${eventId}</EventID><Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode>` +
    "<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2021-01-14T23:41:39.938175300Z'/>" +
    `<EventRecordID>${recordId}</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='164'/>` +
    `<Channel>${channel}</Channel><Computer>${computer}</Computer><Security/></System>` +
    `<EventData>${eventData}</EventData></Event>`
  );
}

/** Parse text with the push parser, fed in the given chunks; returns records and errors separately. */
export function parseXmlText(chunks: string[], file = 'fixture.xml'): { records: XmlEventRecord[]; errors: XmlReadError[]; items: XmlReadItem[] } {
  const items: XmlReadItem[] = [];
  const parser = new XmlEventParser(file, (item) => items.push(item));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  const records = items.filter((i): i is XmlEventRecord => !isXmlReadError(i));
  const errors = items.filter(isXmlReadError);
  return { records, errors, items };
}
