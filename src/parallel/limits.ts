// The input sizes that decide how a run is cut into work units and how many threads it gets (shared with the pre-start guess).

const MIB = 1024 * 1024;
/** Files above this size are cut into byte ranges of at least this size. */
export const DEFAULT_SPLIT_BYTES = 16 * MIB;
/**
 * Below this much input the default is one thread: a worker costs ~0.3 s of CPU of its own (its isolate loads the
 * bundle, warms its JIT, faults in its heap) and is ready 0.1-0.25 s after the main thread starts reading, which is
 * ~0.25 s of one thread's reading at these sizes. Q2 over the 100k bench file (117 MiB): 2 threads took 1.65x the
 * wall and 1.7x the CPU of one at load 15 (docs/benchmarks.md, Session 8: split2); 0.50 against 0.37 s quiet
 * (session 7). `--threads N` is still honoured below it.
 */
export const SMALL_INPUT_BYTES = 128 * MIB;
