// Lines a literal scan keeps, read one at a time by the key locator (many keys: tstats over a CIM mapping), give what decoding every line gives.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPrefilter } from '../../src/engine/prefilter.js';
import { compile } from '../../src/query.js';
import { eventBatches, newSourceStats } from '../../src/input/index.js';
import { getZone } from '../../src/time/zone.js';
import { tempFiles } from '../helpers/cli.js';
import { fuzzRuns } from '../helpers/tier.js';

const NOW = 1700000000;
const SYSMON = 'WinEventLog:Microsoft-Windows-Sysmon/Operational';

/** Raw Sysmon and Security members as the shipped mappings read them, in spellings that test the reader. */
const member = fc.oneof(
  fc.constantFrom<[string, unknown]>(
    ['source', SYSMON], ['source', 'WinEventLog:Security'], ['sourcetype', SYSMON], ['sourcetype', 'WinEventLog:Security'],
    ['EventCode', 1], ['EventCode', '1'], ['EventCode', 1.0], ['EventCode', 4688], ['EventCode', 11], ['EventCode', 3],
    ['Image', 'C:\\Windows\\System32\\cmd.exe'], ['Image', 'C:\\Windows\\System32\\CMD.EXE'], ['Image', 'C:\\x\\powershell.exe'],
    ['NewProcessName', 'C:\\Windows\\System32\\cmd.exe'], ['CommandLine', 'cmd.exe /c whoami'], ['CommandLine', ['cmd.exe', 'x']],
    ['User', 'CORP\\alice'], ['User', 'bob'], ['SubjectUserName', 'carol'], ['TargetUserName', '-'], ['User', null],
    ['Computer', 'WS1'], ['ComputerName', 'ws2.corp'], ['host', 'h1'], ['dest', 'd9'], ['user', 'own'], ['tag', 'process'],
    ['_time', NOW - 5], ['_time', '2023-11-14T22:13:20Z'], ['UtcTime', '2023-11-14 22:13:21.5'], ['Message', 'a\r\n\tb cmd.exe'],
    ['TargetFilename', 'C:\\x\\CMD.EXE-1.pf'], ['Nested', { Image: 'cmd.exe' }], ['process_name', 'cmd.exe'],
  ),
  fc.tuple(fc.constantFrom('User', 'Image', 'Computer', 'Other'), fc.string({ maxLength: 6 })),
);

/** A Sysmon or Security process launch (or a Sysmon file event), the other members of the line after it. */
const launch = fc.constantFrom<Array<[string, unknown]>>(
  [['source', SYSMON], ['EventCode', 1], ['Image', 'C:\\Windows\\System32\\cmd.exe'], ['User', 'CORP\\alice'], ['Computer', 'WS1']],
  [['source', SYSMON], ['EventCode', '1'], ['Image', 'C:\\Windows\\System32\\CMD.exe'], ['User', 'bob'], ['ComputerName', 'ws2']],
  [['sourcetype', 'WinEventLog:Security'], ['EventCode', 4688], ['NewProcessName', 'C:\\cmd.exe'], ['SubjectUserName', 'carol'], ['host', 'h1']],
  [['source', 'WinEventLog:Security'], ['EventCode', 4688], ['NewProcessName', 'cmd.exe'], ['Computer', 'WS1']],
  [['source', SYSMON], ['EventCode', 11], ['TargetFilename', 'C:\\CMD.EXE-1.pf'], ['Image', 'cmd.exe']],
  [],
);

/** A line: members (a key may come twice), written plain, with a key escape, or broken. */
const line = fc.tuple(launch, fc.array(member, { maxLength: 8 }), fc.constantFrom('plain', 'plain', 'plain', 'escapedKey', 'spelled', 'cut', 'crlf')).map(([first, more, form]) => {
  const members = [...first, ...more];
  const text = `{${members.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  if (form === 'escapedKey') return text.replace('"Image"', '"Im\\u0061ge"');
  if (form === 'spelled') return text.replace('cmd.exe', 'cm\\u0064.exe');
  if (form === 'cut') return text.slice(0, Math.max(1, text.length - 3));
  return form === 'crlf' ? `${text}\r` : text;
});

/** Lines without the literal, so that pieces are long enough for the WebAssembly line scan. */
const FILLER = `{"source":"${SYSMON}","EventCode":11,"Image":"C:\\\\x\\\\notepad.exe","_time":${NOW}}\n`.repeat(120);

const QUERIES = [
  '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user',
  '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe Processes.user=* by Processes.process Processes.process_name',
];

async function results(spl: string, file: string, fast: boolean) {
  const query = compile(spl, { now: NOW });
  const prefilter = fast ? scanPrefilter(query.ast, query.pipeline, { mapped: false, defaults: {} }) : null;
  const opts = { zone: getZone('UTC'), fields: query.requiredFields ? new Set(query.requiredFields) : null, prefilter, pickKeys: fast };
  const rows: string[] = [];
  const stats = newSourceStats(false);
  await query.stream(eventBatches([file], opts, stats), (ev) => rows.push(JSON.stringify(ev.toObject())));
  return { rows, reports: stats.malformed.lines(), literals: prefilter?.literals ?? [] };
}

describe('hit lines read by the key locator', () => {
  const dir = tempFiles({});

  let rowsSeen = 0;
  it('law: tstats over the lines a literal keeps gives the rows and reports of decoding every line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), fc.constantFrom(...QUERIES), async (lines, spl) => {
        const file = join(dir, 'hits.ndjson');
        writeFileSync(file, FILLER + `${lines.join('\n')}\n` + FILLER);
        const fast = await results(spl, file, true);
        const slow = await results(spl, file, false);
        expect(fast.literals).toEqual(['cmd.exe']);
        expect(fast.rows).toEqual(slow.rows);
        expect(fast.reports).toEqual(slow.reports);
        rowsSeen += fast.rows.length;
      }),
      { numRuns: fuzzRuns(40, 200) },
    );
    // The law says something only if the data has rows to compare.
    expect(rowsSeen).toBeGreaterThan(0);
  });
});
