// `foreach [mode=...] <fields> [<<TOKEN>> options] [template]`: run a templated eval-like pipeline per field, value or JSON item.
import type { GenericArg, GenericCommand, Pipeline, Span } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { SplError } from '../errors.js';
import { parseJson } from '../eval/functions/json-values.js';
import { Event, scalarToString, valuesOf } from '../runtime/event.js';
import { ForeachTemplate, TemplateCache, type Substitution } from './foreach-template.js';
import { clauseArgs, fieldList, missingSpan, readOptions, type CommandOptions } from './generic-args.js';
import { compileNamePattern, type NamePattern } from './wildcard-names.js';

/** One run of the template: a cache key and the token replacements it uses. */
interface Iteration {
  key: string;
  substitution: Substitution;
}

type IterationsOf = (ev: Event) => Iteration[];

const MODES = ['multifield', 'multivalue', 'json_array'];
const DISCARD: Stage = { push: () => undefined, end: () => undefined };
const OPTIONS = ['mode', 'fieldstr', 'matchstr', 'matchseg1', 'matchseg2', 'matchseg3', 'itemstr', 'iterstr'];

function fieldIterations(patterns: NamePattern[], options: CommandOptions): IterationsOf {
  const fieldToken = options.text('fieldstr', '<<FIELD>>');
  const matchToken = options.text('matchstr', '<<MATCHSTR>>');
  const segmentTokens = [1, 2, 3].map((i) => options.text(`matchseg${i}`, `<<MATCHSEG${i}>>`));
  // Field names repeat from result to result: build each name's iteration once.
  const byName = new Map<string, Iteration>();
  const iteration = (name: string, captures: string[]): Iteration => {
    let it = byName.get(name);
    if (!it) {
      const segments = segmentTokens.map((t, i) => [t, captures[i] ?? ''] as const);
      it = { key: name, substitution: [[fieldToken, name], [matchToken, captures.join('')], ...segments] };
      byName.set(name, it);
    }
    return it;
  };
  return (ev) => {
    const out: Iteration[] = [];
    const seen = new Set<string>();
    for (const p of patterns) {
      if (!p.hasWildcard) {
        if (!seen.has(p.text)) out.push(iteration(p.text, []));
        seen.add(p.text);
        continue;
      }
      // Wildcards match the result's own fields; internal `_` fields only when the pattern starts with `_`.
      for (const name of ev.names()) {
        const captures = seen.has(name) || (name.startsWith('_') && !p.text.startsWith('_')) ? null : p.match(name);
        if (captures) {
          seen.add(name);
          out.push(iteration(name, captures));
        }
      }
    }
    return out;
  };
}

function itemIterations(field: string, mode: string, options: CommandOptions): IterationsOf {
  const itemToken = options.text('itemstr', '<<ITEM>>');
  const iterToken = options.text('iterstr', '<<ITER>>');
  const itemsOf = (ev: Event): string[] => {
    const values = valuesOf(ev.get(field));
    if (mode === 'multivalue') return values.map(scalarToString);
    const doc = values.length ? parseJson(scalarToString(values[0]!)) : undefined;
    return Array.isArray(doc) ? doc.map((item) => JSON.stringify(item)) : [];
  };
  return (ev) => itemsOf(ev).map((item, i) => ({ key: `${i}\u0000${item}`, substitution: [[itemToken, item], [iterToken, String(i)]] }));
}

function readTemplate(node: GenericCommand, rest: GenericArg[]): { pipeline: Pipeline; span: Span; fieldArgs: GenericArg[] } {
  const last = rest[rest.length - 1];
  if (last?.kind !== 'subsearch') throw new SplError('bad-argument', 'foreach: expected a [template] such as [eval <<FIELD>>=...]', last?.span ?? missingSpan(node));
  return { pipeline: last.pipeline, span: last.span, fieldArgs: rest.slice(0, -1) };
}

/** Runs every iteration's template over the result (a template may drop it or, with mvexpand, multiply it). */
function foreachStage(template: ForeachTemplate, iterationsOf: IterationsOf, next: Stage): Stage {
  const cache = new TemplateCache(template);
  return {
    push: (ev) => {
      let current = [ev];
      for (const it of iterationsOf(ev)) {
        const stage = cache.stageFor(it.key, it.substitution);
        for (const e of current) stage.push(e);
        current = cache.output.splice(0);
      }
      for (const e of current) next.push(e);
    },
    end: () => next.end(),
  };
}

export const foreachCommand: CommandDef<GenericCommand> = {
  names: ['foreach'],
  kind: 'streaming',
  notes: '`mode=auto_collections` not yet',
  compile(node, ctx) {
    const { options, rest } = readOptions('foreach', clauseArgs(node).get(null) ?? [], OPTIONS);
    const { pipeline, span, fieldArgs } = readTemplate(node, rest);
    const fields = fieldList('foreach', fieldArgs);
    if (fields.length === 0) throw new SplError('bad-argument', 'foreach: expected the fields to iterate over', missingSpan(node));
    const modeOpt = options.get('mode');
    const mode = modeOpt?.text.toLowerCase() ?? 'multifield';
    if (!MODES.includes(mode)) throw new SplError('bad-option', `foreach: mode must be one of ${MODES.join(', ')}`, modeOpt!.valueSpan);
    if (mode !== 'multifield' && fields.length !== 1) throw new SplError('bad-argument', `foreach: mode=${mode} takes exactly one field`, fields[1]!.span);
    const template = new ForeachTemplate(pipeline, span, ctx);
    const patterns = fields.map((f) => compileNamePattern(f.name));
    const iterationsOf = mode === 'multifield' ? fieldIterations(patterns, options) : itemIterations(fields[0]!.name, mode, options);
    // Compile-time checks without guessing field names: the template as written (tokens are valid names), and
    // the exact expansion for each field named without a wildcard. Other expansions are checked when first used.
    template.instantiate([], DISCARD);
    for (const it of iterationsOf(new Event())) template.instantiate(it.substitution, DISCARD);
    return { kind: 'streaming', reads: null, factory: (next) => foreachStage(template, iterationsOf, next) };
  },
};
