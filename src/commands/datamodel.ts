// `| datamodel <Model> <Dataset> search`: the dataset's events, as `| from datamodel <Model>.<Dataset>` gives them.
import type { GenericCommand } from '../ast.js';
import { datasetEventsCommand } from '../datamodels/dataset-events.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { missingSpan } from './generic-args.js';

export const datamodelCommand: CommandDef<GenericCommand> = {
  names: ['datamodel'],
  kind: 'generating',
  notes: 'only `datamodel <Model> <Dataset> search`',
  compile(node, ctx) {
    const args = node.clauses.flatMap((c) => (c.keyword === null ? c.args : []));
    const [model, dataset, mode, ...rest] = args;
    if (model?.kind !== 'word' || dataset?.kind !== 'word') {
      throw new SplError('unsupported-command', 'datamodel: only `datamodel <Model> <Dataset> search` is supported (not the model listing)', model?.span ?? missingSpan(node));
    }
    if (mode?.kind !== 'word' || !['search', 'flat'].includes(mode.text.toLowerCase()) || rest.length > 0 || node.clauses.some((c) => c.keyword !== null)) {
      throw new SplError('unsupported-command', 'datamodel: only the search mode is supported: datamodel <Model> <Dataset> search', mode?.span ?? dataset.span);
    }
    return datasetEventsCommand(model.text, model.span, dataset.text, dataset.span, ctx);
  },
};
