// The data models splq knows: the shipped definitions, checked once, and dataset look-up with inheritance resolved.
import { closestNames, SplError, type Span } from '../errors.js';
import { BUILTIN_MODEL_FILES } from './builtin.js';
import type { CalculationDef, DataModelDef, DatasetDef, FieldType } from './types.js';
import { checkDataModel } from './validate.js';

/** A dataset with what it inherits: constraints and calculations root first, fields of the whole chain. */
export interface ResolvedDataset {
  model: string;
  name: string;
  /** Dataset names from the root down to this one. */
  path: string[];
  constraints: string[];
  fields: ReadonlyMap<string, FieldType>;
  calculations: CalculationDef[];
}

let models: Map<string, DataModelDef> | undefined;

/** The shipped data models by name (checked on first use). */
export function builtinModels(): ReadonlyMap<string, DataModelDef> {
  models ??= new Map(BUILTIN_MODEL_FILES.map(({ file, json }) => {
    const model = checkDataModel(json, `datamodels/models/${file}`);
    return [model.modelName, model];
  }));
  return models;
}

/** The data model called `name` (case-sensitive, as in Splunk), or an unknown-datamodel error at `span`. */
export function getDataModel(name: string, span: Span): DataModelDef {
  const model = builtinModels().get(name);
  if (model) return model;
  const known = [...builtinModels().keys()];
  const hints = closestNames(name, known).map((n) => `did you mean \`${n}\`?`);
  throw new SplError('unknown-datamodel', `unknown data model \`${name}\` (known: ${known.join(', ')})`, span, hints);
}

function datasetOf(model: DataModelDef, name: string, span: Span): DatasetDef {
  const found = model.datasets.find((d) => d.name === name);
  if (found) return found;
  const names = model.datasets.map((d) => d.name);
  const hints = closestNames(name, names).map((n) => `did you mean \`${n}\`?`);
  throw new SplError('unknown-datamodel', `data model \`${model.modelName}\` has no dataset \`${name}\` (it has: ${names.join(', ')})`, span, hints);
}

/** The model's root datasets (no parent), in file order. */
export function rootDatasets(model: DataModelDef): DatasetDef[] {
  return model.datasets.filter((d) => d.parent === null);
}

/** A dataset with its ancestors' constraints, fields and calculations. */
export function resolveDataset(model: DataModelDef, name: string, span: Span): ResolvedDataset {
  const chain: DatasetDef[] = [];
  for (let d: DatasetDef | undefined = datasetOf(model, name, span); d; d = d.parent === null ? undefined : datasetOf(model, d.parent, span)) chain.unshift(d);
  const fields = new Map<string, FieldType>();
  for (const d of chain) for (const [f, t] of Object.entries(d.fields)) fields.set(f, t);
  return {
    model: model.modelName,
    name,
    path: chain.map((d) => d.name),
    constraints: chain.map((d) => d.constraint).filter((c) => c.trim() !== ''),
    fields,
    calculations: chain.flatMap((d) => d.calculations ?? []),
  };
}

/** The names of `name`'s descendants (children, grandchildren, ...), with their own fields. */
export function descendants(model: DataModelDef, name: string): DatasetDef[] {
  const out: DatasetDef[] = [];
  const walk = (parent: string) => {
    for (const d of model.datasets) if (d.parent === parent) { out.push(d); walk(d.name); }
  };
  walk(name);
  return out;
}
