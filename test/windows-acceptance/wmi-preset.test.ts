// The reference WMI detection, verbatim, with --preset windows over real OTRF recordings (values worked out by hand).
import { describe, expect, it } from 'vitest';
import { splq } from '../helpers/cli.js';
import { ndjsonRows, noticeIfNoData, REFERENCE_DETECTION, WINDOWS_DATA, wmiFiles } from './shared-data.js';

noticeIfNoData('the reference detection over real data with --preset windows');

describe.skipIf(WINDOWS_DATA === undefined)('reference detection, --preset windows', () => {
  const files = WINDOWS_DATA === undefined ? undefined : wmiFiles();
  const detect = async (file: string): Promise<Array<Record<string, unknown>>> => ndjsonRows(await splq(['run', ...REFERENCE_DETECTION, '--preset', 'windows', '-i', file, '-o', 'ndjson']));

  it('Covenant (Mordor NDJSON): one row for the "Evil Persistence" consumer on the endpoint IT001, not the collector', async () => {
    const rows = await detect(files!.covenant);
    // The 5861 record: Hostname IT001.shire.com, host ip-172-18-39-102.ec2.internal (the NXLog collector),
    // @timestamp 2019-12-05T04:47:57.321Z (UTC); EventTime 2019-12-04 23:47:55 is the host's local time (EST).
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual(['dest', 'consumer', 'Message', 'count', 'firstTime', 'lastTime']);
    expect(rows[0]).toMatchObject({
      dest: 'IT001.shire.com',
      consumer: 'CommandLineEventConsumer="Evil Persistence"',
      count: 1,
      firstTime: '2019-12-05T04:47:57',
      lastTime: '2019-12-05T04:47:57',
    });
    expect(rows[0]!.Message).toMatch(/^Namespace = \/\/\.\/root\/subscription; Eventfilter = Evil Persistence \(refer to its activate eventid:5859\); Consumer = CommandLineEventConsumer="Evil Persistence"; PossibleCause = Binding EventFilter: \n/);
  });

  it('SD2.0 WMI-Activity (JSON array): one row for "Updater", timed by TimeGenerated (true UTC), not TimeCreated', async () => {
    const rows = await detect(files!.sd2);
    // The 5861 record: Computer WORKSTATION6.mssentinel.local, TimeGenerated 2022-09-22T07:00:05.591Z;
    // TimeCreated 2022-09-22T03:00:05.591Z is local (EDT) time wrongly marked Z.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dest: 'WORKSTATION6.mssentinel.local',
      consumer: 'CommandLineEventConsumer="Updater"',
      count: 1,
      firstTime: '2022-09-22T07:00:05',
      lastTime: '2022-09-22T07:00:05',
    });
  });

  it('Empire SUBSET: no rows, because its only binding is the built-in SCM consumer', async () => {
    expect(await detect(files!.empire)).toEqual([]);
    const control = await splq([
      'run', '`wmi` EventCode=5861 Binding | rex field=Message "Consumer =\\s+(?<consumer>[^;|^$]+)" | table ComputerName consumer',
      '-m', 'queries/macros', '--preset', 'windows', '-i', files!.empire, '-o', 'ndjson',
    ]);
    expect(ndjsonRows(control)).toEqual([{ ComputerName: 'WORKSTATION5.theshire.local', consumer: 'NTEventLogEventConsumer="SCM Event Log Consumer"' }]);
  });
});
