// `| makeresults [count=N] [annotate=b]`: generate N results stamped with the search time (emitted at end, input ignored).
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { Event } from '../runtime/event.js';
import { clauseArgs, readOptions, unexpectedArg } from './generic-args.js';
import { rowsAtEnd } from './rows-at-end.js';

/** The server name that annotate=true reports (Splunk's own host name there). */
const SPLQ_SERVER_NAME = 'splq';

export const makeresultsCommand: CommandDef<GenericCommand> = {
  names: ['makeresults'],
  kind: 'generating',
  notes: '`format=`/`data=` not yet',
  compile(node, ctx) {
    const { options, rest } = readOptions('makeresults', clauseArgs(node).get(null) ?? [], ['count', 'annotate', 'splunk_server', 'splunk_server_group']);
    if (rest[0]) throw unexpectedArg('makeresults', rest[0]);
    const count = options.int('count', 1);
    // annotate adds splunk_server (and host, source, sourcetype, splunk_server_group, which are null and so absent).
    const annotate = options.bool('annotate', false);
    const now = ctx.now;
    return rowsAtEnd(function* () {
      for (let i = 0; i < count; i++) {
        const ev = new Event();
        ev.set('_time', now);
        if (annotate) ev.set('splunk_server', SPLQ_SERVER_NAME);
        yield ev;
      }
    });
  },
};
