// The engine's core contracts: push-based stages, the compile context, and the command definition shape.
import type { Command, Span } from '../ast.js';
import type { EvalCompileContext } from '../eval/index.js';
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import type { SourceMappingDef } from '../datamodels/types.js';

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
  /** The query text (after macro expansion) that spans point into, when known (tstats re-reads its where clause). */
  queryText?: string;
  /** Raw-event → CIM mappings given by the user (`--datamodel-map`), tried before the shipped ones. */
  datamodelMappings?: SourceMappingDef[];
  /** Notes about the query that are not errors (a tstats field the data model does not define); the CLI shows them with -v. */
  notes?: string[];
  /** The definition that runs a command node (its facts), or undefined when splq has none. */
  findCommand(node: Command): CommandDef | undefined;
}

/** What compiling one command yields. */
export interface CompiledCommand {
  factory: StageFactory;
  /** Fields this command reads; null means "any field" (e.g. `table *`, `_raw` consumers). */
  reads: string[] | null;
  kind: CommandKind;
  /** True when the output holds only named fields (table, fields +, stats...), so earlier fields need not be read. */
  limitsFields?: boolean;
  /** A generating command that still consumes the input events (tstats builds its datasets from them). */
  readsInput?: boolean;
  /** For such a command: raw literals every input line it can use holds, given which fields the reader injects. */
  rawLiterals?: (injected: (field: string) => boolean) => string[];
}

/**
 * How a command runs when the input is split over worker threads:
 * - `per-event`: it looks at each event alone (no state, no order), so workers run it on their slice;
 * - `partial-aggregate`: workers aggregate their slice and the main thread merges the partial results (stats);
 * - `serial`: it needs every event in order, so it runs on the main thread (the default).
 * A `per-event` command whose compiled form is a `dataset` command (e.g. `fillnull` without fields) runs serially.
 */
export type ThreadSplit = 'per-event' | 'partial-aggregate' | 'serial';

/** One SPL command: its names, its facts, and how to compile its AST node (generic commands bind their words here). */
export interface CommandDef<N extends Command = Command> {
  names: string[];
  kind: CommandKind;
  /** How it splits over threads; default `serial`. */
  threads?: ThreadSplit;
  /** One line for docs/supported-spl.md: what departs from Splunk (details in the component docs). */
  notes?: string;
  compile(node: N, ctx: CompileContext): CompiledCommand;
}
