// The events of one dataset, unaggregated (`| from datamodel`, `| datamodel ... search`): mapped, constrained, calculated.
import type { Span } from '../ast.js';
import type { CompileContext, CompiledCommand } from '../engine/types.js';
import { getDataModel, resolveDataset, rootDatasets } from './catalog.js';
import { compileDataset } from './dataset.js';
import { builtinMappings, compileEventMapper } from './source-mapping.js';

/**
 * A generating command that reads the input: each event that meets the dataset's constraint after the source
 * mapping, with the dataset's calculated fields, keeping every field it has (and `_raw`), names unprefixed.
 */
export function datasetEventsCommand(modelName: string, modelSpan: Span, datasetName: string | undefined, datasetSpan: Span, ctx: CompileContext): CompiledCommand {
  const model = getDataModel(modelName, modelSpan);
  const dataset = resolveDataset(model, datasetName ?? rootDatasets(model)[0]!.name, datasetSpan);
  const mapEvent = compileEventMapper([...(ctx.datamodelMappings ?? []), ...builtinMappings()], ctx.evalContext);
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
  };
}
