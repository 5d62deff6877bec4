// Shared by the tstats thread tests: queries, generated Sysmon/Security lines, and a same-results check of 1 vs 2 and 3 threads.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { runOneThread, runThreads, type RunOutcome } from './harness.js';

/** Small enough that each generated file is cut into several byte ranges. */
export const SPLIT_BYTES = 300;

export const TSTATS_QUERIES = [
  // Q5's shape: exact accumulators, so workers aggregate partially and the main thread merges.
  '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user',
  '| tstats count dc(Processes.user) values(Processes.process) earliest(_time) latest(_time) from datamodel=Endpoint.Processes by Processes.process_name',
  '| tstats summariesonly=t fillnull_value=null count from datamodel=Endpoint.Processes by Processes.parent_process_name Processes.process_id',
  '| tstats count from datamodel=Endpoint.Processes by _time span=1h',
  // avg/sum do not merge exactly: rows go to the main thread, which aggregates them.
  '| tstats avg(Processes.process_id) sum(Processes.process_id) count from datamodel=Endpoint.Processes by Processes.dest',
  // by _time without span: the span comes from all rows, so the main thread holds and buckets them.
  '| tstats count from datamodel=Endpoint.Processes by _time',
  '| tstats count from datamodel=Endpoint.Processes where Processes.user="*adm*" by Processes.dest | sort - count | head 2',
];

const IMAGES = ['C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\CMD.EXE', 'C:\\Tools\\psexec.exe', 'C:\\Windows\\notepad.exe'];

const sysmon = fc.record(
  {
    sourcetype: fc.constant('WinEventLog:Microsoft-Windows-Sysmon/Operational'),
    EventCode: fc.constantFrom(1, 1, 1, 3, 11),
    Computer: fc.constantFrom('WKS-1', 'WKS-2', 'SRV-1'),
    User: fc.constantFrom('CORP\\ann', 'CORP\\adm.bob', ''),
    Image: fc.constantFrom(...IMAGES),
    CommandLine: fc.constantFrom('cmd.exe /c whoami', '"C:\\Tools\\psexec.exe" -s cmd.exe', 'notepad'),
    ParentImage: fc.constantFrom('C:\\Windows\\explorer.exe', 'C:\\Windows\\System32\\cmd.exe'),
    ProcessId: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 999 }).map((i) => i / 10)),
    _time: fc.integer({ min: 1699990000, max: 1700000000 }),
  },
  { requiredKeys: ['sourcetype', 'EventCode', '_time'] },
);

const security = fc.record(
  {
    sourcetype: fc.constant('WinEventLog:Security'),
    EventCode: fc.constantFrom(4688, 4624),
    ComputerName: fc.constantFrom('WKS-1', 'DC-1'),
    NewProcessName: fc.constantFrom(...IMAGES),
    CommandLine: fc.constantFrom('cmd.exe /c dir', ''),
    TargetUserName: fc.constantFrom('-', 'adm.eve'),
    SubjectUserName: fc.constantFrom('SYSTEM', 'dan'),
    _time: fc.integer({ min: 1699990000, max: 1700000000 }),
  },
  { requiredKeys: ['sourcetype', 'EventCode', '_time'] },
);

/** Mostly events, sometimes a malformed line. */
const line = fc.oneof(
  { weight: 8, arbitrary: sysmon.map((r) => JSON.stringify(r)) },
  { weight: 4, arbitrary: security.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: fc.constant('{"EventCode": oops}') },
);
export const tstatsFiles = fc.array(fc.array(line, { maxLength: 25 }), { minLength: 1, maxLength: 3 });

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

export function writeFiles(contents: string[][]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'splq-tstats-threads-'));
  dirs.push(dir);
  return contents.map((lines, i) => {
    const file = join(dir, `part${i}.json`);
    writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
    return file;
  });
}

/**
 * What must not change with threads: rows in order, matches, files and lines read, malformed reports. (How many
 * lines the block scan skips undecoded is left out: each unit's first piece decides whether a literal is selective
 * enough to scan for, so a unit of mostly `cmd.exe` lines decodes them all; the rows are the same.)
 */
const comparable = ({ rows, matched, counters, malformed }: RunOutcome) => ({ rows, matched, files: counters.files, eventsRead: counters.eventsRead, malformed });

/** Runs every query over the files with 1, 2 and 3 threads (in-process units), expects the same outcome; returns the parallel runs. */
export async function expectSameOverThreads(paths: string[], queries: readonly string[] = TSTATS_QUERIES): Promise<number> {
  let parallelRuns = 0;
  for (const text of queries) {
    const one = await runOneThread(text, paths);
    for (const threads of [2, 3]) {
      const many = await runThreads(text, paths, { threads, splitBytes: SPLIT_BYTES, inProcess: true });
      // One small file may make a single unit: the planner then keeps one thread, which is the path compared with.
      if (!many) continue;
      parallelRuns++;
      expect(comparable(many), `${text} with ${threads} threads`).toEqual(comparable(one));
    }
  }
  return parallelRuns;
}
