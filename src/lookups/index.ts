// Public API of lookups: definitions, tables, the library a run uses.
export { LookupLibrary, type LookupLibraryOptions, type LookupSpec } from './library.js';
export type { LookupDefinition, MatchType } from './definition.js';
export type { LookupTable } from './table.js';
export { parseCsvTable, parseJsonTable } from './table.js';
