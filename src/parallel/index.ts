// Public API of parallel execution: plan a run over worker threads and run it with results identical to one thread.
export { planParallelRun, type ParallelPlan, type PlanOptions } from './plan.js';
export { runParallel, type ParallelJob } from './run-parallel.js';
export type { PrefilterSpec, SourceSpec, WorkerSetup } from './messages.js';
export type { UnitExecutor, UnitOutcome } from './pool.js';
export { splitPipeline, type PipelineSplit } from './split.js';
export { DEFAULT_SPLIT_BYTES, SMALL_INPUT_BYTES } from './units.js';
