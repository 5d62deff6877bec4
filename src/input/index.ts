// Public API of the JSON input layer: resolve inputs, read raw records, decode them into events.
export { resolveInputs, STDIN, FOLDER_EXTENSIONS } from './sources.js';
export { readRecords, readFileRecords, readFileBatches, type ReadBatch, type ReadOptions, type ByteRange } from './records.js';
export { forEachLineIn, type LineBlock } from './line-block.js';
export type { RawRecord } from './raw-record.js';
export {
  createDecoder,
  createEventBuilder,
  timeFieldNames,
  type EventBuilder,
  isDecodeError,
  TIME_FIELD_CANDIDATES,
  type Decoder,
  type DecodeError,
  type DecodeOptions,
  type MetadataDefaults,
} from './decode.js';
export { MalformedReport, formatDecodeError, type MalformedReportOptions } from './malformed.js';
