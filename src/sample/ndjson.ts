// Streams JSON objects to a file as NDJSON, batching lines into large writes.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

/** Lines are collected until the batch reaches this many characters, then written at once. */
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Write `events` to `path`, one JSON object per line. The file appears complete or not at all:
 * it is written under a temporary name and renamed at the end. Returns the number of bytes written.
 */
export function writeNdjson(path: string, events: Iterable<unknown>): number {
  const partialPath = `${path}.partial`;
  const fd = openSync(partialPath, 'w');
  let bytes = 0;
  try {
    let batch = '';
    for (const event of events) {
      batch += JSON.stringify(event) + '\n';
      if (batch.length >= BATCH_CHARS) {
        bytes += writeSync(fd, batch);
        batch = '';
      }
    }
    if (batch.length > 0) bytes += writeSync(fd, batch);
  } finally {
    closeSync(fd);
  }
  renameSync(partialPath, path);
  return bytes;
}
