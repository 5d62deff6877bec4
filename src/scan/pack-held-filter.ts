// Which events a pack holds for its map members: those their first search keeps, or their replayed searches' constant part can use; each replay is checked against it.
import type { Pipeline, SearchExpr } from '../ast.js';
import { REPLAY_TOKEN } from '../commands/map.js';
import { firstSearchFilter } from '../engine/first-search.js';
import type { Event } from '../runtime/event.js';
import type { TimeZone } from '../time/zone.js';
import type { PackMember } from './pack-compile.js';
import { ConditionIndex, necessaryCondition, type Atom, type Condition } from './pack-conditions.js';

/** The expression of a pipeline's leading search (`search ...` or `| search ...`), or null. */
export function leadingSearch(p: Pipeline | null | undefined): SearchExpr | null {
  const first = p?.commands[0];
  return first?.kind === 'search' ? first.expr ?? null : null;
}

/** Whether the expression mentions the template token (a `$field$` of map's search). */
function mentionsToken(expr: SearchExpr): boolean {
  return JSON.stringify(expr).toLowerCase().includes(REPLAY_TOKEN);
}

/**
 * A necessary condition of a map template's search that does not depend on the row it is filled from: an AND
 * keeps the conjunct with the fewest atoms among those without the token; any other part with the token: none.
 */
export function constantCondition(expr: SearchExpr | null): Condition {
  if (!expr) return null;
  if (!mentionsToken(expr)) return necessaryCondition(expr);
  if (expr.kind !== 'and') return null;
  let best: Atom[] | null = null;
  for (const item of expr.items) {
    const c = constantCondition(item);
    if (c && (!best || c.length < best.length)) best = c;
  }
  return best;
}

/** Whether every value meeting `atom` meets `held` (same field; the same exact text, or a text holding its piece). */
function covers(held: Atom, atom: Atom): boolean {
  if (held.field !== atom.field) return false;
  return held.kind === 'exact' ? atom.kind === 'exact' && atom.text === held.text : atom.text.includes(held.text);
}

/** Whether every event the expression matches meets one of the atoms (an AND: one conjunct does; an OR: each does). */
export function implies(expr: SearchExpr, atoms: readonly Atom[]): boolean {
  if (expr.kind === 'and') return expr.items.some((item) => implies(item, atoms));
  if (expr.kind === 'or') return expr.items.every((item) => implies(item, atoms));
  const own = necessaryCondition(expr);
  return own !== null && own.every((atom) => atoms.some((held) => covers(held, atom)));
}

/** The events a map member's replayed searches can use: an OR over its templates' and subsearches' constant parts; null: any. */
export function replayCondition(member: PackMember): Condition {
  const { pipeline } = member.query;
  const searches = [...pipeline.replayTemplates, ...pipeline.subsearches.filter((s) => !s.generating).map((s) => s.ast ?? null)];
  const atoms: Atom[] = [];
  for (const search of searches) {
    const c = search ? constantCondition(leadingSearch(search)) : null;
    if (!c) return null;
    atoms.push(...c);
  }
  return atoms.length ? atoms : null;
}

/**
 * The filter of the events held for the map members: an event is held when a member's first search keeps it (its
 * search gets those) or its replay condition holds (its replays can use it). A member without either holds all.
 * `covers` tells whether a replayed search is sure to drop every event not held; when not, the member must re-read
 * the inputs (pack.ts runs it on its own).
 */
export class HeldFilter {
  /** Every event is held (some member's search or replays may use any). */
  readonly all: boolean;
  private readonly gates: Array<(ev: Event) => boolean>;
  private readonly atoms: Atom[] = [];
  private readonly index: ConditionIndex;
  private readonly hits: number[] = [];
  private stamp = 0;

  /** The filter of these map members' events (their first searches as gates, their replay conditions in one index). */
  constructor(members: readonly PackMember[], zone: TimeZone) {
    const gates = members.map((m) => firstSearchFilter(m.query.ast, zone, m.query.now)?.test ?? null);
    const conditions = members.map(replayCondition);
    this.all = gates.some((g) => g === null) || conditions.some((c) => c === null);
    this.gates = gates.filter((g): g is (ev: Event) => boolean => g !== null);
    for (const c of conditions) this.atoms.push(...(c ?? []));
    this.index = new ConditionIndex(this.all ? [] : conditions);
  }

  /** Whether the event is held. */
  wants(ev: Event): boolean {
    if (this.all) return true;
    for (const gate of this.gates) if (gate(ev)) return true;
    this.hits.length = 0;
    this.index.match(ev, ++this.stamp, this.hits);
    return this.hits.length > 0;
  }

  /** Whether the held events are all a replay into `subsearch` can use (its leading search implies the held condition). */
  covers(subsearch: Pipeline | undefined): boolean {
    if (this.all) return true;
    const expr = leadingSearch(subsearch);
    return expr !== null && implies(expr, this.atoms);
  }
}
