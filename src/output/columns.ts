// The result columns a query names at its end (`table a b`, `fields a b`), so a CSV of no rows still has its header.
import type { Command, Pipeline } from '../ast.js';

/** Commands that keep their input's columns (they only filter, order or cut rows). */
const KEEPS_COLUMNS = new Set(['search', 'where', 'head', 'sort', 'tail', 'dedup', 'reverse', 'regex', 'uniq']);

function commandName(c: Command): string {
  return c.kind === 'generic' ? c.name.toLowerCase() : c.kind;
}

/** The columns of the query's results when its last shaping command names them all (no wildcards); else undefined. */
export function knownColumns(ast: Pipeline): string[] | undefined {
  for (let i = ast.commands.length - 1; i >= 0; i--) {
    const c = ast.commands[i]!;
    if (c.kind === 'table' || (c.kind === 'fields' && c.mode === '+')) {
      const names = c.fields.map((f) => f.name);
      return names.length > 0 && !names.some((n) => n.includes('*')) ? [...new Set(names)] : undefined;
    }
    if (!KEEPS_COLUMNS.has(commandName(c))) return undefined;
  }
  return undefined;
}
