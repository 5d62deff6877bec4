// Test helper: run the splq CLI in this process (the real command tree, output captured), or as a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runSplqInProcess, type CliResult } from './in-process.js';

export const REPO = resolve(import.meta.dirname, '../..');

export type { CliResult } from './in-process.js';

/** `splq <args>` in this process (see runSplqInProcess); use spawnSplq only where the process itself matters. */
export const splq = runSplqInProcess;

/** `splq <args>` as a child process (from source, through tsx): a second or more each, so only where the process matters. */
export function spawnSplq(args: string[], input?: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Write files into a fresh temporary folder; returns the folder. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'splq-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
