// Shape checks for data model and mapping files: each mistake named with the file and the place in it.
import { SplError, type ErrorCode } from '../errors.js';
import type { AliasDef, CalculationDef, DataModelDef, DatasetDef, EventtypeDef, ExtractDef, FieldType, SourceMappingDef } from './types.js';

const FIELD_TYPES: ReadonlySet<string> = new Set<FieldType>(['string', 'number', 'boolean', 'ipv4', 'time']);

type Json = unknown;

class ShapeChecker {
  constructor(
    private readonly file: string,
    private readonly code: ErrorCode,
  ) {}

  fail(where: string, what: string): never {
    throw new SplError(this.code, `${this.file}: ${where}: ${what}`);
  }

  object(v: Json, where: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(where, 'expected an object');
    return v as Record<string, Json>;
  }

  array(v: Json, where: string): Json[] {
    if (!Array.isArray(v)) this.fail(where, 'expected a list');
    return v;
  }

  string(v: Json, where: string): string {
    if (typeof v !== 'string') this.fail(where, 'expected a string');
    return v;
  }

  strings(v: Json, where: string): string[] {
    return this.array(v, where).map((s, i) => this.string(s, `${where}[${i}]`));
  }

  stringMap(v: Json, where: string): Record<string, string> {
    const obj = this.object(v, where);
    for (const [k, value] of Object.entries(obj)) this.string(value, `${where}.${k}`);
    return obj as Record<string, string>;
  }

  /** Only the listed keys may appear (a misspelt key would otherwise be ignored silently). */
  keys(obj: Record<string, Json>, allowed: string[], where: string): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.fail(where, `unknown key "${k}" (expected one of ${allowed.join(', ')})`);
  }
}

function checkCalculation(c: ShapeChecker, v: Json, where: string): CalculationDef {
  const obj = c.object(v, where);
  c.keys(obj, ['field', 'eval', 'fill'], where);
  const field = c.string(obj.field, `${where}.field`);
  if ('eval' in obj) return { field, eval: c.string(obj.eval, `${where}.eval`) };
  if ('fill' in obj) return { field, fill: c.string(obj.fill, `${where}.fill`) };
  return c.fail(where, 'needs "eval" or "fill"');
}

function checkDataset(c: ShapeChecker, v: Json, where: string): DatasetDef {
  const obj = c.object(v, where);
  c.keys(obj, ['name', 'parent', 'constraint', 'fields', 'calculations'], where);
  const fields = c.object(obj.fields, `${where}.fields`);
  for (const [name, type] of Object.entries(fields)) {
    if (typeof type !== 'string' || !FIELD_TYPES.has(type)) c.fail(`${where}.fields.${name}`, `type must be one of ${[...FIELD_TYPES].join(', ')}`);
  }
  const dataset: DatasetDef = {
    name: c.string(obj.name, `${where}.name`),
    parent: obj.parent === null ? null : c.string(obj.parent, `${where}.parent`),
    constraint: c.string(obj.constraint, `${where}.constraint`),
    fields: fields as Record<string, FieldType>,
  };
  if (obj.calculations !== undefined) {
    dataset.calculations = c.array(obj.calculations, `${where}.calculations`).map((x, i) => checkCalculation(c, x, `${where}.calculations[${i}]`));
  }
  return dataset;
}

/** A data model file's JSON, checked: datasets named once, parents defined before their children. */
export function checkDataModel(json: Json, file: string): DataModelDef {
  const c = new ShapeChecker(file, 'unknown-datamodel');
  const obj = c.object(json, 'top level');
  c.keys(obj, ['modelName', 'source', 'notes', 'datasets'], 'top level');
  const datasets = c.array(obj.datasets, 'datasets').map((d, i) => checkDataset(c, d, `datasets[${i}]`));
  const seen = new Set<string>();
  for (const d of datasets) {
    if (seen.has(d.name)) c.fail(`dataset ${d.name}`, 'defined twice');
    if (d.parent !== null && !seen.has(d.parent)) c.fail(`dataset ${d.name}`, `parent "${d.parent}" is not defined before it`);
    seen.add(d.name);
  }
  const model: DataModelDef = { modelName: c.string(obj.modelName, 'modelName'), source: c.strings(obj.source, 'source'), datasets };
  if (obj.notes !== undefined) model.notes = c.strings(obj.notes, 'notes');
  return model;
}

function checkAlias(c: ShapeChecker, v: Json, where: string): AliasDef {
  const obj = c.object(v, where);
  c.keys(obj, ['src', 'dest', 'asnew'], where);
  const alias: AliasDef = { src: c.string(obj.src, `${where}.src`), dest: c.string(obj.dest, `${where}.dest`) };
  if (obj.asnew !== undefined) {
    if (typeof obj.asnew !== 'boolean') c.fail(`${where}.asnew`, 'expected true or false');
    alias.asnew = obj.asnew;
  }
  return alias;
}

function checkExtract(c: ShapeChecker, v: Json, where: string): ExtractDef {
  const obj = c.object(v, where);
  c.keys(obj, ['regex', 'field'], where);
  const extract: ExtractDef = { regex: c.string(obj.regex, `${where}.regex`) };
  if (obj.field !== undefined) extract.field = c.string(obj.field, `${where}.field`);
  return extract;
}

function checkEventtype(c: ShapeChecker, v: Json, where: string): EventtypeDef {
  const obj = c.object(v, where);
  c.keys(obj, ['name', 'search', 'tags', 'evals'], where);
  const et: EventtypeDef = { name: c.string(obj.name, `${where}.name`), search: c.string(obj.search, `${where}.search`), tags: c.strings(obj.tags, `${where}.tags`) };
  if (obj.evals !== undefined) et.evals = c.stringMap(obj.evals, `${where}.evals`);
  return et;
}

/** A mapping file's JSON (built in or from --datamodel-map), checked; errors have code bad-datamodel-map. */
export function checkSourceMapping(json: Json, file: string): SourceMappingDef {
  const c = new ShapeChecker(file, 'bad-datamodel-map');
  const obj = c.object(json, 'top level');
  c.keys(obj, ['name', 'source', 'notes', 'match', 'extracts', 'aliases', 'evals', 'eventtypes'], 'top level');
  const mapping: SourceMappingDef = {
    name: c.string(obj.name, 'name'),
    source: obj.source === undefined ? [] : c.strings(obj.source, 'source'),
    match: c.string(obj.match, 'match'),
    eventtypes: c.array(obj.eventtypes ?? [], 'eventtypes').map((e, i) => checkEventtype(c, e, `eventtypes[${i}]`)),
  };
  if (obj.notes !== undefined) mapping.notes = c.strings(obj.notes, 'notes');
  if (obj.extracts !== undefined) mapping.extracts = c.array(obj.extracts, 'extracts').map((x, i) => checkExtract(c, x, `extracts[${i}]`));
  if (obj.aliases !== undefined) mapping.aliases = c.array(obj.aliases, 'aliases').map((a, i) => checkAlias(c, a, `aliases[${i}]`));
  if (obj.evals !== undefined) mapping.evals = c.stringMap(obj.evals, 'evals');
  return mapping;
}
