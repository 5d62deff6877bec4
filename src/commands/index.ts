// The one registry of runnable SPL commands. Adding a command: one file in src/commands/, one line here.
// Splunk's other command names (which fail as "not supported yet") are data: splunk-command-names.ts.
import type { CommandDef } from '../engine/types.js';
import { convertCommand } from './convert.js';
import { fieldsCommand } from './fields.js';
import { headCommand } from './head.js';
import { renameCommand } from './rename.js';
import { rexCommand } from './rex.js';
import { searchCommand } from './search.js';
import { statsCommand } from './stats.js';
import { tableCommand } from './table.js';
import { addtotalsCommand } from './addtotals.js';
import { binCommand } from './bin.js';
import { dedupCommand } from './dedup.js';
import { evalCommand } from './eval.js';
import { fillnullCommand } from './fillnull.js';
import { foreachCommand } from './foreach.js';
import { fromjsonCommand } from './fromjson.js';
import { inputlookupCommand } from './inputlookup.js';
import { iplocationCommand } from './iplocation.js';
import { lookupCommand } from './lookup.js';
import { outputlookupCommand } from './outputlookup.js';
import { makemvCommand } from './makemv.js';
import { makeresultsCommand } from './makeresults.js';
import { mvcombineCommand } from './mvcombine.js';
import { mvexpandCommand } from './mvexpand.js';
import { nomvCommand } from './nomv.js';
import { rareCommand } from './rare.js';
import { regexCommand } from './regex.js';
import { replaceCommand } from './replace.js';
import { reverseCommand } from './reverse.js';
import { sortCommand } from './sort.js';
import { spathCommand } from './spath.js';
import { tailCommand } from './tail.js';
import { topCommand } from './top.js';
import { tstatsCommand } from './tstats.js';
import { fromCommand } from './from.js';
import { datamodelCommand } from './datamodel.js';
import { whereCommand } from './where.js';
import { xmlkvCommand } from './xmlkv.js';
import { mapCommand } from './map.js';
import { anomalydetectionCommand } from './anomalydetection.js';
import { outlierCommand } from './outlier.js';
import { timechartCommand } from './timechart.js';
import { extractCommand } from './extract.js';
import { multikvCommand } from './multikv.js';
import { APP_COMMANDS } from './app-commands.js';
import { mstatsCommand } from './mstats.js';
import { transactionCommand } from './transaction.js';
import { eventstatsCommand } from './eventstats.js';
import { streamstatsCommand } from './streamstats.js';
import { appendpipeCommand } from './appendpipe.js';
import { appendCommand } from './append.js';
import { joinCommand } from './join.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const COMMANDS: ReadonlyArray<CommandDef<any>> = [
  searchCommand,
  renameCommand,
  fieldsCommand,
  tableCommand,
  headCommand,
  statsCommand,
  rexCommand,
  convertCommand,
  addtotalsCommand,
  binCommand,
  dedupCommand,
  evalCommand,
  fillnullCommand,
  foreachCommand,
  fromjsonCommand,
  inputlookupCommand,
  iplocationCommand,
  lookupCommand,
  outputlookupCommand,
  makemvCommand,
  makeresultsCommand,
  mvcombineCommand,
  mvexpandCommand,
  nomvCommand,
  rareCommand,
  regexCommand,
  replaceCommand,
  reverseCommand,
  sortCommand,
  spathCommand,
  tailCommand,
  topCommand,
  tstatsCommand,
  fromCommand,
  datamodelCommand,
  whereCommand,
  xmlkvCommand,
  joinCommand,
  appendCommand,
  appendpipeCommand,
  mapCommand,
  anomalydetectionCommand,
  outlierCommand,
  timechartCommand,
  extractCommand,
  multikvCommand,
  ...APP_COMMANDS,
  mstatsCommand,
  transactionCommand,
  eventstatsCommand,
  streamstatsCommand,
];

export { SPLUNK_COMMAND_NAMES } from './splunk-command-names.js';
