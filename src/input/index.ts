// Input: from paths to batches of events. Rooms: sources/ (finding and reading), json/ (decoding), fastpath/
// (skipping lines undecoded), windows/ (Windows shapes and the preset), mapping/ (aliases, props.conf, time window).
export { resolveInputs, STDIN, FOLDER_EXTENSIONS, readRecords, readFileRecords, readFileBatches, forEachLineIn } from './sources/index.js';
export type { ReadBatch, ReadOptions, ByteRange, LineBlock, RawRecord } from './sources/index.js';
export {
  createDecoder, createEventBuilder, timeFieldNames, isDecodeError, TIME_FIELD_CANDIDATES,
  type EventBuilder, type Decoder, type DecodeError, type DecodeOptions, type MetadataDefaults,
} from './json/index.js';
export { MalformedReport, formatDecodeError, type MalformedReportOptions } from './malformed.js';
export { eventBatches, fileEventBatches, type EventSourceOptions } from './event-source.js';
export { SpanShelf } from './json/span-shelf.js';
export { newSourceStats, type SourceStats } from './source-stats.js';
export { compileFieldMapping, parseProps, type FieldMappingSpec } from './mapping/index.js';
