// Where a detection's `attack_data` file lives offline: splunk/attack_data URLs map to `<data-root>/datasets/...`.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The local path of a data file, or why there is none. */
export type DataLocation = { path: string } | { unmapped: string };

/**
 * The path inside splunk/attack_data of a download URL, e.g. `datasets/attack_techniques/T1047/x.log` from
 * `https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/...`; the raw.githubusercontent.com
 * and github.com `/raw/` forms map the same way. The branch is ignored (the data root is one checkout).
 */
const ATTACK_DATA_PATH = /^\/(?:media\/)?splunk\/attack_data\/(?:raw\/)?[^/]+\/(datasets\/.+)$/;

/**
 * Map `tests[].attack_data[].data` to a local file. A URL must point into splunk/attack_data; a plain path is
 * relative to the data root. Either way the file must stay under the root (a detection file is input, and must
 * not make splq read and print other files): `..` segments, decoded separators (`..%2F`) and absolute paths are
 * refused unless `allowOutside` (`splq test --allow-outside-data-root`).
 */
export function locateAttackData(data: string, dataRoot: string | undefined, allowOutside = false): DataLocation {
  const url = parseUrl(data);
  if (url === undefined) {
    if (isAbsolute(data)) return allowOutside ? { path: data } : { unmapped: `${data} is an absolute path: refused without --allow-outside-data-root` };
    if (dataRoot === undefined) return { unmapped: `${data} is a relative path and no --data-root was given` };
    return insideRoot(data, join(dataRoot, data), dataRoot, allowOutside);
  }
  const match = ATTACK_DATA_PATH.exec(url.pathname);
  if (match === null) return { unmapped: `${data} is not a splunk/attack_data URL, so it has no place under --data-root` };
  if (dataRoot === undefined) return { unmapped: `no --data-root given for ${data}` };
  const segments = match[1]!.split('/').map(decodeSegment);
  if (!allowOutside && segments.some((segment) => segment === '..' || segment === '.' || /[\\/]/.test(segment))) {
    return { unmapped: `${data} has a '..' or an encoded separator in its path: refused` };
  }
  return insideRoot(data, join(dataRoot, ...segments), dataRoot, allowOutside);
}

/** The path when it resolves inside the root (or outside is allowed), else why it is refused. */
function insideRoot(data: string, path: string, dataRoot: string, allowOutside: boolean): DataLocation {
  if (allowOutside) return { path };
  const within = relative(resolve(dataRoot), resolve(path));
  if (within === '' || within.startsWith('..') || isAbsolute(within)) return { unmapped: `${data} leads outside --data-root: refused without --allow-outside-data-root` };
  return { path };
}

function parseUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A percent-decoded path segment; a malformed escape is kept as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
