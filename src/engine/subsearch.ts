// Running a compiled subsearch to completion over the replayed inputs, within Splunk's row and time limits.
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import type { RunServices } from './run-services.js';
import type { CompiledSubsearch, SubsearchLimits } from './types.js';

export type { CompiledSubsearch, SubsearchLimits } from './types.js';

export const DEFAULT_SUBSEARCH_LIMITS: SubsearchLimits = { maxRows: 50_000, maxSeconds: 60 };

/** How often (in events) the clock is read while replaying. */
const CLOCK_EVERY = 1024;

/**
 * Run the subsearch and return its first `maxRows` results; a limit that cuts it short is warned about once,
 * naming the command. Without replayable inputs a non-generating subsearch is an error at `span`.
 */
export function runSubsearch(sub: CompiledSubsearch, run: RunServices, limits: SubsearchLimits, command: string): Event[] {
  const prepared = run.prepared?.get(sub);
  if (prepared) return prepared;
  const rows: Event[] = [];
  let truncated = false;
  const head = sub.factory({
    push: (ev) => {
      if (rows.length < limits.maxRows) rows.push(ev);
      else truncated = true;
    },
    end: () => undefined,
  });
  let timedOut = false;
  if (!sub.generating) {
    if (!run.inputs?.replay) {
      throw new SplError('unsupported-command', `${command}: this run cannot read its inputs again for the subsearch`, sub.span, [
        'subsearches run over the same inputs as the search; run the query from the CLI or with Query.runSync/run',
      ]);
    }
    const started = performance.now();
    let n = 0;
    for (const ev of run.inputs.replay(sub.reads, sub.ast)) {
      head.push(ev);
      if (++n % CLOCK_EVERY === 0 && (performance.now() - started) / 1000 > limits.maxSeconds) {
        timedOut = true;
        break;
      }
    }
  }
  head.end();
  if (timedOut) run.warn(`${command}: the subsearch stopped after ${limits.maxSeconds} s (maxtime); its results are partial`);
  if (truncated) run.warn(`${command}: the subsearch's results were cut to ${limits.maxRows} rows (maxout)`);
  return rows;
}

/** A sink that keeps the first `maxRows` results and notes whether more came. */
function collector(maxRows: number): { rows: Event[]; truncated: () => boolean; sink: { push(ev: Event): void; end(): void } } {
  const rows: Event[] = [];
  let more = false;
  return {
    rows,
    truncated: () => more,
    sink: {
      push: (ev) => {
        if (rows.length < maxRows) rows.push(ev);
        else more = true;
      },
      end: () => undefined,
    },
  };
}

/**
 * Run the subsearches known at compile time over `replayBatches`, before the search (innermost first, so a
 * subsearch inside a subsearch is ready when its outer one runs). Their results go to `run.prepared`.
 */
export async function prerunSubsearches(subsearches: readonly CompiledSubsearch[], run: RunServices): Promise<void> {
  const replayBatches = run.inputs?.replayBatches;
  run.prepared = new Map();
  for (const sub of subsearches) {
    if (!sub.prerun || sub.generating || !replayBatches) continue;
    const { limits, command } = sub.prerun;
    const out = collector(limits.maxRows);
    const head = sub.factory(out.sink);
    const started = performance.now();
    let timedOut = false;
    for await (const batch of replayBatches(sub.reads)) {
      for (const ev of batch) head.push(ev);
      if ((performance.now() - started) / 1000 > limits.maxSeconds) {
        timedOut = true;
        break;
      }
    }
    head.end();
    if (timedOut) run.warn(`${command}: the subsearch stopped after ${limits.maxSeconds} s (maxtime); its results are partial`);
    if (out.truncated()) run.warn(`${command}: the subsearch's results were cut to ${limits.maxRows} rows (maxout)`);
    run.prepared.set(sub, out.rows);
  }
}
