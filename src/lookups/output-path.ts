// Where outputlookup may write: a plain file name (or relative path) inside the lookups folder the user named.
import fs from 'node:fs';
import path from 'node:path';
import type { Span } from '../ast.js';
import { SplError } from '../errors.js';

/**
 * The file `name` denotes inside `dir`. Absolute paths, `..` segments and anything resolving outside `dir` are refused,
 * as Splunk keeps lookups inside an app's lookups folder; no folder at all means outputlookup cannot write.
 */
export function outputPathIn(dir: string | undefined, name: string, span?: Span): string {
  if (dir === undefined) {
    throw new SplError('lookup-path', `outputlookup: no lookups folder to write ${name} into: name one with --lookup-dir`, span);
  }
  const segments = name.split(/[\\/]/);
  if (path.isAbsolute(name) || path.win32.isAbsolute(name) || segments.includes('..') || name.trim() === '') {
    throw new SplError('lookup-path', `outputlookup: "${name}" is outside the lookups folder: give a file name inside --lookup-dir`, span);
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, name);
  if (!inside(root, file) || escapesBySymlink(root, file)) {
    throw new SplError('lookup-path', `outputlookup: "${name}" is outside the lookups folder: give a file name inside --lookup-dir`, span);
  }
  return file;
}

function inside(root: string, file: string): boolean {
  return file.startsWith(root + path.sep);
}

/** A symbolic link on the way (the file itself, or a folder inside the lookups folder) could lead outside it. */
function escapesBySymlink(root: string, file: string): boolean {
  if (!fs.existsSync(root)) return false;
  const realRoot = fs.realpathSync(root);
  for (let p = file; p !== root && inside(root, p); p = path.dirname(p)) {
    if (!fs.existsSync(p)) continue;
    if (fs.lstatSync(p).isSymbolicLink() || !inside(realRoot, fs.realpathSync(p))) return true;
  }
  return false;
}
