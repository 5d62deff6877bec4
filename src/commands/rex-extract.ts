// rex extraction: match a field's text against a compiled PCRE and store the named groups as fields.
import { compilePcre, type CompiledRegex } from '../regex/pcre.js';
import { SplError, type Span } from '../errors.js';
import { scalarToString, type Event, type FieldValue } from '../runtime/event.js';

export interface ExtractionPlan {
  /** The field whose text is matched (`_raw` by default). */
  source: string;
  pattern: string;
  patternSpan: Span;
  /** How many times the pattern is applied; Infinity for `max_match=0`. */
  maxMatch: number;
  /** Field receiving `name=start-end` offsets of the groups, or null. */
  offsetField: string | null;
}

/** The text rex matches: a multivalue field is matched as its values joined by newlines. */
export function fieldText(value: FieldValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(scalarToString).join('\n');
  return scalarToString(value);
}

/** Index just past an empty match at `index`, stepping over a whole surrogate pair (the regex has the `u` flag). */
export function stepPastEmptyMatch(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? index + 2 : index + 1;
}

/** Compile an extraction into a per-event function that sets the extracted fields. */
export function compileExtraction(plan: ExtractionPlan): (ev: Event) => void {
  const single = plan.maxMatch === 1 && plan.offsetField === null;
  const compiled = compilePcre(plan.pattern, { global: !single, indices: plan.offsetField !== null, span: plan.patternSpan });
  if (compiled.groupNames.length === 0) {
    throw new SplError('bad-regex', 'the rex regex does not extract anything: it needs at least one named group such as (?<name>...)', plan.patternSpan);
  }
  return single ? singleMatchExtractor(plan.source, compiled) : repeatedMatchExtractor(plan, compiled);
}

/** The common case (max_match=1, no offsets): one exec, no allocation beyond the match itself. */
function singleMatchExtractor(source: string, compiled: CompiledRegex): (ev: Event) => void {
  const { regex, groupNames } = compiled;
  return (ev) => {
    const value = ev.get(source);
    if (value === undefined) return;
    const groups = regex.exec(fieldText(value))?.groups;
    if (!groups) return;
    for (const name of groupNames) {
      const captured = groups[name];
      if (captured !== undefined) ev.set(name, captured);
    }
  };
}

/** max_match other than 1, or offset_field: apply the whole pattern repeatedly and collect values per group. */
function repeatedMatchExtractor(plan: ExtractionPlan, compiled: CompiledRegex): (ev: Event) => void {
  const { regex, groupNames } = compiled;
  const { source, maxMatch, offsetField } = plan;
  return (ev) => {
    const value = ev.get(source);
    if (value === undefined) return;
    const text = fieldText(value);
    const collected: string[][] = [];
    for (let i = 0; i < groupNames.length; i++) collected.push([]);
    const offsets: string[] = [];
    regex.lastIndex = 0;
    let matches = 0;
    let match: RegExpExecArray | null;
    while (matches < maxMatch && (match = regex.exec(text)) !== null) {
      matches++;
      const groups = match.groups!;
      for (let i = 0; i < groupNames.length; i++) {
        const name = groupNames[i]!;
        const captured = groups[name];
        if (captured === undefined) continue;
        collected[i]!.push(captured);
        if (offsetField !== null) offsets.push(offsetText(name, match.indices!.groups![name]!));
      }
      if (match[0] === '') regex.lastIndex = stepPastEmptyMatch(text, match.index);
    }
    for (let i = 0; i < groupNames.length; i++) {
      const values = collected[i]!;
      if (values.length > 0) ev.set(groupNames[i]!, values.length === 1 ? values[0]! : values);
    }
    if (offsetField !== null && offsets.length > 0) ev.set(offsetField, offsets.join('&'));
  };
}

/** `name=start-end` with a 0-based, inclusive end (an empty capture at 5 reads `name=5-4`). */
function offsetText(name: string, [start, end]: [number, number]): string {
  return `${name}=${start}-${end - 1}`;
}
