// The one registry of runnable SPL commands. Adding a command: one file in src/commands/, one line here.
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
import { whereCommand } from './where.js';
import { xmlkvCommand } from './xmlkv.js';

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
  whereCommand,
  xmlkvCommand,
];

/** Splunk commands that exist but splq cannot run yet: they fail with "not supported yet" rather than "unknown". */
export const KNOWN_SPL_COMMANDS = new Set([
  'abstract', 'accum', 'addcoltotals', 'addinfo', 'addtotals', 'analyzefields', 'anomalies', 'anomalousvalue',
  'anomalydetection', 'append', 'appendcols', 'appendpipe', 'arules', 'associate', 'audit', 'autoregress', 'bin',
  'bucket', 'bucketdir', 'chart', 'cluster', 'cofilter', 'collect', 'concurrency', 'contingency', 'convert',
  'correlate', 'datamodel', 'dbinspect', 'dedup', 'delete', 'delta', 'diff', 'erex', 'eval', 'eventcount',
  'eventstats', 'extract', 'kv', 'fieldformat', 'fields', 'fieldsummary', 'filldown', 'fillnull', 'findtypes',
  'folderize', 'foreach', 'format', 'from', 'fromjson', 'gauge', 'gentimes', 'geom', 'geomfilter', 'geostats',
  'head', 'highlight', 'history', 'iconify', 'inputcsv', 'join', 'kmeans', 'kvform',
  'loadjob', 'localize', 'localop', 'makecontinuous', 'makemv', 'makeresults', 'map', 'mcollect',
  'metadata', 'metasearch', 'meventcollect', 'mpreview', 'msearch', 'mstats', 'multikv', 'multisearch', 'mvcombine',
  'mvexpand', 'nomv', 'outlier', 'outputcsv', 'outputtext', 'overlap', 'pivot', 'predict', 'rangemap',
  'rare', 'redistribute', 'regex', 'reltime', 'rename', 'replace', 'require', 'rest', 'return', 'reverse', 'rex',
  'rtorder', 'savedsearch', 'script', 'run', 'scrub', 'search', 'searchtxn', 'selfjoin', 'sendemail', 'set',
  'setfields', 'sichart', 'sirare', 'sistats', 'sitimechart', 'sitop', 'sort', 'spath', 'stats', 'strcat',
  'streamstats', 'table', 'tags', 'tail', 'timechart', 'timewrap', 'tojson', 'top', 'transaction', 'transpose',
  'trendline', 'tscollect', 'tstats', 'typeahead', 'typelearner', 'typer', 'union', 'uniq', 'untable', 'walklex',
  'where', 'x11', 'xmlkv', 'xmlunescape', 'xpath', 'xyseries', 'apply', 'fit', 'summary', 'score', 'sample',
]);
