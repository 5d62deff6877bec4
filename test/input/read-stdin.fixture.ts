// Child-process helper for stdin.test.ts: prints the records read from stdin as JSON.
import { readRecords } from '../../src/input/sources/records.js';

const records = [];
for await (const batch of readRecords(['-'])) records.push(...batch);
process.stdout.write(JSON.stringify(records));
