// `join [type=inner|left|outer] [max=N] [overwrite=bool] [usetime=bool] [earlier=bool] [<fields>] [subsearch]`.
import type { GenericCommand, Span } from '../ast.js';
import { runSubsearch } from '../engine/subsearch.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { valueKey } from './value-key.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { subsearchLimits, takeSubsearch } from './subsearch-args.js';

const OPTIONS = ['type', 'max', 'overwrite', 'usetime', 'earlier', 'maxout', 'maxtime', 'timeout'];

/** The right side indexed by key; without join fields, the fields common to the first left row and the right rows. */
class RightSide {
  private index: Map<string, Event[]> | null = null;
  private fields: readonly string[];

  constructor(
    private readonly rows: Event[],
    fields: readonly string[],
  ) {
    this.fields = fields;
  }

  matches(left: Event): Event[] {
    if (this.index === null) {
      if (this.fields.length === 0) this.fields = commonFields(left, this.rows);
      this.index = new Map();
      for (const row of this.rows) {
        const key = valueKey(row, this.fields);
        if (key === null) continue;
        const list = this.index.get(key);
        if (list) list.push(row);
        else this.index.set(key, [row]);
      }
    }
    const key = this.fields.length === 0 ? null : valueKey(left, this.fields);
    return key === null ? [] : (this.index.get(key) ?? []);
  }
}

/** Fields (other than internal ones) present in the left row and in some right row. */
function commonFields(left: Event, rows: readonly Event[]): string[] {
  const right = new Set<string>();
  for (const row of rows) for (const name of row.names()) right.add(name);
  return left.names().filter((n) => right.has(n) && !n.startsWith('_'));
}

export const joinCommand: CommandDef<GenericCommand> = {
  names: ['join'],
  kind: 'streaming',
  notes: '`type=inner|left|outer`, `max=`, `overwrite=`, fields or common fields; subsearch 50,000 rows / 60 s',
  compile(node, ctx) {
    const head = clauseArgs(node).get(null) ?? [];
    const { pipeline, rest: beforeSub } = takeSubsearch(node, head, 'join user [search sourcetype=x | fields user, src]');
    const { options, rest } = readOptions('join', beforeSub, OPTIONS);
    const fields = fieldList('join', rest).map((f) => f.name);
    const type = options.text('type', 'inner').toLowerCase();
    if (!['inner', 'left', 'outer'].includes(type)) {
      throw new SplError('bad-argument', `join: type must be inner, left or outer, not "${options.text('type')}"`, options.get('type')!.valueSpan);
    }
    const keepUnmatched = type !== 'inner';
    const max = options.int('max', 1, 0);
    const overwrite = options.bool('overwrite', true);
    options.bool('usetime', false);
    options.bool('earlier', true);
    const limits = subsearchLimits(options);
    const sub = ctx.compileSubsearch(pipeline);
    sub.prerun = { limits, command: 'join' };
    const run = ctx.run;
    return {
      kind: 'streaming',
      reads: fields.length ? fields : null,
      factory: (next): Stage => {
        const services = { ...run };
        let right: RightSide | null = null;
        return {
          push: (left) => {
            right ??= new RightSide(heldRows(runSubsearch(sub, services, limits, 'join'), node.span, run.maxMemoryMb), fields);
            const found = right.matches(left);
            if (found.length === 0) {
              if (keepUnmatched) next.push(left);
              return;
            }
            const used = max === 0 ? found.length : Math.min(max, found.length);
            for (let i = 0; i < used; i++) next.push(merge(i === used - 1 ? left : left.clone(), found[i]!, overwrite));
          },
          end: () => next.end(),
        };
      },
    };
  },
};

/** The right side's rows, counted against the memory budget (besides `maxout`, they may be wide). */
function heldRows(rows: Event[], span: Span, budgetMb: number): Event[] {
  const memory = new MemoryTracker('join', span, budgetMb, 'subsearch rows');
  for (const row of rows) memory.addEvent(row);
  return rows;
}

/** The left row with the right row's fields: replacing its own values when `overwrite`, else only filling gaps. */
function merge(left: Event, right: Event, overwrite: boolean): Event {
  for (const name of right.names()) {
    if (!overwrite && left.has(name)) continue;
    left.set(name, right.get(name));
  }
  return left;
}
