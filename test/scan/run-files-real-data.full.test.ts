// query.runFiles and `splq run` over real recordings and the 100k bench file (two threads): same rows, same reports.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs, cliRows, libraryRun, MACROS } from './compare.js';
import { ensureDataset } from '../../bench/dataset.js';
import { DEFAULT_SEED } from '../../bench/options.js';
import { REPO, spawnSplq } from '../helpers/cli.js';

const WINDOWS_DATA = join(REPO, '../shared/datasets/windows');
const WMI = join(REPO, 'queries/wmi_permanent_event_subscription.yml');

/** Rows and malformed lines from the CLI as a process. */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSplq(cliArgs(args), undefined, env);
  expect(r.status, r.stderr).toBe(0);
  return cliRows(r);
}

describe('query.runFiles equals splq run on larger data', () => {
  it.skipIf(!existsSync(WINDOWS_DATA))('over ../shared/datasets/windows with the windows preset', async () => {
    const spl = 'search * | stats count by sourcetype EventCode | sort sourcetype EventCode';
    const lib = await libraryRun(spl, [WINDOWS_DATA], { preset: 'windows' });
    const bin = cli([spl, '-i', WINDOWS_DATA, '--preset', 'windows']);
    expect(lib.rows).toEqual(bin.rows);
    expect(lib.malformed).toEqual(bin.malformed);
    expect(lib.rows.length).toBeGreaterThan(10);
    const wmiText = (await import('../../src/detection.js')).readDetection(WMI).search;
    const libWmi = await libraryRun(wmiText, [WINDOWS_DATA], { preset: 'windows' });
    const binWmi = cli(['--detection', WMI, '-m', MACROS, '-i', WINDOWS_DATA, '--preset', 'windows']);
    expect(libWmi.rows).toEqual(binWmi.rows);
  });
  if (!existsSync(WINDOWS_DATA)) console.log(`notice: ${WINDOWS_DATA} is absent: the real-data comparison is skipped`);

  it('over the 100k bench file, with two threads', async () => {
    const data = ensureDataset(join(REPO, 'bench/data'), 100_000, DEFAULT_SEED, () => undefined);
    const spl = 'sourcetype="WinEventLog:Security" EventCode=4688 | stats count by ComputerName | sort ComputerName';
    const lib = await libraryRun(spl, [data.path], { threads: 2, splitBytes: 4 << 20 });
    const bin = cli([spl, '-i', data.path, '--threads', '2'], { SPLQ_SPLIT_BYTES: String(4 << 20) });
    expect(lib.rows).toEqual(bin.rows);
    expect(lib.malformed).toEqual(bin.malformed);
    expect(lib.rows.length).toBeGreaterThan(0);
  });
});
