// What each grammar rule reads, in words: parse errors say "expected X in <this>" from the innermost described rule.
// A command with its own rule in parser.ts describes it here, beside the grammar; generic commands need nothing.
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  evalExpr: 'an eval expression', evalPrimary: 'an eval expression', evalCall: 'a function call', searchExpr: 'a search',
  searchPrimary: 'a search term', renamePair: 'a rename pair (old AS new)', conversion: 'a convert function such as ctime(field)',
  aggregate: 'a stats function', fieldList: 'a field list', commandOption: 'an option (name=value)',
  evalAssignment: 'an assignment (field=expression)', command: 'a command', pipeline: 'a search',
  statsCommand: 'stats (functions, then BY and field names)', renameCommand: 'rename (old AS new)',
  convertCommand: 'convert', rexCommand: 'rex', evalCommand: 'eval', whereCommand: 'where', fieldsCommand: 'fields',
  tableCommand: 'table', headCommand: 'head', genericCommand: 'a command',
};
