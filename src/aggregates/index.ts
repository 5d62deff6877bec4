// Public API of the aggregation library shared by stats (and later eventstats, streamstats, chart, top).
export { compileAggregation } from './compile.js';
export type { Aggregation, AggregationOptions, Group, PackedStates } from './compile.js';
export { GroupTable, type PackedGroups } from './table.js';
export { AGGREGATE_FUNCTION_NAMES } from './functions.js';
export type { Accumulator, AggregateFunction, Position } from './types.js';
