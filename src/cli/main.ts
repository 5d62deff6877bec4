#!/usr/bin/env node
// The splq command line: a thin layer over the library (parse, expand, run, test, demo).
import { Command } from 'commander';
import { registerParseCommands } from './parse-commands.js';
import { registerRunCommand } from './run-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerTestCommand } from './test-command.js';
import { reportError } from './report-error.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';

exitQuietlyWhenOutputCloses();

const program = new Command();
program
  .name('splq')
  .description('Run Splunk SPL searches offline over JSON event files.')
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)');

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
