// Pack mode: many detections over the same inputs in one shared scan; each line is read and decoded once and routed
// by the detections' pre-filter literals to the pipelines it can reach.
import { derivePrefilter, generatingPrefilter, injectedFields, type Prefilter } from '../engine/prefilter.js';
import type { SearchExpr } from '../ast.js';
import type { Stage } from '../engine/types.js';
import { eventBatches, newSourceStats, type SourceStats } from '../input/index.js';
import { Event, type FieldValue } from '../runtime/event.js';
import type { CompileOptions } from '../query.js';
import { getZone, type TimeZone } from '../time/zone.js';
import { firstSearchFilter } from '../engine/first-search.js';
import { searchTimeWindow } from '../engine/search-window.js';
import { scanMapping } from './mapping.js';
import { checkPreset, type ScanOptions } from './options.js';
import { compilePack, failureText, type CompiledPack, type PackEntry, type PackFailure, type PackMember } from './pack-compile.js';
import { prerunnable, prerunSharedSubsearches } from './pack-replay.js';
import { SharedDatasets, type DatasetView } from './pack-datasets.js';
import { ConditionIndex, necessaryCondition, type Condition } from './pack-conditions.js';
import { PackRouter } from './pack-router.js';
import { DatasetRoutes } from './pack-dataset-route.js';
import { HeldEvents } from './pack-held.js';
import { HeldFilter } from './pack-held-filter.js';
import { REREAD, runHeldMember } from './pack-held-run.js';
import { inputGate } from './pack-gates.js';
import { emptyInnerJoin } from './pack-empty-join.js';
import { planScan, timeAt } from './plan.js';
import { runScan } from './run.js';
import { summarize, type ScanSummary } from './summary.js';

export { compilePack, readPackEntries, type CompiledPack, type PackEntry, type PackFailure, type PackMember } from './pack-compile.js';

/** Events routed before the pipelines reached are fed their pending events (and the copies can be collected). */
const FEED_EVERY = 32;

/** The field that names a row's detection (the first column of a pack's rows). */
export const DETECTION_FIELD = 'detection';

/** What one detection did in a pack run. */
export interface PackDetectionSummary {
  name: string;
  rows: number;
  /** Events its literals and field condition let through (its first search then decides; a gate before the copy). */
  eventsReached: number;
  /** Events that passed its first search. */
  eventsMatched: number;
  /** Time spent in its pipeline (ms); for detections run on their own, their whole run. */
  elapsedMs: number;
  /** `shared`: in the shared scan (join/append subsearches pre-run first); `own`: run on its own after it (it makes its own events, or uses map). */
  scan: 'shared' | 'own';
}

export interface PackRunOptions extends ScanOptions {
  /** Each row as it is produced, with the detection's name as its first field; without it rows are collected. */
  onRow?: (row: Event, detection: string) => void;
  /** false: rows are given as the detection made them, without the `detection` field (splq test judges them so). */
  tagRows?: boolean;
  /** Awaited between batches (e.g. until stdout drains). */
  pace?: () => Promise<void>;
}

export interface PackResult {
  /** The rows (empty when `onRow` took them), each with `detection` first. */
  rows: Event[];
  detections: PackDetectionSummary[];
  /** Detections that could not be read, compiled, or failed while running: skipped with their error. */
  failed: PackFailure[];
  /** The shared scan's counters (files, events read and parsed, malformed records). */
  scan: ScanSummary;
}

/** A row with the detection's name put first. */
export function tagRow(row: Event, name: string): Event {
  const values = new Map<string, FieldValue>();
  values.set(DETECTION_FIELD, name);
  // The stored fields only: a lazy `_raw` stays lazy (as in the row itself).
  const fields = row.toObject();
  for (const field in fields) if (field !== DETECTION_FIELD) values.set(field, fields[field]!);
  return new Event(values, row.rawText);
}

