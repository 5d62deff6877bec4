// Replaying a test case's data files through a compiled detection, as Splunk would index then search them.
import type { FieldMappingSpec } from '../input/mapping/aliases.js';
import type { Query } from '../query.js';
import type { Event } from '../runtime/event.js';
import { eventBatches, newSourceStats, type SourceStats } from '../input/index.js';
import type { TimeZone } from '../time/zone.js';
import type { ReplayFile } from './types.js';

export interface ReplayOptions {
  zone: TimeZone;
  preset?: 'windows';
}

/**
 * Stream every file of the case through `query`, calling `onResult` per result. No time window applies: the
 * detection's schedule (e.g. `-70m@m`) is for live data, and replayed data keeps its recorded times.
 * A file's stated source/sourcetype overwrite what the reader or preset gave, as Splunk's ingest would.
 */
export async function replayFiles(query: Query, files: ReplayFile[], opts: ReplayOptions, onResult: (ev: Event) => void): Promise<SourceStats> {
  const stats = newSourceStats(false);
  const fields = query.requiredFields ? new Set(query.requiredFields) : null;
  await query.stream(batchesOf(files, fields, opts, stats), onResult);
  return stats;
}

async function* batchesOf(files: ReplayFile[], fields: Set<string> | null, opts: ReplayOptions, stats: SourceStats): AsyncGenerator<Event[]> {
  for (const file of files) {
    yield* eventBatches([file.path], { zone: opts.zone, fields, preset: opts.preset, mapping: metadataOf(file) }, stats);
  }
}

function metadataOf(file: ReplayFile): FieldMappingSpec | undefined {
  const sets: FieldMappingSpec['sets'] = [];
  if (file.source !== undefined) sets.push({ field: 'source', value: file.source });
  if (file.sourcetype !== undefined) sets.push({ field: 'sourcetype', value: file.sourcetype });
  return sets.length ? { aliases: [], sets } : undefined;
}
