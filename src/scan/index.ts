// The scan: one plan (sources, preset and mapping, pre-filter, time window, threads) shared by the CLI and the library.
export { planScan, timeAt, timeOption, timeWindowOptions, type ScanPlan } from './plan.js';
export { runScan, type ScanHooks } from './run.js';
export { scanRows, type FileRun } from './rows.js';
export { checkFormat, checkPreset, checkThreads, WINDOWS_FORMATS, type ScanOptions } from './options.js';
export type { ScanSummary } from './summary.js';
