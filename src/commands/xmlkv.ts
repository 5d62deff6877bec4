// `xmlkv [field] [maxinputs=N]`: every `<key>value</key>` leaf element in a field's text (default _raw) becomes key=value.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, valuesOf, type Event, type FieldValue } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';

/** A leaf element: a start tag, text without markup, and the matching end tag. Tolerates text around the XML. */
const LEAF_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^<>]*)?>([^<]*)<\/\1\s*>/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The key/value pairs of one text; a key seen again gets a multivalue. */
function leafPairs(text: string): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  for (const m of text.matchAll(LEAF_ELEMENT)) {
    const value = decodeEntities(m[2]!.trim());
    const prev = out.get(m[1]!);
    out.set(m[1]!, prev === undefined ? value : [...valuesOf(prev), value]);
  }
  return out;
}

export const xmlkvCommand: CommandDef<GenericCommand> = {
  names: ['xmlkv'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { options, rest } = readOptions('xmlkv', clauseArgs(node).get(null) ?? [], ['maxinputs']);
    // maxinputs: only the first N results are extracted (later ones pass unchanged); 0 or absent = all.
    const maxInputs = options.int('maxinputs', 0);
    const fields = fieldList('xmlkv', rest);
    if (fields.length > 1) throw new SplError('bad-argument', 'xmlkv: expected at most one field', fields[1]!.span);
    const field = fields[0]?.name ?? '_raw';
    const apply = (ev: Event, text: string) => {
      for (const [name, value] of leafPairs(text)) ev.set(name, value);
    };
    return {
      kind: 'streaming',
      reads: [field],
      factory: (next) => {
        let seen = 0;
        return {
          push: (ev) => {
            if (maxInputs === 0 || ++seen <= maxInputs) for (const v of valuesOf(ev.get(field))) apply(ev, scalarToString(v));
            next.push(ev);
          },
          end: () => next.end(),
        };
      },
    };
  },
};
