// Which detection files `splq test` runs: named files as given, folders (recursive) and globs expanded like `run -i`.
import { readFileSync, statSync } from 'node:fs';
import { SplError } from '../errors.js';
import { expandGlob, filesUnder, isGlob } from '../input/sources/glob.js';

/** The detections to run, in order, and the YAML files a folder or glob held that are not detections. */
export interface ResolvedDetections {
  files: string[];
  /** YAML files without a top-level `search:` key (macros, lookups' definitions) found in folders or globs. */
  notDetections: string[];
}

const YAML = /\.ya?ml$/i;

/** A file is a detection when it has a top-level `search:` key (read as text: some corpus YAML is not valid further down). */
function isDetection(path: string): boolean {
  try {
    return /^search\s*:/m.test(readFileSync(path, 'utf8'));
  } catch {
    return true; // unreadable: keep it, so the run reports it as an error rather than dropping it
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Each argument in turn: a folder gives its `.yml`/`.yaml` files (recursive, sorted), a glob its sorted `.yml`/`.yaml`
 * matches; from both, files that are not detections are set aside. A named file is kept as given (a missing or
 * broken one is reported as an error by the run). A folder or glob with no detection in it is a usage error.
 */
export async function resolveDetections(args: readonly string[]): Promise<ResolvedDetections> {
  const files: string[] = [];
  const notDetections: string[] = [];
  for (const arg of args) {
    const folder = isFolder(arg);
    if (!folder && !isGlob(arg)) {
      files.push(arg);
      continue;
    }
    const yaml = (folder ? await filesUnder(arg) : await expandGlob(arg)).filter((f) => YAML.test(f));
    const detections = yaml.filter(isDetection);
    notDetections.push(...yaml.filter((f) => !detections.includes(f)));
    if (detections.length === 0) throw new SplError('usage', `no detection YAML (a .yml file with a search: key) ${folder ? 'in folder' : 'matches'} ${arg}`);
    files.push(...detections);
  }
  return { files: [...new Set(files)], notDetections };
}
