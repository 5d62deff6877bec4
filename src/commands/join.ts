// `join [type=] [max=] [overwrite=] [usetime=] [earlier=] (<fields> | left=L right=R where L.a=R.b) [subsearch]`.
import type { GenericArg, GenericCommand, Span } from '../ast.js';
import { runSubsearch } from '../engine/subsearch.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { Event } from '../runtime/event.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { aliasedKeys, RightSide, timeFilter, type AliasedKeys } from './join-keys.js';
import { subsearchLimits, takeSubsearch } from './subsearch-args.js';

const OPTIONS = ['type', 'max', 'overwrite', 'usetime', 'earlier', 'maxout', 'maxtime', 'timeout', 'left', 'right'];

export const joinCommand: CommandDef<GenericCommand> = {
  names: ['join'],
  kind: 'streaming',
  notes: '`type=inner|left|outer`, `max=`, `overwrite=`, `usetime=`/`earlier=`, fields or common fields, or `left=L right=R where L.a=R.b`; subsearch 50,000 rows / 60 s',
  compile(node, ctx) {
    const clauses = clauseArgs(node, ['where']);
    const where = clauses.get('where');
    const head = clauses.get(null) ?? [];
    const example = 'join user [search sourcetype=x | fields user, src]';
    // In the aliased form the subsearch ends the where clause.
    const { pipeline, rest: subRest } = takeSubsearch(node, where ?? head, example);
    const [beforeSub, whereArgs] = where ? [head, subRest] : [subRest, []];
    const { options, rest } = readOptions('join', beforeSub, OPTIONS);
    const fields = fieldList('join', rest).map((f) => f.name);
    const type = options.text('type', 'inner').toLowerCase();
    if (!['inner', 'left', 'outer'].includes(type)) {
      throw new SplError('bad-argument', `join: type must be inner, left or outer, not "${options.text('type')}"`, options.get('type')!.valueSpan);
    }
    const aliases = readAliases(node, options.get('left'), options.get('right'), where === undefined ? null : whereArgs, fields.length > 0);
    const keepUnmatched = type !== 'inner';
    const max = options.int('max', 1, 0);
    const overwrite = options.bool('overwrite', true);
    const usetime = options.bool('usetime', false);
    const inTime = usetime ? timeFilter(options.bool('earlier', true)) : null;
    const limits = subsearchLimits(options);
    const sub = ctx.compileSubsearch(pipeline);
    sub.prerun = { limits, command: 'join' };
    const run = ctx.run;
    const combine = aliases ? (l: Event, r: Event | null) => aliasedRow(l, r, aliases) : (l: Event, r: Event | null) => (r ? merge(l, r, overwrite) : l);
    return {
      kind: 'streaming',
      // The aliased form renames every field; usetime also reads _time.
      reads: aliases || fields.length === 0 ? null : usetime ? [...fields, '_time'] : fields,
      factory: (next): Stage => {
        const services = { ...run };
        let right: RightSide | null = null;
        return {
          push: (left) => {
            right ??= new RightSide(heldRows(runSubsearch(sub, services, limits, 'join'), node.span, run.maxMemoryMb), aliases?.leftFields ?? fields, aliases?.rightFields ?? fields);
            let found = right.matches(left);
            if (inTime) found = found.filter((row) => inTime(left, row));
            if (found.length === 0) {
              if (keepUnmatched) next.push(combine(left, null));
              return;
            }
            const used = max === 0 ? found.length : Math.min(max, found.length);
            for (let i = 0; i < used; i++) next.push(combine(i === used - 1 ? left : left.clone(), found[i]!));
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

/** `left=L right=R where ...`: both aliases and the where clause together, and no field list beside them. */
function readAliases(
  node: GenericCommand,
  left: { text: string; span: Span } | undefined,
  right: { text: string; span: Span } | undefined,
  where: GenericArg[] | null,
  hasFields: boolean,
): AliasedKeys | null {
  if (!left && !right && where === null) return null;
  const usage = 'e.g. join left=L right=R where L.pid=R.pid [search ...]';
  if (!left || !right || where === null) {
    const at = (left ?? right)?.span ?? node.span;
    throw new SplError('bad-argument', 'join: left=, right= and where go together', at, [usage]);
  }
  if (left.text === right.text) throw new SplError('bad-argument', 'join: the left and right aliases must differ', right.span, [usage]);
  if (hasFields) throw new SplError('bad-argument', 'join: give either join fields or left=/right=/where, not both', node.span, [usage]);
  return aliasedKeys(node, left.text, right.text, where, node.span);
}

/** The left row with the right row's fields: replacing its own values when `overwrite`, else only filling gaps. */
function merge(left: Event, right: Event, overwrite: boolean): Event {
  for (const name of right.names()) {
    if (!overwrite && left.has(name)) continue;
    left.set(name, right.get(name));
  }
  return left;
}

/**
 * The aliased form's row: every left field as `L.<name>`, every right field as `R.<name>` (so nothing collides), and
 * the left row's internal fields (`_time`, `_raw`, ...) as they were.
 */
function aliasedRow(left: Event, right: Event | null, keys: AliasedKeys): Event {
  const out = new Event();
  for (const name of left.names()) out.set(name.startsWith('_') ? name : `${keys.leftAlias}.${name}`, left.get(name)!);
  if (right) for (const name of right.names()) if (!name.startsWith('_')) out.set(`${keys.rightAlias}.${name}`, right.get(name)!);
  return out;
}
