// How subsearches get the search's inputs again: replayed copies in memory, or re-read batches run before the search.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import { Event } from '../../src/runtime/event.js';

const PLAIN = [{ k: 'a', side: 'L' }, { k: 'b', side: 'L' }, { k: 'a', side: 'R', v: 1 }];

async function* batches(events: Event[]): AsyncIterable<Event[]> {
  yield events;
}

describe('subsearch inputs', () => {
  it('a query with a subsearch reads every field and says it replays its inputs', () => {
    const q = compile('search side=L | join k [search side=R | fields k v]');
    expect(q.pipeline.replaysInputs).toBe(true);
    expect(q.requiredFields).toBeNull();
    expect(compile('search side=L | fields k').pipeline.replaysInputs).toBe(false);
    // A generating subsearch does not read the inputs.
    expect(compile('search * | append [| makeresults]').pipeline.replaysInputs).toBe(false);
  });

  it('with replayBatches, join and append run their subsearches first, over the re-read inputs', async () => {
    const q = compile('search side=L | join k [search side=R | fields k v] | append [search side=R | eval tag="appended"]');
    const passes: Array<ReadonlySet<string> | null> = [];
    q.pipeline.run.inputs = {
      replayBatches: (fields) => {
        passes.push(fields);
        return batches(PLAIN.map((o) => Event.fromObject(o)));
      },
    };
    const out: Array<Record<string, unknown>> = [];
    await q.stream(batches(PLAIN.map((o) => Event.fromObject(o))), (ev) => out.push(ev.toObject()));
    expect(passes).toHaveLength(2);
    expect(out).toEqual([{ k: 'a', side: 'L', v: 1 }, { k: 'a', side: 'R', v: 1, tag: 'appended' }]);
    expect(q.pipeline.run.prepared).toBeNull();
  });

  it('without a replay, an async run holds the events and replays copies (map needs that too)', async () => {
    const q = compile('search side=R | map search="search side=L k=$k$"');
    const out: Array<Record<string, unknown>> = [];
    await q.stream(batches(PLAIN.map((o) => Event.fromObject(o))), (ev) => out.push(ev.toObject()));
    expect(out).toEqual([{ k: 'a', side: 'L' }]);
  });
});
