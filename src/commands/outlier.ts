// `outlier [action=transform|remove] [param=2.5] [uselower=] [mark=] [type=field] [<fields>]`: IQR-based outliers.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { isNumeric, toNumber, valuesOf, type Event } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { HeldEvents } from './held-events.js';

/** Percentile by linear interpolation at rank p × (n − 1), as stats' perc does (values sorted ascending). */
function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** The single numeric value of a field, or undefined. */
function numberIn(ev: Event, field: string): number | undefined {
  const values = valuesOf(ev.get(field));
  if (values.length !== 1 || typeof values[0] === 'boolean' || !isNumeric(values[0]!)) return undefined;
  return toNumber(values[0]!);
}

export const outlierCommand: CommandDef<GenericCommand> = {
  names: ['outlier'],
  kind: 'dataset',
  notes: 'IQR method: `param=`, `uselower=`, `action=transform|remove`, `mark=`',
  compile(node, ctx) {
    const { options, rest } = readOptions('outlier', clauseArgs(node).get(null) ?? [], ['action', 'param', 'uselower', 'mark', 'type']);
    const action = options.text('action', 'transform').toLowerCase();
    if (!['transform', 'tf', 'remove', 'rm'].includes(action)) {
      throw new SplError('bad-argument', `outlier: action must be transform (TF) or remove (RM), not "${options.text('action')}"`, options.get('action')!.valueSpan);
    }
    const remove = action === 'remove' || action === 'rm';
    const paramText = options.text('param', '2.5');
    const param = Number(paramText);
    if (!(param >= 0)) throw new SplError('bad-argument', `outlier: param must be a number >= 0, not "${paramText}"`, options.get('param')!.valueSpan);
    const useLower = options.bool('uselower', false);
    const mark = options.bool('mark', false);
    if (options.text('type', 'field').toLowerCase() !== 'field') throw new SplError('bad-argument', 'outlier: type must be field', options.get('type')!.valueSpan);
    const named = fieldList('outlier', rest).map((f) => f.name);
    return {
      kind: 'dataset',
      reads: named.length ? named : null,
      factory: (next) => {
        // Memory: every event until the end (the quartiles need all values).
        const held = new HeldEvents('outlier', node.span, ctx.run.maxMemoryMb);
        return {
          push: (ev) => held.push(ev),
          end: () => {
            const events = held.events;
            const fields = named.length ? named : [...new Set(events.flatMap((ev) => ev.names()))].filter((f) => !f.startsWith('_'));
            const bounds = new Map<string, { lo: number; hi: number }>();
            for (const f of fields) {
              const values = events.map((ev) => numberIn(ev, f)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
              if (values.length === 0) continue;
              const q1 = percentile(values, 25);
              const q3 = percentile(values, 75);
              const iqr = q3 - q1;
              bounds.set(f, { lo: useLower ? q1 - param * iqr : -Infinity, hi: q3 + param * iqr });
            }
            for (const ev of events) {
              let outlying = false;
              for (const [f, { lo, hi }] of bounds) {
                const v = numberIn(ev, f);
                if (v === undefined || (v >= lo && v <= hi)) continue;
                outlying = true;
                if (!remove) {
                  const clamped = v > hi ? hi : lo;
                  ev.set(f, mark ? `000 ${clamped}` : clamped);
                }
              }
              if (!(remove && outlying)) next.push(ev);
            }
            held.clear();
            next.end();
          },
        };
      },
    };
  },
};
