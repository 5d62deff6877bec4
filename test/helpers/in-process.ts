// Run `splq <args>` in this process on the real command tree, capturing stdout/stderr (no vitest needed: scripts use it too).
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT_USAGE, reportError } from '../../src/cli/report-error.js';
import { isSplError } from '../../src/errors.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/**
 * `splq <args>` as main.ts runs it (same program, same exit codes) with its output captured: no process start-up,
 * no TypeScript transform per call. Not for what needs a process (reading stdin, a closed pipe, worker threads
 * started from the CLI). `env` is set for the call only. Calls must not overlap (they patch process.stdout/stderr).
 */
export async function runSplqInProcess(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
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
  const saved = { exitCode: process.exitCode, out: process.stdout.write, err: process.stderr.write };
  const savedEnv = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0) as Write;
  process.stderr.write = ((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0) as Write;
  try {
    await program.parseAsync(args, { from: 'user' });
    await pending;
    if (status === 0) status = Number(process.exitCode ?? 0);
  } catch (e) {
    // What main.ts does: an option parser's SplError (say --threads 0) is reported with its exit code; commander's
    // own exits are 0 for --help/--version, else the usage code.
    if (isSplError(e)) status = reportError(e);
    else if (!(e instanceof CommanderError)) throw e;
    else status = e.exitCode === 0 ? 0 : EXIT_USAGE;
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return { status, stdout: stdout.join(''), stderr: stderr.join('') };
}
