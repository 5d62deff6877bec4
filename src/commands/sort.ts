// `sort [N] [+|-]field, num(f)... [desc]`: order results (stable), keeping the first N (default 10000, 0 = all).
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { MemoryTracker } from '../runtime/memory-budget.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { clauseArgs, missingSpan, parseIntArg, readOptions } from './generic-args.js';
import { keepsTopByLargest, resultsRead } from './result-bound.js';
import { ordersResults, type ResultCompare } from './result-order.js';
import { compileOrder, readSortSpecs, type SortKey } from './sort-keys.js';
import { StableTop } from './stable-top.js';

const DEFAULT_LIMIT = 10000;

const isCount = (arg: GenericArg | undefined): arg is Extract<GenericArg, { kind: 'word' }> =>
  arg?.kind === 'word' && !arg.quoted && /^\d+$/.test(arg.text);

const isDescWord = (arg: GenericArg | undefined): boolean =>
  arg?.kind === 'word' && !arg.quoted && (arg.text.toLowerCase() === 'desc' || arg.text.toLowerCase() === 'd');

export const sortCommand: CommandDef<GenericCommand> = {
  names: ['sort'],
  kind: 'dataset',
  // Workers keep each unit's top N (CompiledCommand.perUnit); the main thread sorts those.
  threads: 'partial-aggregate',
  compile(node, ctx) {
    const { options, rest } = readOptions('sort', clauseArgs(node).get(null) ?? [], ['limit']);
    let args = rest;
    let limit = options.int('limit', DEFAULT_LIMIT);
    if (isCount(args[0])) {
      limit = parseIntArg('sort', 'the count', args[0].text, args[0].span);
      args = args.slice(1);
    }
    const reverseAll = args.length > 1 && isDescWord(args[args.length - 1]);
    if (reverseAll) args = args.slice(0, -1);
    const specs = readSortSpecs('sort', args);
    if (specs.length === 0) throw new SplError('bad-argument', 'sort: expected at least one field to sort by', missingSpan(node));
    if (reverseAll) for (const s of specs) s.descending = !s.descending;
    const order = compileOrder(specs);
    const budgetMb = () => ctx.run.maxMemoryMb;
    return {
      kind: 'dataset',
      reads: specs.map((s) => s.field),
      // Blocking: holds the first `kept` results so far (with their precomputed keys) until the end; a following
      // `head N` that reads fewer results lowers that bound. The held results count against the memory budget.
      factory: (next) => {
        const kept = Math.min(limit === 0 ? Infinity : limit, resultsRead(next));
        const stage = topStage(kept, order, next, node, budgetMb());
        // Led by a field's numbers, largest first (`-count`, auto or num order): results below the kept-th are never kept.
        const lead = specs[0]!;
        return lead.descending && (lead.type === 'auto' || lead.type === 'num') && kept < Infinity ? keepsTopByLargest(stage, { field: lead.field, kept }) : stage;
      },
      // Over threads, a finite sort first keeps each unit's own top results in its worker: the first `kept` of the
      // units' tops, in unit order, are the first `kept` of the whole input (ties keep input order: units arrive in
      // order and each unit's top is stable), so the main thread's sort gives the same rows from far fewer.
      perUnit: limit === 0 ? undefined : (next) => topStage(limit, order, next, node, budgetMb()),
    };
  },
};

/** The stage that keeps the first `kept` results in sort order and hands them on at the end. */
function topStage(kept: number, order: ReturnType<typeof compileOrder>, next: Stage, node: GenericCommand, budgetMb: number): Stage {
  // Ties keep the arrival order; a stage in front that hands over that order as a comparator (result-order.ts) may
  // then give the results in any order: sorting by (keys, arrival order) is what a stable sort of them in order gives.
  let arrival: ResultCompare | null = null;
  const top = new StableTop<{ ev: Event; keys: SortKey[] }>(kept, (a, b) => order.compare(a.keys, b.keys) || (arrival === null ? 0 : arrival(a.ev, b.ev)));
  const memory = new MemoryTracker('sort', node.span, budgetMb, 'results');
  let held = 0;
  return ordersResults({
    push: (ev) => {
      // Past `kept` a new result replaces a held one: the count held stops growing.
      if (held < kept) {
        held++;
        memory.addEvent(ev);
      }
      top.push({ ev, keys: order.keysOf(ev) });
    },
    end: () => {
      for (const { ev } of top.sorted()) next.push(ev);
      memory.reset();
      next.end();
    },
  }, (given) => (arrival = given));
}
