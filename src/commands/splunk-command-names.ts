// Data: the names of Splunk's search commands (Search Reference). A name here that no CommandDef runs fails with
// "`x` is not supported yet" rather than "unknown command"; the registry need not be kept in step with this list.
export const SPLUNK_COMMAND_NAMES: ReadonlySet<string> = new Set([
  'abstract', 'accum', 'addcoltotals', 'addinfo', 'addtotals', 'analyzefields', 'anomalies', 'anomalousvalue',
  'anomalydetection', 'append', 'appendcols', 'appendpipe', 'arules', 'associate', 'audit', 'autoregress', 'bin',
  'bucket', 'bucketdir', 'chart', 'cluster', 'cofilter', 'collect', 'concurrency', 'contingency', 'convert',
  'correlate', 'dbinspect', 'dedup', 'delete', 'delta', 'diff', 'erex', 'eval', 'eventcount',
  'eventstats', 'extract', 'kv', 'fieldformat', 'fields', 'fieldsummary', 'filldown', 'fillnull', 'findtypes',
  'folderize', 'foreach', 'format', 'fromjson', 'gauge', 'gentimes', 'geom', 'geomfilter', 'geostats',
  'head', 'highlight', 'history', 'iconify', 'inputcsv', 'inputlookup', 'iplocation', 'join', 'kmeans', 'kvform',
  'loadjob', 'localize', 'localop', 'lookup', 'makecontinuous', 'makemv', 'makeresults', 'map', 'mcollect',
  'metadata', 'metasearch', 'meventcollect', 'mpreview', 'msearch', 'mstats', 'multikv', 'multisearch', 'mvcombine',
  'mvexpand', 'nomv', 'outlier', 'outputcsv', 'outputlookup', 'outputtext', 'overlap', 'pivot', 'predict', 'rangemap',
  'rare', 'redistribute', 'regex', 'reltime', 'rename', 'replace', 'require', 'rest', 'return', 'reverse', 'rex',
  'rtorder', 'savedsearch', 'script', 'run', 'scrub', 'search', 'searchtxn', 'selfjoin', 'sendemail', 'set',
  'setfields', 'sichart', 'sirare', 'sistats', 'sitimechart', 'sitop', 'sort', 'spath', 'stats', 'strcat',
  'streamstats', 'table', 'tags', 'tail', 'timechart', 'timewrap', 'tojson', 'top', 'transaction', 'transpose',
  'trendline', 'tscollect', 'typeahead', 'typelearner', 'typer', 'union', 'uniq', 'untable', 'walklex',
  'where', 'x11', 'xmlkv', 'xmlunescape', 'xpath', 'xyseries', 'apply', 'fit', 'summary', 'score', 'sample',
]);
