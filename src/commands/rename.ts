// `rename a AS b, x* AS y*`: rename fields; the target is overwritten (or removed when the source is absent).
import type { RenameCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import type { Event } from '../runtime/event.js';
import { compileNamePattern, fillPattern, type NamePattern } from './wildcard-names.js';
import { ownString } from '../util/own-string.js';

type Renamer = (ev: Event) => void;

function compilePair(from: string, to: string, span: RenameCommand['span']): Renamer {
  const source = compileNamePattern(from);
  const stars = (s: string) => (s.match(/\*/g) ?? []).length;
  if (stars(from) !== stars(to)) {
    throw new SplError('bad-argument', `rename: wildcard mismatch: "${from}" and "${to}" must have the same number of *`, span);
  }
  if (!source.hasWildcard) {
    // Splunk: renaming a missing field removes an existing target (rename cannot merge fields).
    return (ev) => ev.rename(from, to);
  }
  const targetOf = wildcardTargets(source, to);
  return (ev) => {
    const moves: Array<[string, string]> = [];
    for (const name of ev.names()) {
      const target = targetOf(name);
      if (target !== null) moves.push([name, target]);
    }
    ev.renameMany(moves);
  };
}

/** Names remembered per wildcard pair; past it the memo starts over. */
const TARGET_MEMO = 1024;

/**
 * A wildcard pair's target name for a field name (null: the pattern does not match it), remembered: the rows of a
 * table share their names (`rename Processes.* AS *` after a tstats matched and filled each name on every row).
 */
function wildcardTargets(source: NamePattern, to: string): (name: string) => string | null {
  const memo = new Map<string, string | null>();
  return (name) => {
    let target = memo.get(name);
    if (target === undefined) {
      const caps = source.match(name);
      target = caps ? fillPattern(to, caps) : null;
      if (memo.size >= TARGET_MEMO) memo.clear();
      // A copy as the key: a name read from the input may be a slice of its whole line, which the memo would keep.
      memo.set(ownString(name), target);
    }
    return target;
  };
}

export const renameCommand: CommandDef<RenameCommand> = {
  names: ['rename'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'the renamed field keeps its position',
  compile(node) {
    const renamers = node.pairs.map((p) => compilePair(p.from.name, p.to.name, p.span));
    const wildcard = node.pairs.some((p) => p.from.name.includes('*'));
    return {
      kind: 'streaming',
      reads: wildcard ? null : node.pairs.map((p) => p.from.name),
      factory: (next) => ({
        push: (ev) => {
          for (const r of renamers) r(ev);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
