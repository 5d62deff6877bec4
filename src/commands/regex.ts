// `regex [field=|field!=]"<PCRE>"`: keep results whose field (default _raw) matches, or with != does not match, the regex.
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { annotateRegexLimit } from '../regex/budget.js';
import { compilePcre } from '../regex/pcre.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { clauseArgs, missingSpan } from './generic-args.js';

interface RegexFilter {
  field: string;
  negated: boolean;
  pattern: string;
  patternArg: GenericArg;
}

function readFilter(node: GenericCommand): RegexFilter {
  const args = clauseArgs(node).get(null) ?? [];
  if (args.length === 0) throw new SplError('bad-argument', 'regex: a regular expression is required', missingSpan(node));
  if (args.length > 1) throw new SplError('bad-argument', 'regex: expected one [field=]"regex" argument', args[1]!.span);
  const arg = args[0]!;
  if (arg.kind === 'word') return { field: '_raw', negated: false, pattern: arg.text, patternArg: arg };
  if (arg.kind === 'assign' && (arg.op === '=' || arg.op === '!=') && arg.value.kind === 'word') {
    return { field: arg.name, negated: arg.op === '!=', pattern: arg.value.text, patternArg: arg.value };
  }
  throw new SplError('bad-argument', 'regex: expected <field>="<regex>" or <field>!="<regex>"', arg.span);
}

export const regexCommand: CommandDef<GenericCommand> = {
  names: ['regex'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { field, negated, pattern, patternArg } = readFilter(node);
    const { regex } = compilePcre(pattern, { span: patternArg.span });
    // A multivalue field matches when any value matches; a missing field never matches.
    const matches = (ev: Event): boolean => valuesOf(ev.get(field)).some((v) => regex.test(scalarToString(v)));
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => ({
        push: (ev) => {
          let keep: boolean;
          try {
            keep = matches(ev) !== negated;
          } catch (err) {
            throw annotateRegexLimit(err, `regex field=${field}`, patternArg.span);
          }
          if (keep) next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
