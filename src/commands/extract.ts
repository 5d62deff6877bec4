// `extract`/`kv [pairdelim=] [kvdelim=] [limit=] [maxchars=] [clean_keys=] [mv_add=]`: key-value pairs from `_raw`.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { clauseArgs, readOptions, unexpectedArg } from './generic-args.js';

const OPTIONS = ['pairdelim', 'kvdelim', 'limit', 'maxchars', 'clean_keys', 'mv_add', 'reload', 'segment'];

/** Automatic extraction: `key=value` and `key="quoted value"` pairs (what Splunk's default KV_MODE=auto finds). */
const AUTO_PAIR = /([A-Za-z_][\w.]*)=(?:"([^"]*)"|([^\s,;"]*))/g;

/** Key cleaning (clean_keys=true): characters other than letters, digits and `_` become `_`; leading `_` are dropped. */
export function cleanKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_+/, '');
}

/** Pairs split by any of the pair delimiters, key and value split at the first key-value delimiter. */
function delimitedPairs(text: string, pairDelims: string, kvDelims: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const pairSplit = new RegExp(`[${escapeClass(pairDelims)}]`);
  const kvSplit = new RegExp(`[${escapeClass(kvDelims)}]`);
  for (const piece of text.split(pairSplit)) {
    const m = kvSplit.exec(piece);
    if (!m) continue;
    out.push([piece.slice(0, m.index).trim(), piece.slice(m.index + 1).trim()]);
  }
  return out;
}

const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');

function autoPairs(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of text.matchAll(AUTO_PAIR)) out.push([m[1]!, m[2] ?? m[3] ?? '']);
  return out;
}

export const extractCommand: CommandDef<GenericCommand> = {
  names: ['extract', 'kv'],
  kind: 'streaming',
  notes: '`pairdelim=`/`kvdelim=` or automatic `key=value`; `limit=`, `maxchars=`, `clean_keys=`, `mv_add=`',
  compile(node) {
    const { options, rest } = readOptions(node.name, clauseArgs(node).get(null) ?? [], OPTIONS);
    if (rest[0]) throw unexpectedArg(node.name, rest[0]);
    const pairDelims = options.text('pairdelim');
    const kvDelims = options.text('kvdelim');
    if ((pairDelims === undefined) !== (kvDelims === undefined)) {
      const given = options.get('pairdelim') ?? options.get('kvdelim')!;
      throw new SplError('bad-argument', `${node.name}: pairdelim and kvdelim go together`, given.span);
    }
    if (pairDelims === '' || kvDelims === '') throw new SplError('bad-argument', `${node.name}: delimiters cannot be empty`, (options.get('pairdelim') ?? options.get('kvdelim'))!.valueSpan);
    const limit = options.int('limit', 50, 0);
    const maxChars = options.int('maxchars', 10240, 1);
    const clean = options.bool('clean_keys', true);
    const mvAdd = options.bool('mv_add', false);
    options.bool('reload', false);
    const pairsOf = pairDelims !== undefined ? (t: string) => delimitedPairs(t, pairDelims, kvDelims!) : autoPairs;
    return {
      kind: 'streaming',
      reads: ['_raw'],
      factory: (next) => ({
        push: (ev: Event) => {
          const raw = ev.get('_raw');
          if (raw !== undefined) {
            const text = valuesOf(raw).map(scalarToString).join('\n').slice(0, maxChars);
            let n = 0;
            for (const [rawKey, value] of pairsOf(text)) {
              if (limit > 0 && n >= limit) break;
              const key = clean ? cleanKey(rawKey) : rawKey;
              if (key === '' || key === '_raw' || key === '_time') continue;
              n++;
              // Fields the event already has are kept (as Splunk's search-time extraction does); mv_add appends.
              const had = ev.get(key);
              if (had === undefined) ev.set(key, value);
              else if (mvAdd) ev.set(key, [...valuesOf(had), value]);
            }
          }
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
