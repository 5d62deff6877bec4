// The benchmark queries: each SPL search with an equivalent DuckDB SQL and jq program that follow Splunk semantics.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export interface BenchQuery {
  id: string;
  description: string;
  spl: string;
  /** SQL over the NDJSON file at `dataPath`. */
  duckdbSql(dataPath: string): string;
  /** jq arguments (options and program) to run before the data path; absent: jq is not timed for this query. */
  jqArgs?: string[];
}

export const DETECTION_PATH = 'queries/wmi_permanent_event_subscription.yml';
const WMI_SOURCETYPE = 'wineventlog:microsoft-windows-wmi-activity/operational';
const SYSMON_SOURCETYPE = 'WinEventLog:Microsoft-Windows-Sysmon/Operational';
const SCM_CONSUMER = 'NTEventLogEventConsumer="SCM Event Log Consumer"';
const CONSUMER_REGEX = String.raw`Consumer =\s+([^;|^$]+)`;
const IMAGE_REGEX = String.raw`Image: ([^\r\n]+)`;
const CTIME_FORMAT = '%Y-%m-%dT%H:%M:%S';
/** Splunk's default major and minor segment breakers (segmenters.conf), as one regex character class. */
const BREAKER_CLASS = String.raw`[\[\]<>(){}|!;,'"*\n\r \t&?+/:=@.\-$#%\\_]`;

/**
 * A regex (RE2, Oniguruma and JavaScript alike) that finds the lower-case `term` in a lower-cased raw line as a
 * whole segment: bounded by breakers or the ends of the line, as Splunk matches a bare search keyword.
 */
export function wholeTermRegex(term: string): string {
  return `(^|${BREAKER_CLASS})${term.toLowerCase()}(${BREAKER_CLASS}|$)`;
}

