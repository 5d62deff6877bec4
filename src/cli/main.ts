#!/usr/bin/env node
// The splq command line: a thin layer over the library (parse, expand, run, test, demo).
import { buildProgram } from './program.js';
import { EXIT_USAGE, reportError } from './report-error.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';
import { tuneGarbageCollector } from '../runtime/gc-tuning.js';

exitQuietlyWhenOutputCloses();
// Before any worker starts (V8 flags are per process).
tuneGarbageCollector();

/** Run a command body; user mistakes print a caret diagnostic and set the exit code, never a stack trace. */
function run(fn: () => void | Promise<void>): void {
  Promise.resolve()
    .then(fn)
    .catch((e: unknown) => {
      process.exitCode = reportError(e);
    });
}

// Commander's own usage errors (unknown option, missing value, extra argument) exit with the usage code.
const program = buildProgram(run, (err) => process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.exitCode = reportError(e);
});
