// The splq command tree (parse, expand, run, demo, test) apart from the process: main.ts runs it on argv, tests in-process.
import { Command, type CommanderError } from 'commander';
import { registerParseCommands } from './parse-commands.js';
import { registerRunCommand } from './run-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerTestCommand } from './test-command.js';

/** Runs a command body; the caller decides how its errors become an exit code. */
export type CommandRunner = (fn: () => void | Promise<void>) => void;

/**
 * The `splq` program with every subcommand. `onUsageError` gets commander's own exits (unknown option, extra
 * argument, --help, --version) and must not return: main.ts exits the process, a test throws.
 */
export function buildProgram(run: CommandRunner, onUsageError: (err: CommanderError) => never): Command {
  const program = new Command();
  program
    .name('splq')
    .description('Run Splunk SPL searches offline over JSON event files.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // A word left over (say a second file after a query, without -i) is an error, not silently ignored; the
    // subcommands registered below inherit both settings.
    .allowExcessArguments(false)
    .exitOverride(onUsageError);
  registerParseCommands(program, run);
  registerRunCommand(program, run);
  registerDemoCommand(program, run);
  registerTestCommand(program, run);
  return program;
}
