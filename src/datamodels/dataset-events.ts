// The events of one dataset, unaggregated (`| from datamodel`, `| datamodel ... search`): mapped, constrained, calculated.
import type { Span } from '../ast.js';
import type { CompileContext, CompiledCommand } from '../engine/types.js';
import { getDataModel, resolveDataset, rootDatasets } from './catalog.js';
import { compileDataset } from './dataset.js';
import { builtinMappings, compileEventMapper } from './source-mapping.js';
import { datasetInputKey, mapperKey } from './dataset-input-key.js';

/**
 * A generating command that reads the input: each event that meets the dataset's constraint after the source
 * mapping, with the dataset's calculated fields, keeping every field it has (and `_raw`), names unprefixed.
 */
export function datasetEventsCommand(modelName: string, modelSpan: Span, datasetName: string | undefined, datasetSpan: Span, ctx: CompileContext): CompiledCommand {
  const model = getDataModel(modelName, modelSpan);
  const dataset = resolveDataset(model, datasetName ?? rootDatasets(model)[0]!.name, datasetSpan);
  const mappings = [...(ctx.datamodelMappings ?? []), ...builtinMappings()];
  const mapEvent = compileEventMapper(mappings, ctx.evalContext);
  const selection = compileDataset(dataset, ctx.evalContext);
  return {
    kind: 'generating',
    readsInputs: true,
    reads: null,
    factory: (next) => ({
      push: (ev) => {
        mapEvent(ev);
        if (!selection.matches(ev)) return;
        selection.calculate(ev);
        next.push(ev);
      },
      end: () => next.end(),
    }),
    // Pack mode: the dataset event (mapped with every EVAL, selected, calculated: what the stage above makes) comes
    // shared with other readers of the dataset; the commands after this one may change events, so each gets a copy.
    datasetInput: {
      key: datasetInputKey(model.modelName, dataset.path, mappings, ctx.zone, ctx.now),
      mapperKey: mapperKey(mappings, ctx.zone, ctx.now),
      compileMapper: () => compileEventMapper(mappings, ctx.evalContext),
      compileSelection: () => compileDataset(dataset, ctx.evalContext),
      factory: (next) => ({ push: (ev) => next.push(ev.clone()), end: () => next.end() }),
      where: null,
    },
  };
}
