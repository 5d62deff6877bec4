// `bin|bucket [span=|bins=|minspan=|start=|end=|aligntime=] field [AS newfield]`: replace values by their bin.
import type { GenericArg, GenericCommand } from '../ast.js';
import type { CommandDef, CompileContext, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { toNumber, valuesOf, type Event, type Scalar } from '../runtime/event.js';
import { compileTimeModifier } from '../time/relative.js';
import { autoNumberSpan, autoTimeSpan } from './bin-auto.js';
import { compileBinner, isTimeSpan, parseBinSpan, type BinSpan } from './bin-span.js';
import { clauseArgs, fieldList, missingSpan, readOptions, type CommandOptions } from './generic-args.js';

type Binner = (v: number) => Scalar | undefined;

interface BinTarget {
  field: string;
  output: string;
}

function readTarget(node: GenericCommand, rest: GenericArg[]): BinTarget {
  const words = fieldList('bin', rest);
  if (words.length === 0) throw new SplError('bad-argument', 'bin: expected a field to bin', missingSpan(node));
  const hasAs = words.length === 3 && words[1]!.name.toLowerCase() === 'as';
  if (words.length !== 1 && !hasAs) throw new SplError('bad-argument', 'bin: expected <field> [AS <newfield>]', words[1]!.span);
  return { field: words[0]!.name, output: hasAs ? words[2]!.name : words[0]!.name };
}

/** aligntime: an epoch number or a time modifier such as `@d+3h`; `latest` is the search time (now). */
function readAlignTime(options: CommandOptions, ctx: CompileContext): number {
  const opt = options.get('aligntime');
  if (!opt) return 0;
  const text = opt.text.toLowerCase();
  if (text === 'latest') return ctx.now;
  if (text === 'earliest') {
    throw new SplError('bad-argument', 'bin: aligntime=earliest needs a search time range, which splq does not have', opt.valueSpan, [
      'give a time modifier instead, e.g. aligntime=@d+3h',
    ]);
  }
  try {
    return compileTimeModifier(opt.text)(ctx.now, ctx.zone);
  } catch (e) {
    if (e instanceof SplError) e.span = opt.valueSpan;
    throw e;
  }
}

/** The value of a result to bin: a number, or undefined (non-numeric values are left alone). */
function numericValue(ev: Event, field: string): number | undefined {
  const first = valuesOf(ev.get(field))[0];
  if (first === undefined) return undefined;
  const n = toNumber(first);
  return Number.isNaN(n) ? undefined : n;
}

function applyBin(ev: Event, target: BinTarget, binner: Binner): void {
  const n = numericValue(ev, target.field);
  const bin = n === undefined ? undefined : binner(n);
  if (bin !== undefined) ev.set(target.output, bin);
}

/** Without span=, the span depends on the data's range: hold every result, then bin them all (blocking). */
function autoBinStage(next: Stage, target: BinTarget, chooseBinner: (min: number, max: number) => Binner): Stage {
  const held: Event[] = [];
  let min = Infinity;
  let max = -Infinity;
  return {
    push: (ev) => {
      held.push(ev);
      const n = numericValue(ev, target.field);
      if (n !== undefined) {
        min = Math.min(min, n);
        max = Math.max(max, n);
      }
    },
    end: () => {
      const binner = min <= max ? chooseBinner(min, max) : undefined;
      for (const ev of held) {
        if (binner) applyBin(ev, target, binner);
        next.push(ev);
      }
      held.length = 0;
      next.end();
    },
  };
}

export const binCommand: CommandDef<GenericCommand> = {
  names: ['bin', 'bucket'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'without `span=`, the span comes from the data (there is no search time range)',
  compile(node, ctx) {
    const { options, rest } = readOptions(node.name, clauseArgs(node).get(null) ?? [], ['span', 'bins', 'minspan', 'start', 'end', 'aligntime']);
    const target = readTarget(node, rest);
    const spanOpt = options.get('span');
    const span = spanOpt ? parseBinSpan(spanOpt.text, spanOpt.valueSpan) : undefined;
    const timeField = target.field === '_time' || (span !== undefined && isTimeSpan(span));
    const binnerOptions = { zone: ctx.zone, alignTime: readAlignTime(options, ctx), timeField };
    const binnerOf = (s: BinSpan): Binner => compileBinner(s, binnerOptions);
    const reads = [target.field];
    if (span) {
      const binner = binnerOf(span);
      return {
        kind: 'streaming',
        reads,
        factory: (next) => ({
          push: (ev) => {
            applyBin(ev, target, binner);
            next.push(ev);
          },
          end: () => next.end(),
        }),
      };
    }
    const bins = options.int('bins', 100, 1);
    const minSpanOpt = options.get('minspan');
    const minSpan = minSpanOpt ? spanSeconds(parseBinSpan(minSpanOpt.text, minSpanOpt.valueSpan)) : 0;
    const start = numberOption(options, 'start');
    const end = numberOption(options, 'end');
    const choose = (min: number, max: number): Binner => {
      // start/end can only widen the range the span is chosen for.
      const input = { min: Math.min(min, start ?? min), max: Math.max(max, end ?? max), bins, minSpan };
      return binnerOf(timeField ? autoTimeSpan(input) : autoNumberSpan(input));
    };
    return { kind: 'dataset', reads, factory: (next) => autoBinStage(next, target, choose) };
  },
};

/** A span's length as one number (seconds for time spans), for minspan. */
function spanSeconds(span: BinSpan): number {
  switch (span.kind) {
    case 'seconds':
      return span.seconds;
    case 'days':
      return span.days * 86400;
    case 'months':
      return span.months * 30 * 86400;
    case 'number':
      return span.size;
    case 'log':
      return 0;
  }
}

function numberOption(options: CommandOptions, name: string): number | undefined {
  const opt = options.get(name);
  if (!opt) return undefined;
  const n = toNumber(opt.text);
  if (Number.isNaN(n)) throw new SplError('bad-argument', `bin: ${name} must be a number, not "${opt.text}"`, opt.valueSpan);
  return n;
}
