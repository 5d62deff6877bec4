// Turning JSON records into events: the general decoder, the fast key picker over NDJSON blocks, projections.
export {
  createDecoder, createEventBuilder, createListEventBuilder, metadataDefault, timeFieldNames, isDecodeError, TIME_FIELD_CANDIDATES,
  type EventBuilder, type Decoder, type DecodeOptions, type MetadataDefaults,
} from './decode.js';
export type { DecodeError } from './decode-error.js';
export { canPickKeys, KeyPicker } from './key-picker.js';
export { blockEvents, recordEvent, type LineDecoding } from './blocks.js';
