// What a scan reports when it ends: files, events read, parsed, matched, results, and malformed records with file:line.
import type { SourceStats } from '../input/index.js';

export interface ScanSummary {
  files: number;
  /** Records read (lines of NDJSON, events of XML). */
  eventsRead: number;
  /** Records decoded into events (the rest were ruled out undecoded by the pre-filter). */
  eventsParsed: number;
  /** Events that passed the first search. */
  eventsMatched: number;
  results: number;
  malformed: {
    count: number;
    /** The first few, as `file:line: message`. */
    lines: string[];
    /** The same records as `file:line: kind of problem`, with nothing quoted from the input (for test reports). */
    locations: string[];
  };
  elapsedMs: number;
}

export function summarize(stats: SourceStats, matched: number, results: number, elapsedMs: number): ScanSummary {
  return {
    files: stats.files,
    eventsRead: stats.eventsRead,
    eventsParsed: stats.eventsRead - stats.eventsSkipped,
    eventsMatched: matched,
    results,
    malformed: { count: stats.malformed.count, lines: [...stats.malformed.lines()], locations: [...stats.malformed.locations()] },
    elapsedMs,
  };
}
