// `makemv [delim=s | tokenizer=re] [allowempty=b] [setsv=b] field`: split a field's text into a multivalue.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { annotateRegexLimit } from '../regex/budget.js';
import { compilePcre } from '../regex/pcre.js';
import { scalarToString, valuesOf, type Scalar } from '../runtime/event.js';
import { clauseArgs, readOptions, singleField } from './generic-args.js';
import { NOMV_SEPARATOR } from './nomv.js';

type Splitter = (text: string) => string[];

function tokenizerSplitter(pattern: string, span: GenericCommand['span']): Splitter {
  const { regex, groupIndex } = compilePcre(pattern, { global: true, span });
  const group = groupIndex[1] ?? 0;
  // Each match contributes its first capturing group (the whole match when the regex has none).
  return (text) => {
    try {
      return Array.from(text.matchAll(regex), (m) => m[group] ?? '');
    } catch (err) {
      throw annotateRegexLimit(err, 'makemv tokenizer', span);
    }
  };
}

export const makemvCommand: CommandDef<GenericCommand> = {
  names: ['makemv'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { options, rest } = readOptions('makemv', clauseArgs(node).get(null) ?? [], ['delim', 'tokenizer', 'allowempty', 'setsv']);
    const single = singleField('makemv', node, rest);
    const field = single.name;
    const tokenizer = options.get('tokenizer');
    if (tokenizer && options.get('delim')) throw new SplError('bad-argument', 'makemv: use either delim or tokenizer, not both', tokenizer.span);
    const delim = options.text('delim', ' ');
    const split: Splitter = tokenizer ? tokenizerSplitter(tokenizer.text, tokenizer.valueSpan) : (text) => text.split(delim);
    const allowEmpty = options.bool('allowempty', false);
    const setSingleValue = options.bool('setsv', false);
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => ({
        push: (ev) => {
          const current = ev.get(field);
          if (current !== undefined) {
            const parts: Scalar[] = [];
            for (const v of valuesOf(current)) for (const part of split(scalarToString(v))) if (allowEmpty || part !== '') parts.push(part);
            ev.set(field, setSingleValue ? parts.join(NOMV_SEPARATOR) : parts.length === 1 ? parts[0] : parts);
          }
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