/** A member in the shared scan: its pipeline head and counters. */
interface Runner {
  member: PackMember;
  summary: PackDetectionSummary;
  head: Stage | null;
  matchedBefore: number;
  pending: Event[];
  /** Its first search as a predicate: events it rejects are neither copied nor pushed (the pipeline would drop them). */
  gate: ((ev: Event) => boolean) | null;
  /** For a tstats detection: its dataset, shared with the others reading it (its pipeline takes dataset events). */
  dataset: DatasetView | null;
  /** Its slot among the dataset's readers, and whether the dataset's where index can rule events out for it. */
  slot: number;
  conditioned: boolean;
  /** For a search: a necessary condition of its first search (field=value atoms), indexed for all members at once. */
  condition: Condition;
  /** Taken out of the pack after a failure: it gets no more events. */
  dead: boolean;
  /** Its rows cannot depend on the input (an inner join with an empty pre-run subsearch): it gets no events, only its end. */
  idle: boolean;
}

/** Whether a member runs on its own: it reads no input, or its subsearches cannot run before the shared scan (map on stdin, or with a time window of its own). */
export function runsOnItsOwn(member: PackMember, inputs: readonly string[]): boolean {
  return member.query.pipeline.generating || (member.query.pipeline.replaysInputs && !prerunnable(member, inputs) && !heldInScan(member, inputs));
}

/**
 * A member with `map` (its subsearches are known only while it runs): a single run holds every input event and
 * replays them from memory. In a pack it takes the events the shared scan holds for all such members at once
 * (read and decoded once), when its reader would hold the same ones (no time window of its own, inputs re-readable).
 */
function heldInScan(member: PackMember, inputs: readonly string[]): boolean {
  const { query } = member;
  return query.pipeline.dynamicReplay && !query.pipeline.generating && !inputs.includes('-')
    && searchTimeWindow(query.ast, query.now, getZone(query.timeZone)) === undefined;
}

/** The union of the members' input fields (null when one reads them all), with `_raw` for routing. */
function unionFields(members: PackMember[]): { fields: Set<string> | null; rawRead: boolean } {
  const fields = new Set<string>();
  for (const m of members) {
    const reads = m.query.requiredFields;
    if (reads === null) return { fields: null, rawRead: true };
    for (const f of reads) fields.add(f);
  }
  const rawRead = fields.has('_raw');
  fields.add('_raw');
  return { fields, rawRead };
}

/** Each member's pre-filter as a single run would build it (null: it sees every event). */
function memberPrefilters(members: PackMember[], opts: ScanOptions, mapped: boolean, userMapped: boolean): (Prefilter | null)[] {
  const defaults: Record<string, string | undefined> = { ...opts.defaults };
  return members.map(({ query }) => {
    // As in a single run, a search whose subsearches replay the inputs gets no pre-filter.
    if (opts.prefilter === false || query.pipeline.replaysInputs) return null;
    return derivePrefilter(query.ast, injectedFields({ mapped, defaults }))
      ?? generatingPrefilter(query.pipeline, injectedFields({ mapped: userMapped, defaults }));
  });
}

/** Run a pack over `paths`. Entries are compiled first (with `options`' compile options); failures are skipped. */
export async function runPack(
  pack: CompiledPack | readonly PackEntry[], paths: readonly string[], options: PackRunOptions & CompileOptions = {},
): Promise<PackResult> {
  const compiled = Array.isArray(pack) ? compilePack(pack as readonly PackEntry[], options) : (pack as CompiledPack);
  const rows: Event[] = [];
  const target = options.onRow ?? ((row: Event) => void rows.push(row));
  const onRow = options.tagRows === false ? target : (row: Event, name: string): void => target(tagRow(row, name), name);
  const failed = [...compiled.failed];
  const inputs = paths.length ? [...paths] : ['-'];
  const shared = compiled.members.filter((m) => !runsOnItsOwn(m, inputs) && !heldInScan(m, inputs));
  const held = compiled.members.filter((m) => !runsOnItsOwn(m, inputs) && heldInScan(m, inputs));
  const own = compiled.members.filter((m) => runsOnItsOwn(m, inputs));
  const { scan, summaries, ranOnTheirOwn } = await sharedScan(shared, held, inputs, options, onRow, failed);
  for (const member of [...own, ...ranOnTheirOwn]) {
    const summary = await ownScan(member, inputs, options, onRow, failed);
    if (summary) summaries.set(member, summary);
  }
  const detections = compiled.members.flatMap((m) => summaries.get(m) ?? []);
  return { rows, detections, failed, scan };
}

