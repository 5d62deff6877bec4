// Small glob matcher for input paths: `*` and `?` within one path segment, `**` across any number of folders.
import { cannotRead } from './input-error.js';
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';

type Segment = { kind: 'globstar' } | { kind: 'name'; matches: RegExp; hiddenOk: boolean };

/** True when a path argument contains glob syntax (`*` or `?`). */
export function isGlob(arg: string): boolean {
  return arg.includes('*') || arg.includes('?');
}

/** The regular expression for one path segment: `*` any run, `?` one character, never crossing `/`. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const ch of segment) {
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Files matching `pattern`, sorted, without duplicates. Hidden names match only a pattern segment starting with `.`. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex(isGlob);
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '' : baseParts.join('/') || '/';
  const segments = parts.slice(firstGlob).filter((p) => p !== '').map(compileSegment);
  const found = new Set<string>();
  await walk(base, segments, 0, found);
  return [...found].sort(compareNames);
}

/** Plain code-unit order, independent of locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compileSegment(part: string): Segment {
  if (part === '**') return { kind: 'globstar' };
  return { kind: 'name', matches: segmentRegExp(part), hiddenOk: part.startsWith('.') };
}

async function walk(dir: string, segments: Segment[], index: number, found: Set<string>): Promise<void> {
  const segment = segments[index]!;
  const last = index === segments.length - 1;
  const entries = await listDir(dir);
  if (segment.kind === 'globstar') {
    if (last) return collectAllFiles(dir, entries, found);
    await walk(dir, segments, index + 1, found);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(join(dir, entry.name), segments, index, found);
    }
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') && !segment.hiddenOk) continue;
    if (!segment.matches.test(entry.name)) continue;
    const path = dir === '' ? entry.name : join(dir, entry.name);
    if (last) {
      if (await isFile(entry, path)) found.add(path);
    } else if (entry.isDirectory()) {
      await walk(path, segments, index + 1, found);
    }
  }
}

/** Every non-hidden file below `dir` (recursively), sorted by path. */
export async function filesUnder(dir: string): Promise<string[]> {
  const found = new Set<string>();
  await collectAllFiles(dir, await listFolder(dir), found);
  return [...found].sort(compareNames);
}

/**
 * Entries of a folder given as input (or inside one), sorted by name. Unlike a glob's folders, an unreadable one is
 * an input error naming it: its events would otherwise be lost without a word (issue 16 point 6).
 */
async function listFolder(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
    return entries.sort((a, b) => compareNames(a.name, b.name));
  } catch (err) {
    throw cannotRead(dir, err);
  }
}

async function collectAllFiles(dir: string, entries: Dirent[], found: Set<string>): Promise<void> {
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = dir === '' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) await collectAllFiles(path, await listFolder(path), found);
    else if (await isFile(entry, path)) found.add(path);
  }
}

/** Entries of a folder sorted by name; an unreadable folder has none (a glob simply does not match there). */
async function listDir(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir === '' ? '.' : dir, { withFileTypes: true });
    return entries.sort((a, b) => compareNames(a.name, b.name));
  } catch {
    return [];
  }
}

/** A regular file, or a symbolic link to one. */
async function isFile(entry: Dirent, path: string): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
