// `dedup [N] f1 f2 [keepevents=] [keepempty=] [consecutive=] [sortby ...]`: keep the first N results per value combination.
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { valueKey } from './value-key.js';
import { clauseArgs, fieldList, missingSpan, parseIntArg, readOptions } from './generic-args.js';
import { compileOrder, readSortSpecs, type SortKey, type SortSpec } from './sort-keys.js';

interface DedupPlan {
  limit: number;
  fields: string[];
  keepEvents: boolean;
  keepEmpty: boolean;
  consecutive: boolean;
  sortBy: SortSpec[];
}

const isSortby = (a: GenericArg): boolean => a.kind === 'word' && !a.quoted && a.text.toLowerCase() === 'sortby';

function readPlan(node: GenericCommand): DedupPlan {
  const args = clauseArgs(node).get(null) ?? [];
  const sortbyAt = args.findIndex(isSortby);
  const head = sortbyAt < 0 ? args : args.slice(0, sortbyAt);
  const sortBy = sortbyAt < 0 ? [] : readSortSpecs('dedup', args.slice(sortbyAt + 1));
  if (sortbyAt >= 0 && sortBy.length === 0) throw new SplError('bad-argument', 'dedup: expected fields after sortby', args[sortbyAt]!.span);
  const { options, rest } = readOptions('dedup', head, ['keepevents', 'keepempty', 'consecutive']);
  const words = fieldList('dedup', rest);
  let limit = 1;
  if (words.length > 1 && /^\d+$/.test(words[0]!.name)) {
    const count = words.shift()!;
    limit = parseIntArg('dedup', 'the count', count.name, count.span, 1);
  }
  if (words.length === 0) throw new SplError('bad-argument', 'dedup: expected at least one field', missingSpan(node));
  return {
    limit,
    fields: words.map((w) => w.name),
    keepEvents: options.bool('keepevents', false),
    keepEmpty: options.bool('keepempty', false),
    consecutive: options.bool('consecutive', false),
    sortBy,
  };
}

/** Heap bytes of one remembered combination beyond its key's characters: the key string's header and its Map slot. */
const KEY_BYTES = 64;

/** Streaming dedup; memory: one counter per distinct combination (one for consecutive=true), within the budget. */
function dedupStage(plan: DedupPlan, next: Stage, memory: MemoryTracker): Stage {
  const counts = new Map<string, number>();
  let previous: string | null = null;
  let run = 0;
  return {
    push: (ev) => {
      const key = valueKey(ev, plan.fields);
      if (key === null) {
        if (plan.keepEmpty) next.push(ev);
        return;
      }
      let seen: number;
      if (plan.consecutive) {
        run = key === previous ? run + 1 : 1;
        previous = key;
        seen = run;
      } else {
        seen = (counts.get(key) ?? 0) + 1;
        counts.set(key, seen);
        if (seen === 1) memory.addBytes(KEY_BYTES + key.length);
      }
      if (seen <= plan.limit) next.push(ev);
      else if (plan.keepEvents) {
        for (const f of plan.fields) ev.delete(f);
        next.push(ev);
      }
    },
    end: () => next.end(),
  };
}

/** sortby: the kept results are sorted before they leave (blocking: holds the kept results). */
function sortedStage(specs: SortSpec[], next: Stage, memory: MemoryTracker): Stage {
  const order = compileOrder(specs);
  const held: Array<{ ev: Event; keys: SortKey[] }> = [];
  return {
    push: (ev) => {
      memory.addEvent(ev);
      held.push({ ev, keys: order.keysOf(ev) });
    },
    end: () => {
      held.sort((a, b) => order.compare(a.keys, b.keys));
      for (const { ev } of held) next.push(ev);
      held.length = 0;
      next.end();
    },
  };
}

export const dedupCommand: CommandDef<GenericCommand> = {
  names: ['dedup'],
  kind: 'streaming',
  compile(node, ctx) {
    const plan = readPlan(node);
    const sorted = plan.sortBy.length > 0;
    return {
      kind: sorted ? 'dataset' : 'streaming',
      reads: [...plan.fields, ...plan.sortBy.map((s) => s.field)],
      factory: (next) => {
        // The remembered combinations and the results held for sortby share one budget.
        const memory = new MemoryTracker('dedup', node.span, ctx.run.maxMemoryMb, 'values and results');
        return dedupStage(plan, sorted ? sortedStage(plan.sortBy, next, memory) : next, memory);
      },
    };
  },
};
