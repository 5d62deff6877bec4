// A pack's map member run over the events the shared scan held for it; a replay the held events cannot serve sends it to a run of its own.
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import { firstSearchFilter } from '../engine/first-search.js';
import { failureText, type PackFailure, type PackMember } from './pack-compile.js';
import type { HeldFilter } from './pack-held-filter.js';

/** What a held member did (a PackDetectionSummary of the shared scan). */
export interface HeldSummary {
  name: string;
  rows: number;
  eventsReached: number;
  eventsMatched: number;
  elapsedMs: number;
  scan: 'shared';
}

/** The member must re-read the inputs: a replayed search may keep events that were not held. */
export const REREAD = 'reread';

/** Thrown out of a replay whose search the held events do not cover (caught here, never seen by the user). */
class HeldTooFew extends Error {}

/**
 * A member whose subsearches replay the inputs from memory (map), over the events the shared scan held: as its
 * single run does (replays of pristine copies), but its search gets only the events its first search keeps (each
 * its own copy). Every replay's search is checked against `filter`: when it could keep an event that was not held,
 * the run is abandoned (its rows were kept back, none is given) and REREAD is returned. A failure is recorded: null.
 */
export function runHeldMember(
  member: PackMember, events: readonly Event[], filter: HeldFilter, onRow: (row: Event, name: string) => void, zone: TimeZone, failed: PackFailure[],
): HeldSummary | typeof REREAD | null {
  const started = performance.now();
  const summary: HeldSummary = { name: member.name, rows: 0, eventsReached: events.length, eventsMatched: 0, elapsedMs: 0, scan: 'shared' };
  const { pipeline } = member.query;
  const before = pipeline.counters.matched;
  const gate = firstSearchFilter(member.query.ast, zone, member.query.now)?.test ?? null;
  const rows: Event[] = [];
  pipeline.run.inputs = {
    *replay(_fields, subsearch) {
      if (!filter.covers(subsearch)) throw new HeldTooFew();
      for (const ev of events) yield ev.clone();
    },
  };
  try {
    const head = pipeline.factory({ push: (row) => void rows.push(row), end: () => undefined });
    for (const ev of events) if (gate === null || gate(ev)) head.push(ev.clone());
    head.end();
  } catch (error) {
    if (error instanceof HeldTooFew) return REREAD;
    failed.push({ name: member.name, file: member.file, message: failureText(error, member.query.text), error });
    return null;
  } finally {
    pipeline.run.inputs = null;
    pipeline.run.prepared = null;
  }
  for (const row of rows) onRow(row, member.name);
  summary.rows = rows.length;
  summary.eventsMatched = pipeline.counters.matched - before;
  summary.elapsedMs = performance.now() - started;
  return summary;
}