/** A detection run on its own (the usual scan), its failure recorded instead of thrown. */
async function ownScan(
  member: PackMember, inputs: string[], options: PackRunOptions, onRow: (row: Event, name: string) => void, failed: PackFailure[],
): Promise<PackDetectionSummary | null> {
  const started = performance.now();
  try {
    const plan = await planScan(member.query, inputs, { ...options, onFile: undefined });
    const s = await runScan(plan, (row) => onRow(row, member.name), { pace: options.pace });
    return { name: member.name, rows: s.results, eventsReached: s.eventsParsed, eventsMatched: s.eventsMatched, elapsedMs: performance.now() - started, scan: 'own' };
  } catch (error) {
    failed.push({ name: member.name, file: member.file, message: failureText(error, member.query.text), error });
    return null;
  }
}

/** The shared scan: read and decode each line once, route it, feed each reached pipeline its own copy. */
async function sharedScan(
  members: PackMember[], heldMembers: PackMember[], inputs: string[], options: PackRunOptions, onRow: (row: Event, name: string) => void, failed: PackFailure[],
): Promise<{ scan: ScanSummary; summaries: Map<PackMember, PackDetectionSummary>; ranOnTheirOwn: PackMember[] }> {
  const started = performance.now();
  const stats = newSourceStats(options.strict ?? false);
  if (members.length === 0 && heldMembers.length === 0) return { scan: summarize(stats, 0, 0, 0), summaries: new Map(), ranOnTheirOwn: [] };
  const zone = getZone((members[0] ?? heldMembers[0]!).query.timeZone);
  const now = (members[0] ?? heldMembers[0]!).query.now;
  const preset = checkPreset(options.preset);
  const mapping = scanMapping(options);
  const userMapped = mapping !== undefined || options.fileSets !== undefined;
  const prefilters = memberPrefilters(members, options, userMapped || preset !== undefined, userMapped);
  const everyone = members.map((_, i) => i);
  const { fields, rawRead } = unionFields([...members, ...heldMembers]);
  // Every event as read (pristine copies), for the members that replay their inputs from memory (map).
  const heldFilter = heldMembers.length ? new HeldFilter(heldMembers, zone) : null;
  const held = heldFilter ? new HeldEvents(heldMembers[0]!.query.pipeline.run.maxMemoryMb, heldFilter) : null;
  let results = 0;
  const emit = (row: Event, name: string): void => {
    results++;
    onRow(row, name);
  };
  const runners: (Runner | null)[] = [];
  const datasets = new SharedDatasets();
  // join/append subsearches first, all members' at once: one re-read of the inputs per round (pack-replay.ts).
  const broken = await prerunSharedSubsearches(members.filter((m) => m.query.pipeline.replaysInputs), inputs, options, failed);
  for (const member of members) runners.push(broken.has(member) ? null : startRunner(member, emit, zone, datasets));
  for (const r of runners) if (r && emptyInnerJoin(r.member)) r.idle = true;
  // Field routing: an index over the first searches' conditions. Members with a condition and no literal come from
  // the index alone; members with both must pass both.
  const conditions = runners.map((r) => r?.condition ?? null);
  const fieldIndex = new ConditionIndex(conditions);
  const conditionOnly = new Set(everyone.filter((i) => conditions[i] !== null && prefilters[i] === null));
  // tstats detections without literals are routed per dataset: one dataset event per line, then its where index.
  const datasetRoutes = new DatasetRoutes<Runner>();
  const perDataset = new Uint8Array(members.length);
  runners.forEach((r, i) => {
    if (!r?.dataset || prefilters[i] !== null) return;
    perDataset[i] = 1;
    if (!r.idle) datasetRoutes.add(r.dataset, r.slot, r.conditioned, r);
  });
  const router = new PackRouter(prefilters, new Set([...conditionOnly, ...everyone.filter((i) => perDataset[i] === 1)]));
  const met = fieldIndex.met;
  const conditionHits: number[] = [];
  // XML records are not JSON lines: the literals (JSON-safe fragments) do not route them; every detection sees them.
  let routable = true;
  const onFile = (file: string, format: string): void => {
    routable = !format.startsWith('xml');
    options.onFile?.(file, format);
  };
  const window = options.earliest !== undefined || options.latest !== undefined
    ? { earliest: options.earliest !== undefined ? timeAt(options.earliest, now, zone) : undefined, latest: options.latest !== undefined ? timeAt(options.latest, now, zone) : undefined }
    : undefined;
  const source = {
    zone, timeField: options.timeField, defaults: { ...options.defaults }, fields, strict: options.strict ?? false, preset, format: options.format,
    mapping, window, fileSets: options.fileSets, prefilter: null, firstSearch: null, onFile,
  };
  const touched: Runner[] = [];
  const reached: Runner[] = [];
  let stamp = 0;
  let sinceFeed = 0;
  /** A runner the event can reach: tstats ones take the shared dataset event, the others are gated and queued for a copy. */
  const take = (r: Runner, row: Event): void => {
    if (r.dead || r.idle) return;
    if (r.pending.length === 0) touched.push(r);
    r.pending.push(row);
  };
  const reach = (r: Runner | null, ev: Event, at: number): void => {
    if (!r || r.idle) return;
    r.summary.eventsReached++;
    if (r.dataset !== null) {
      // The dataset event is shared (tstats reads it, never changes it): no copy per detection.
      const row = r.dataset.get(ev, at);
      if (row === null || (r.conditioned && !r.dataset.meets(row, at, r.slot))) return;
      if (r.pending.length === 0) touched.push(r);
      r.pending.push(row);
    } else if (r.gate === null || r.gate(ev)) reached.push(r);
  };
  for await (const batch of eventBatches(inputs, source, stats)) {
    for (const ev of batch) {
      stamp++;
      if (held && !rawRead) held.push(ev);
      const line = routable ? ev.rawText : undefined;
      const route = line === undefined ? everyone : router.route(line);
      if (!rawRead) ev.rawText = undefined;
      conditionHits.length = 0;
      fieldIndex.match(ev, stamp, conditionHits);
      for (let k = 0; k < route.length; k++) {
        const i = route[k]!;
        if (perDataset[i] === 1 || (conditions[i] !== null && met[i] !== stamp)) continue;
        reach(runners[i], ev, stamp);
      }
      if (line !== undefined) for (let k = 0; k < conditionHits.length; k++) {
        const i = conditionHits[k]!;
        if (conditionOnly.has(i)) reach(runners[i], ev, stamp);
      }
      datasetRoutes.route(ev, stamp, take);
      // The map members' pristine copy: the event itself when no pipeline takes it (routing and datasets only read it).
      if (held && rawRead) {
        if (reached.length === 0) held.keep(ev);
        else held.push(ev);
      }
      // Each pipeline gets its own copy (commands change events in place); the last one gets the event itself.
      for (let k = 0; k < reached.length; k++) {
        const r = reached[k]!;
        if (r.pending.length === 0) touched.push(r);
        r.pending.push(k === reached.length - 1 ? ev : ev.clone());
      }
      reached.length = 0;
      // Copies wait for at most FEED_EVERY events: a whole batch of them (one per detection reached) is a lot of memory.
      if (++sinceFeed === FEED_EVERY) {
        sinceFeed = 0;
        for (const r of touched) feed(r, runners, failed);
        touched.length = 0;
      }
    }
    for (const r of touched) feed(r, runners, failed);
    touched.length = 0;
    if (options.pace) await options.pace();
  }
  const summaries = new Map<PackMember, PackDetectionSummary>();
  // Past the memory budget nothing was held: those members run on their own after the scan (runPack).
  const ranOnTheirOwn = held?.events === null ? [...heldMembers] : [];
  if (held?.events) for (const member of heldMembers) {
    // A replay the held events cannot serve (pack-held-run.ts): that member re-reads the inputs too.
    const summary = runHeldMember(member, held.events, heldFilter!, emit, zone, failed);
    if (summary === REREAD) ranOnTheirOwn.push(member);
    else if (summary) summaries.set(member, summary);
  }
  for (const r of [...runners]) {
    if (!r) continue;
    finish(r, runners, failed);
    if (r.dataset && !r.idle && perDataset[members.indexOf(r.member)] === 1) r.summary.eventsReached = datasetRoutes.reached(r.dataset);
    if (runners.includes(r)) summaries.set(r.member, r.summary);
  }
  return { scan: summarize(stats, 0, results, performance.now() - started), summaries, ranOnTheirOwn };
}

