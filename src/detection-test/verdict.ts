// Judging a detection's results as contentctl does: at least one result, and the observable fields in them.
import type { Event } from '../runtime/event.js';

export interface Verdict {
  passed: boolean;
  reason: string;
}

/**
 * Fed the results one by one (nothing is kept). Passes when there is at least one result, every result has every
 * observable field, and at least one result has all of them non-empty (contentctl's rule for `tags.observable`).
 */
export class ResultJudge {
  private results = 0;
  private complete = 0;
  private readonly lacking: Map<string, number>;

  constructor(private readonly observableFields: readonly string[]) {
    this.lacking = new Map(observableFields.map((name) => [name, 0]));
  }

  add(ev: Event): void {
    this.results++;
    let allFilled = true;
    for (const name of this.observableFields) {
      const value = ev.get(name);
      if (value === undefined) this.lacking.set(name, this.lacking.get(name)! + 1);
      if (value === undefined || value === '') allFilled = false;
    }
    if (allFilled) this.complete++;
  }

  get resultCount(): number {
    return this.results;
  }

  verdict(): Verdict {
    if (this.results === 0) return { passed: false, reason: 'no results' };
    const missing = [...this.lacking].filter(([, count]) => count > 0);
    if (missing.length > 0) return { passed: false, reason: missing.map(([name, count]) => this.missingText(name, count)).join('; ') };
    if (this.complete === 0) return { passed: false, reason: `observable field(s) ${this.observableFields.join(', ')} empty in every result` };
    const fields = this.observableFields.length ? `; observable field(s) ${this.observableFields.join(', ')} present` : '';
    return { passed: true, reason: `${plural(this.results, 'result')}${fields}` };
  }

  private missingText(name: string, count: number): string {
    return count === this.results ? `missing field ${name}` : `missing field ${name} in ${count} of ${plural(this.results, 'result')}`;
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
