// The test cases of one detection: its `tests:` (attack data mapped under --data-root), or the --data override.
import { existsSync } from 'node:fs';
import type { AttackData, Detection } from '../detection.js';
import { locateAttackData } from './data-path.js';
import type { ReplayFile, TestCase } from './types.js';

/** Data given on the command line, replacing the detection's own `tests:`. */
export interface DataOverride {
  files: string[];
  source?: string;
  sourcetype?: string;
}

export interface CasePlanOptions {
  dataRoot?: string;
  /** Let attack_data paths lead outside the data root (absolute paths, `..`). */
  allowOutsideDataRoot?: boolean;
  /** When set (non-empty `files`), the detection runs once over these files instead of its `tests:`. */
  override?: DataOverride;
}

/** The cases to run for `detection`; a case whose data is not there carries a `skipReason` and never passes. */
export function planCases(detection: Detection, opts: CasePlanOptions): TestCase[] {
  const override = opts.override;
  if (override && override.files.length > 0) {
    const files = override.files.map((path) => replayFile(path, override.source, override.sourcetype));
    return [withMissingFiles({ detection, name: 'command-line data', files })];
  }
  const tests = detection.tests ?? [];
  if (tests.length === 0) return [{ detection, name: 'no tests', files: [], skipReason: 'the detection has no tests: and no --data was given' }];
  return tests.map((test, i) => {
    const name = test.name ?? `test ${i + 1}`;
    if (test.attack_data.length === 0) return { detection, name, files: [], skipReason: 'the test lists no attack_data' };
    return fromAttackData(detection, name, test.attack_data, opts.dataRoot, opts.allowOutsideDataRoot ?? false);
  });
}

function fromAttackData(detection: Detection, name: string, data: AttackData[], dataRoot: string | undefined, allowOutside: boolean): TestCase {
  const files: ReplayFile[] = [];
  for (const item of data) {
    const location = locateAttackData(item.data, dataRoot, allowOutside);
    if ('unmapped' in location) return { detection, name, files, skipReason: location.unmapped };
    files.push(replayFile(location.path, item.source, item.sourcetype));
  }
  return withMissingFiles({ detection, name, files });
}

function replayFile(path: string, source: string | undefined, sourcetype: string | undefined): ReplayFile {
  const file: ReplayFile = { path };
  if (source) file.source = source;
  if (sourcetype) file.sourcetype = sourcetype;
  return file;
}

function withMissingFiles(testCase: TestCase): TestCase {
  const missing = testCase.files.find((f) => !existsSync(f.path));
  return missing ? { ...testCase, skipReason: `data file not found: ${missing.path}` } : testCase;
}