/** Build a member's pipeline with a sink that tags its rows. */
function startRunner(
  member: PackMember, onRow: (row: Event, name: string) => void, zone: TimeZone, datasets: SharedDatasets,
): Runner | null {
  const summary: PackDetectionSummary = { name: member.name, rows: 0, eventsReached: 0, eventsMatched: 0, elapsedMs: 0, scan: 'shared' };
  const sink: Stage = {
    push: (row) => {
      summary.rows++;
      onRow(row, member.name);
    },
    end: () => undefined,
  };
  const { pipeline } = member.query;
  const base = { member, summary, matchedBefore: pipeline.counters.matched, pending: [], dead: false, idle: false };
  if (pipeline.datasetInput) {
    const dataset = datasets.view(pipeline.datasetInput);
    const { slot, conditioned } = dataset.addReader(pipeline.datasetInput);
    return { ...base, head: pipeline.datasetInput.factory(sink), gate: null, dataset, slot, conditioned, condition: null };
  }
  const first = firstSearchFilter(member.query.ast, zone, member.query.now);
  const condition = first ? necessaryCondition(firstSearchExpr(member)) : null;
  return { ...base, head: pipeline.factory(sink), gate: inputGate(member.query.ast, zone, member.query.now), dataset: null, slot: -1, conditioned: false, condition };
}

