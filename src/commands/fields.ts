// `fields [+|-] a, b*`: keep only (or remove) the listed fields; `_raw` and `_time` stay unless removed by name.
import type { FieldsCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { compileNamePattern } from './wildcard-names.js';

const INTERNAL_KEPT = new Set(['_raw', '_time']);

export const fieldsCommand: CommandDef<FieldsCommand> = {
  names: ['fields'],
  kind: 'streaming',
  threads: 'per-event',
  notes: '`_raw`/`_time` kept unless removed by name',
  compile(node) {
    const patterns = node.fields.map((f) => compileNamePattern(f.name));
    const listed = (name: string) => patterns.some((p) => p.match(name) !== null);
    const keep = node.mode === '+' ? (name: string) => listed(name) || INTERNAL_KEPT.has(name) : (name: string) => !listed(name);
    const wildcard = patterns.some((p) => p.hasWildcard);
    return {
      kind: 'streaming',
      reads: node.mode === '+' && !wildcard ? [...node.fields.map((f) => f.name), '_raw', '_time'] : null,
      limitsFields: node.mode === '+',
      factory: (next) => ({
        push: (ev) => {
          for (const name of ev.names()) if (!keep(name)) ev.delete(name);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
