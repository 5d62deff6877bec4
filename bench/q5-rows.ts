// Q5's per-row steps over decoded hit lines, cumulative, best of 5 CPU seconds: decode, then (lines decoded untimed) source mapping, dataset, where, rows, stats.
// Usage: npx tsx bench/q5-rows.ts <file.ndjson> [step...]   (every line is decoded; give it the lines that hold the literal, e.g. grep -i cmd.exe)
import { readFileSync } from 'node:fs';
import { createDecoder } from '../src/input/json/decode.js';
import { compile } from '../src/query.js';
import { getZone } from '../src/time/zone.js';
import { Event } from '../src/runtime/event.js';
import type { Stage } from '../src/engine/types.js';
import { getDataModel, resolveDataset } from '../src/datamodels/catalog.js';
import { planDataset } from '../src/datamodels/plan.js';
import { compileDataset } from '../src/datamodels/dataset.js';
import { builtinMappings, compileEventMapper } from '../src/datamodels/source-mapping.js';
const Q5 = '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user';

const file = process.argv[2]!;
const query = compile(Q5);
const command = query.pipeline.commands[0]!;
const fields = new Set(query.requiredFields!);
const decode = createDecoder({ zone: getZone('UTC'), fields });
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const evalCtx = { zone: getZone('UTC'), now: 0 } as Parameters<typeof compileEventMapper>[1];
const model = getDataModel('Endpoint', { start: 0, end: 0 });
const dataset = resolveDataset(model, 'Processes', { start: 0, end: 0 });
const plan = planDataset(dataset, builtinMappings(), ['process_name', '_time', 'dest', 'user']);
const selection = compileDataset(dataset, evalCtx, plan.needed);
const mapEvent = compileEventMapper(builtinMappings(), evalCtx, plan.needed, { fields: selection.constraintReads, matches: selection.matches });

const decodeAll = (): Event[] => lines.map((text) => decode({ text, file, line: 0 }) as Event);
let count = 0;
const sink: Stage = { push: () => void count++, end: () => {} };
const steps: Record<string, (evs: Event[]) => void> = {
  'decode (timed alone: the events are held, so the collector moves them all)': () => {},
  '+ source mapping (match, aliases, eventtypes, tags, early check, EVALs)': (evs) => { for (const ev of evs) mapEvent(ev); },
  '+ dataset (constraint, calculations)': (evs) => { for (const ev of evs) if (mapEvent(ev) && selection.matches(ev)) selection.calculate(ev); },
  '+ the whole rows stage (where, projection)': (evs) => { const rows = command.partial!.rows(sink); for (const ev of evs) rows.push(ev); },
  '+ stats': (evs) => { const rows = command.partial!.rows(command.partial!.tail(sink)); for (const ev of evs) rows.push(ev); rows.end(); },
};
const only = process.argv.slice(3);
for (const [name, step] of Object.entries(steps)) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const decodeTimed = name.startsWith('decode');
    const before0 = process.cpuUsage();
    const evs = decodeAll();
    const before = decodeTimed ? before0 : process.cpuUsage();
    step(evs);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  console.log(`${name}: ${best.toFixed(3)} CPU s (${((best / lines.length) * 1e6).toFixed(2)} µs a line)`);
}
