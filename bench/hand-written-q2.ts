// Reference point (not a test, not exact): Q2 written by hand for this data only, to see how fast plain JS can go.
// Run: npx tsx bench/hand-written-q2.ts bench/data/events-1000000.ndjson   (then compare with `npm run bench`)
// It reads 1 MiB chunks, turns 64 KiB pieces into Latin-1 text, takes the first `"sourcetype":"` and `"EventCode":`
// of each line and counts pairs in a Map (a line cut by a chunk's end is read again from the next chunk). No escapes,
// duplicate keys, nesting or broken lines are handled: splq must handle all of that, so this is a floor, not a rival.
import { openSync, readSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/hand-written-q2.ts <file.ndjson>');
const started = process.hrtime.bigint();
const fd = openSync(file, 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
const counts = new Map<string, number>();
let lines = 0;

/** Count the (sourcetype, EventCode) pairs of the whole lines in `text`. */
function countPairs(text: string): void {
  for (let pos = 0; pos < text.length; ) {
    let newline = text.indexOf('\n', pos);
    if (newline < 0) newline = text.length;
    lines++;
    const key = text.indexOf('"sourcetype":"', pos);
    if (key >= 0 && key < newline) {
      const valueStart = key + 14;
      const valueEnd = text.indexOf('"', valueStart);
      const code = text.indexOf('"EventCode":', valueEnd);
      if (code >= 0 && code < newline) {
        let at = code + 12;
        let number = 0;
        for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at)) number = number * 10 + c - 48;
        const pair = `${text.slice(valueStart, valueEnd)}\u0000${number}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
    pos = newline + 1;
  }
}

for (let offset = 0, read = readSync(fd, chunk, 0, chunk.length, 0); read > 0; read = readSync(fd, chunk, 0, chunk.length, offset)) {
  let start = 0;
  for (let end = Math.min(start + 65536, read); start < read; end = Math.min(start + 65536, read)) {
    const cut = chunk.lastIndexOf(10, end - 1);
    if (cut < start) break;
    countPairs(chunk.toString('latin1', start, cut));
    start = cut + 1;
  }
  offset += start > 0 ? start : read;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
for (const [pair, count] of counts) console.log(JSON.stringify({ pair: pair.replace('\u0000', ' '), count }));
console.log(`${lines} lines, ${counts.size} pairs, ${seconds.toFixed(3)} s (wall, without node's start-up)`);
