// When the reader of stdout goes away (`splq run ... | head`), stop quietly instead of failing with EPIPE.

/**
 * A closed pipe on stdout ends the process at once with status 0, as `head` reading enough is no error; any
 * other stdout error is reported plainly (no stack trace) with status 1.
 */
export function exitQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`splq: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
}
