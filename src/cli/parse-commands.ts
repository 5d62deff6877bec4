// `splq parse` and `splq expand`: show the AST as JSON, or the query with its macros expanded.
import type { Command } from 'commander';
import { parseSpl } from '../query-text.js';
import { loadMacros, readQuery, type QuerySourceOptions } from './query-source.js';

interface ParseCliOptions extends QuerySourceOptions {
  filter: boolean;
  spans: boolean;
}

function withQueryOptions(cmd: Command): Command {
  return cmd
    .argument('[query]', 'SPL text (else -q, --detection, or standard input)')
    .option('-q, --query-file <file>', 'read the query from a file')
    .option('--detection <file.yml>', 'read the query from an ESCU detection YAML (its search: key)')
    .option('-m, --macros <path>', 'macro definitions: ESCU YAML or macros.conf files, or folders of them (repeatable)', collect, [])
    .option('--no-filter', 'do not expand a missing <name>_filter macro to "search *"');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerParseCommands(program: Command, run: (fn: () => void) => void): void {
  withQueryOptions(program.command('parse'))
    .description('expand macros, parse, and print the AST as JSON')
    .option('--spans', 'keep source spans in the output', false)
    .action((query: string | undefined, opts: ParseCliOptions) =>
      run(() => {
        const src = readQuery(query, opts, true);
        const parsed = parseSpl(src.text, { macros: loadMacros(opts.macros), filterFallback: opts.filter });
        const replacer = opts.spans ? undefined : (key: string, value: unknown) => (key === 'span' || key.endsWith('Span') ? undefined : value);
        process.stdout.write(`${JSON.stringify(parsed.ast, replacer, 2)}\n`);
      }),
    );
  withQueryOptions(program.command('expand'))
    .description('print the query with every macro expanded')
    .action((query: string | undefined, opts: ParseCliOptions) =>
      run(() => {
        const src = readQuery(query, opts, true);
        const parsed = parseSpl(src.text, { macros: loadMacros(opts.macros), filterFallback: opts.filter });
        process.stdout.write(`${parsed.expansion.text}\n`);
      }),
    );
}
