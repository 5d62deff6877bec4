// The field names an eval expression reads (for input projection); null when it may read any field.
import type { EvalExpr } from '../ast.js';

export function evalReads(expr: EvalExpr): string[] | null {
  const out = new Set<string>();
  let any = false;
  const walk = (e: EvalExpr): void => {
    switch (e.kind) {
      case 'field':
        if (e.name.includes('*') || e.name.includes('<<') || e.name.startsWith('{')) any = true;
        out.add(e.name);
        return;
      case 'call':
        // searchmatch() and spath() over _raw read the raw text; json functions may read anything named.
        if (e.name.toLowerCase() === 'searchmatch') any = true;
        e.args.forEach(walk);
        return;
      case 'binary':
        walk(e.left);
        walk(e.right);
        return;
      case 'unary':
        walk(e.expr);
        return;
      case 'in':
        walk(e.expr);
        e.values.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(expr);
  return any ? null : [...out];
}
