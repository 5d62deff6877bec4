// Floor baseline: the cost of reading the file in 64 KiB chunks and counting its lines, nothing else.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let lines = 0;
  let lastByte = NEWLINE;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      for (let at = buffer.indexOf(NEWLINE, 0); at !== -1 && at < read; at = buffer.indexOf(NEWLINE, at + 1)) lines++;
      lastByte = buffer[read - 1] as number;
    }
  } finally {
    closeSync(fd);
  }
  return lastByte === NEWLINE ? lines : lines + 1;
}

process.stdout.write(`${JSON.stringify({ count: countLines(process.argv[2] as string) })}\n`);
