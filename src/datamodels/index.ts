// The data model room: CIM data models as data files, raw-event → CIM mappings per source, and their loaders (used by tstats).
export { builtinModels, descendants, getDataModel, resolveDataset, rootDatasets, type ResolvedDataset } from './catalog.js';
export { BASE_FIELDS, compileDataset, datasetFieldResolver, renameSearchFields, type CompiledDataset } from './dataset.js';
export { builtinMappings, compileEventMapper, loadMappingFile, type EventMapper } from './source-mapping.js';
export { loadAddonFolder } from './ta.js';
export type { AliasDef, CalculationDef, DataModelDef, DatasetDef, EventtypeDef, ExtractDef, FieldType, SourceMappingDef } from './types.js';
