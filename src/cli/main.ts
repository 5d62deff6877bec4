#!/usr/bin/env node
// The splq command line: a thin layer over the library (parse, expand, run, test, demo).
import { buildProgram } from './program.js';
import { EXIT_USAGE, reportError } from './report-error.js';
import { exitQuietlyWhenOutputCloses } from './closed-output.js';
import { tuneGarbageCollector } from '../runtime/gc-tuning.js';
import { isPoolWorker, runWorkerLoop } from '../parallel/worker-loop.js';

/** Run a command body; user mistakes print a caret diagnostic and set the exit code, never a stack trace. */
function run(fn: () => void | Promise<void>): void {
  Promise.resolve()
    .then(fn)
    .catch((e: unknown) => {
      process.exitCode = reportError(e);
    });
}

/** The command line. */
function runCli(): void {
  exitQuietlyWhenOutputCloses();
  // Before any worker starts (V8 flags are per process).
  tuneGarbageCollector();
  // Commander's own usage errors (unknown option, missing value, extra argument) exit with the usage code.
  const program = buildProgram(run, (err) => process.exit(err.exitCode === 0 ? 0 : EXIT_USAGE));
  program.parseAsync(process.argv).catch((e: unknown) => {
    process.exitCode = reportError(e);
  });
}

// The CLI bundle starts its workers on its own loader, so a worker runs this file too (docs/parallel.md).
if (isPoolWorker()) runWorkerLoop();
else runCli();
