// The shapes of the data files: CIM data model definitions (models/*.json) and raw-event → CIM mappings (mappings/*.json).

/** A field's type as the CIM declares it (only `number` changes matching: numeric comparisons). */
export type FieldType = 'string' | 'number' | 'boolean' | 'ipv4' | 'time';

/**
 * One calculated field, applied in order after the constraint matched, each seeing the previous ones' results:
 * `eval` sets the field to an eval expression (null removes it); `fill` sets it to the given text when it is
 * missing or empty (the CIM's `if(isnull(f) OR f="", "unknown", f)`).
 */
export type CalculationDef = { field: string; eval: string } | { field: string; fill: string };

export interface DatasetDef {
  name: string;
  /** The parent dataset's name, or null for a root dataset. A child ANDs its constraint onto the parent's. */
  parent: string | null;
  /** A search-language string over the event's fields and tags (`tag=process tag=report`); "" for none. */
  constraint: string;
  /** Fields this dataset adds (a child also has its ancestors' fields). */
  fields: Record<string, FieldType>;
  calculations?: CalculationDef[];
}

export interface DataModelDef {
  modelName: string;
  /** Where the definition comes from (pages of Splunk's CIM manual). */
  source: string[];
  /** Anything the source does not settle, and the choice made. */
  notes?: string[];
  datasets: DatasetDef[];
}

/** A FIELDALIAS: `src AS dest` (overwrites dest) or `src ASNEW dest` (only when dest is missing). */
export interface AliasDef {
  src: string;
  dest: string;
  asnew?: boolean;
}

/**
 * An eventtype of an add-on: events matching `search` get `tags`, and the `evals` fields (EVAL-<field> = <expr>)
 * computed from the event as it was after the aliases (every EVAL sees the same input, as in props.conf).
 */
export interface EventtypeDef {
  name: string;
  search: string;
  tags: string[];
  evals?: Record<string, string>;
}

/**
 * An EXTRACT: a PCRE with named groups run over `field` (default `_raw`); each group that matched sets its field
 * unless the event already has it (its own JSON fields win).
 */
export interface ExtractDef {
  regex: string;
  field?: string;
}

/** A raw source's mapping into the CIM, as an add-on does it (props.conf + eventtypes.conf + tags.conf). */
export interface SourceMappingDef {
  name: string;
  source: string[];
  notes?: string[];
  /** Search-language string selecting the events this mapping applies to (by sourcetype/source/channel). */
  match: string;
  /** EXTRACTs, applied first (props.conf search-time order: EXTRACT, FIELDALIAS, EVAL). */
  extracts?: ExtractDef[];
  aliases?: AliasDef[];
  /** EVALs for every matched event (computed with the eventtypes' ones, all from the aliased event). */
  evals?: Record<string, string>;
  eventtypes: EventtypeDef[];
}
