// `fillnull [value=v] [fields]`: give missing (or empty) fields a value; without a field list, every field seen in the results.
import type { GenericCommand } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import type { Event } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';

/** Splunk treats a missing field and an empty value alike: both are null to fillnull. */
function isNull(ev: Event, name: string): boolean {
  const v = ev.get(name);
  return v === undefined || v === '';
}

function fill(ev: Event, names: Iterable<string>, value: string): void {
  for (const name of names) if (isNull(ev, name)) ev.set(name, value);
}

/**
 * Without a field list the fields to fill are only known once every result has been seen, so this form is
 * blocking: it holds all results (memory grows with the result count) and emits them at the end.
 */
function fillAllSeen(next: Stage, value: string): Stage {
  const held: Event[] = [];
  const seen = new Set<string>();
  return {
    push: (ev) => {
      held.push(ev);
      for (const name of ev.names()) if (!name.startsWith('_')) seen.add(name);
    },
    end: () => {
      for (const ev of held) {
        fill(ev, seen, value);
        next.push(ev);
      }
      held.length = 0;
      next.end();
    },
  };
}

export const fillnullCommand: CommandDef<GenericCommand> = {
  names: ['fillnull'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { options, rest } = readOptions('fillnull', clauseArgs(node).get(null) ?? [], ['value']);
    const value = options.text('value', '0');
    const names = fieldList('fillnull', rest).map((f) => f.name);
    if (names.length === 0) return { kind: 'dataset', reads: null, factory: (next) => fillAllSeen(next, value) };
    return {
      kind: 'streaming',
      reads: names,
      factory: (next) => ({
        push: (ev) => {
          fill(ev, names, value);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
