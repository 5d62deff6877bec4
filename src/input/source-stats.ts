// What a scan counts as it reads: files, events read, skipped undecoded, kept, and the malformed-record report.
import { MalformedReport } from './malformed.js';

export interface SourceStats {
  files: number;
  eventsRead: number;
  /** Lines the pre-filter ruled out without parsing (included in eventsRead). */
  eventsSkipped: number;
  /** Lines owned by the byte range just read (set only when reading a range with relativeLines). */
  rangeLines: number;
  eventsKept: number;
  /** Of eventsKept, lines the reader counted straight into a `stats count by` table, never made events (span-counts.ts). */
  eventsCounted: number;
  /** Bytes of input read so far (for a progress display; approximate for XML and concatenated JSON). */
  bytesRead: number;
  malformed: MalformedReport;
}

export function newSourceStats(strict: boolean): SourceStats {
  return { files: 0, eventsRead: 0, eventsSkipped: 0, rangeLines: 0, eventsKept: 0, eventsCounted: 0, bytesRead: 0, malformed: new MalformedReport({ strict }) };
}
