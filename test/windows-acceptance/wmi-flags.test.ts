// The reference detection over the same real files with explicit --set/--alias/--time-field instead of the preset.
import { describe, expect, it } from 'vitest';
import { splq } from '../helpers/cli.js';
import { ndjsonRows, noticeIfNoData, REFERENCE_DETECTION, WINDOWS_DATA, wmiFiles } from './shared-data.js';

noticeIfNoData('the reference detection over real data with --alias/--set');

/** What the preset does for these files, spelled out: the sourcetype the `wmi` macro wants and the two renames. */
const WMI_SOURCETYPE = ['--set', 'sourcetype=WinEventLog:Microsoft-Windows-WMI-Activity/Operational', '--alias', 'EventID=EventCode'];

describe.skipIf(WINDOWS_DATA === undefined)('reference detection, explicit mapping flags', () => {
  const files = WINDOWS_DATA === undefined ? undefined : wmiFiles();
  const detect = async (file: string, flags: string[]): Promise<Array<Record<string, unknown>>> =>
    ndjsonRows(await splq(['run', ...REFERENCE_DETECTION, ...WMI_SOURCETYPE, ...flags, '-i', file, '-o', 'ndjson']));

  it('Covenant: Hostname=ComputerName gives the same row as the preset (time from @timestamp, found automatically)', async () => {
    const rows = await detect(files!.covenant, ['--alias', 'Hostname=ComputerName']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dest: 'IT001.shire.com', consumer: 'CommandLineEventConsumer="Evil Persistence"', count: 1, firstTime: '2019-12-05T04:47:57', lastTime: '2019-12-05T04:47:57' });
  });

  it('SD2.0: Computer=ComputerName and --time-field TimeGenerated give the same row as the preset', async () => {
    const rows = await detect(files!.sd2, ['--alias', 'Computer=ComputerName', '--time-field', 'TimeGenerated']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dest: 'WORKSTATION6.mssentinel.local', consumer: 'CommandLineEventConsumer="Updater"', count: 1, firstTime: '2022-09-22T07:00:05', lastTime: '2022-09-22T07:00:05' });
  });

  it('SD2.0 without --time-field falls back to TimeCreated: the local time the file mislabels as UTC', async () => {
    const rows = await detect(files!.sd2, ['--alias', 'Computer=ComputerName']);
    expect(rows.map((r) => [r.firstTime, r.lastTime])).toEqual([['2022-09-22T03:00:05', '2022-09-22T03:00:05']]);
  });

  it('Empire SUBSET: no rows', async () => {
    expect(await detect(files!.empire, ['--alias', 'Hostname=ComputerName'])).toEqual([]);
  });

  it('without the sourcetype the detection finds nothing: the mapping, not luck, makes it match', async () => {
    const rows = ndjsonRows(await splq(['run', ...REFERENCE_DETECTION, '--alias', 'EventID=EventCode', '--alias', 'Hostname=ComputerName', '-i', files!.covenant, '-o', 'ndjson']));
    expect(rows).toEqual([]);
  });
});
