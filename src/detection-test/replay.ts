// Replaying a test case's data files through a compiled detection, as Splunk would index then search them.
import type { Query } from '../query.js';
import type { Event } from '../runtime/event.js';
import { planScan, runScan, type ScanOptions, type ScanSummary } from '../scan/index.js';
import type { ReplayFile } from './types.js';

export interface ReplayOptions {
  preset?: 'windows';
}

/**
 * Stream every file of the case through `query` with the CLI's scan, calling `onResult` per result. No time window
 * is added: the detection's schedule (e.g. `-70m@m`) is for live data, and replayed data keeps its recorded times.
 * A file's stated source/sourcetype overwrite what the reader or preset gave, as Splunk's ingest would.
 * The pre-filter is off: a test reports every record it replayed and every malformed one, which lines skipped
 * undecoded could not tell (test data files are small).
 */
export async function replayFiles(query: Query, files: ReplayFile[], opts: ReplayOptions, onResult: (ev: Event) => void): Promise<ScanSummary> {
  const plan = await planScan(query, files.map((f) => f.path), replayScanOptions(files, opts));
  return runScan(plan, onResult);
}

/** The scan options of a replay: no pre-filter, and each file's stated source and sourcetype. */
export function replayScanOptions(files: readonly ReplayFile[], opts: ReplayOptions): ScanOptions {
  const fileSets: Record<string, Record<string, string>> = {};
  for (const file of files) {
    const sets: Record<string, string> = {};
    if (file.source !== undefined) sets['source'] = file.source;
    if (file.sourcetype !== undefined) sets['sourcetype'] = file.sourcetype;
    if (Object.keys(sets).length) fileSets[file.path] = sets;
  }
  return { preset: opts.preset, prefilter: false, fileSets: Object.keys(fileSets).length ? fileSets : undefined };
}
