// Compile a parsed pipeline into a chain of stages, once; also work out which input fields it reads.
import type { Command, Pipeline } from '../ast.js';
import { parseSearchExpression } from '../parse/parse.js';
import { SplError } from '../errors.js';
import type { TimeZone } from '../time/zone.js';
import { findCommand, lookupCommand } from './registry.js';
import { compileSearchExpr } from './search-predicate.js';
import type { CompileContext, CompiledCommand, StageFactory } from './types.js';

export interface CompiledPipeline {
  factory: StageFactory;
  /** Input fields the pipeline can read; null when any field may matter (then parse everything). */
  reads: Set<string> | null;
  commands: CompiledCommand[];
  /** True for `| makeresults ...`-style pipelines that make their own events (not `| tstats`, which reads the input). */
  generating: boolean;
  /** Events that came out of the first command (the search's matches), counted while running. */
  counters: { matched: number };
}

export function createCompileContext(zone: TimeZone, now: number): CompileContext {
  const ctx: CompileContext = {
    zone,
    now,
    evalContext: { zone, now },
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
  };
  ctx.evalContext.compileSearch = ctx.compileSearchText;
  return ctx;
}

function compileCommand(node: Command, ctx: CompileContext): CompiledCommand {
  return lookupCommand(node).compile(node, ctx);
}

function chain(compiled: CompiledCommand[]): StageFactory {
  return (next) => compiled.reduceRight((downstream, c) => c.factory(downstream), next);
}

export function compilePipeline(p: Pipeline, ctx: CompileContext): CompiledPipeline {
  const commands = p.commands.map((c) => compileCommand(c, ctx));
  const first = commands[0];
  const generating = p.leadingPipe && first?.readsInput !== true;
  if (p.leadingPipe && first && first.kind !== 'generating') {
    throw new SplError('bad-argument', 'a search that starts with "|" must start with a generating command such as makeresults', p.commands[0]!.span);
  }
  const counters = { matched: 0 };
  const [head, ...rest] = commands;
  const counted: StageFactory = (next) => {
    const downstream = chain(rest)(next);
    const counter = { push: (ev: Parameters<typeof downstream.push>[0]) => { counters.matched++; downstream.push(ev); }, end: () => downstream.end() };
    return head ? head.factory(counter) : counter;
  };
  return { factory: counted, reads: inputReads(commands), commands, generating, counters };
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
