// What reading one file observes: its events (fields in order), the counters and every malformed report, for laws that compare read paths.
import { eventBatches, newSourceStats, type EventSourceOptions } from '../../src/input/index.js';
import { MalformedReport } from '../../src/input/malformed.js';
import { getZone } from '../../src/time/zone.js';

/** Read `path` with `opts` (UTC, every field) and return everything the read observes, for toEqual between two read paths. */
export async function observedRead(path: string, opts: Partial<EventSourceOptions>): Promise<unknown> {
  const stats = newSourceStats(false);
  stats.malformed = new MalformedReport({ keep: 100_000 });
  const events: unknown[] = [];
  for await (const batch of eventBatches([path], { zone: getZone('UTC'), fields: null, ...opts }, stats)) {
    for (const ev of batch) events.push(ev.names().slice(0, ev.size).map((name) => [name, ev.get(name)]));
  }
  return { events, read: stats.eventsRead, skipped: stats.eventsSkipped, kept: stats.eventsKept, malformed: stats.malformed.lines() };
}
