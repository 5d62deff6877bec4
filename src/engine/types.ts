// The engine's core contracts: push-based stages, the compile context, and the command definition shape.
import type { Command, Pipeline, SearchExpr, Span, StatsCommand } from '../ast.js';
import type { EvalCompileContext } from '../eval/index.js';
import type { LookupLibrary } from '../lookups/index.js';
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import type { SourceMappingDef } from '../datamodels/types.js';
import type { RunServices } from './run-services.js';

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
  /** The definition that runs a command node (its facts), or undefined when splq has none. */
  findCommand(node: Command): CommandDef | undefined;
  /** The query text (after macro expansion) that spans point into, when known (tstats re-reads its where clause). */
  queryText?: string;
  /** Raw-event → CIM mappings given by the user (`--datamodel-map`), tried before the shipped ones. */
  datamodelMappings?: SourceMappingDef[];
  /** Notes about the query that are not errors (a tstats field the data model does not define); the CLI shows them with -v. */
  notes?: string[];
  /** Lookup definitions and tables (lookup, inputlookup, outputlookup). */
  lookups: LookupLibrary;
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
  /**
   * map's search templates, parsed with each `$field$` as REPLAY_TOKEN (null: one could not be parsed so): a pack
   * holds for map only the events their constant part can use (scan/pack-held-filter.ts).
   */
  replayTemplates: Array<Pipeline | null>;
}

/** What compiling one command yields. */
export interface CompiledCommand {
  factory: StageFactory;
  /** Fields this command reads; null means "any field" (e.g. `table *`, `_raw` consumers). */
  reads: string[] | null;
  kind: CommandKind;
  /** True when the output holds only named fields (table, fields +, stats...), so earlier fields need not be read. */
  limitsFields?: boolean;
  /** A generating command that still reads the search's inputs (tstats builds datasets from them, mstats reads metric
   * events): the input events are pushed into it. */
  readsInputs?: boolean;
  /** For such a command: raw literals every input line it can use holds, given which fields the reader injects. */
  rawLiterals?: (injected: (field: string) => boolean) => string[];
  /**
   * A `partial-aggregate` command that is not stats: a stage each worker runs over each work unit's events (after
   * the per-event prefix) such that this command over the units' outputs, in unit order, gives the same results
   * as over the whole input (sort N: each unit's first N). The main thread still runs the command itself.
   */
  perUnit?: StageFactory;

  /** For a leading aggregating command that reads the inputs (tstats), how it splits over threads. */
  partial?: LeadingAggregateParts;
  /** A command whose input is one CIM dataset's events (tstats): a pack maps each event to the dataset once for all. */
  datasetInput?: DatasetInput;
}

/** How a command reads a CIM dataset, for sharing the mapping between commands (scan/pack-datasets.ts). */
export interface DatasetInput {
  /** Equal keys: equal dataset events (same model, dataset, mappings, zone and now). */
  key: string;
  /** Equal keys: equal mapped events (same mappings, zone and now). */
  mapperKey: string;
  /** The source mapping with every EVAL (in place): a superset of what the command computes, equal on its fields. */
  compileMapper(): (ev: Event) => void;
  /** The dataset's constraint over a mapped event, and every calculation (in place). */
  compileSelection(): { matches(ev: Event): boolean; calculate(ev: Event): void };
  /** The command's stage over dataset events (mapped, selected, calculated): it reads them and never changes them. */
  factory: StageFactory;
  /** The filter that stage applies first, over dataset event fields (a pack indexes it to skip the stage). */
  where: SearchExpr | null;
}

/**
 * A leading aggregating command cut in two: `rows` looks at each input event alone (workers run it on their slice),
 * `tail` aggregates the rows (the main thread runs it on rows in input order). When `stats` is set, `tail` is that
 * stats over the rows, so workers may aggregate partially and the main thread merge (as for `stats`).
 */
export interface LeadingAggregateParts {
  rows: StageFactory;
  tail: StageFactory;
  stats: StatsCommand | null;
}

/**
 * How a command runs when the input is split over worker threads:
 * - `per-event`: it looks at each event alone (no state, no order), so workers run it on their slice;
 * - `partial-aggregate`: workers aggregate their slice and the main thread merges the partial results (stats; a
 *   leading tstats, whose compiled form gives its `partial` parts; sort's per-unit top N, see `CompiledCommand.perUnit`);
 * - `partial-aggregate-events`: the same, and workers also send their events on; the main thread holds them, merges the
 *   partial results, then gives each event its group's results (eventstats' second pass);
 * - `serial`: it needs every event in order, so it runs on the main thread (the default).
 * A `per-event` command whose compiled form is a `dataset` command (e.g. `fillnull` without fields) runs serially.
 */
export type ThreadSplit = 'per-event' | 'partial-aggregate' | 'partial-aggregate-events' | 'serial';

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

/** A subsearch compiled once: its stage chain, the input fields it reads, and whether it makes its own events. */
export interface CompiledSubsearch {
  factory: StageFactory;
  reads: ReadonlySet<string> | null;
  /** Starts with a generating command (`| makeresults`, `mstats`, ...): the inputs are not replayed into it. */
  generating: boolean;
  span: Span;
  /** Set by the command that runs it before the search (join, append): its limits and name, for the pre-run. */
  prerun?: { limits: SubsearchLimits; command: string };
  /** Its pipeline (a pack gates the replayed events with its first search). */
  ast?: Pipeline;
  /** When it starts with tstats: the chain over dataset events (a pack shares the mapping, see CompiledPipeline). */
  datasetInput?: DatasetInput;
}

/** Splunk's subsearch limits (limits.conf [subsearch] maxout=50000, maxtime=60; join and append use them too). */
export interface SubsearchLimits {
  maxRows: number;
  maxSeconds: number;
}
