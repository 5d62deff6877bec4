// A command's facts live on its CommandDef: no per-command name lists in the parallel planner or the parse errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { splitPipeline } from '../../src/parallel/split.js';
import { compile } from '../../src/query.js';
import { REPO } from '../helpers/cli.js';

const names = COMMANDS.flatMap((def) => def.names);

function quotedNamesIn(file: string): string[] {
  // Type-level indexing such as `X['fields']` is a property name, and `.kind !== 'stats'` an AST node kind (a type
  // guard), not a list of command names.
  const text = readFileSync(join(REPO, file), 'utf8').replace(/\w\['\w+'\]/g, '').replace(/kind [!=]== '\w+'/g, '');
  return names.filter((name) => text.includes(`'${name}'`));
}

describe('commands own their facts', () => {
  it('src/parallel/ and src/parse/errors.ts name no command', () => {
    const files = readdirSync(join(REPO, 'src/parallel')).map((f) => `src/parallel/${f}`).concat('src/parse/errors.ts');
    for (const file of files) expect(quotedNamesIn(file), file).toEqual([]);
  });
  it('the thread split follows each definition: per-event commands go to workers, a serial one stops the prefix', () => {
    const perEvent = COMMANDS.filter((d) => d.threads === 'per-event').map((d) => d.names[0]);
    expect(perEvent).toEqual(expect.arrayContaining(['search', 'eval', 'rex', 'where']));
    const q = compile('search x | eval y=1 | rex field=y "(?<z>.)" | sort y | eval w=2');
    expect(splitPipeline(q.ast, q.pipeline)?.prefixLength).toBe(3);
    const s = compile('search x | eval y=1 | stats count by y');
    expect(splitPipeline(s.ast, s.pipeline)?.partialStats?.command).toBe('stats');
  });
  it('every definition has a kind and names, and no name is registered twice', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const def of COMMANDS) expect(def.names.length).toBeGreaterThan(0);
  });
});
