// Shared shapes of `splq test`: test cases (what to replay) and their outcomes (what happened).
import type { Detection } from '../detection.js';

/** One data file to replay, with the metadata Splunk would have indexed it under. */
export interface ReplayFile {
  path: string;
  /** The `source` every replayed event gets; undefined keeps what the reader or preset gives. */
  source?: string;
  /** The `sourcetype` every replayed event gets; undefined keeps what the reader or preset gives. */
  sourcetype?: string;
}

/** One test of one detection: replay `files`, run the search, judge the results. */
export interface TestCase {
  detection: Detection;
  /** The test's name from `tests[].name`, or a generated one. */
  name: string;
  files: ReplayFile[];
  /** Set when the case cannot run (a data file is missing, no test data at all). */
  skipReason?: string;
}

export type TestStatus = 'pass' | 'fail' | 'skip' | 'error';

export interface TestOutcome {
  /** The detection file, or the path given when it could not be read. */
  file: string;
  /** The detection's name (or the file when unreadable). */
  detectionName: string;
  testName: string;
  status: TestStatus;
  /** Why it failed, was skipped or errored; for a pass, a short description of what was found. */
  reason: string;
  /** Result rows the detection produced (0 when it did not run). */
  results: number;
  eventsRead: number;
  /** Malformed input records skipped while replaying, as `file:line: message` (the first few). */
  malformed: string[];
  malformedCount: number;
  seconds: number;
}