/** The first command's search expression (when the first search filter exists, it is this expression). */
function firstSearchExpr(member: PackMember): SearchExpr | null {
  const first = member.query.ast.commands[0];
  return first && first.kind === 'search' ? first.expr ?? null : null;
}

/** Push a runner's pending events; a run-time failure takes it out of the pack (recorded), the others go on. */
function feed(r: Runner, runners: (Runner | null)[], failed: PackFailure[]): void {
  const started = performance.now();
  try {
    for (const ev of r.pending) r.head!.push(ev);
  } catch (error) {
    drop(r, runners, failed, error);
  } finally {
    r.pending.length = 0;
    r.summary.elapsedMs += performance.now() - started;
  }
}

/** End a runner's pipeline (commands that hold events emit here) and count what its first search matched. */
function finish(r: Runner, runners: (Runner | null)[], failed: PackFailure[]): void {
  const started = performance.now();
  try {
    r.head!.end();
  } catch (error) {
    drop(r, runners, failed, error);
  } finally {
    r.member.query.pipeline.run.prepared = null;
    r.member.query.pipeline.run.inputs = null;
    r.summary.eventsMatched = r.member.query.pipeline.counters.matched - r.matchedBefore;
    r.summary.elapsedMs += performance.now() - started;
  }
}

function drop(r: Runner, runners: (Runner | null)[], failed: PackFailure[], error: unknown): void {
  r.dead = true;
  const at = runners.indexOf(r);
  if (at >= 0) runners[at] = null;
  r.member.query.pipeline.run.prepared = null;
  r.member.query.pipeline.run.inputs = null;
  failed.push({ name: r.member.name, file: r.member.file, message: failureText(error, r.member.query.text), error });
}
