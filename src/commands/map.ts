// `map (search="<query>" | [subsearch]) [maxsearches=N]`: one search per input row, `$field$` tokens filled from the row.
import type { GenericArg, GenericCommand, Pipeline, Span } from '../ast.js';
import { printPipeline } from '../parse/print.js';
import { DEFAULT_SUBSEARCH_LIMITS, runSubsearch } from '../engine/subsearch.js';
import type { CommandDef, CompileContext } from '../engine/types.js';
import { SplError } from '../errors.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { clauseArgs, missingSpan, readOptions, unexpectedArg, type CommandOptions } from './generic-args.js';

/** Splunk's default for maxsearches. */
const DEFAULT_MAX_SEARCHES = 10;

const TOKEN = /\$([^$\s]+)\$/g;

/** What stands for each `$field$` in the templates kept for a pack (any word would do: a pack checks the filled searches again). */
export const REPLAY_TOKEN = 'splqmaptoken';

/** The query template and where it was written. */
interface Template {
  text: string;
  span: Span;
}

function readTemplate(node: GenericCommand, args: GenericArg[]): { template: Template; options: CommandOptions; rest: GenericArg[] } {
  const sub = args.find((a) => a.kind === 'subsearch');
  const { options, rest } = readOptions('map', args.filter((a) => a !== sub), ['search', 'maxsearches']);
  const search = options.get('search');
  if (sub && sub.kind === 'subsearch') {
    if (search) throw new SplError('bad-argument', 'map: give either search="..." or a [subsearch], not both', search.span);
    // Printed back with a leading pipe so the first command stays a command after substitution.
    return { template: { text: printPipeline(sub.pipeline), span: sub.span }, options, rest };
  }
  if (!search) throw new SplError('bad-argument', 'map: expected search="<query>" or a [subsearch]', missingSpan(node));
  return { template: { text: search.text, span: search.valueSpan }, options, rest };
}

/** The template with each `$field$` replaced by the row's value (first value of a multivalue; empty when missing). */
function fill(template: string, row: Event, serial: number): string {
  return template.replace(TOKEN, (_, name: string) => {
    if (name === '_serial_id') return String(serial);
    const first = valuesOf(row.get(name))[0];
    return first === undefined ? '' : scalarToString(first);
  });
}

/** Compile the template once with placeholder values so that its syntax and commands are checked at compile time. */
function checkTemplate(template: Template, ctx: CompileContext): void {
  const sample = template.text.replace(TOKEN, (_, name: string) => (name === '_serial_id' ? '1' : 'x'));
  ctx.compileSubsearch(ctx.parseQueryText(sample, template.span), false);
  ctx.replayTemplates.push(tokenTemplate(template, ctx));
}

/** The template parsed with REPLAY_TOKEN for every `$field$` (what a pack reads its constant part from); null if that does not parse. */
function tokenTemplate(template: Template, ctx: CompileContext): Pipeline | null {
  try {
    return ctx.parseQueryText(template.text.replace(TOKEN, REPLAY_TOKEN), template.span);
  } catch {
    return null;
  }
}

export const mapCommand: CommandDef<GenericCommand> = {
  names: ['map'],
  kind: 'dataset',
  notes: '`search="..."` or `[...]`, `$field$` tokens, `maxsearches=` (default 10)',
  compile(node, ctx) {
    const head = clauseArgs(node).get(null) ?? [];
    const { template, options, rest } = readTemplate(node, head);
    if (rest[0]) throw unexpectedArg('map', rest[0]);
    const maxSearches = options.int('maxsearches', DEFAULT_MAX_SEARCHES, 1);
    checkTemplate(template, ctx);
    ctx.replaysInputs = true;
    ctx.dynamicReplay = true;
    const run = ctx.run;
    return {
      kind: 'dataset',
      reads: null,
      factory: (next) => {
        const services = { ...run };
        // Memory: at most maxsearches rows are kept; the rest are counted for the warning.
        const rows: Event[] = [];
        let skipped = 0;
        return {
          push: (ev) => {
            if (rows.length < maxSearches) rows.push(ev);
            else skipped++;
          },
          end: () => {
            if (skipped > 0) services.warn(`map: ran the first ${maxSearches} searches and skipped ${skipped} more (maxsearches=${maxSearches})`);
            rows.forEach((row, i) => {
              const text = fill(template.text, row, i + 1);
              const sub = ctx.compileSubsearch(ctx.parseQueryText(text, template.span), false);
              for (const result of runSubsearch(sub, services, DEFAULT_SUBSEARCH_LIMITS, 'map')) next.push(result);
            });
            next.end();
          },
        };
      },
    };
  },
};
