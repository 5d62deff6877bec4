// The table of error codes: each code's one-line meaning and the CLI exit code it ends a run with (docs/errors.md is generated from it).

/** Exit codes of the CLI (sysexits-style where one fits). */
export const EXIT = {
  /** A query mistake: syntax, unknown command, macro or function, bad option or argument. */
  query: 2,
  /** Input that cannot be read, or a malformed record under --strict. */
  input: 3,
  /** A resource limit: a command that holds data passed its memory budget (`--max-memory`). */
  limit: 4,
  /** A command-line mistake: unknown flag, bad flag value, missing query. */
  usage: 64,
  /** A bug in splq (reported with a stack trace). */
  internal: 70,
} as const;

interface CodeFacts {
  meaning: string;
  exit: (typeof EXIT)[keyof typeof EXIT];
}

export const ERROR_CODES = {
  'lex-error': { meaning: 'a character or comment the lexer cannot read (e.g. an unclosed ``` comment)', exit: EXIT.query },
  'unbalanced-quote': { meaning: 'a quoted string is never closed', exit: EXIT.query },
  'unbalanced-bracket': { meaning: 'a ( or [ is never closed, or a ) or ] closes nothing', exit: EXIT.query },
  'unexpected-token': { meaning: 'the parser expected something else here', exit: EXIT.query },
  'parse-error': { meaning: 'the query does not parse (a problem no more precise code covers)', exit: EXIT.query },
  'unknown-macro': { meaning: 'a backtick macro with no definition among the macro files given', exit: EXIT.query },
  'macro-arity': { meaning: 'a macro called with a number of arguments it is not defined for', exit: EXIT.query },
  'macro-cycle': { meaning: 'a macro expands into itself', exit: EXIT.query },
  'macro-depth': { meaning: 'macros nest deeper than the expansion limit', exit: EXIT.query },
  'macro-expansion-limit': { meaning: 'macros expand to more than 10,000 calls or 1,000,000 characters (a fan-out "macro bomb")', exit: EXIT.query },
  'macro-iseval': { meaning: 'an `iseval = 1` macro, which splq does not evaluate', exit: EXIT.query },
  'macro-load': { meaning: 'a macro file (ESCU YAML or macros.conf) that cannot be read', exit: EXIT.query },
  'unknown-command': { meaning: 'a command name Splunk does not have', exit: EXIT.query },
  'unsupported-command': { meaning: 'a Splunk command splq does not run yet', exit: EXIT.query },
  'unknown-function': { meaning: 'an eval or stats function that does not exist', exit: EXIT.query },
  'unknown-datamodel': { meaning: 'a data model or dataset (tstats, from, datamodel) that is not defined', exit: EXIT.query },
  'bad-datamodel-map': { meaning: 'a --datamodel-map file (raw events to CIM fields) that is malformed', exit: EXIT.query },
  'bad-ta': { meaning: 'a --ta add-on folder that is missing, or a props.conf/eventtypes.conf/tags.conf stanza in it that is malformed', exit: EXIT.query },
  'bad-option': { meaning: 'an unknown option of a command, or a bad value for one', exit: EXIT.query },
  'bad-argument': { meaning: 'a command or function argument of the wrong shape or value', exit: EXIT.query },
  'bad-regex': { meaning: 'a regular expression that does not compile', exit: EXIT.query },
  'regex-limit': { meaning: 'a regular expression ran past its time budget on one value (like Splunk\'s rex match_limit)', exit: EXIT.query },
  'query-too-complex': { meaning: 'the query nests brackets deeper than 200 levels, or is too deep or long for the parser and compiler', exit: EXIT.query },
  'bad-time-format': { meaning: 'a time format or relative time modifier that cannot be read', exit: EXIT.query },
  'input-error': { meaning: 'an input path that cannot be found or read', exit: EXIT.input },
  'malformed-input': { meaning: 'a malformed input record under --strict', exit: EXIT.input },
  'unknown-lookup': { meaning: 'a lookup name no definition, table file or --lookup gives', exit: EXIT.query },
  'lookup-load': { meaning: 'a lookup definition or table that cannot be read (missing file, bad setting, missing geolocation package)', exit: EXIT.input },
  'malformed-lookup': { meaning: 'a lookup table with a malformed row (wrong number of cells, unclosed quote, bad JSON)', exit: EXIT.input },
  'lookup-path': { meaning: 'outputlookup to a path outside --lookup-dir, or without one', exit: EXIT.query },
  'limit-exceeded': { meaning: 'a documented limit was passed (events held by a command, subsearch rows, memory)', exit: EXIT.query },
  'memory-limit': { meaning: 'a command that holds data (sort, dedup, stats, eventstats, transaction, join, ...) passed its memory budget (--max-memory, default half of the V8 heap limit)', exit: EXIT.limit },
  'needs-app': { meaning: 'a command that needs a Splunk app with trained models (apply, cyberchef, ...), which splq does not fake', exit: EXIT.query },
  usage: { meaning: 'a command-line mistake (flag, flag value, missing query)', exit: EXIT.usage },
} as const satisfies Record<string, CodeFacts>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The exit code a run ends with for an error of this code. */
export function exitCodeOf(code: ErrorCode): number {
  return ERROR_CODES[code].exit;
}
