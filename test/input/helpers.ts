// Test helpers for the input layer: temporary fixture folders and collecting streamed record batches.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileRecords, readRecords, type ByteRange, type ReadOptions } from '../../src/input/sources/records.js';
import type { RawRecord } from '../../src/input/sources/raw-record.js';

/** A temporary folder that tests write fixtures into; `remove()` deletes it. */
export class Fixtures {
  readonly root = mkdtempSync(join(tmpdir(), 'splq-input-'));

  /** Write `content` to `relative` (creating folders); `.gz` names are gzipped. Returns the full path. */
  write(relative: string, content: string | Buffer): string {
    const path = join(this.root, relative);
    mkdirSync(dirname(path), { recursive: true });
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(path, relative.endsWith('.gz') ? gzipSync(bytes) : bytes);
    return path;
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** All records of the inputs, flattened out of their batches. */
export async function collect(inputs: string[], opts: ReadOptions = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of readRecords(inputs, opts)) out.push(...batch);
  return out;
}

/** All records of one file's byte range. */
export async function collectRange(file: string, range: ByteRange, opts: ReadOptions = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of readFileRecords(file, { ...opts, range })) out.push(...batch);
  return out;
}

/** `[line, text]` pairs, the part of a record most tests compare. */
export function linesAndTexts(records: RawRecord[]): Array<[number, string]> {
  return records.map((r) => [r.line, r.text]);
}
