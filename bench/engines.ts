// The commands the benchmark times: the splq CLI, DuckDB, jq and the two Node floors.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildScript } from './children.js';
import type { CommandSpec } from './measure.js';

/** How splq is started: the bundled CLI when it is up to date, else the TypeScript sources through tsx. */
export interface SplqLauncher {
  label: 'dist' | 'tsx';
  prefix: string[];
}

/** One file with every dependency inlined (npm run build): starts in ~0.1 s instead of ~0.5 s for the tsc output. */
const BUNDLED_CLI = 'dist/bundle/splq.cjs';
const SOURCE_CLI = 'src/cli/main.ts';
/** The folders the bundle is built from: a file changed in them makes the bundle out of date. */
const SOURCE_DIRS = ['src', 'grammar'];

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The splq launcher to use under `root`, or undefined while the CLI does not exist yet. */
export function findSplq(root: string): SplqLauncher | undefined {
  const bundle = join(root, BUNDLED_CLI);
  const newestSource = Math.max(...SOURCE_DIRS.map((dir) => join(root, dir)).filter(existsSync).map(newestMtimeMs));
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource) return { label: 'dist', prefix: [bundle] };
  if (existsSync(join(root, SOURCE_CLI))) return { label: 'tsx', prefix: ['--import', 'tsx', join(root, SOURCE_CLI)] };
  return undefined;
}

/** jq's version string, or undefined when jq is not installed. */
export function findJq(): string | undefined {
  try {
    return execFileSync('jq', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Times are rendered in UTC (ctime in Q1) so that every engine agrees. */
const UTC_ENV = { ...process.env, TZ: 'UTC' };

export function splqCommand(launcher: SplqLauncher, root: string, spl: string, dataPath: string, threads: number | undefined): CommandSpec {
  const threadArgs = threads === undefined ? [] : ['--threads', String(threads)];
  return {
    command: process.execPath,
    args: [...launcher.prefix, 'run', spl, '-m', join(root, 'queries', 'macros'), '-i', dataPath, '-o', 'ndjson', ...threadArgs],
    env: UTC_ENV,
  };
}

export function duckdbCommand(scripts: Record<ChildScript, string>, sqlPath: string, threads: number | undefined): CommandSpec {
  return { command: process.execPath, args: [scripts['duckdb-query'], sqlPath, ...(threads === undefined ? [] : [String(threads)])], env: UTC_ENV };
}

export function jqCommand(jqArgs: string[], dataPath: string): CommandSpec {
  return { command: 'jq', args: [...jqArgs, dataPath], env: UTC_ENV };
}

export function floorCommand(scripts: Record<ChildScript, string>, script: 'count-lines' | 'parse-lines', dataPath: string): CommandSpec {
  return { command: process.execPath, args: [scripts[script], dataPath] };
}

/** The reference query written by hand in plain Node (../shared/tools): the Q1 floor, in its raw-Buffer pre-filter mode. */
export const BY_HAND_TOOL = '../shared/tools/node-by-hand-query.js';

export function byHandCommand(toolPath: string, dataPath: string): CommandSpec {
  return { command: process.execPath, args: [toolPath, 'query-buf', dataPath], env: UTC_ENV };
}
