// The bench's "real" data shape: ../shared/datasets/windows read once through `--preset windows`, repeated to N events.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventBatches, newSourceStats } from '../src/input/index.js';
import type { Event } from '../src/runtime/event.js';

/** The recorded Windows events beside the project (read-only; absent on a fresh clone). */
export function realDatasetDir(root: string): string {
  return join(root, '..', 'shared', 'datasets', 'windows');
}

/** Bumped when the conversion below changes, so that a converted file is rebuilt. */
const CONVERSION_VERSION = 1;
/** The converted field that holds an EVTX export's own `_raw` (its event XML): a field named `_raw` would be the event's raw text in splq, not the line. */
const XML_FIELD = 'EventXml';
/** Extra seconds between the end of one copy and the start of the next. */
const COPY_GAP_SECONDS = 86_400;

/** What the converted file depends on: the recordings' manifest (names, sizes, hashes) and this converter. */
export async function realSourceFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(String(CONVERSION_VERSION));
  hash.update(readFileSync(join(dir, 'MANIFEST.tsv')));
  return hash.digest('hex').slice(0, 16);
}

/** One event as the flat object the bench's NDJSON shape holds: the preset's fields in order, `_raw` renamed. */
function flatObject(ev: Event): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(ev.toObject(false))) out[name === '_raw' ? XML_FIELD : name] = value;
  return out;
}

/**
 * Every event splq reads from `dir` with `--preset windows` (all its formats: Mordor, SD2.0 arrays, EVTX-flat,
 * XmlWinEventLog), as flat objects with the preset's fields (sourcetype, source, EventCode, ComputerName, dest, host,
 * rendered Message, numeric `_time`). Lines splq reports as malformed are left out (their count is returned).
 */
export async function readRealEvents(dir: string): Promise<{ events: Record<string, unknown>[]; malformed: number }> {
  const stats = newSourceStats(false);
  const events: Record<string, unknown>[] = [];
  for await (const batch of eventBatches([dir], { fields: null, preset: 'windows' }, stats)) {
    for (const ev of batch) if (typeof ev.get('_time') === 'number') events.push(flatObject(ev));
  }
  return { events, malformed: stats.malformed.count };
}

/**
 * `count` events: the recordings concatenated and repeated, each copy's `_time` shifted past the previous copy's
 * last time (plus a day), so no two events of the file share a (time, content) pair across copies.
 */
export function* repeatedEvents(events: readonly Record<string, unknown>[], count: number): Iterable<Record<string, unknown>> {
  if (events.length === 0) return;
  const times = events.map((event) => event._time as number);
  const span = Math.ceil(Math.max(...times) - Math.min(...times)) + COPY_GAP_SECONDS;
  for (let produced = 0, copy = 0; produced < count; copy++) {
    for (const event of events) {
      if (produced++ >= count) return;
      // Whole seconds keep the milliseconds of the recording unchanged (ctime floors them in every engine).
      yield copy === 0 ? event : { ...event, _time: Math.round(((event._time as number) + copy * span) * 1e6) / 1e6 };
    }
  }
}

export function realDatasetExists(root: string): boolean {
  return existsSync(join(realDatasetDir(root), 'MANIFEST.tsv'));
}
