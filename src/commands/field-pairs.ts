// `a [AS b], c [AS d] ...` lists (lookup's match and output fields): pairs of a table-side and an event-side name.
import type { GenericArg, Span } from '../ast.js';
import { SplError } from '../errors.js';
import { unexpectedArg } from './generic-args.js';

/** One `name [AS alias]`: `name` is the lookup table's column, `alias` the event's field (default: the same name). */
export interface FieldPair {
  name: string;
  alias: string;
  span: Span;
}

const isAs = (a: GenericArg | undefined): boolean => a?.kind === 'word' && !a.quoted && a.text.toLowerCase() === 'as';

/** Read pairs; commas between them are optional. */
export function readFieldPairs(command: string, args: GenericArg[]): FieldPair[] {
  const out: FieldPair[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.kind === 'comma') continue;
    if (arg.kind !== 'word' || isAs(arg)) throw unexpectedArg(command, arg);
    if (isAs(args[i + 1])) {
      const alias = args[i + 2];
      if (!alias || alias.kind !== 'word') throw new SplError('bad-argument', `${command}: expected a field name after AS`, (alias ?? args[i + 1]!).span);
      out.push({ name: arg.text, alias: alias.text, span: { start: arg.span.start, end: alias.span.end } });
      i += 2;
    } else {
      out.push({ name: arg.text, alias: arg.text, span: arg.span });
    }
  }
  return out;
}
