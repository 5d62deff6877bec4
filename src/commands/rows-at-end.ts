// A generating command whose rows are made when its (ignored) input ends: makeresults, `from lookup:`.
import type { CompiledCommand } from '../engine/types.js';
import type { Event } from '../runtime/event.js';

/** The compiled command: input is ignored; at its end, every row of `rows()` is pushed, then the stage ends. */
export function rowsAtEnd(rows: () => Iterable<Event>): CompiledCommand {
  return {
    kind: 'generating',
    reads: [],
    factory: (next) => ({
      push: () => undefined,
      end: () => {
        for (const ev of rows()) next.push(ev);
        next.end();
      },
    }),
  };
}
