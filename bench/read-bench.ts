// Ways to read a file and hand 64 KiB pieces of whole lines on, each in a fresh process: CPU seconds (user, system), wall, page faults.
// Usage: npx tsx bench/read-bench.ts <file.ndjson> [variant]   (no variant: each variant, or those READ_VARIANTS names
// (separated by ;), in a child process of its own, alternated, 3 rounds; medians)
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const file = process.argv[2]!;
const only = process.argv[3];
const PIECE = 64 * 1024;
const NEWLINE = 10;
/** Stands for the module's memory: where each piece is copied before the scan. */
const target = new Uint8Array(4 << 20);
let lines = 0;

/** What the reader does with each piece: isUtf8, the copy into the module's memory, a newline count (memchr). */
function piece(bytes: Uint8Array, start: number, end: number, copy: boolean): void {
  if (!isUtf8(bytes.subarray(start, end))) lines--;
  if (copy) target.set(bytes.subarray(start, end), 0);
  lines++;
}

/** Cut a chunk's whole lines [0, last newline] into pieces of about PIECE bytes; returns where the carry starts. */
function cut(buffer: Buffer, length: number, copy: boolean): number {
  const last = buffer.lastIndexOf(NEWLINE, length - 1);
  if (last < 0) return 0;
  for (let start = 0; start <= last; ) {
    let end = start + PIECE >= last ? last : buffer.indexOf(NEWLINE, start + PIECE);
    if (end < 0 || end > last) end = last;
    piece(buffer, start, end, copy);
    start = end + 1;
  }
  return last + 1;
}

/** Sync reads into one reused buffer of `size` bytes, the carry moved to its front (the by-hand floor's reader). */
function syncReads(size: number, copy: boolean): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(size);
  let carry = 0;
  for (;;) {
    const n = readSync(fd, buffer, carry, size - carry, null);
    if (n === 0) break;
    const used = cut(buffer, carry + n, copy);
    buffer.copy(buffer, 0, used, carry + n);
    carry = carry + n - used;
  }
  closeSync(fd);
}

/** A chunk's lines: the carried partial line joined with the chunk's first line, then the rest; returns the new carry. */
function chunkLines(carry: Buffer, chunk: Buffer, copy: boolean): Buffer {
  let from = 0;
  if (carry.length > 0) {
    const newline = chunk.indexOf(NEWLINE);
    if (newline < 0) return Buffer.concat([carry, chunk]);
    const line = Buffer.concat([carry, chunk.subarray(0, newline)]);
    piece(line, 0, line.length, copy);
    from = newline + 1;
  }
  const used = from + cut(chunk.subarray(from), chunk.length - from, copy);
  return Buffer.from(chunk.subarray(used));
}

/** Async reads (thread pool) into two reused buffers, the next issued before a chunk is cut (chunks.ts today). */
async function asyncReads(size: number, copy: boolean): Promise<void> {
  const handle = await open(file, 'r');
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let carry: Buffer = Buffer.alloc(0);
  let position = 0;
  let pending = handle.read(buffers[0]!, 0, size, 0);
  for (let turn = 0; ; turn ^= 1) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) break;
    position += bytesRead;
    pending = handle.read(buffers[turn ^ 1]!, 0, size, position);
    carry = chunkLines(carry, buffers[turn]!.subarray(0, bytesRead), copy);
  }
  await handle.close();
}

/** Fresh buffers per read (what a stream does): page faults of new memory. */
async function freshReads(size: number, copy: boolean): Promise<void> {
  const handle = await open(file, 'r');
  let carry: Buffer = Buffer.alloc(0);
  for (let position = 0; ; ) {
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    carry = chunkLines(carry, buffer.subarray(0, bytesRead), copy);
  }
  await handle.close();
}

/** Sync reads into two reused buffers in turn, the carry handled as the async reader does (no copy to the front). */
function syncTwoBuffers(size: number, copy: boolean): void {
  const fd = openSync(file, 'r');
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  let carry: Buffer = Buffer.alloc(0);
  for (let turn = 0; ; turn ^= 1) {
    const n = readSync(fd, buffers[turn]!, 0, size, null);
    if (n === 0) break;
    carry = chunkLines(carry, buffers[turn]!.subarray(0, n), copy);
  }
  closeSync(fd);
}

const variants: Record<string, () => void | Promise<void>> = {
  'async 1 MiB x2 (today), copy': () => asyncReads(1 << 20, true),
  'async 1 MiB x2, no copy': () => asyncReads(1 << 20, false),
  'async 256 KiB x2, copy': () => asyncReads(256 << 10, true),
  'async 2 MiB x2, copy': () => asyncReads(2 << 20, true),
  'async 4 MiB x2, copy': () => asyncReads(4 << 20, true),
  'async 8 MiB x2, copy': () => asyncReads(8 << 20, true),
  'async fresh 1 MiB, copy': () => freshReads(1 << 20, true),
  'sync 1 MiB, copy': () => syncReads(1 << 20, true),
  'sync 1 MiB x2 (carry as today), copy': () => syncTwoBuffers(1 << 20, true),
  'sync 256 KiB, copy': () => syncReads(256 << 10, true),
  'sync 128 KiB, copy': () => syncReads(128 << 10, true),
  'sync 256 KiB, no copy': () => syncReads(256 << 10, false),
};

async function runOne(name: string): Promise<void> {
  const before = process.cpuUsage();
  const wall = performance.now();
  await variants[name]!();
  const cpu = process.cpuUsage(before);
  const res = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ name, user: cpu.user / 1e6, sys: cpu.system / 1e6, wall: (performance.now() - wall) / 1000, minflt: res.minorPageFault, vcs: res.voluntaryContextSwitches, lines })}\n`);
}

if (only !== undefined) {
  await runOne(only);
} else {
  const rows = new Map<string, Array<{ user: number; sys: number; wall: number; minflt: number; vcs: number }>>();
  const self = fileURLToPath(import.meta.url);
  for (let round = 0; round < 3; round++) {
    const chosen = process.env.READ_VARIANTS?.split(';') ?? Object.keys(variants);
    for (const name of chosen) {
      const out = execFileSync(process.execPath, [...process.execArgv, self, file, name], { encoding: 'utf8' });
      const row = JSON.parse(out) as { user: number; sys: number; wall: number; minflt: number; vcs: number };
      rows.set(name, [...(rows.get(name) ?? []), row]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log('| variant | user s | sys s | CPU s | wall s | minor faults | voluntary switches |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, rs] of rows) {
    const f = (k: keyof (typeof rs)[0], d = 3) => median(rs.map((r) => r[k])).toFixed(d);
    console.log(`| ${name} | ${f('user')} | ${f('sys')} | ${median(rs.map((r) => r.user + r.sys)).toFixed(3)} | ${f('wall')} | ${f('minflt', 0)} | ${f('vcs', 0)} |`);
  }
}
