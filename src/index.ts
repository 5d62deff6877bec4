// splq as a library: compile SPL once, run it over events. See docs/library.md.
export { compile, Query, type CompileOptions, type EventLike } from './query.js';
export { Event, type FieldValue, type Scalar } from './runtime/event.js';
export { SplError, formatError, type ErrorCode, type Span } from './errors.js';
export { MacroLibrary, expandMacros, type MacroDef } from './macros/index.js';
export { LookupLibrary, type LookupLibraryOptions } from './lookups/index.js';
export { parseSpl, type ParsedQuery } from './query-text.js';
export { parseQuery } from './parse/parse.js';
export { printPipeline } from './parse/print.js';
export { readDetection, type Detection } from './detection.js';
export type { FileRun, ScanOptions, ScanSummary } from './scan/index.js';
export {
  runPack, compilePack, readPackEntries, DETECTION_FIELD,
  type CompiledPack, type PackEntry, type PackMember, type PackFailure, type PackResult, type PackRunOptions, type PackDetectionSummary,
} from './scan/pack.js';
export { eventBatches, newSourceStats, type EventSourceOptions, type SourceStats } from './input/index.js';
export { getZone, type TimeZone } from './time/zone.js';
export type { Pipeline, Command } from './ast.js';
