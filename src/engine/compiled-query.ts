// What a scan needs of a compiled query: its AST, compiled pipeline, projection, and the zone and "now" it was compiled with.
import type { Pipeline } from '../ast.js';
import type { LookupLibrary } from '../lookups/index.js';
import type { SourceMappingDef } from '../datamodels/types.js';
import type { CompiledPipeline } from './compile-pipeline.js';

export interface CompiledQuery {
  readonly ast: Pipeline;
  /** @internal */
  readonly pipeline: CompiledPipeline;
  /** Input fields the query reads; null when any field may matter. */
  readonly requiredFields: ReadonlySet<string> | null;
  /** IANA name of the zone the query was compiled with. */
  readonly timeZone: string;
  /** The search's "now", epoch seconds. */
  readonly now: number;
  /** The lookups it was compiled with (worker threads rebuild them from `lookups.toSpec()`). */
  readonly lookups: LookupLibrary;
  /** The query text after macro expansion (worker threads compile tstats' where clause from it). */
  readonly expandedText?: string;
  /** The user's raw-event → CIM mappings it was compiled with (worker threads compile tstats with them). */
  readonly datamodelMappings?: SourceMappingDef[];
}
