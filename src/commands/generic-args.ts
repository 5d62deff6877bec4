// Typed reading of a generic command's arguments: `name=value` options, field lists, and errors with spans.
import type { GenericArg, GenericCommand, Span } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import { boolWord } from '../util/bool-word.js';

/** One `name=value` option as written. */
export interface OptionArg {
  name: string;
  text: string;
  quoted: boolean;
  span: Span;
  valueSpan: Span;
}

/** A field name as written in a generic command. */
export interface NamedArg {
  name: string;
  span: Span;
}


/** The options of one command, read with typed accessors that report bad values at the value's span. */
export class CommandOptions {
  constructor(
    private readonly command: string,
    private readonly byName: Map<string, OptionArg>,
  ) {}

  get(name: string): OptionArg | undefined {
    return this.byName.get(name);
  }

  text(name: string, fallback: string): string;
  text(name: string): string | undefined;
  text(name: string, fallback?: string): string | undefined {
    return this.byName.get(name)?.text ?? fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const opt = this.byName.get(name);
    if (!opt) return fallback;
    const value = boolWord(opt.text);
    if (value !== undefined) return value;
    throw new SplError('bad-argument', `${this.command}: ${name} must be true or false, not "${opt.text}"`, opt.valueSpan);
  }

  /** An integer option; `min` is the smallest allowed value. */
  int(name: string, fallback: number, min = 0): number {
    const opt = this.byName.get(name);
    return opt ? parseIntArg(this.command, name, opt.text, opt.valueSpan, min) : fallback;
  }
}

/** Parse an integer argument (e.g. a count), or throw bad-argument at its span. */
export function parseIntArg(command: string, what: string, text: string, span: Span, min = 0): number {
  if (!/^[+-]?\d+$/.test(text.trim()) || Number(text) < min) {
    throw new SplError('bad-argument', `${command}: ${what} must be an integer >= ${min}, not "${text}"`, span);
  }
  return Number(text);
}

/**
 * Split a clause's arguments into known options (`name=value`, name case-insensitive) and everything else.
 * An `=` argument whose name is not a known option is an error unless `keepUnknown` says it is positional.
 */
export function readOptions(
  command: string,
  args: GenericArg[],
  known: readonly string[],
  keepUnknown: (arg: Extract<GenericArg, { kind: 'assign' }>) => boolean = () => false,
): { options: CommandOptions; rest: GenericArg[] } {
  const byName = new Map<string, OptionArg>();
  const rest: GenericArg[] = [];
  for (const arg of args) {
    if (arg.kind !== 'assign') {
      rest.push(arg);
      continue;
    }
    const name = arg.name.toLowerCase();
    if (!known.includes(name) || arg.op !== '=') {
      if (keepUnknown(arg)) {
        rest.push(arg);
        continue;
      }
      const hints = closestNames(arg.name, known).map((n) => `did you mean \`${n}\`?`);
      throw new SplError('bad-option', `${command}: unknown option "${arg.name}"`, arg.span, known.length ? [...hints, `options: ${known.join(', ')}`] : hints);
    }
    if (arg.value.kind !== 'word') {
      throw new SplError('bad-argument', `${command}: ${name} needs a plain value`, arg.value.span);
    }
    byName.set(name, { name, text: arg.value.text, quoted: arg.value.quoted, span: arg.span, valueSpan: arg.value.span });
  }
  return { options: new CommandOptions(command, byName), rest };
}

/** A comma- or space-separated list of field names; anything else is a bad-argument error. */
export function fieldList(command: string, args: GenericArg[]): NamedArg[] {
  const out: NamedArg[] = [];
  for (const arg of args) {
    if (arg.kind === 'comma') continue;
    if (arg.kind !== 'word') throw unexpectedArg(command, arg);
    out.push({ name: arg.text, span: arg.span });
  }
  return out;
}

/** The one field name a command takes (`mvexpand f`, `nomv f`, ...); none or several is a bad-argument error. */
export function singleField(command: string, node: GenericCommand, args: GenericArg[]): NamedArg {
  const fields = fieldList(command, args);
  if (fields.length !== 1) throw new SplError('bad-argument', `${command}: expected exactly one field`, fields[1]?.span ?? missingSpan(node));
  return fields[0]!;
}

export function unexpectedArg(command: string, arg: GenericArg): SplError {
  return new SplError('bad-argument', `${command}: unexpected argument`, arg.span);
}

/** The head clause's arguments; any other clause (by, where, ...) is rejected unless listed in `allowed`. */
export function clauseArgs(node: GenericCommand, allowed: readonly string[] = []): Map<string | null, GenericArg[]> {
  const out = new Map<string | null, GenericArg[]>();
  for (const clause of node.clauses) {
    if (clause.keyword !== null && !allowed.includes(clause.keyword)) {
      throw new SplError('bad-argument', `${node.name}: unexpected "${clause.keyword}" clause`, clause.span);
    }
    out.set(clause.keyword, [...(out.get(clause.keyword) ?? []), ...clause.args]);
  }
  return out;
}

/** The span just after the command name, for "missing argument" errors. */
export function missingSpan(node: GenericCommand): Span {
  return { start: node.span.start, end: node.span.start + node.name.length };
}
