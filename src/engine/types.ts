// The engine's core contracts: push-based stages, the compile context, and the command definition shape.
import type { Command, Pipeline, Span } from '../ast.js';
import type { EvalCompileContext } from '../eval/index.js';
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import type { RunServices } from './run-services.js';
import type { CompiledSubsearch } from './subsearch.js';

/** A step of the running pipeline: it receives events and forwards results to the next stage. */
export interface Stage {
  push(ev: Event): void;
  /** End of input: flush anything held back, then end the next stage. */
  end(): void;
}

/** Builds a command's stage in front of the stage that receives its output. */
export type StageFactory = (next: Stage) => Stage;

/** How a command treats its input, as Splunk classifies commands. */
export type CommandKind = 'streaming' | 'transforming' | 'generating' | 'dataset';

export interface CompileContext {
  zone: TimeZone;
  /** Search start time, epoch seconds (now() and relative times use it). */
  now: number;
  /** Context for compiling eval expressions. */
  evalContext: EvalCompileContext;
  /** Compile a search-language string (searchmatch(), foreach templates). */
  compileSearchText(text: string, span: Span): (ev: Event) => boolean;
  /** Compile a nested pipeline (subsearches, foreach templates). */
  compileSubPipeline(commands: Command[]): StageFactory;
  /** Compile a `[subsearch]` that runs over the search's inputs (join, append, map); marks the query as replaying them. */
  compileSubsearch(pipeline: Pipeline, register?: boolean): CompiledSubsearch;
  /** Expand macros in and parse a query written inside a string (map's `search="..."`); errors point at `span`. */
  parseQueryText(text: string, span: Span): Pipeline;
  /** Run-scoped services (input replay, warnings) that the runner fills in before building stages. */
  run: RunServices;
  /** Set when some command runs a subsearch over the inputs: the runner must supply `run.inputs`. */
  replaysInputs: boolean;
  /** Subsearches compiled so far (join/append mark theirs to run before the search). */
  subsearches: CompiledSubsearch[];
  /** Set by map: subsearches only known while the search runs need a synchronous replay (or the inputs held). */
  dynamicReplay: boolean;
}

/** What compiling one command yields. */
export interface CompiledCommand {
  factory: StageFactory;
  /** Fields this command reads; null means "any field" (e.g. `table *`, `_raw` consumers). */
  reads: string[] | null;
  kind: CommandKind;
  /** True when the output holds only named fields (table, fields +, stats...), so earlier fields need not be read. */
  limitsFields?: boolean;
  /** A generating command that reads the search's inputs (mstats reads metric events): events are pushed into it. */
  readsInputs?: boolean;
}

/** One SPL command: its name(s) and how to compile its AST node. */
export interface CommandDef<N extends Command = Command> {
  names: string[];
  kind: CommandKind;
  compile(node: N, ctx: CompileContext): CompiledCommand;
}
