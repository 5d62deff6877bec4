// `transaction [fields] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=] [keepevicted=] ...`: group events.
import type { GenericArg, GenericCommand, Span } from '../ast.js';
import type { CommandDef, CompileContext } from '../engine/types.js';
import { SplError } from '../errors.js';
import { compileCondition } from '../eval/index.js';
import { parseEvalExpression } from '../parse/parse.js';
import { printGenericArg } from '../parse/print.js';
import type { Event } from '../runtime/event.js';
import { parseBinSpan } from './bin-span.js';
import { clauseArgs, fieldList, readOptions, type CommandOptions } from './generic-args.js';
import { HeldEvents } from './held-events.js';
import { TransactionGrouper, type GroupingRules } from './transaction-groups.js';
import { eventTime, mergeTransaction } from './transaction-merge.js';

const OPTIONS = [
  'name', 'maxspan', 'maxpause', 'maxevents', 'startswith', 'endswith', 'connected', 'unifyends', 'keeporphans',
  'maxopentxn', 'maxopenevents', 'keepevicted', 'mvlist', 'delim', 'nullstr', 'mvraw',
];

/** `maxspan=30s` / `maxpause=5m` in seconds; -1 means no limit. */
function duration(options: CommandOptions, name: string): number {
  const opt = options.get(name);
  if (!opt || opt.text.trim() === '-1') return Infinity;
  const span = parseBinSpan(opt.text, opt.valueSpan);
  if (span.kind === 'seconds') return span.seconds;
  if (span.kind === 'days') return span.days * 86400;
  if (span.kind === 'number') return span.size;
  throw new SplError('bad-argument', `transaction: ${name} must be a time span such as 30s, 5m, 2h or 1d`, opt.valueSpan);
}

/**
 * `startswith=`/`endswith=`: a search in parentheses (`startswith=(EventCode=4698)`, parsed as an empty value then a
 * group), a quoted search (`"login"`), or `"eval(<expr>)"`.
 */
function readFilters(args: GenericArg[], ctx: CompileContext): { filters: Map<string, (ev: Event) => boolean>; rest: GenericArg[] } {
  const filters = new Map<string, (ev: Event) => boolean>();
  const rest: GenericArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.kind === 'assign' ? arg.name.toLowerCase() : '';
    if (arg.kind !== 'assign' || (name !== 'startswith' && name !== 'endswith')) {
      rest.push(arg);
      continue;
    }
    const group = args[i + 1];
    if (arg.value.kind === 'word' && arg.value.text === '' && group?.kind === 'group') {
      filters.set(name, ctx.compileSearchText(group.items.map(printGenericArg).join(' '), group.span));
      i++;
    } else if (arg.value.kind === 'word') {
      filters.set(name, compileFilterText(arg.value.text, arg.value.span, ctx));
    } else {
      throw new SplError('bad-argument', `transaction: ${name} expects a search such as (EventCode=4624) or "eval(x>1)"`, arg.value.span);
    }
  }
  return { filters, rest };
}

function compileFilterText(text: string, span: Span, ctx: CompileContext): (ev: Event) => boolean {
  const evalForm = /^\s*eval\s*\(([\s\S]*)\)\s*$/i.exec(text);
  if (!evalForm) return ctx.compileSearchText(text, span);
  try {
    return compileCondition(parseEvalExpression(evalForm[1]!), ctx.evalContext);
  } catch (e) {
    if (e instanceof SplError) e.span = span;
    throw e;
  }
}

export const transactionCommand: CommandDef<GenericCommand> = {
  names: ['transaction'],
  kind: 'transforming',
  notes: 'fields, `maxspan`, `maxpause`, `maxevents`, `startswith`, `endswith`, `keepevicted`, `keeporphans`, `mvlist`, memory limits; `name=` not supported',
  compile(node, ctx) {
    const { filters, rest: args } = readFilters(clauseArgs(node).get(null) ?? [], ctx);
    const { options, rest } = readOptions('transaction', args, OPTIONS);
    const name = options.get('name');
    if (name) {
      throw new SplError('unsupported-command', `transaction: name=${name.text} needs transactiontypes.conf, which splq does not read`, name.span, [
        'write the stanza\'s settings (fields, maxspan=, startswith=, ...) in the query instead',
      ]);
    }
    const rules: GroupingRules = {
      fields: fieldList('transaction', rest).map((f) => f.name),
      maxSpan: duration(options, 'maxspan'),
      maxPause: duration(options, 'maxpause'),
      maxEvents: options.int('maxevents', 1000, 1),
      startsWith: filters.get('startswith') ?? null,
      endsWith: filters.get('endswith') ?? null,
      maxOpenTxn: options.int('maxopentxn', 5000, 1),
      maxOpenEvents: options.int('maxopenevents', 100000, 1),
    };
    for (const flag of ['connected', 'unifyends', 'mvraw']) options.bool(flag, flag === 'connected');
    const keepEvicted = options.bool('keepevicted', false);
    const keepOrphans = options.bool('keeporphans', false);
    const merge = { mvlist: options.bool('mvlist', false), markClosed: keepEvicted };
    const run = ctx.run;
    return {
      kind: 'transforming',
      reads: null,
      factory: (next) => {
        // Memory: every event until the end (they are put in time order first), then the open transactions.
        const held = new HeldEvents('transaction', node.span, ctx.run.maxMemoryMb);
        return {
          push: (ev) => held.push(ev),
          end: () => {
            const out: Event[] = [];
            let evictedByMemory = 0;
            const grouper = new TransactionGrouper(rules, (members, ending, byMemory) => {
              if (byMemory) evictedByMemory++;
              if (ending !== 'evicted' || keepEvicted) out.push(mergeTransaction(members, ending === 'closed', merge));
            });
            for (const ev of timeOrder(held.events)) grouper.add(ev);
            grouper.finish();
            // keeporphans=true: the events of no transaction pass through, marked _txn_orphan=1 (Search Reference "transaction").
            if (keepOrphans) {
              for (const ev of grouper.orphans) {
                ev.set('_txn_orphan', 1);
                out.push(ev);
              }
            }
            held.clear();
            if (evictedByMemory > 0) {
              run.warn(`transaction: ${evictedByMemory} transactions were evicted (maxopentxn=${rules.maxOpenTxn}, maxopenevents=${rules.maxOpenEvents})`);
            }
            // Newest first, as Splunk returns them.
            for (const txn of timeOrder(out).reverse()) next.push(txn);
            next.end();
          },
        };
      },
    };
  },
};

/** Events sorted by `_time` ascending, input order kept for equal times; events without a time go last. */
function timeOrder(events: Event[]): Event[] {
  const keyed = events.map((ev, i) => ({ ev, i, t: eventTime(ev) }));
  keyed.sort((a, b) => {
    const an = Number.isNaN(a.t);
    const bn = Number.isNaN(b.t);
    if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
    return a.t - b.t || a.i - b.i;
  });
  return keyed.map((k) => k.ev);
}
