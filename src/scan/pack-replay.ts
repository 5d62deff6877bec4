// A pack member whose join/append subsearches re-read the inputs: its subsearches run first (as in a single run),
// then its search takes events from the shared scan like any other member.
import { prerunSubsearches, type CompiledSubsearch } from '../engine/subsearch.js';
import type { Stage } from '../engine/types.js';
import { eventBatches, newSourceStats } from '../input/index.js';
import type { Event } from '../runtime/event.js';
import type { ScanOptions } from './options.js';
import { failureText, type PackFailure, type PackMember } from './pack-compile.js';
import { SharedDatasets, type DatasetView } from './pack-datasets.js';
import { planScan, type ScanPlan } from './plan.js';
import { inputGate } from './pack-gates.js';
import { subsearchLevels } from './pack-round-levels.js';

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

/** One subsearch to pre-run in a shared round, with how the round feeds it. */
interface RoundEntry {
  member: PackMember;
  sub: CompiledSubsearch;
  rows: Event[];
  truncated: boolean;
  head: Stage;
  /** Milliseconds spent in its own pipeline (its maxtime counts these: the shared read is not its own). */
  ms: number;
  timedOut: boolean;
  gate: ((ev: Event) => boolean) | null;
  dataset: { view: DatasetView; slot: number; conditioned: boolean } | null;
}

/**
 * Pre-run the join/append subsearches of every member (as prerunMemberSubsearches does one member's) with one
 * re-read of the inputs per round: round k runs each member's subsearches on level k (pack-round-levels.ts: a
 * subsearch runs after those nested inside it, siblings in the same round). Members whose plans differ in what the
 * reader applies (their time window) get rounds of their own.
 * Returns the members that failed (their error recorded in `failed`).
 */
export async function prerunSharedSubsearches(
  members: PackMember[], inputs: string[], options: ScanOptions, failed: PackFailure[],
): Promise<Set<PackMember>> {
  const broken = new Set<PackMember>();
  const plans = new Map<PackMember, ScanPlan>();
  for (const member of members) {
    const plan = await planScan(member.query, inputs, { ...options, threads: 1, onFile: undefined });
    plans.set(member, plan);
    const { run } = member.query.pipeline;
    // Subsearches not pre-run here (dynamic ones) still find the inputs, as in prerunMemberSubsearches.
    run.inputs = {
      replayBatches: (fields) => {
        const source = { ...plan.source, fields: fields ? new Set(fields) : null, zone: plan.zone, prefilter: null, firstSearch: null };
        return eventBatches(plan.inputs, source, newSourceStats(plan.source.strict ?? false));
      },
    };
    run.prepared = new Map();
  }
  const levels = new Map(members.map((m) => [m, subsearchLevels(m.query.pipeline.subsearches.filter((s) => s.prerun && !s.generating))] as const));
  for (let round = 0; ; round++) {
    const groups = new Map<string, PackMember[]>();
    for (const m of members) {
      if (broken.has(m) || round >= levels.get(m)!.length) continue;
      const key = JSON.stringify(plans.get(m)!.source.window ?? null);
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    if (groups.size === 0) return broken;
    for (const group of groups.values()) {
      const subs = group.flatMap((m) => levels.get(m)![round]!.map((sub) => [m, sub] as const));
      await runRound(subs, plans.get(group[0]!)!, failed, broken);
    }
  }
}

/** One shared re-read feeding the given subsearches; each gets its own copy of the events its first search keeps. */
async function runRound(subs: ReadonlyArray<readonly [PackMember, CompiledSubsearch]>, plan: ScanPlan, failed: PackFailure[], broken: Set<PackMember>): Promise<void> {
  const datasets = new SharedDatasets();
  const entries: RoundEntry[] = [];
  let fields: Set<string> | null = new Set();
  for (const [member, sub] of subs) {
    try {
      const entry: RoundEntry = { member, sub, rows: [], truncated: false, head: null!, ms: 0, timedOut: false, gate: null, dataset: null };
      const limits = sub.prerun!.limits;
      const sink: Stage = {
        push: (ev) => {
          if (entry.rows.length < limits.maxRows) entry.rows.push(ev);
          else entry.truncated = true;
        },
        end: () => undefined,
      };
      if (sub.datasetInput) {
        const view = datasets.view(sub.datasetInput);
        entry.dataset = { view, ...view.addReader(sub.datasetInput) };
        entry.head = sub.datasetInput.factory(sink);
      } else {
        entry.head = sub.factory(sink);
        entry.gate = sub.ast ? inputGate(sub.ast, plan.zone, member.query.now) : null;
      }
      entries.push(entry);
      if (fields && sub.reads) for (const f of sub.reads) fields.add(f);
      else fields = null;
    } catch (error) {
      fail(member, error, failed, broken);
    }
  }
  if (entries.length === 0) return;
  const source = { ...plan.source, fields, zone: plan.zone, prefilter: null, firstSearch: null };
  let stamp = 0;
  let live = entries;
  for await (const batch of eventBatches(plan.inputs, source, newSourceStats(plan.source.strict ?? false))) {
    for (const ev of batch) {
      stamp++;
      for (const entry of live) {
        if (entry.timedOut || broken.has(entry.member)) continue;
        let row: Event | null;
        if (entry.dataset) {
          row = entry.dataset.view.get(ev, stamp);
          if (row === null || (entry.dataset.conditioned && !entry.dataset.view.meets(row, stamp, entry.dataset.slot))) continue;
        } else {
          if (entry.gate !== null && !entry.gate(ev)) continue;
          row = ev.clone();
        }
        const started = performance.now();
        try {
          entry.head.push(row);
        } catch (error) {
          fail(entry.member, error, failed, broken);
        }
        entry.ms += performance.now() - started;
        if (entry.ms / 1000 > entry.sub.prerun!.limits.maxSeconds) entry.timedOut = true;
      }
    }
    live = live.filter((e) => !e.timedOut && !broken.has(e.member));
  }
  for (const entry of entries) {
    if (broken.has(entry.member)) continue;
    const { run } = entry.member.query.pipeline;
    const { limits, command } = entry.sub.prerun!;
    try {
      entry.head.end();
    } catch (error) {
      fail(entry.member, error, failed, broken);
      continue;
    }
    if (entry.timedOut) run.warn(`${command}: the subsearch stopped after ${limits.maxSeconds} s (maxtime); its results are partial`);
    if (entry.truncated) run.warn(`${command}: the subsearch's results were cut to ${limits.maxRows} rows (maxout)`);
    run.prepared!.set(entry.sub, entry.rows);
  }
}

function fail(member: PackMember, error: unknown, failed: PackFailure[], broken: Set<PackMember>): void {
  if (broken.has(member)) return;
  broken.add(member);
  member.query.pipeline.run.inputs = null;
  failed.push({ name: member.name, file: member.file, message: failureText(error, member.query.text), error });
}
