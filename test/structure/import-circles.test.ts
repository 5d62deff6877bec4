// No import circles in src/ (relative imports, `import type` included); the check itself finds a planted circle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeCircles, findImportCircles, importedSpecifiers } from '../../scripts/import-circles.js';
import { REPO } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'splq-circles-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of .ts files from a map of relative path to text. */
function tree(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import circles', () => {
  for (const folder of ['src', 'grammar']) {
    it(`there are none in ${folder}/`, () => {
      const circles = findImportCircles(join(REPO, folder), REPO);
      expect(describeCircles(circles), 'break the circle: move the shared piece into a file both can import').toBe('');
    });
  }

  it('finds a circle closed by an `import type`, through an index.ts, and names its files', () => {
    const root = tree('typed', {
      'a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'b.ts': "import type { C } from './c/index.js';\nexport const b = 1 as unknown as C;\n",
      'c/index.ts': "export { type C } from '../d.js';\n",
      'd.ts': "import { a } from './a.js';\nexport type C = ReturnType<typeof a>;\n",
      'leaf.ts': "import { a } from './a.js';\nexport const leaf = a;\n",
    });
    const circles = findImportCircles(root);
    expect(circles.map((c) => c.circle)).toEqual([['a.ts', 'b.ts', 'c/index.ts', 'd.ts', 'a.ts']]);
    expect(describeCircles(circles)).toBe('import circle: a.ts → b.ts → c/index.ts → d.ts → a.ts');
  });

  it('reports each knot once, with the files of a larger knot beyond the shortest circle', () => {
    const root = tree('knots', {
      'x.ts': "import './y.js';\n",
      'y.ts': "import './x.js';\nimport './z.js';\n",
      'z.ts': "export * from './y.js';\n",
      'p.ts': "import p from './p.js';\nexport default p;\n",
      'q.ts': "import { x } from 'node:path';\nconst later = () => import('./x.js');\nexport { x, later };\n",
    });
    expect(findImportCircles(root)).toEqual([
      { circle: ['p.ts', 'p.ts'], knot: ['p.ts'] },
      { circle: ['x.ts', 'y.ts', 'x.ts'], knot: ['x.ts', 'y.ts', 'z.ts'] },
    ]);
  });

  it('reads import and export-from declarations, not dynamic imports or words in strings and comments', () => {
    const text = [
      "import type { T } from './t.js';",
      "// import { no } from './comment.js';",
      "export { u } from './u.js';",
      "const s = \"import { no } from './string.js'\";",
      "const lazy = () => import('./dynamic.js');",
    ].join('\n');
    expect(importedSpecifiers(text)).toEqual(['./t.js', './u.js']);
  });
});
