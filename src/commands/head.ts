// `head [N] [limit=N] [(expr)] [null=bool] [keeplast=bool]`: the first N results (default 10), or results while an expression holds.
import type { CommandOption, HeadCommand } from '../ast.js';
import { compileEval } from '../eval/index.js';
import type { CommandDef } from '../engine/types.js';
import { evalReads } from '../engine/eval-reads.js';
import { closestNames, SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { readsFirstResults } from './result-bound.js';

const OPTIONS = ['limit', 'null', 'keeplast'];
const TRUE_WORDS = ['true', 't', '1', 'yes', 'y'];
const FALSE_WORDS = ['false', 'f', '0', 'no', 'n'];

/** A `null=`/`keeplast=` option as a Boolean (head command docs: both default to false). */
function boolOption(opt: CommandOption | undefined): boolean {
  if (opt === undefined) return false;
  const word = opt.value.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new SplError('bad-argument', `head: ${opt.name} must be true or false, not "${opt.value}"`, opt.span);
}

/** Reject options head does not have (they were silently ignored before). */
function checkOptions(node: HeadCommand): void {
  for (const opt of node.options) {
    if (OPTIONS.includes(opt.name.toLowerCase())) continue;
    const hints = closestNames(opt.name, OPTIONS).map((n) => `did you mean \`${n}\`?`);
    throw new SplError('bad-option', `head: unknown option "${opt.name}"`, opt.span, hints);
  }
}

const optionNamed = (node: HeadCommand, name: string) => node.options.find((o) => o.name.toLowerCase() === name);

export const headCommand: CommandDef<HeadCommand> = {
  names: ['head'],
  kind: 'streaming',
  compile(node, ctx) {
    checkOptions(node);
    const limit = node.limit ?? (node.expr ? Infinity : 10);
    // head command docs: `null=true` treats a null expression as true; `keeplast=true` keeps the result that made
    // the expression false (or null), i.e. the one that ended the run.
    const nullHolds = boolOption(optionNamed(node, 'null'));
    const keepLast = boolOption(optionNamed(node, 'keeplast'));
    const evaluate = node.expr ? compileEval(node.expr, ctx.evalContext) : null;
    const holds = evaluate ? (ev: Event) => {
      const v = evaluate(ev);
      return v === true || (nullHolds && (v === null || v === undefined));
    } : null;
    return {
      kind: 'streaming',
      reads: node.expr ? evalReads(node.expr) : [],
      factory: (next) => {
        let seen = 0;
        let stopped = false;
        // Whatever the expression does, head never looks past its first `limit` results.
        return readsFirstResults({
          push: (ev) => {
            if (stopped || seen >= limit) return;
            seen++;
            if (holds && !holds(ev)) {
              stopped = true;
              if (keepLast) next.push(ev);
              return;
            }
            next.push(ev);
          },
          end: () => next.end(),
        }, limit);
      },
    };
  },
};
