// `replace "a*" WITH "b*", "x" WITH "y" [IN f1, f2*]`: replace whole field values matching wildcard patterns.
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import { clauseArgs, missingSpan, unexpectedArg } from './generic-args.js';
import { compileNamePattern, expandPatterns, fillPattern, type NamePattern } from './wildcard-names.js';

interface Replacement {
  from: NamePattern;
  to: string;
}

const isKeyword = (arg: GenericArg | undefined, word: string): boolean =>
  arg?.kind === 'word' && !arg.quoted && arg.text.toLowerCase() === word;

function valueText(arg: GenericArg | undefined, node: GenericCommand, what: string): string {
  if (arg?.kind === 'word') return arg.text;
  throw new SplError('bad-argument', `replace: expected ${what}`, arg?.span ?? missingSpan(node));
}

/** Parse `<old> WITH <new> [, <old> WITH <new>]... [IN <fields>]`. */
function readReplacements(node: GenericCommand): { replacements: Replacement[]; fields: NamePattern[] } {
  const args = (clauseArgs(node).get(null) ?? []).filter((a) => a.kind !== 'comma');
  const replacements: Replacement[] = [];
  let i = 0;
  while (i < args.length && !isKeyword(args[i], 'in')) {
    const from = valueText(args[i], node, 'a value to replace');
    if (!isKeyword(args[i + 1], 'with')) throw new SplError('bad-argument', 'replace: expected WITH after the value', args[i + 1]?.span ?? args[i]!.span);
    const to = valueText(args[i + 2], node, 'a replacement value after WITH');
    replacements.push({ from: compileNamePattern(from), to });
    i += 3;
  }
  if (replacements.length === 0) throw new SplError('bad-argument', 'replace: expected <value> WITH <value>', missingSpan(node));
  const fields = args.slice(i + 1).map((a) => {
    if (a.kind !== 'word') throw unexpectedArg('replace', a);
    return compileNamePattern(a.text);
  });
  if (isKeyword(args[i], 'in') && fields.length === 0) throw new SplError('bad-argument', 'replace: expected field names after IN', args[i]!.span);
  return { replacements, fields };
}

/** The first pair whose pattern matches the whole value decides it; `*` in the new value takes the matched text. */
function replaceScalar(value: Scalar, replacements: Replacement[]): Scalar {
  const text = scalarToString(value);
  for (const r of replacements) {
    const captures = r.from.match(text);
    if (captures) return fillPattern(r.to, captures);
  }
  return value;
}

function replaceValue(v: FieldValue, replacements: Replacement[]): FieldValue {
  return Array.isArray(v) ? v.map((s) => replaceScalar(s, replacements)) : replaceScalar(v, replacements);
}

export const replaceCommand: CommandDef<GenericCommand> = {
  names: ['replace'],
  kind: 'streaming',
  threads: 'per-event',
  compile(node) {
    const { replacements, fields } = readReplacements(node);
    const fixed = fields.every((f) => !f.hasWildcard) && fields.length > 0 ? fields.map((f) => f.text) : null;
    // Without IN, every field except internal ones (_raw, _time, ...) is a target.
    const targets = (ev: Event): string[] =>
      fixed ?? (fields.length ? expandPatterns(fields, ev.names()) : ev.names().filter((n) => !n.startsWith('_')));
    return {
      kind: 'streaming',
      reads: fixed,
      factory: (next) => ({
        push: (ev) => {
          for (const name of targets(ev)) {
            const v = ev.get(name);
            if (v !== undefined) ev.set(name, replaceValue(v, replacements));
          }
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
