// `outlier [action=transform|remove] [param=2.5] [uselower=] [mark=] [type=field] [<fields>]`: IQR-based outliers.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { HeldEvents } from './held-events.js';
import { applyIqrRule } from './iqr-outliers.js';

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
            applyIqrRule(held.events, named, { param, useLower, remove, mark }, next);
            held.clear();
            next.end();
          },
        };
      },
    };
  },
};
