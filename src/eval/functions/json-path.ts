// Splunk JSON paths (`a.b{0}.c`, `{}` for every array element): parsing, selecting, setting and deleting.
import { isObject } from '../../util/is-object.js';

export type PathStep = { type: 'key'; key: string } | { type: 'index'; index: number } | { type: 'all' };

/** Parse a path; throws a plain Error for malformed braces. The empty path selects the root. */
export function parseJsonPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    let key = '';
    while (i < path.length && path[i] !== '.' && path[i] !== '{') key += path[i++];
    if (key !== '') steps.push({ type: 'key', key });
    while (path[i] === '{') {
      const close = path.indexOf('}', i);
      const inner = close < 0 ? null : path.slice(i + 1, close);
      if (inner === null || !/^(-?\d+)?$/.test(inner)) throw new Error(`malformed array index in path "${path}"`);
      steps.push(inner === '' ? { type: 'all' } : { type: 'index', index: Number(inner) });
      i = close + 1;
    }
    if (path[i] === '.') i++;
  }
  return steps;
}


function hasOwn(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Define an own property (safe for keys like `__proto__`). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

function arrayIndex(array: unknown[], index: number): number {
  return index < 0 ? array.length + index : index;
}

/** Every value the path reaches (several only through `{}`). */
export function selectPath(root: unknown, steps: PathStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const node of current) {
      if (step.type === 'key') {
        if (isObject(node) && hasOwn(node, step.key)) next.push(node[step.key]);
      } else if (Array.isArray(node)) {
        if (step.type === 'all') next.push(...node);
        else {
          const i = arrayIndex(node, step.index);
          if (i >= 0 && i < node.length) next.push(node[i]);
        }
      }
    }
    current = next;
  }
  return current;
}

/** The container holding the last step and that step, creating missing objects on the way when `create`. */
function parentOf(root: unknown, steps: PathStep[], create: boolean): { parent: unknown; last: PathStep } | null {
  if (steps.length === 0 || steps.some((s) => s.type === 'all')) return null;
  let node = root;
  for (const step of steps.slice(0, -1)) {
    if (step.type === 'key' && isObject(node)) {
      if (!hasOwn(node, step.key) && create) setOwn(node, step.key, {});
      node = hasOwn(node, step.key) ? node[step.key] : undefined;
    } else if (step.type === 'index' && Array.isArray(node)) {
      node = node[arrayIndex(node, step.index)];
    } else {
      return null;
    }
  }
  return { parent: node, last: steps[steps.length - 1]! };
}

/** Set the value at a path (creating missing object keys; an array index may append at the end). */
export function setPath(root: unknown, steps: PathStep[], value: unknown): boolean {
  const found = parentOf(root, steps, true);
  if (found === null) return false;
  const { parent, last } = found;
  if (last.type === 'key' && isObject(parent)) setOwn(parent, last.key, value);
  else if (last.type === 'index' && Array.isArray(parent)) {
    const i = arrayIndex(parent, last.index);
    if (i < 0 || i > parent.length) return false;
    parent[i] = value;
  } else return false;
  return true;
}

/** Remove the key or array element at a path. */
export function deletePath(root: unknown, steps: PathStep[]): void {
  const found = parentOf(root, steps, false);
  if (found === null) return;
  const { parent, last } = found;
  if (last.type === 'key' && isObject(parent)) delete parent[last.key];
  else if (last.type === 'index' && Array.isArray(parent)) {
    const i = arrayIndex(parent, last.index);
    if (i >= 0 && i < parent.length) parent.splice(i, 1);
  }
}
