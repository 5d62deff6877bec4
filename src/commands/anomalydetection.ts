// `anomalydetection [method=histogram|zscore|iqr] [action=...] [pthresh=] [<fields>]`: rare-value events.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { Event, isNumeric, scalarToString, toNumber, valuesOf } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { HeldEvents } from './held-events.js';
import { applyIqrRule } from './iqr-outliers.js';
import { applyZscore, ZSCORE_PTHRESH } from './anomaly-zscore.js';

const METHODS = ['histogram', 'zscore', 'iqr'];
/** Search Reference "anomalydetection": filter|annotate|summary for histogram and zscore, remove|transform for iqr. */
const ACTIONS = ['filter', 'annotate', 'summary'];
const IQR_ACTIONS = ['remove', 'transform'];

/** Bins of the histogram of a numeric field (Splunk does not document its number). */
const NUMERIC_BINS = 10;

/** A field's frequency model: the frequency of the value an event has (undefined when it has none). */
type Frequency = (ev: Event) => number | undefined;

function firstValue(ev: Event, field: string) {
  return valuesOf(ev.get(field))[0];
}

/** Categorical: count of the value / events; numeric (every value a number): size of its histogram bin / events. */
function frequencyOf(events: readonly Event[], field: string): Frequency {
  const present = events.map((ev) => firstValue(ev, field)).filter((v) => v !== undefined);
  const n = events.length;
  if (present.length > 0 && present.every((v) => typeof v !== 'boolean' && isNumeric(v))) {
    const nums = present.map((v) => toNumber(v!));
    const min = Math.min(...nums);
    const width = (Math.max(...nums) - min) / NUMERIC_BINS || 1;
    const binOf = (x: number) => Math.min(NUMERIC_BINS - 1, Math.floor((x - min) / width));
    const counts = new Array<number>(NUMERIC_BINS).fill(0);
    for (const x of nums) counts[binOf(x)]!++;
    return (ev) => {
      const v = firstValue(ev, field);
      return v === undefined ? undefined : counts[binOf(toNumber(v as string | number))]! / n;
    };
  }
  const counts = new Map<string, number>();
  for (const v of present) counts.set(scalarToString(v!), (counts.get(scalarToString(v!)) ?? 0) + 1);
  return (ev) => {
    const v = firstValue(ev, field);
    return v === undefined ? undefined : counts.get(scalarToString(v))! / n;
  };
}

interface Scored {
  ev: Event;
  logProb: number;
  cause: string | undefined;
  causeFreq: number;
  maxFreq: number;
}

export const anomalydetectionCommand: CommandDef<GenericCommand> = {
  names: ['anomalydetection'],
  kind: 'transforming',
  notes: '`method=histogram|zscore|iqr`; `action=filter|annotate|summary` (iqr: `remove|transform`), `pthresh=`',
  compile(node, ctx) {
    const { options, rest } = readOptions('anomalydetection', clauseArgs(node).get(null) ?? [], ['method', 'action', 'pthresh', 'cutoff']);
    const method = options.text('method', 'histogram').toLowerCase();
    if (!METHODS.includes(method)) throw new SplError('bad-argument', `anomalydetection: method must be histogram, zscore or iqr, not "${options.text('method')}"`, options.get('method')!.valueSpan);
    const actions = method === 'iqr' ? IQR_ACTIONS : ACTIONS;
    const action = options.text('action', method === 'iqr' ? 'transform' : 'filter').toLowerCase();
    if (!actions.includes(action)) {
      throw new SplError('bad-argument', `anomalydetection: with method=${method}, action must be ${actions.join(', ')}`, options.get('action')!.valueSpan);
    }
    const pthreshText = options.text('pthresh');
    if (method === 'iqr' && pthreshText !== undefined) throw new SplError('bad-option', 'anomalydetection: pthresh does not apply to method=iqr', options.get('pthresh')!.span);
    const pthresh = pthreshText === undefined ? undefined : Number(pthreshText);
    if (pthresh !== undefined && !(pthresh > 0 && pthresh < 1)) throw new SplError('bad-argument', 'anomalydetection: pthresh must be between 0 and 1', options.get('pthresh')!.valueSpan);
    options.bool('cutoff', true);
    const named = fieldList('anomalydetection', rest).map((f) => f.name);
    return {
      kind: 'transforming',
      reads: named.length ? named : null,
      factory: (next) => {
        // Memory: every event until the end (frequencies need them all).
        const held = new HeldEvents('anomalydetection', node.span, ctx.run.maxMemoryMb);
        return {
          push: (ev) => held.push(ev),
          end: () => {
            const events = held.events;
            if (method !== 'histogram') {
              if (method === 'iqr') applyIqrRule(events, named, { param: 2.5, useLower: false, remove: action === 'remove', mark: false }, next);
              else applyZscore(events, named, pthresh ?? ZSCORE_PTHRESH, action, next);
              held.clear();
              next.end();
              return;
            }
            const fields = named.length ? named : [...new Set(events.flatMap((ev) => ev.names()))].filter((f) => !f.startsWith('_'));
            const models = fields.map((f) => [f, frequencyOf(events, f)] as const);
            const scored: Scored[] = events.map((ev) => {
              let logProb = 0;
              let cause: string | undefined;
              let causeFreq = Infinity;
              let maxFreq = 0;
              for (const [f, freq] of models) {
                const p = freq(ev);
                if (p === undefined) continue;
                logProb += Math.log(p);
                if (p < causeFreq) [cause, causeFreq] = [f, p];
                maxFreq = Math.max(maxFreq, p);
              }
              return { ev, logProb, cause, causeFreq, maxFreq };
            });
            const threshold = pthresh !== undefined ? Math.log(pthresh) : autoThreshold(scored.map((s) => s.logProb));
            const anomalous = scored.filter((s) => s.logProb < threshold);
            if (action === 'summary') {
              const row = new Event();
              row.set('num_events', events.length);
              row.set('num_anomalies', anomalous.length);
              row.set('thresh', Math.exp(threshold));
              next.push(row);
            } else {
              const flagged = new Set(anomalous);
              for (const s of scored) {
                if (!flagged.has(s)) {
                  if (action === 'annotate') next.push(s.ev);
                  continue;
                }
                s.ev.set('log_event_prob', s.logProb);
                s.ev.set('probable_cause', s.cause);
                s.ev.set('probable_cause_freq', Number.isFinite(s.causeFreq) ? s.causeFreq : undefined);
                s.ev.set('max_freq', s.maxFreq);
                next.push(s.ev);
              }
            }
            held.clear();
            next.end();
          },
        };
      },
    };
  },
};

/** Without pthresh: two standard deviations below the mean log probability (splq's choice; Splunk's is undocumented). */
function autoThreshold(logProbs: number[]): number {
  if (logProbs.length === 0) return -Infinity;
  const mean = logProbs.reduce((a, b) => a + b, 0) / logProbs.length;
  const variance = logProbs.reduce((a, b) => a + (b - mean) ** 2, 0) / logProbs.length;
  return mean - 2 * Math.sqrt(variance);
}
