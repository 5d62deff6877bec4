// `eval a=expr, b=expr`: compute fields left to right (later assignments see earlier ones); `{f}=x` names the field by f's value.
import type { EvalAssignment, EvalCommand } from '../ast.js';
import { evalReads } from '../engine/eval-reads.js';
import type { CommandDef, CompileContext } from '../engine/types.js';
import { compileAssignment, toFieldValue, type Evaluator } from '../eval/index.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';

type Assign = (ev: Event) => void;

/** `{name}`: the target field is named by the value of field `name`. */
const DYNAMIC_NAME = /^\{(.+)\}$/;

function compileStore(a: EvalAssignment, ctx: CompileContext): Assign {
  const evaluate: Evaluator = compileAssignment(a.expr, ctx.evalContext);
  const dynamic = a.field.quoted ? null : DYNAMIC_NAME.exec(a.field.name);
  if (!dynamic) {
    const name = a.field.name;
    return (ev) => ev.set(name, toFieldValue(evaluate(ev)));
  }
  const nameField = dynamic[1]!;
  return (ev) => {
    const first = valuesOf(ev.get(nameField))[0];
    // Splunk skips the assignment when the naming field has no value.
    if (first === undefined) return;
    const target = scalarToString(first);
    if (target !== '') ev.set(target, toFieldValue(evaluate(ev)));
  };
}

function assignmentReads(assignments: EvalAssignment[]): string[] | null {
  const reads = new Set<string>();
  for (const a of assignments) {
    const fields = evalReads(a.expr);
    if (fields === null) return null;
    for (const f of fields) reads.add(f);
    const dynamic = a.field.quoted ? null : DYNAMIC_NAME.exec(a.field.name);
    if (dynamic) reads.add(dynamic[1]!);
  }
  return [...reads];
}

export const evalCommand: CommandDef<EvalCommand> = {
  names: ['eval'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'Boolean results cannot be stored (as in Splunk)',
  compile(node, ctx) {
    const stores = node.assignments.map((a) => compileStore(a, ctx));
    return {
      kind: 'streaming',
      reads: assignmentReads(node.assignments),
      factory: (next) => ({
        push: (ev) => {
          for (const store of stores) store(ev);
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
