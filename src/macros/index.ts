// Public API of macro support: loading definitions and expanding backtick calls in query text.
export { expandMacros, type ExpandOptions } from './expand.js';
export { MacroLibrary, macroDisplayName, type MacroDef } from './library.js';
export { loadMacroFile, loadMacroFiles } from './load.js';
export type { Expansion, MappedSpan } from './source-map.js';
