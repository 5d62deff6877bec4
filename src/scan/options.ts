// The options of a scan (shared by `splq run`, `splq test` and `query.runFiles`), checked once with clear errors.
import { SplError } from '../errors.js';
import type { FieldMappingSpec } from '../input/index.js';
import type { MetadataDefaults } from '../input/json/index.js';

export interface ScanOptions {
  /** `windows`: per-file format detection and the field mapping of Splunk's Windows add-on. */
  preset?: string;
  /** With the windows preset: force the input format (mordor, sd2, evtx-flat, winlogbeat, xml). */
  format?: string;
  /** Field aliases as `SRC=DEST` (props.conf FIELDALIAS ... ASNEW). */
  aliases?: string[];
  /** Constant fields as `field=value`. */
  sets?: string[];
  /** A props.conf whose FIELDALIAS lines apply. */
  props?: string;
  /** A ready field mapping (the library's alternative to aliases/sets/props; they add to it). */
  mapping?: FieldMappingSpec;
  /** Keep events at or after this time: epoch seconds, absolute text, or relative like `-24h@h`. */
  earliest?: string | number;
  /** Keep events before this time. */
  latest?: string | number;
  /** Field holding the event time (default: auto-detect). */
  timeField?: string;
  /** Metadata for events that have none. */
  defaults?: MetadataDefaults;
  /** Worker threads (default: all cores for inputs of 128 MiB or more, else 1; stdin always 1). */
  threads?: number;
  /** Fail on the first malformed record instead of counting it. */
  strict?: boolean;
  /** Skip lines that cannot match undecoded (default true). */
  prefilter?: boolean;
  /** Per input file: constant fields its events get (e.g. a test case's stated source and sourcetype). */
  fileSets?: Record<string, Record<string, string>>;
  /** Called once per file with its detected format. */
  onFile?: (file: string, format: string) => void;
  /** Lowers the size at which files are cut into parallel ranges (tests). */
  splitBytes?: number;
}

/** The one preset there is, or a usage error. */
export function checkPreset(name: string | undefined): 'windows' | undefined {
  if (name === undefined) return undefined;
  if (name !== 'windows') throw new SplError('usage', `unknown preset "${name}": the only preset is "windows"`);
  return name;
}

/** A thread count: a positive whole number. */
export function checkThreads(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new SplError('usage', `threads must be a positive whole number, got "${value}"`);
  return value;
}

/** The input formats `format` may force (with the windows preset). */
export const WINDOWS_FORMATS = ['mordor', 'sd2', 'evtx-flat', 'winlogbeat', 'xml'] as const;

/** `format` only means something with the windows preset, and must be one of its formats. */
export function checkFormat(format: string | undefined, preset: string | undefined): string | undefined {
  if (format === undefined) return undefined;
  if (preset === undefined) throw new SplError('usage', `--format ${format} forces the format of the windows preset: give --preset windows too`);
  if (!(WINDOWS_FORMATS as readonly string[]).includes(format)) {
    throw new SplError('usage', `unknown format "${format}": use ${WINDOWS_FORMATS.join(', ')}`);
  }
  return format;
}
