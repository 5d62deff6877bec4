// Acceptance-test helpers: the real Windows datasets in ../shared (tests skip with a notice when absent), CLI output.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/corpus.js';
import type { CliResult } from '../helpers/cli.js';

const shared = sharedDir();
const windowsData = shared === undefined ? undefined : join(shared, 'datasets', 'windows');
/** `../shared/datasets/windows`, or undefined on a clone without it. */
export const WINDOWS_DATA = windowsData !== undefined && existsSync(windowsData) ? windowsData : undefined;

/** Call at the top of a file whose tests need the datasets: warns once when they are absent. */
export function noticeIfNoData(what: string): void {
  if (WINDOWS_DATA === undefined) console.warn(`skipping ${what}: ../shared/datasets/windows is not present (set SPLQ_SHARED to its parent)`);
}

/** The one data file in a dataset folder whose name contains `nameContains`. */
export function dataFile(folder: string, nameContains = ''): string {
  const dir = join(WINDOWS_DATA!, folder);
  const matches = readdirSync(dir).filter((name) => name.includes(nameContains) && /\.(json|ndjson|xml)$/.test(name));
  if (matches.length !== 1) throw new Error(`expected one data file matching "${nameContains}" in ${dir}, found ${matches.length}`);
  return join(dir, matches[0]!);
}

/** The three OTRF files the reference detection is accepted on (call only when WINDOWS_DATA is set). */
export function wmiFiles(): { covenant: string; sd2: string; empire: string } {
  return {
    covenant: dataFile('master_covenant_persistwmi'),
    sd2: dataFile('sd2_190518-WMISubscriptionCreation-Elevated', 'WMIActivity'),
    empire: dataFile('master_empire_persistence_registry_modification_run_keys_standard_user_SUBSET'),
  };
}

/** `splq run` arguments for the reference detection, verbatim from queries/ with queries/macros. */
export const REFERENCE_DETECTION = ['--detection', 'queries/wmi_permanent_event_subscription.yml', '-m', 'queries/macros'];

/** The ndjson results of a CLI run; fails loudly (with stderr) when the run did not exit 0. */
export function ndjsonRows(result: CliResult): Array<Record<string, unknown>> {
  if (result.status !== 0) throw new Error(`splq exited ${result.status}: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}
