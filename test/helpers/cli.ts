// Test helper: run the splq CLI in this process (the real command tree, output captured), or as a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT_USAGE, reportError } from '../../src/cli/report-error.js';

export const REPO = resolve(import.meta.dirname, '../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `splq <args>` in this process, as main.ts runs it (same program, same exit codes), with stdout and stderr
 * captured: no process start-up, no TypeScript transform per call. Not for what needs a process (reading stdin,
 * a closed pipe, worker threads started from the CLI): use spawnSplq for those. Calls must not overlap.
 */
export async function splq(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  let pending: Promise<void> = Promise.resolve();
  let status = 0;
  const run = (fn: () => void | Promise<void>): void => {
    pending = Promise.resolve()
      .then(fn)
      .catch((e: unknown) => void (status = reportError(e)));
  };
  const program = buildProgram(run, (err) => {
    throw err;
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const savedExitCode = process.exitCode;
  const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  process.exitCode = undefined;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0);
  try {
    await program.parseAsync(args, { from: 'user' });
    await pending;
    if (status === 0) status = Number(process.exitCode ?? 0);
  } catch (e) {
    // What main.ts's exit override does with commander's own exits: 0 for --help/--version, else the usage code.
    if (!(e instanceof CommanderError)) throw e;
    status = e.exitCode === 0 ? 0 : EXIT_USAGE;
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = savedExitCode;
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}

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
