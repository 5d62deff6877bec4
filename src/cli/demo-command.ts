// `splq demo` (npm start): write the deterministic sample and run the reference detection over it.
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { repoRoot } from '../corpus.js';
import { readDetection } from '../detection.js';
import { MacroLibrary } from '../macros/index.js';
import { createWriter, type OutputFormat } from '../output/formats.js';
import { compile } from '../query.js';
import { planScan, runScan } from '../scan/index.js';

/** Where the sample goes without --dir: a folder of the system's temp space (never inside the installed package). */
export const DEFAULT_DEMO_DIR = join(tmpdir(), 'splq-demo');

export function registerDemoCommand(program: Command, run: (fn: () => Promise<void>) => void): void {
  program
    .command('demo')
    .description('generate a small sample of Windows events and run the reference WMI detection over it')
    .option('-o, --output <format>', 'table | json | ndjson | csv', 'table')
    .option('--dir <dir>', `where to write the sample (relative to the current folder; default ${DEFAULT_DEMO_DIR})`)
    .action((opts: { output: OutputFormat; dir?: string }) => run(() => runDemo(opts)));
}

/** A path as the user should type it from `cwd`: relative when below it, else absolute. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The command that runs this same splq again: the installed bin, the bundle, or the TypeScript source via tsx. */
export function splqCommand(script: string | undefined, cwd: string): string {
  if (script === undefined) return 'splq';
  if (script.split(sep).includes('node_modules')) return 'npx splq';
  if (script.endsWith('.ts')) return `npx tsx ${shown(script, cwd)}`;
  return `node ${shown(script, cwd)}`;
}

async function runDemo(opts: { output: OutputFormat; dir?: string }): Promise<void> {
  const root = repoRoot();
  const cwd = process.cwd();
  const detectionFile = join(root, 'queries/wmi_permanent_event_subscription.yml');
  const macrosDir = join(root, 'queries/macros');
  const detection = readDetection(detectionFile);
  // Loaded here, not at start-up: the sample's process catalog is built when its module loads (~5 ms per start).
  const { writeDemoSample } = await import('../sample/demo.js');
  const sample = writeDemoSample(resolve(cwd, opts.dir ?? DEFAULT_DEMO_DIR));
  const query = compile(detection.search, { macros: MacroLibrary.load([macrosDir]) });
  process.stderr.write(`splq demo: wrote ${sample}\nsplq demo: running "${detection.name}" (${shown(detectionFile, cwd)})\n\n`);
  const writer = createWriter(opts.output, (text) => process.stdout.write(text));
  const summary = await runScan(await planScan(query, [sample]), (ev) => writer.write(ev));
  writer.end();
  process.stderr.write(`\nsplq demo: ${summary.eventsRead} events read, ${summary.eventsMatched} matched the search.\n`);
  const command = `${splqCommand(process.argv[1], cwd)} run --detection ${shown(detectionFile, cwd)} -m ${shown(macrosDir, cwd)} -i ${shown(sample, cwd)}`;
  process.stderr.write(`Run it yourself: ${command}\n`);
}
