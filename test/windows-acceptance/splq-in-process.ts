// Run `splq run` / `splq test` in this process (real commander parsing, real commands) and capture their output.
import { Command } from 'commander';
import { vi } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { registerRunCommand } from '../../src/cli/run-command.js';
import { registerTestCommand } from '../../src/cli/test-command.js';
import type { CliResult } from '../helpers/cli.js';

/**
 * Like spawning `splq <args>` but in-process (a spawn costs seconds): stdout/stderr are captured and the exit
 * code is what main.ts would set. Calls must not overlap (they patch process.stdout/stderr while running).
 */
export async function splq(args: string[]): Promise<CliResult> {
  const program = new Command().exitOverride();
  let pending: Promise<void> = Promise.resolve();
  let status = 0;
  const run = (fn: () => Promise<void>): void => {
    pending = fn().catch((e: unknown) => {
      status = reportError(e);
    });
  };
  registerRunCommand(program, run);
  registerTestCommand(program, run);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0);
  try {
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (e) {
      // As main.ts does: an option parser's SplError (say --threads 0) is reported, not thrown.
      status = reportError(e);
    }
    await pending;
    if (status === 0) status = Number(process.exitCode ?? 0);
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = savedExitCode;
  }
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}
