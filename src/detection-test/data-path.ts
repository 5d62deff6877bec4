// Where a detection's `attack_data` file lives offline: splunk/attack_data URLs map to `<data-root>/datasets/...`.
import { isAbsolute, join } from 'node:path';

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
 * taken as is when absolute, else under the data root.
 */
export function locateAttackData(data: string, dataRoot: string | undefined): DataLocation {
  const url = parseUrl(data);
  if (url === undefined) {
    if (isAbsolute(data)) return { path: data };
    return dataRoot === undefined ? { unmapped: `${data} is a relative path and no --data-root was given` } : { path: join(dataRoot, data) };
  }
  const match = ATTACK_DATA_PATH.exec(url.pathname);
  if (match === null) return { unmapped: `${data} is not a splunk/attack_data URL, so it has no place under --data-root` };
  if (dataRoot === undefined) return { unmapped: `no --data-root given for ${data}` };
  return { path: join(dataRoot, ...match[1]!.split('/').map(decodeSegment)) };
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
