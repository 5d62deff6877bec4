// A pack member whose rows cannot depend on its input events: an inner join in its main pipeline whose pre-run subsearch found no rows drops every event that reaches it.
import type { GenericArg, GenericCommand } from '../ast.js';
import type { PackMember } from './pack-compile.js';

/** The join's `type=` (inner when absent), as join.ts reads it. */
function joinType(node: GenericCommand): string {
  for (const clause of node.clauses) {
    for (const arg of clause.args) {
      if (arg.kind === 'assign' && arg.name.toLowerCase() === 'type' && arg.op === '=' && arg.value.kind === 'word') return arg.value.text.toLowerCase();
    }
  }
  return 'inner';
}

/** The join's own subsearch pipeline (a subsearch argument at its top level). */
function joinSubsearch(node: GenericCommand): (GenericArg & { kind: 'subsearch' }) | null {
  for (const clause of node.clauses) for (const arg of clause.args) if (arg.kind === 'subsearch') return arg;
  return null;
}

/**
 * True when some top-level `join` of the member is an inner join whose subsearch was pre-run (run.prepared) and
 * found no rows. Every event its pipeline makes flows through that join, which drops it (no right-side row can
 * match), so the member's rows are those of its pipeline ended without any input event: the pack may end it
 * without feeding it. (What differs from its single run is only what happens before the join: its counters, and a
 * run-time error there, which the single run would report.)
 */
export function emptyInnerJoin(member: PackMember): boolean {
  const { pipeline, ast } = member.query;
  const prepared = pipeline.run.prepared;
  if (!prepared) return false;
  for (const command of ast.commands) {
    if (command.kind !== 'generic' || command.name !== 'join' || joinType(command) !== 'inner') continue;
    const arg = joinSubsearch(command);
    if (!arg) continue;
    const sub = pipeline.subsearches.find((s) => s.ast === arg.pipeline && s.prerun?.command === 'join');
    const rows = sub ? prepared.get(sub) : undefined;
    if (rows !== undefined && rows.length === 0) return true;
  }
  return false;
}
