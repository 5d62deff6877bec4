// Field mapping after decoding: props.conf-style aliases, --set constants, the preset's mapper and the time window.
export { compileFieldMapping, fieldsNeededForMapping, type FieldMapper, type FieldMappingSpec } from './aliases.js';
export { parseProps } from './props.js';
export { makeFinisher, presetMapperOf, windowPrecheck, type TimeWindow } from './event-finish.js';
