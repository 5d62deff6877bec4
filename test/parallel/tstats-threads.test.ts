// A leading tstats over threads: the planned split, the pre-filter in the workers, and one fixed input's same results.
import { describe, expect, it } from 'vitest';
import { compileQuery, runOneThread, runThreads } from './harness.js';
import { planParallelRun } from '../../src/parallel/index.js';
import { expectSameOverThreads, SPLIT_BYTES, TSTATS_QUERIES, writeFiles } from './tstats-threads-cases.js';

const sysmon1 = (i: number, image: string, user: string) =>
  JSON.stringify({ sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational', EventCode: 1, Computer: `WKS-${i % 2}`, User: user, Image: image, CommandLine: `x ${i}`, ProcessId: i, _time: 1699990000 + i * 97 });
const security4688 = (i: number, image: string, user: string) =>
  JSON.stringify({ sourcetype: 'WinEventLog:Security', EventCode: 4688, ComputerName: 'DC-1', NewProcessName: image, TargetUserName: user, SubjectUserName: 'SYSTEM', _time: 1699990000 + i * 89 });

describe('a leading tstats over threads', () => {
  it('plans a split: partial stats when every function merges exactly, rows to the main thread otherwise', async () => {
    const paths = writeFiles([Array.from({ length: 40 }, (_, i) => security4688(i, 'C:\\x\\cmd.exe', 'u'))]);
    const plan = async (text: string) => (await planParallelRun(compileQuery(text), paths, { threads: 2, splitBytes: SPLIT_BYTES }))?.split;
    expect(await plan(TSTATS_QUERIES[0]!)).toMatchObject({ leadingAggregate: true, partialStats: { kind: 'stats' } });
    // avg/sum: floating-point sums depend on the order of additions.
    expect(await plan(TSTATS_QUERIES[4]!)).toMatchObject({ leadingAggregate: true, partialStats: null });
    // by _time without span: the span depends on every row.
    expect(await plan(TSTATS_QUERIES[5]!)).toMatchObject({ leadingAggregate: true, partialStats: null });
  });

  it('gives the one-thread rows for a fixed mix of Sysmon 1 and 4688 lines (merged partial stats, rows to the main thread)', async () => {
    const images = ['C:\\Windows\\System32\\cmd.exe', 'C:\\Tools\\psexec.exe', 'C:\\Windows\\notepad.exe'];
    const users = ['CORP\\ann', 'CORP\\adm.bob', '-'];
    const lines = Array.from({ length: 60 }, (_, i) => (i % 3 === 2 ? security4688 : sysmon1)(i, images[i % images.length]!, users[(i >> 1) % users.length]!));
    // The full tier's law runs every query shape over generated inputs.
    // The last one has a suffix that drops rows: the matches are tstats' own rows (found by the full tier's law).
    const queries = [TSTATS_QUERIES[0]!, TSTATS_QUERIES[4]!, TSTATS_QUERIES[5]!, TSTATS_QUERIES[6]!];
    expect(await expectSameOverThreads(writeFiles([lines.slice(0, 45), lines.slice(45)]), queries)).toBe(queries.length * 2);
  });

  it('keeps the pre-filter in the workers: lines without cmd.exe are skipped undecoded', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => security4688(i, i % 40 === 10 ? 'C:\\x\\cmd.exe' : 'C:\\x\\calc.exe', `u${i % 3}`));
    const paths = writeFiles([lines]);
    const one = await runOneThread(TSTATS_QUERIES[0]!, paths);
    const many = await runThreads(TSTATS_QUERIES[0]!, paths, { threads: 2, splitBytes: 2000, inProcess: true });
    expect(many).not.toBeNull();
    expect(many!.counters.eventsRead).toBe(100);
    expect(many!.counters.eventsSkipped).toBe(97);
    expect(many!.rows).toEqual(one.rows);
    expect(many!.rows.map((r) => Object.fromEntries(r)['count'])).toEqual([1, 1, 1]);
    expect(many!.matched).toBe(3);
  });
});
