// `addtotals [row=b] [col=b] [fieldname=f] [labelfield=f] [label=s] [fields]`: row sums into a field, column sums as a last row.
import type { GenericCommand } from '../ast.js';
import type { CommandDef, Stage } from '../engine/types.js';
import { Event, toNumber, type FieldValue } from '../runtime/event.js';
import { clauseArgs, fieldList, readOptions } from './generic-args.js';
import { compileNamePattern, expandPatterns, type NamePattern } from './wildcard-names.js';

interface TotalsPlan {
  row: boolean;
  col: boolean;
  fieldName: string;
  labelField: string | undefined;
  label: string;
  /** Null: every numeric field (internal `_` fields excluded). */
  patterns: NamePattern[] | null;
}

/** A field's number, or undefined for text, multivalues and missing fields. */
function numberOf(v: FieldValue | undefined): number | undefined {
  if (v === undefined || Array.isArray(v)) return undefined;
  const n = toNumber(v);
  return Number.isNaN(n) ? undefined : n;
}

function summedFields(plan: TotalsPlan, ev: Event): string[] {
  if (plan.patterns) return expandPatterns(plan.patterns, ev.names());
  return ev.names().filter((n) => !n.startsWith('_') && n !== plan.fieldName && n !== plan.labelField);
}

function totalsStage(plan: TotalsPlan, next: Stage): Stage {
  // col=true keeps one running sum per summed field (insertion order = column order of the summary row).
  const columns = new Map<string, number>();
  return {
    push: (ev) => {
      let rowSum: number | undefined;
      for (const name of summedFields(plan, ev)) {
        const n = numberOf(ev.get(name));
        if (n === undefined) continue;
        rowSum = (rowSum ?? 0) + n;
        if (plan.col) columns.set(name, (columns.get(name) ?? 0) + n);
      }
      if (plan.row && rowSum !== undefined) {
        ev.set(plan.fieldName, rowSum);
        if (plan.col) columns.set(plan.fieldName, (columns.get(plan.fieldName) ?? 0) + rowSum);
      }
      next.push(ev);
    },
    end: () => {
      if (plan.col) {
        const summary = new Event();
        if (plan.labelField) summary.set(plan.labelField, plan.label);
        for (const [name, sum] of columns) summary.set(name, sum);
        next.push(summary);
      }
      next.end();
    },
  };
}

export const addtotalsCommand: CommandDef<GenericCommand> = {
  names: ['addtotals'],
  kind: 'streaming',
  compile(node) {
    const { options, rest } = readOptions('addtotals', clauseArgs(node).get(null) ?? [], ['row', 'col', 'fieldname', 'labelfield', 'label']);
    const fields = fieldList('addtotals', rest);
    const plan: TotalsPlan = {
      row: options.bool('row', true),
      col: options.bool('col', false),
      fieldName: options.text('fieldname', 'Total'),
      labelField: options.text('labelfield'),
      label: options.text('label', 'Total'),
      patterns: fields.length ? fields.map((f) => compileNamePattern(f.name)) : null,
    };
    const fixed = plan.patterns?.every((p) => !p.hasWildcard) ? plan.patterns.map((p) => p.text) : null;
    return { kind: 'streaming', reads: fixed, factory: (next) => totalsStage(plan, next) };
  },
};
