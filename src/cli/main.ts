#!/usr/bin/env node
// The splq command line: a thin layer over the library (parse, expand, run, test, demo).
import { Command } from 'commander';
import { registerParseCommands } from './parse-commands.js';
import { registerRunCommand } from './run-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerTestCommand } from './test-command.js';
import { EXIT_USAGE, reportError } from './report-error.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';

exitQuietlyWhenOutputCloses();

const program = new Command();
program
  .name('splq')
  .description('Run Splunk SPL searches offline over JSON event files.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  // A word left over (say a second file after a query, without -i) is an error, not silently ignored; the
  // subcommands registered below inherit both settings.
  .allowExcessArguments(false)
  // Commander's own usage errors (unknown option, missing value, extra argument) exit with the usage code.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE));

/** Run a command body; user mistakes print a caret diagnostic and set the exit code, never a stack trace. */
function run(fn: () => void | Promise<void>): void {
  Promise.resolve()
    .then(fn)
    .catch((e: unknown) => {
      process.exitCode = reportError(e);
    });
}

registerParseCommands(program, run);
registerRunCommand(program, run);
registerDemoCommand(program, run);
registerTestCommand(program, run);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.exitCode = reportError(e);
});
