// Micro-benchmark (not a test): projected decode of ~1 KB Windows-like lines, JSON.parse path vs scanning path.
// Run: npx tsx bench/decode-bench.ts [lineCount]
import { createDecoder, isDecodeError, type Decoder } from '../src/input/json/decode.js';
import type { RawRecord } from '../src/input/sources/raw-record.js';
import { generateWindowsEvents } from '../src/sample/windows-events.js';
import { getZone } from '../src/time/zone.js';

const LINE_COUNT = Number(process.argv[2] ?? 200_000);
const ROUNDS = 5;
const FIELDS = new Set(['sourcetype', 'EventCode']);

/** Lines as the NDJSON reader makes them: decoded from UTF-8 (flat strings; JSON.stringify gives cons strings). */
function makeRecords(count: number): RawRecord[] {
  const records: RawRecord[] = [];
  for (const event of generateWindowsEvents({ seed: 7, count })) {
    const text = Buffer.from(JSON.stringify(event), 'utf8').toString('utf8');
    records.push({ text, file: 'bench.json', line: records.length + 1 });
  }
  return records;
}

/**
 * Decodes every record once; returns the CPU seconds used (user + system), which unlike wall time does not
 * count time the process waited for a core on a busy machine. Fails loudly on a decode error.
 */
function decodeAll(decode: Decoder, records: RawRecord[]): number {
  const started = process.cpuUsage();
  let kept = 0;
  for (const rec of records) {
    const result = decode(rec);
    if (isDecodeError(result)) throw new Error(`decode error: ${result.message}`);
    if (result.has('EventCode')) kept++;
  }
  if (kept !== records.length) throw new Error(`EventCode missing from ${records.length - kept} events`);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** Best MB/s over the rounds (the first round also warms the JIT). */
function measure(label: string, decode: Decoder, records: RawRecord[], bytes: number): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) best = Math.min(best, decodeAll(decode, records));
  const mbPerSecond = bytes / 1e6 / best;
  console.log(`${label.padEnd(28)} ${mbPerSecond.toFixed(0).padStart(6)} MB/s  (${best.toFixed(3)} CPU s)`);
  return mbPerSecond;
}

const records = makeRecords(LINE_COUNT);
const bytes = records.reduce((sum, rec) => sum + Buffer.byteLength(rec.text), 0);
const meanLine = (bytes / records.length).toFixed(0);
console.log(`${records.length} lines, ${(bytes / 1e6).toFixed(1)} MB, mean ${meanLine} B/line`);
const zone = getZone('UTC');
const parseDecoder = createDecoder({ zone, fields: FIELDS, validate: true });
const parsePath = measure('JSON.parse path (validate)', parseDecoder, records, bytes);
const scanPath = measure('scan path', createDecoder({ zone, fields: FIELDS }), records, bytes);
console.log(`speed-up: ${(scanPath / parsePath).toFixed(2)}x`);
