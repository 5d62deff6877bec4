// `splq run --detection <file-or-folder>...` with several detections: one shared scan, rows tagged with `detection`.
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolveInputs, STDIN } from '../input/index.js';
import { LookupLibrary } from '../lookups/index.js';
import { chooseThreads } from '../parallel/units.js';
import { runPackOnThreads } from '../scan/pack-threads.js';
import { SplError } from '../errors.js';
import { createWriter, type OutputFormat } from '../output/formats.js';
import type { CompileOptions } from '../query.js';
import type { ScanOptions } from '../scan/index.js';
import { compilePack, readPackEntries, runPack, type PackEntry, type PackFailure, type PackResult } from '../scan/pack.js';
import { stdoutDrained } from './backpressure.js';

/** Pack mode: more than one detection path, a folder, or `--pack`. */
export function isPackRun(paths: readonly string[] | undefined, forced: boolean): boolean {
  if (!paths?.length) return false;
  if (forced || paths.length > 1) return true;
  try {
    return statSync(paths[0]!).isDirectory();
  } catch {
    return false;
  }
}

export interface PackCliOptions {
  format: OutputFormat;
  /** Print the per-detection table on stderr. */
  summary: boolean;
  /** Print each skipped detection's full error (with the caret) instead of its first line. */
  verbose: boolean;
  /** The macro files and folders (worker threads load them again). */
  macroPaths: string[];
}

/** Threads for the pack: `--threads`, else as a single run chooses (all cores from 128 MiB of input); stdin: 1. */
async function packThreads(inputs: string[], requested: number | undefined): Promise<number> {
  if (requested === 1) return 1;
  const files = await resolveInputs(inputs);
  if (files.includes(STDIN)) return 1;
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  return chooseThreads(requested, sizes.reduce((a, b) => a + b, 0));
}

/** Read, compile and run the pack; skipped detections and the summary go to stderr. */
export async function runPackCli(paths: string[], inputs: string[], compileOptions: CompileOptions, scanOptions: ScanOptions, cli: PackCliOptions): Promise<void> {
  const { entries, failed: unread } = readPackEntries(paths);
  const threads = entries.length > 1 ? await packThreads(inputs, scanOptions.threads) : 1;
  if (threads > 1) return runPackCliOnThreads(entries, unread, threads, inputs, compileOptions, scanOptions, cli);
  const pack = compilePack(entries, compileOptions);
  pack.failed.unshift(...unread);
  if (pack.members.length === 0) {
    printFailures(pack.failed, cli.verbose);
    throw new SplError('bad-argument', `no detection compiled: ${pack.failed.length} of ${pack.failed.length} failed (listed above)`);
  }
  const writer = createWriter(cli.format, (text) => process.stdout.write(text));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await runPack(pack, inputs, { ...scanOptions, onRow: (row) => writer.write(row), pace: stdoutDrained });
  writer.end();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  for (const line of result.scan.malformed.lines) process.stderr.write(`splq: malformed input: ${line}\n`);
  printFailures(result.failed, cli.verbose);
  if (cli.summary) process.stderr.write(summaryTable(result, wallMs, (cpu.user + cpu.system) / 1000));
}

/** The pack on worker threads: each compiles and runs its share of the detections (scan/pack-threads.ts). */
async function runPackCliOnThreads(
  entries: PackEntry[], unread: PackFailure[], threads: number, inputs: string[], compileOptions: CompileOptions, scanOptions: ScanOptions, cli: PackCliOptions,
): Promise<void> {
  const writer = createWriter(cli.format, (text) => process.stdout.write(text));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const lookups = compileOptions.lookups instanceof LookupLibrary ? compileOptions.lookups.toSpec() : LookupLibrary.load({ paths: compileOptions.lookups ?? [] }).toSpec();
  const compile = {
    macroPaths: cli.macroPaths, lookups, filterFallback: compileOptions.filterFallback, timeZone: compileOptions.timeZone, now: compileOptions.now ?? Date.now() / 1000,
    datamodelMaps: compileOptions.datamodelMaps, addonFolders: compileOptions.addonFolders, maxMemoryMb: compileOptions.maxMemoryMb,
  };
  const result = await runPackOnThreads(entries, inputs, { threads, compile, scan: scanOptions, onRow: (row) => writer.write(row) });
  writer.end();
  result.failed.unshift(...unread);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  for (const line of result.scan.malformed.lines) process.stderr.write(`splq: malformed input: ${line}\n`);
  printFailures(result.failed, cli.verbose);
  if (result.detections.length === 0) throw new SplError('bad-argument', `no detection compiled: ${result.failed.length} of ${result.failed.length} failed (listed above)`);
  if (cli.summary) process.stderr.write(summaryTable(result, wallMs, (cpu.user + cpu.system) / 1000, `${threads} threads, compilation included`));
}

/** One line per skipped detection (its error's first line), or the whole error with `verbose`. */
function printFailures(failed: PackFailure[], verbose: boolean): void {
  for (const f of failed) {
    const where = f.file && f.file !== f.name ? ` (${f.file})` : '';
    const text = verbose ? `\n${f.message}` : ` ${f.message.split('\n')[0]}`;
    process.stderr.write(`splq: skipped detection ${f.name}${where}:${text}\n`);
  }
}

/** The `--summary` table: detection, rows, events reached, matched, time; then the whole run. */
function summaryTable(result: PackResult, wallMs: number, cpuMs: number, how = '1 thread, compilation excluded'): string {
  const header = ['detection', 'rows', 'reached', 'matched', 'ms', 'scan'];
  const body = result.detections.map((d) => [d.name, String(d.rows), String(d.eventsReached), String(d.eventsMatched), d.elapsedMs.toFixed(1), d.scan]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const s = result.scan;
  const rate = s.eventsRead / Math.max(wallMs / 1000, 1e-9);
  return [
    line(header),
    ...body.map(line),
    `splq: pack: ${result.detections.length} detections ran, ${result.failed.length} skipped; files=${s.files} events_read=${s.eventsRead} ` +
      `events_parsed=${s.eventsParsed} rows=${result.detections.reduce((n, d) => n + d.rows, 0)} malformed=${s.malformed.count} ` +
      `wall=${(wallMs / 1000).toFixed(2)}s cpu=${(cpuMs / 1000).toFixed(2)}s events/s=${Math.round(rate)} (${how})`,
    '',
  ].join('\n');
}
