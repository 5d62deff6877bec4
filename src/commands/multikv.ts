// `multikv [copyattrs=] [forceheader=N] [noheader=] [rmorig=] [fields ...] [filter ...]`: table-formatted `_raw` to events.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { Event, scalarToString, valuesOf } from '../runtime/event.js';
import { cleanKey } from './extract.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';

const OPTIONS = ['copyattrs', 'forceheader', 'noheader', 'rmorig', 'multitable', 'conf'];

/** Columns of a table line: separated by white space and commas (quotes are kept, as in the data). */
const cells = (line: string): string[] => line.split(/[\s,]+/).filter((c) => c !== '');

export const multikvCommand: CommandDef<GenericCommand> = {
  names: ['multikv'],
  kind: 'streaming',
  notes: 'header row names the fields; `copyattrs=`, `forceheader=`, `noheader=`, `fields`, `filter`; `conf=` not supported',
  compile(node) {
    const head = clauseArgs(node).get(null) ?? [];
    const { options, rest } = readOptions('multikv', head, OPTIONS);
    if (options.get('conf')) throw new SplError('bad-option', 'multikv: conf= needs multikv.conf, which splq does not read', options.get('conf')!.span);
    const copyAttrs = options.bool('copyattrs', true);
    const noHeader = options.bool('noheader', false);
    const headerLine = options.int('forceheader', 1, 1);
    options.bool('rmorig', true);
    options.bool('multitable', true);
    // `fields a b` keeps only those columns; `filter w1 w2` keeps rows containing one of the words.
    const words = fieldList('multikv', rest).map((w) => w.name);
    const keywordAt = (k: string) => words.findIndex((w) => w.toLowerCase() === k);
    const fieldsAt = keywordAt('fields');
    const filterAt = keywordAt('filter');
    const section = (at: number) => (at < 0 ? null : words.slice(at + 1, [fieldsAt, filterAt].filter((i) => i > at).sort()[0] ?? words.length));
    const keepFields = section(fieldsAt);
    const filterWords = section(filterAt);
    return {
      kind: 'streaming',
      reads: null,
      factory: (next) => ({
        push: (ev) => {
          const raw = ev.get('_raw');
          if (raw === undefined) return;
          const lines = valuesOf(raw).map(scalarToString).join('\n').split(/\r?\n/).filter((l) => l.trim() !== '');
          const header = noHeader ? null : (lines[headerLine - 1] ?? null);
          const names = header ? cells(header).map(cleanKey) : [];
          const rows = header ? lines.slice(headerLine) : lines;
          for (const line of rows) {
            if (filterWords && !filterWords.some((w) => line.includes(w))) continue;
            const out = copyAttrs ? ev.clone() : new Event();
            out.set('_raw', line);
            cells(line).forEach((value, i) => {
              const name = names[i] ?? `Column_${i + 1}`;
              if (name !== '' && (!keepFields || keepFields.includes(name))) out.set(name, value);
            });
            next.push(out);
          }
        },
        end: () => next.end(),
      }),
    };
  },
};
