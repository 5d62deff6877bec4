// A pack result's rows of one detection, without the `detection` field, as JSON texts: to compare with its single run.
import type { PackResult } from '../../src/scan/pack.js';

/** The rows `name` gave in the pack, each as the JSON text of its fields without `detection`, in order. */
export function detectionRows(result: PackResult, name: string): string[] {
  return result.rows.filter((r) => r.get('detection') === name).map((r) => {
    const { detection: _d, ...rest } = r.toObject();
    return JSON.stringify(rest);
  });
}
