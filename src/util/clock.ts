// A millisecond clock for elapsed times that does not load node:perf_hooks (the global `performance` loads it on first
// use, about 2 M instructions and 20 built-in module files at every start of the CLI; docs/benchmarks.md, Start-up).

/** Milliseconds from an arbitrary fixed point (monotonic, sub-millisecond), like `performance.now()`. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
