// Pack acceptance over a big file: every ESCU detection's rows in one pack run equal its rows run alone (issue 15).
// Usage: npx tsx bench/pack-verify.ts [--file bench/data/events-100000.ndjson] [--threads N] [--every K] [--only REGEX]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LookupLibrary } from '../src/lookups/index.js';
import { MacroLibrary } from '../src/macros/index.js';
import { compile } from '../src/query.js';
import { compilePack, readPackEntries, runPack } from '../src/scan/pack.js';

const NOW = 1_700_000_000;

/** Seconds of CPU (user + system) since `start`. */
const cpuSince = (start: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: 'bench/data/events-100000.ndjson' },
      threads: { type: 'string' },
      every: { type: 'string', default: '1' },
      only: { type: 'string' },
      corpus: { type: 'string', default: '../shared/corpus/security_content' },
    },
  });
  const escu = values.corpus!;
  if (!existsSync(join(escu, 'detections'))) {
    console.log(`pack-verify: skipped, ${escu}/detections is absent (the ESCU corpus lives in ../shared)`);
    return;
  }
  if (!existsSync(values.file!)) throw new Error(`no data file ${values.file}: make it with npm run bench -- --events 100000`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  const every = Number(values.every);
  const only = values.only === undefined ? null : new RegExp(values.only, 'i');
  const { entries } = readPackEntries([join(escu, 'detections')]);
  const options = { macros: MacroLibrary.load([join(escu, 'macros')]), lookups: LookupLibrary.load({ paths: [join(escu, 'lookups')] }), now: NOW };
  const pack = compilePack(only ? entries.filter((e) => only.test(e.name)) : entries, options);
  const packed = new Map<string, string[]>();
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const result = await runPack(pack, [values.file!], {
    threads, tagRows: false,
    onRow: (row, name) => {
      const list = packed.get(name) ?? [];
      list.push(JSON.stringify(row.toObject()));
      packed.set(name, list);
    },
  });
  const packWall = (performance.now() - wall) / 1000;
  const packCpu = cpuSince(cpu);
  const runtimeFailed = result.failed.filter((f) => !pack.failed.includes(f)).map((f) => f.name);
  console.log(`pack: ${pack.members.length} detections, ${pack.failed.length} did not compile, ${runtimeFailed.length} failed while running; ` +
    `${result.scan.eventsRead} events; ${packWall.toFixed(1)} s wall, ${packCpu.toFixed(1)} CPU s, ${Math.round(result.scan.eventsRead / packWall)} events/s`);
  const names = new Map<string, number>();
  for (const m of pack.members) names.set(m.name, (names.get(m.name) ?? 0) + 1);
  wall = performance.now();
  cpu = process.cpuUsage();
  let compared = 0;
  let withRows = 0;
  const differ: string[] = [];
  for (const [index, member] of pack.members.entries()) {
    // A name shared by two detections mixes their rows; runtime failures are compared by their absence of rows only.
    if (index % every !== 0 || names.get(member.name)! > 1 || runtimeFailed.includes(member.name)) continue;
    const alone: string[] = [];
    for await (const row of compile(member.query.text, options).runFiles([values.file!], { threads: 1 })) alone.push(JSON.stringify(row.toObject()));
    const mine = packed.get(member.name) ?? [];
    compared++;
    if (alone.length) withRows++;
    if (mine.length !== alone.length || mine.some((r, i) => r !== alone[i])) differ.push(`${member.name}: pack ${mine.length} rows, alone ${alone.length}`);
  }
  console.log(`alone: ${compared} detections compared (${withRows} with rows), ${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${cpuSince(cpu).toFixed(1)} CPU s`);
  for (const d of differ) console.log(`DIFFERENT ${d}`);
  console.log(differ.length === 0 ? 'pack-verify: every compared detection gave the same rows in the pack as alone' : `pack-verify: ${differ.length} detection(s) differ`);
  if (differ.length > 0) process.exitCode = 1;
}

await main();
