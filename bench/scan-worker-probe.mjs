// What a scan-only second thread would cost: the module's line scan (literal "binding") over a file's halves.
// Usage (after `npm run build`): node bench/scan-worker-probe.mjs single|both|main|worker <file.ndjson>
//   single: the main thread scans both halves; both: a worker started from this small file scans the first half
//   while the main thread scans the second; main / worker: the first half only, on the main thread or in a worker
//   (main waits). Pieces of 64 KiB read into the module's memory, as the reader does; no decoding, no pipeline.
//   Compare the process CPU of `both` with `single` (docs/benchmarks.md, Session 9: floor3).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { pieceLineScan, leaseModuleReadBuffers, LINE_LITERAL, LINE_FLAT } from '../dist/src/input/json/line-runs-wasm.js';
import { releaseReadBuffers } from '../dist/src/input/json/line-runs-module.js';

/** Scans the lines of file[from, to) (from need not be a line start); counts lines with the literal and malformed ones. */
function scanRange(file, from, to) {
  const [buf] = leaseModuleReadBuffers(1, 1 << 20);
  const fd = openSync(file, 'r');
  let pos = from, carry = 0, hits = 0, bad = 0;
  while (pos < to) {
    const n = readSync(fd, buf, carry, Math.min(buf.length - carry, to - pos), pos);
    if (n <= 0) break;
    pos += n;
    const len = carry + n;
    const last = buf.lastIndexOf(10, len - 1);
    for (let start = 0; start < last; ) {
      let end = buf.indexOf(10, Math.min(start + 65536, last));
      if (end < 0 || end > last) end = last;
      const scan = pieceLineScan(buf, start, end, 'binding');
      for (let k = scan.next(); k > 0; k = scan.next()) for (let i = 0; i < k; i++) { const e = scan.entries[i]; if (e & LINE_LITERAL) hits++; if (!(e & LINE_FLAT)) bad++; }
      start = end + 1;
    }
    carry = len - (last + 1);
    buf.copy(buf, 0, last + 1, len);
  }
  closeSync(fd);
  releaseReadBuffers();
  return { hits, bad };
}
if (isMainThread) {
  const [mode, file] = process.argv.slice(2);
  const half = Math.floor(statSync(file).size / 2);
  if (mode === 'main') console.log(JSON.stringify(scanRange(file, 0, half)));
  else if (mode === 'single') console.log(JSON.stringify([scanRange(file, 0, half), scanRange(file, half, statSync(file).size)]));
  else if (mode === 'both') {
    const w = new Worker(new URL(import.meta.url), { workerData: { file, half } });
    const mine = scanRange(file, half, statSync(file).size);
    w.on('message', (m) => { console.log(JSON.stringify([m, mine])); w.terminate(); });
  } else {
    const w = new Worker(new URL(import.meta.url), { workerData: { file, half } });
    w.on('message', (m) => { console.log(JSON.stringify(m)); w.terminate(); });
  }
} else {
  parentPort.postMessage(scanRange(workerData.file, 0, workerData.half));
}
