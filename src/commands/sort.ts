// `sort [N] [+|-]field, num(f)... [desc]`: order results (stable), keeping the first N (default 10000, 0 = all).
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { clauseArgs, missingSpan, parseIntArg, readOptions } from './generic-args.js';
import { resultsRead } from './result-bound.js';
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
  compile(node) {
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
    return {
      kind: 'dataset',
      reads: specs.map((s) => s.field),
      // Blocking: holds the first `kept` results so far (with their precomputed keys) until the end; a following
      // `head N` that reads fewer results lowers that bound.
      factory: (next) => {
        const kept = Math.min(limit === 0 ? Infinity : limit, resultsRead(next));
        const top = new StableTop<{ ev: Event; keys: SortKey[] }>(kept, (a, b) => order.compare(a.keys, b.keys));
        return {
          push: (ev) => top.push({ ev, keys: order.keysOf(ev) }),
          end: () => {
            for (const { ev } of top.sorted()) next.push(ev);
            next.end();
          },
        };
      },
    };
  },
};
