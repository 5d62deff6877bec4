// `table a, b*`: results with only the listed fields, in the listed order (a transforming command).
import type { TableCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { Event } from '../runtime/event.js';
import { compileNamePattern, expandPatterns } from './wildcard-names.js';

export const tableCommand: CommandDef<TableCommand> = {
  names: ['table'],
  kind: 'transforming',
  threads: 'per-event',
  notes: 'wildcards expand in field order',
  compile(node) {
    const patterns = node.fields.map((f) => compileNamePattern(f.name));
    const wildcard = patterns.some((p) => p.hasWildcard);
    const fixed = patterns.map((p) => p.text);
    return {
      kind: 'transforming',
      reads: wildcard ? null : fixed,
      limitsFields: true,
      factory: (next) => ({
        push: (ev) => {
          const names = wildcard ? expandPatterns(patterns, ev.names()) : fixed;
          const out = new Event();
          for (const n of names) out.set(n, ev.get(n));
          next.push(out);
        },
        end: () => next.end(),
      }),
    };
  },
};
