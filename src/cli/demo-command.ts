// `splq demo` (npm start): write the deterministic sample and run the reference detection over it.
import { join } from 'node:path';
import type { Command } from 'commander';
import { repoRoot } from '../corpus.js';
import { readDetection } from '../detection.js';
import { MacroLibrary } from '../macros/index.js';
import { createWriter, type OutputFormat } from '../output/formats.js';
import { compile } from '../query.js';
import { planScan, runScan } from '../scan/index.js';
import { writeDemoSample } from '../sample/demo.js';

export function registerDemoCommand(program: Command, run: (fn: () => Promise<void>) => void): void {
  program
    .command('demo')
    .description('generate a small sample of Windows events and run the reference WMI detection over it')
    .option('-o, --output <format>', 'table | json | ndjson | csv', 'table')
    .option('--dir <dir>', 'where to write the sample', 'bench/data')
    .action((opts: { output: OutputFormat; dir: string }) => run(() => runDemo(opts)));
}

async function runDemo(opts: { output: OutputFormat; dir: string }): Promise<void> {
  const root = repoRoot();
  const detectionFile = join(root, 'queries/wmi_permanent_event_subscription.yml');
  const detection = readDetection(detectionFile);
  const sample = writeDemoSample(join(root, opts.dir));
  const query = compile(detection.search, { macros: MacroLibrary.load([join(root, 'queries/macros')]) });
  process.stderr.write(`splq demo: wrote ${sample}\nsplq demo: running "${detection.name}" (${detectionFile})\n\n`);
  const writer = createWriter(opts.output, (text) => process.stdout.write(text));
  const summary = await runScan(await planScan(query, [sample]), (ev) => writer.write(ev));
  writer.end();
  process.stderr.write(`\nsplq demo: ${summary.eventsRead} events read, ${summary.eventsMatched} matched the search.\n`);
  process.stderr.write(`Run it yourself: npx tsx src/cli/main.ts run --detection queries/wmi_permanent_event_subscription.yml -m queries/macros -i ${sample}\n`);
}
