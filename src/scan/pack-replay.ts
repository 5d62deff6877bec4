// A pack member whose join/append subsearches re-read the inputs: its subsearches run first (as in a single run),
// then its search takes events from the shared scan like any other member.
import { prerunSubsearches } from '../engine/subsearch.js';
import { eventBatches, newSourceStats } from '../input/index.js';
import type { ScanOptions } from './options.js';
import type { PackMember } from './pack-compile.js';
import { planScan } from './plan.js';

/** Whether the member's subsearches can run before the shared scan (known at compile time, inputs re-readable). */
export function prerunnable(member: PackMember, inputs: readonly string[]): boolean {
  const { pipeline } = member.query;
  return pipeline.replaysInputs && !pipeline.dynamicReplay && !pipeline.generating && !inputs.includes('-');
}

/**
 * Run the member's subsearches over a re-read of the inputs, planned exactly as its single run plans them (same
 * window, preset and mapping, no pre-filter); their rows wait in `run.prepared` for the stages built next.
 */
export async function prerunMemberSubsearches(member: PackMember, inputs: string[], options: ScanOptions): Promise<void> {
  const plan = await planScan(member.query, inputs, { ...options, threads: 1, onFile: undefined });
  const { run } = member.query.pipeline;
  run.inputs = {
    replayBatches: (fields) => {
      const source = { ...plan.source, fields: fields ? new Set(fields) : null, zone: plan.zone, prefilter: null, firstSearch: null };
      return eventBatches(plan.inputs, source, newSourceStats(plan.source.strict ?? false));
    },
  };
  await prerunSubsearches(member.query.pipeline.subsearches, run);
}
