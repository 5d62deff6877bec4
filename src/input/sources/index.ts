// Finding and reading inputs: paths, globs and folders, stdin, .gz, chunked reads, NDJSON line blocks, JSON record cutting.
export { resolveInputs, STDIN, FOLDER_EXTENSIONS } from './resolve.js';
export { readRecords, readFileRecords, readFileBatches, type ReadBatch, type ReadOptions, type ByteRange } from './records.js';
export { forEachLineIn, type LineBlock } from './line-block.js';
export { blocksToRecords } from './lines.js';
export type { RawRecord } from './raw-record.js';
