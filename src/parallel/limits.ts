// The input sizes that decide how a run is cut into work units and how many threads it gets (shared with the pre-start guess).

const MIB = 1024 * 1024;
/** Files above this size are cut into byte ranges of at least this size. */
export const DEFAULT_SPLIT_BYTES = 16 * MIB;
/** Below this much input the default is one thread: starting workers would cost more than they save. */
export const SMALL_INPUT_BYTES = 32 * MIB;
