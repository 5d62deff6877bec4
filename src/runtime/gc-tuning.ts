// V8 settings the CLI applies at start: keep the old generation near what is live, tier up later (docs/benchmarks.md).
import v8 from 'node:v8';

/**
 * Why (measured on the bench events, docs/benchmarks.md "Default sort: where the memory went"):
 * - `--no-allocation-site-pretenuring`: a command that keeps the first results it sees (the default `sort`'s top
 *   10,000) makes every object of the decoder's allocation sites survive at first; V8 then allocates those sites
 *   straight into the old generation for the rest of the run, so every later event, kept or not, is old garbage.
 * - `--heap-growing-percent=50`: after a full collection V8 lets the old generation grow to up to 4 times what was
 *   live before collecting again; with a top-N that keeps replacing results (newest first over time-ordered input)
 *   each isolate (the main thread and every worker) then peaks at about 4 times its live results. 1.5 times keeps
 *   the peak near the live set at the cost of more (cheap, when little is live) full collections.
 * - `--interrupt-budget=135168` (twice Node 20's default of 67584): how much a function runs before V8 considers
 *   optimising it (and a loop before on-stack replacement). At the default, a trivial query's set-up (chevrotain's
 *   lexer and parser, commander) got hot enough to send functions to the optimising compiler, about 40 M of the
 *   ~340 M instructions a trivial query costs over `node -e 0` (docs/benchmarks.md, Start-up); a run over real data
 *   reaches either budget within milliseconds.
 * V8 flags are per process: set before the first worker starts, they hold in the workers too.
 */
export const GC_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring', '--heap-growing-percent=50', '--interrupt-budget=135168'];

let applied = false;

/** Apply GC_FLAGS once (idempotent); `SPLQ_V8_DEFAULTS=1` leaves V8's defaults (for comparisons). */
export function tuneGarbageCollector(env: NodeJS.ProcessEnv = process.env): boolean {
  if (applied || env.SPLQ_V8_DEFAULTS === '1') return false;
  for (const flag of GC_FLAGS) v8.setFlagsFromString(flag);
  applied = true;
  return true;
}
