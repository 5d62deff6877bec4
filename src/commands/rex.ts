// `rex [field=f] "regex" [max_match=N] [offset_field=o]` / `rex [field=f] mode=sed "s/../../g"`: extract or edit text.
import type { CommandOption, RexCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError, closestNames } from '../errors.js';
import { annotateRegexLimit } from '../regex/budget.js';
import { scalarToString, type Event, type FieldValue, type Scalar } from '../runtime/event.js';
import { compileExtraction } from './rex-extract.js';
import { compileSedExpression, type SedEdit } from './rex-sed.js';

const KNOWN_OPTIONS = ['field', 'mode', 'max_match', 'offset_field'];

export const rexCommand: CommandDef<RexCommand> = {
  names: ['rex'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'PCRE translated to JS once; `mode=sed`; `offset_field` ([rex-convert](rex-convert.md))',
  compile(node) {
    checkOptions(node);
    const source = node.field ?? '_raw';
    const apply = node.mode === 'sed' ? compileSedStep(source, compileSedExpression(node.pattern, node.patternSpan)) : compileExtractStep(node, source);
    const where = `rex${node.mode === 'sed' ? ' mode=sed' : ''} field=${source}`;
    return {
      kind: 'streaming',
      reads: [source],
      factory: (next) => ({
        push: (ev) => {
          try {
            apply(ev);
          } catch (err) {
            throw annotateRegexLimit(err, where, node.patternSpan);
          }
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};

function checkOptions(node: RexCommand): void {
  const option = (name: string): CommandOption | undefined => node.options.find((o) => o.name.toLowerCase() === name);
  for (const o of node.options) {
    if (KNOWN_OPTIONS.includes(o.name.toLowerCase())) continue;
    const near = closestNames(o.name, KNOWN_OPTIONS);
    throw new SplError('bad-option', `rex has no option "${o.name}"; its options are ${KNOWN_OPTIONS.join(', ')}`, o.span,
      near.length > 0 ? [`did you mean ${near.join(' or ')}?`] : []);
  }
  if (node.field === '') throw new SplError('bad-option', 'rex: field= needs a field name', option('field')!.span);
  if (node.maxMatch !== null && node.maxMatch < 0) {
    throw new SplError('bad-option', `rex: max_match must be 0 (unlimited) or more, got ${node.maxMatch}`, option('max_match')!.span);
  }
  if (node.mode === 'sed') {
    const extractOnly = option('max_match') ?? option('offset_field');
    if (extractOnly) throw new SplError('bad-option', `rex: ${extractOnly.name} cannot be used with mode=sed`, extractOnly.span);
  }
}

function compileExtractStep(node: RexCommand, source: string): (ev: Event) => void {
  return compileExtraction({
    source,
    pattern: node.pattern,
    patternSpan: node.patternSpan,
    maxMatch: node.maxMatch === 0 ? Infinity : (node.maxMatch ?? 1),
    offsetField: node.offsetField,
  });
}

/** Sed edits each value of the field (a multivalue stays multivalue); unchanged values keep their type. */
function compileSedStep(source: string, edit: SedEdit): (ev: Event) => void {
  return (ev) => {
    const value = ev.get(source);
    if (value === undefined) return;
    const edited = Array.isArray(value) ? editEach(value, edit) : editScalar(value, edit);
    if (edited !== value) ev.set(source, edited);
  };
}

function editScalar(value: Scalar, edit: SedEdit): Scalar {
  const text = scalarToString(value);
  const edited = edit(text);
  return edited === text ? value : edited;
}

function editEach(values: Scalar[], edit: SedEdit): FieldValue {
  let changed = false;
  const edited = values.map((v) => {
    const out = editScalar(v, edit);
    if (out !== v) changed = true;
    return out;
  });
  return changed ? edited : values;
}
