// Import circles among TypeScript files: the import graph of a folder (relative imports, `import type` too) and its cycles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Every .ts file under `dir` (recursive), as absolute paths, sorted. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return tsFiles(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
}

/**
 * The module specifiers a file loads when it is loaded: `import` and `export ... from` declarations, type-only
 * ones included (they still tie the files together for a reader). A dynamic `import()` is not followed.
 * TypeScript's pre-processing scanner finds them (comments and strings are skipped) without a full parse.
 */
export function importedSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, false)
    .importedFiles.filter((ref) => !/\bimport\s*\(\s*$/.test(text.slice(Math.max(0, ref.pos - 40), ref.pos)))
    .map((ref) => ref.fileName);
}

/** The .ts file a relative specifier names (`./x.js` → x.ts, `./dir` → dir/index.ts), or undefined. */
function resolveRelative(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((path) => path.endsWith('.ts') && existsSync(path));
}

/** The import graph of the .ts files under `dir`: each file to the files of that folder it imports. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = tsFiles(dir);
  const inside = new Set(files);
  for (const file of files) {
    const targets = importedSpecifiers(readFileSync(file, 'utf8'))
      .map((spec) => resolveRelative(file, spec))
      .filter((target): target is string => target !== undefined && inside.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with a cycle (Tarjan), each as its files. */
function circularComponents(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One concrete circle inside a component, from its first file (by name) back to it. */
function circleThrough(graph: Map<string, string[]>, component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  // Breadth-first from start inside the component, until an edge leads back to start: the shortest circle.
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** An import circle: a shortest path from a file back to itself, and every file tied into the same knot. */
export interface ImportCircle {
  /** Paths relative to the root, ending where it starts: [a, b, a]. */
  circle: string[];
  /** All files of the knot (its strongly connected component), sorted; more than the circle when knots overlap. */
  knot: string[];
}

/** Every import circle under `dir` (one per knot), with paths relative to `root`. */
export function findImportCircles(dir: string, root = dir): ImportCircle[] {
  const graph = importGraph(dir);
  return circularComponents(graph)
    .map((component) => ({
      circle: circleThrough(graph, component).map((file) => relative(root, file)),
      knot: component.map((file) => relative(root, file)).sort(),
    }))
    .sort((a, b) => a.circle[0]!.localeCompare(b.circle[0]!));
}

/** The message for a list of circles: one line each, `a.ts → b.ts → a.ts`, and the rest of a larger knot. */
export function describeCircles(circles: ImportCircle[]): string {
  return circles
    .map(({ circle, knot }) => {
      const others = knot.filter((file) => !circle.includes(file));
      return `import circle: ${circle.join(' → ')}${others.length ? ` (same knot: ${others.join(', ')})` : ''}`;
    })
    .join('\n');
}

// `npx tsx scripts/import-circles.ts [folder...]` (default src): print the circles, exit 1 if there is any.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src'];
  const circles = folders.flatMap((folder) => findImportCircles(resolve(folder), root));
  if (circles.length > 0) {
    console.error(describeCircles(circles));
    process.exit(1);
  }
  console.log(`no import circles in ${folders.join(', ')}`);
}
