// Floor baseline: read the file in 64 KiB chunks, split it into lines and JSON.parse every line.
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 64 * 1024;

function parseLines(path: string): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const decoder = new StringDecoder('utf8');
  let parsed = 0;
  let carry = '';
  const parseLine = (line: string): void => {
    if (line.length === 0) return;
    JSON.parse(line);
    parsed++;
  };
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const text = carry + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        parseLine(text.slice(start, end));
        start = end + 1;
      }
      carry = text.slice(start);
    }
    parseLine(carry + decoder.end());
  } finally {
    closeSync(fd);
  }
  return parsed;
}

process.stdout.write(`${JSON.stringify({ count: parseLines(process.argv[2] as string) })}\n`);
