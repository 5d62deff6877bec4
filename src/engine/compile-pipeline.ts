// Compile a parsed pipeline into a chain of stages, once; also work out which input fields it reads.
import type { Command, Pipeline } from '../ast.js';
import { parseSearchExpression } from '../parse/parse.js';
import { SplError } from '../errors.js';
import { LookupLibrary } from '../lookups/index.js';
import type { TimeZone } from '../time/zone.js';
import type { MacroLibrary } from '../macros/index.js';
import { parseSpl } from '../query-text.js';
import { createRunServices, type RunServices } from './run-services.js';
import type { CompiledSubsearch } from './subsearch.js';
import { findCommand, lookupCommand } from './registry.js';
import { compileSearchExpr } from './search-predicate.js';
import { lateOrderChain } from './late-order-chain.js';
import { passLateOrder } from '../commands/late-order.js';
import type { CompileContext, CompiledCommand, DatasetInput, StageFactory } from './types.js';

export interface CompiledPipeline {
  factory: StageFactory;
  /** Input fields the pipeline can read; null when any field may matter (then parse everything). */
  reads: Set<string> | null;
  commands: CompiledCommand[];
  /** True for `| makeresults ...`-style pipelines that make their own events (not `| tstats`, which reads the input). */
  generating: boolean;
  /** Events that came out of the first command (the search's matches), counted while running. */
  counters: { matched: number };
  /** Run-scoped services shared with the compile context (the runner sets `run.inputs` before building stages). */
  run: RunServices;
  /** True when a subsearch runs over the inputs (join, append, map): the runner must supply `run.inputs`. */
  replaysInputs: boolean;
  /** The subsearches, innermost first; those marked `prerun` can run before the search over `replayBatches`. */
  subsearches: CompiledSubsearch[];
  /** True with `map`: its searches are known only while running, so they need `run.inputs.replay`. */
  dynamicReplay: boolean;
  /** map's search templates with REPLAY_TOKEN for each `$field$` (see CompileContext). */
  replayTemplates: Array<Pipeline | null>;
  /** When the first command reads a CIM dataset (tstats): the pipeline over dataset events (counted like `factory`). */
  datasetInput?: DatasetInput;
}

export interface CompileContextOptions {
  /** Macros for queries written inside strings (map's `search="..."`). */
  macros?: MacroLibrary;
  /** Where warnings go (default: stderr, once per message). */
  onWarning?: (message: string) => void;
  /** Lookup definitions and tables (lookup, inputlookup, outputlookup); default none. */
  lookups?: LookupLibrary;
  /** Memory budget of each command that holds data, MB (default: half of V8's heap limit). */
  maxMemoryMb?: number;
}

export function createCompileContext(zone: TimeZone, now: number, options: CompileContextOptions = {}): CompileContext {
  const ctx: CompileContext = {
    zone,
    now,
    lookups: options.lookups ?? new LookupLibrary(),
    evalContext: { zone, now, warn: (message) => ctx.run.warn(message) },
    compileSearchText: (text, span) => {
      try {
        return compileSearchExpr(parseSearchExpression(text), { zone, now });
      } catch (e) {
        // Errors inside the string point at the string in the query.
        if (e instanceof SplError) e.span = span;
        throw e;
      }
    },
    compileSubPipeline: (commands) => chain(commands.map((c) => compileCommand(c, ctx))),
    findCommand,
    compileSubsearch: (pipeline, register = true) => {
      const sub = compileSubsearch(pipeline, ctx);
      if (register) ctx.subsearches.push(sub);
      return sub;
    },
    parseQueryText: (text, span) => {
      try {
        return parseSpl(text, { macros: options.macros }).ast;
      } catch (e) {
        if (e instanceof SplError) e.span = span;
        throw e;
      }
    },
    run: createRunServices(options.onWarning, options.maxMemoryMb),
    replaysInputs: false,
    subsearches: [],
    dynamicReplay: false,
    replayTemplates: [],
  };
  ctx.evalContext.compileSearch = ctx.compileSearchText;
  return ctx;
}

function compileCommand(node: Command, ctx: CompileContext): CompiledCommand {
  return lookupCommand(node).compile(node, ctx);
}

/** A subsearch: `| search ...` counts as a search over the inputs; any other leading command must generate. */
function compileSubsearch(pipeline: Pipeline, ctx: CompileContext): CompiledSubsearch {
  const commands = pipeline.commands.map((c) => compileCommand(c, ctx));
  const generating = commands[0]?.kind === 'generating' && !commands[0].readsInputs;
  if (!generating) ctx.replaysInputs = true;
  const head = commands[0]?.datasetInput;
  const datasetInput = head ? { ...head, factory: (next: Parameters<StageFactory>[0]) => head.factory(lateOrderChain(pipeline.commands, commands, 1)(next)) } : undefined;
  return { factory: lateOrderChain(pipeline.commands, commands), reads: inputReads(commands), generating, span: pipeline.span, ast: pipeline, datasetInput };
}

function chain(compiled: CompiledCommand[]): StageFactory {
  return (next) => compiled.reduceRight((downstream, c) => c.factory(downstream), next);
}

export function compilePipeline(p: Pipeline, ctx: CompileContext): CompiledPipeline {
  const commands = p.commands.map((c) => compileCommand(c, ctx));
  const first = commands[0];
  const generating = p.leadingPipe && !first?.readsInputs;
  if (p.leadingPipe && first && first.kind !== 'generating') {
    throw new SplError('bad-argument', 'a search that starts with "|" must start with a generating command such as makeresults', p.commands[0]!.span);
  }
  const counters = { matched: 0 };
  const [head] = commands;
  const countedBy = (headFactory: StageFactory | undefined): StageFactory => (next) => {
    const downstream = lateOrderChain(p.commands, commands, 1)(next);
    const counter = { push: (ev: Parameters<typeof downstream.push>[0]) => { counters.matched++; downstream.push(ev); }, end: () => downstream.end() };
    return headFactory ? headFactory(passLateOrder(counter, downstream)) : counter;
  };
  const counted = countedBy(head?.factory);
  const datasetInput = head?.datasetInput ? { ...head.datasetInput, factory: countedBy(head.datasetInput.factory) } : undefined;
  // A query whose subsearches replay the inputs reads every field: the replay and the search share one reading.
  const reads = ctx.replaysInputs ? null : inputReads(commands);
  return {
    factory: counted, reads, commands, generating, counters, run: ctx.run, replaysInputs: ctx.replaysInputs,
    subsearches: [...ctx.subsearches], dynamicReplay: ctx.dynamicReplay, replayTemplates: [...ctx.replayTemplates], datasetInput,
  };
}

/**
 * Fields read before the first command that replaces the field set; null if every field may reach the output.
 * `_time` is in it only when a command reads it (commands declare it: time bounds, timed stats functions, fields).
 */
function inputReads(commands: CompiledCommand[]): Set<string> | null {
  const reads = new Set<string>();
  for (const c of commands) {
    if (c.reads === null) return null;
    for (const f of c.reads) reads.add(f);
    if (c.limitsFields || c.kind === 'transforming') return reads;
  }
  return null;
}
