// The tstats plan: which raw fields it reads, which literals pre-filter lines, and that skipping lines changes no result.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatingPrefilter } from '../../src/engine/prefilter.js';
import { compile } from '../../src/query.js';
import { generateWindowsEvents } from '../../src/sample/windows-events.js';

import { ndjsonRows } from '../windows-acceptance/shared-data.js';
import { splq, tempFiles } from '../helpers/cli.js';

const NOW = 1700000000;
const none = () => false;
const literalsOf = (q: string, injected: (f: string) => boolean = none) => generatingPrefilter(compile(q, { now: NOW }).pipeline, injected)?.literals ?? [];

describe('tstats plan', () => {
  it('reads only the raw fields the requested CIM fields come from', () => {
    const q = compile('| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user', { now: NOW });
    const reads = [...(q.requiredFields ?? [])];
    for (const f of ['Image', 'NewProcessName', 'CommandLine', 'User', 'TargetUserName', 'SubjectUserName', 'Computer', 'EventCode', 'EventID', 'sourcetype', 'tag', '_time']) expect(reads).toContain(f);
    for (const f of ['TargetFilename', 'TargetObject', 'QueryName', 'ParentImage', 'Hashes']) expect(reads).not.toContain(f);
  });

  it('pre-filters on where literals, but not on values a mapping or calculation can write, nor on injected fields', () => {
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe')).toEqual(['cmd.exe']);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.process="*tool.exe /x*"')).toEqual(['tool.exe', 'x']);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.user=unknown')).toEqual([]);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.process_integrity_level=high')).toEqual([]);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe OR Processes.process_name=x.exe')).toEqual([]);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where NOT Processes.process_name=cmd.exe')).toEqual([]);
    expect(literalsOf('| tstats count from datamodel=Endpoint.Processes where Processes.dest=ws1', (f) => f === 'Computer')).toEqual([]);
  });

  it('skipping lines undecoded changes no result (generated Sysmon, Security and WMI events)', async () => {
    const lines = [...generateWindowsEvents({ seed: 7, count: 3000 })].map((e) => JSON.stringify(e)).join('\n');
    const dir = tempFiles({ 'events.ndjson': `${lines}\n` });
    const queries = [
      '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user',
      '| tstats count from datamodel=Endpoint.Processes where Processes.process="*-enc*" Processes.user!=SYSTEM by Processes.process_name',
      '| tstats count from datamodel=Endpoint.Processes where Processes.parent_process_name=services.exe by Processes.process_name Processes.process_id',
      '| tstats count from datamodel=Endpoint.Filesystem where Filesystem.file_name=*.ps1 by Filesystem.dest',
      '| tstats count from datamodel=Network_Traffic where All_Traffic.dest_port=443 All_Traffic.transport=tcp by All_Traffic.dest',
      '| tstats fillnull_value=null count from datamodel=Endpoint.Processes where Processes.original_file_name=unknown by Processes.process_guid',
    ];
    for (const q of queries) {
      const file = join(dir, 'events.ndjson');
      const fast = await splq(['run', q, '-i', file, '-o', 'ndjson', '-v']);
      const full = await splq(['run', q, '-i', file, '-o', 'ndjson', '--no-prefilter']);
      expect(ndjsonRows(fast), q).toEqual(ndjsonRows(full));
      if (q === queries[0]) {
        // The pre-filter did skip lines here (cmd.exe is in few of them), and the rows are not empty.
        const [, read, parsed] = /events_read=(\d+) events_parsed=(\d+)/.exec(fast.stderr) ?? [];
        expect(Number(parsed)).toBeLessThan(Number(read) / 2);
        expect(ndjsonRows(fast).length).toBeGreaterThan(0);
      }
    }
  });
});