/** A jq filter that is true when its input string equals `value` ignoring case (a regex, since jq's ascii_downcase is slow). */
function jqEqualsIgnoringCase(value: string): string {
  return `test(${JSON.stringify(`\\A${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\z`)}; "i")`;
}

function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Every line of the file as one VARCHAR column `line` (the event's _raw). */
function rawLines(dataPath: string): string {
  return `read_csv(${sqlText(dataPath)}, columns={'line': 'VARCHAR'}, header=false, delim='\x01', quote='', escape='', auto_detect=false)`;
}

/**
 * `records='true'`: every line is an object whose keys are the columns. Under the default ('auto') DuckDB may
 * read a line that lacks the one column as the column's value, the whole object as text (seen on the real shape).
 */
function ndjsonColumns(dataPath: string, columns: string[]): string {
  return `read_ndjson(${sqlText(dataPath)}, columns={${columns.map((name) => `'${name}': 'VARCHAR'`).join(', ')}}, records='true')`;
}

function ctimeSql(epochSql: string): string {
  return `strftime(epoch_ms(CAST(floor(${epochSql}) AS BIGINT) * 1000), '${CTIME_FORMAT}')`;
}

/** The ESCU detection's `search` text, read from the YAML the project ships; undefined when it is not there yet. */
export function loadDetectionSpl(root: string): string | undefined {
  const path = `${root}/${DETECTION_PATH}`;
  if (!existsSync(path)) return undefined;
  const search = (parseYaml(readFileSync(path, 'utf8')) as { search?: unknown }).search;
  return typeof search === 'string' ? search.trim() : undefined;
}

/** Q1: the detection as SPL, and its Splunk semantics spelled out in SQL and jq. */
export function detectionQuery(spl: string): BenchQuery {
  return {
    id: 'Q1',
    description: 'WMI permanent event subscription detection (ESCU, verbatim)',
    spl,
    duckdbSql: (dataPath) => `
WITH events AS (
  SELECT line, line->>'$.sourcetype' AS sourcetype, line->>'$.EventCode' AS EventCode, line->>'$.ComputerName' AS ComputerName,
         line->>'$.Message' AS Message, CAST(line->>'$._time' AS DOUBLE) AS _time
  FROM ${rawLines(dataPath)}
), extracted AS (
  SELECT ComputerName, Message, _time, NULLIF(regexp_extract(Message, ${sqlText(CONSUMER_REGEX)}, 1), '') AS consumer
  FROM events
  WHERE lower(sourcetype) = ${sqlText(WMI_SOURCETYPE)} AND lower(EventCode) = '5861'
    AND regexp_matches(lower(line), ${sqlText(wholeTermRegex('Binding'))})
)
SELECT ComputerName AS dest, consumer, Message, count(*) AS count,
       ${ctimeSql('min(_time)')} AS firstTime, ${ctimeSql('max(_time)')} AS lastTime
FROM extracted
WHERE lower(consumer) <> lower(${sqlText(SCM_CONSUMER)}) AND ComputerName IS NOT NULL AND Message IS NOT NULL
GROUP BY ComputerName, consumer, Message`,
    jqArgs: ['-R', '-n', '-c', `
[inputs
 | select(test("binding"; "i") and test(${JSON.stringify(wholeTermRegex('Binding'))}; "i"))
 | fromjson
 | select((.sourcetype | strings | ${jqEqualsIgnoringCase(WMI_SOURCETYPE)}) and (.EventCode | tostring) == "5861")
 | . as $e
 | ($e.Message | strings | capture(${JSON.stringify(CONSUMER_REGEX.replace('(', '(?<consumer>'))}).consumer) as $consumer
 | select(($consumer | ascii_downcase) != (${JSON.stringify(SCM_CONSUMER)} | ascii_downcase) and $e.ComputerName != null)
 | {ComputerName: $e.ComputerName, consumer: $consumer, Message: $e.Message, _time: $e._time}]
| group_by([.ComputerName, .consumer, .Message])[]
| {dest: .[0].ComputerName, consumer: .[0].consumer, Message: .[0].Message, count: length,
   firstTime: (map(._time) | min | floor | strftime("${CTIME_FORMAT}")),
   lastTime: (map(._time) | max | floor | strftime("${CTIME_FORMAT}"))}`],
  };
}

const COUNT_BY_SOURCETYPE: BenchQuery = {
  id: 'Q2',
  description: 'stats count by sourcetype, EventCode',
  spl: '* | stats count by sourcetype, EventCode',
  duckdbSql: (dataPath) => `
SELECT sourcetype, EventCode, count(*) AS count FROM ${ndjsonColumns(dataPath, ['sourcetype', 'EventCode'])}
WHERE sourcetype IS NOT NULL AND EventCode IS NOT NULL GROUP BY sourcetype, EventCode`,
  jqArgs: ['-n', '-c', `
reduce (inputs | select(.sourcetype != null and .EventCode != null) | [.sourcetype, (.EventCode | tostring)] | tojson) as $key ({}; .[$key] = .[$key] + 1)
| to_entries[] | (.key | fromjson) as [$sourcetype, $code] | {sourcetype: $sourcetype, EventCode: $code, count: .value}`],
};

const REX_IMAGE_COUNTS: BenchQuery = {
  id: 'Q3',
  description: 'rex the process image out of every Sysmon Message, stats count by it',
  spl: `sourcetype="${SYSMON_SOURCETYPE}" | rex field=Message "${IMAGE_REGEX.replace('(', '(?<image>')}" | stats count by image`,
  duckdbSql: (dataPath) => `
SELECT image, count(*) AS count FROM (
  SELECT NULLIF(regexp_extract(Message, ${sqlText(IMAGE_REGEX)}, 1), '') AS image
  FROM ${ndjsonColumns(dataPath, ['sourcetype', 'Message'])} WHERE lower(sourcetype) = ${sqlText(SYSMON_SOURCETYPE.toLowerCase())}
) WHERE image IS NOT NULL GROUP BY image`,
  jqArgs: ['-n', '-c', `
reduce (inputs | select(.sourcetype | strings | ${jqEqualsIgnoringCase(SYSMON_SOURCETYPE)})
        | .Message | strings | capture(${JSON.stringify(IMAGE_REGEX.replace('(', '(?<image>'))}).image) as $image ({}; .[$image] = .[$image] + 1)
| to_entries[] | {image: .key, count: .value}`],
};

const TOP_PROCESSES: BenchQuery = {
  id: 'Q4',
  description: 'high-cardinality stats count by ProcessGuid, top 10 (ties broken by ProcessGuid)',
  spl: '* | stats count by ProcessGuid | sort -count, +ProcessGuid | head 10',
  duckdbSql: (dataPath) => `
SELECT ProcessGuid, count(*) AS count FROM ${ndjsonColumns(dataPath, ['ProcessGuid'])}
WHERE ProcessGuid IS NOT NULL GROUP BY ProcessGuid ORDER BY count DESC, ProcessGuid ASC LIMIT 10`,
  jqArgs: ['-n', '-c', `
reduce (inputs | .ProcessGuid | strings) as $guid ({}; .[$guid] = .[$guid] + 1)
| to_entries | sort_by([-.value, .key]) | .[:10][] | {ProcessGuid: .key, count: .value}`],
};

/** SQL: the text after the last backslash (the CIM's basename of an image path). */
const sqlBasename = (col: string) => `regexp_replace(${col}, '^.*\\\\', '')`;
/** SQL: NULL for a missing or empty value (an empty EVAL result is no value). */
const sqlValue = (expr: string) => `NULLIF(${expr}, '')`;

/**
 * Q5: tstats over Endpoint.Processes built from raw events, the mapping spelled out in SQL as docs/datamodels.md gives
 * it: Sysmon EventCode 1 and Security 4688 enter the dataset; process_name is the basename of Image / NewProcessName
 * (else the first word of the command line, else "unknown"); user is User (Sysmon) or TargetUserName unless empty or
 * "-", else SubjectUserName (4688); dest is dest, Computer, Hostname or ComputerName; both filled with "unknown".
 */
const TSTATS_PROCESSES: BenchQuery = {
  id: 'Q5',
  description: 'tstats count min/max(_time) from Endpoint.Processes where process_name=cmd.exe by dest, user (CIM mapping from Sysmon 1 + Security 4688)',
  spl: '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user',
  duckdbSql: (dataPath) => `
WITH raw AS (
  SELECT * FROM read_ndjson(${sqlText(dataPath)}, columns={'_time': 'DOUBLE', 'sourcetype': 'VARCHAR', 'source': 'VARCHAR', 'EventCode': 'VARCHAR',
    'Image': 'VARCHAR', 'NewProcessName': 'VARCHAR', 'CommandLine': 'VARCHAR', 'User': 'VARCHAR', 'TargetUserName': 'VARCHAR',
    'SubjectUserName': 'VARCHAR', 'dest': 'VARCHAR', 'Computer': 'VARCHAR', 'Hostname': 'VARCHAR', 'ComputerName': 'VARCHAR'}, records='true')
), mapped AS (
  SELECT _time,
    coalesce(${sqlValue('dest')}, ${sqlValue('Computer')}, ${sqlValue('Hostname')}, ${sqlValue('ComputerName')}, 'unknown') AS dest,
    CASE WHEN is_sysmon THEN coalesce(${sqlValue('User')}, 'unknown')
         ELSE coalesce(CASE WHEN ${sqlValue('TargetUserName')} IS NULL OR TargetUserName = '-' THEN ${sqlValue('SubjectUserName')} ELSE TargetUserName END, 'unknown') END AS "user",
    coalesce(${sqlValue(`CASE WHEN is_sysmon THEN ${sqlBasename('Image')} ELSE ${sqlBasename('NewProcessName')} END`)},
             ${sqlValue(`regexp_extract(CASE WHEN is_sysmon THEN CommandLine WHEN contains(regexp_extract(CommandLine, '^\\s*("[^"]+"|[^\\s]+)', 1), '\\') THEN CommandLine END, '^\\s*([^\\s]+)', 1)`)}, 'unknown') AS process_name
  FROM (
    SELECT *, coalesce(lower(sourcetype) LIKE '%wineventlog:microsoft-windows-sysmon/operational', false) OR coalesce(lower(source) LIKE '%wineventlog:microsoft-windows-sysmon/operational', false) AS is_sysmon,
      coalesce(lower(sourcetype) LIKE '%wineventlog:security', false) OR coalesce(lower(source) LIKE '%wineventlog:security', false) AS is_security
    FROM raw
  ) WHERE (is_sysmon AND EventCode = '1') OR (NOT is_sysmon AND is_security AND EventCode = '4688')
)
SELECT dest AS "Processes.dest", "user" AS "Processes.user", count(*) AS count, min(_time) AS "min(_time)", max(_time) AS "max(_time)"
FROM mapped WHERE lower(process_name) = 'cmd.exe' GROUP BY dest, "user"`,
};

/** All benchmark queries; Q1 only when the detection YAML exists under `root`. */
export function benchQueries(root: string): BenchQuery[] {
  const detection = loadDetectionSpl(root);
  return [...(detection === undefined ? [] : [detectionQuery(detection)]), COUNT_BY_SOURCETYPE, REX_IMAGE_COUNTS, TOP_PROCESSES, TSTATS_PROCESSES];
}
