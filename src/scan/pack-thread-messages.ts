// What the main thread and a pack worker send each other (plain data, structured-clone safe).
import type { EncodedEvents } from '../parallel/event-codec.js';
import type { SerializedError } from '../parallel/messages.js';
import { LookupLibrary, type LookupSpec } from '../lookups/index.js';
import { MacroLibrary } from '../macros/index.js';
import type { CompileOptions } from '../query.js';
import type { ScanOptions } from './options.js';
import type { PackEntry } from './pack-compile.js';
import type { PackDetectionSummary } from './pack.js';
import type { ScanSummary } from './summary.js';

/** Rows a worker gathers before posting them (it also posts between input batches). */
export const ROWS_PER_MESSAGE = 256;

/** Compile options as data: macro paths and the lookup library's spec instead of the libraries. */
export interface PackCompileSpec {
  macroPaths: string[];
  lookups: LookupSpec | null;
  filterFallback?: boolean;
  timeZone?: string;
  now: number;
  datamodelMaps?: string[];
  addonFolders?: string[];
  maxMemoryMb?: number;
}

/** A worker's share: its detections, how to compile them, the inputs and the scan options (no callbacks). */
export interface PackWorkerData {
  entries: PackEntry[];
  compile: PackCompileSpec;
  inputs: string[];
  scan: Omit<ScanOptions, 'onFile'>;
}

export type PackWorkerMessage =
  | { kind: 'compiled' }
  | { kind: 'rows'; rows: EncodedEvents }
  | { kind: 'done'; detections: PackDetectionSummary[]; failed: Array<{ name: string; file?: string; message: string }>; scan: ScanSummary }
  | { kind: 'error'; error: SerializedError };

/** The compile options a worker rebuilds from the spec (macros and lookups loaded in the worker). */
export function packWorkerCompileOptions(spec: PackCompileSpec): CompileOptions {
  const lookups = spec.lookups ? LookupLibrary.fromSpec(spec.lookups) : undefined;
  return {
    macros: MacroLibrary.load(spec.macroPaths), lookups, filterFallback: spec.filterFallback, timeZone: spec.timeZone, now: spec.now,
    datamodelMaps: spec.datamodelMaps, addonFolders: spec.addonFolders, maxMemoryMb: spec.maxMemoryMb,
  };
}
