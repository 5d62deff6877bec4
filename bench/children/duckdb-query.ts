// DuckDB baseline: run one SQL file with @duckdb/node-api and print the result rows as NDJSON.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [sqlPath, threads] = process.argv.slice(2) as [string, string | undefined];
const instance = await DuckDBInstance.create(':memory:', threads === undefined ? {} : { threads });
const connection = await instance.connect();
const result = await connection.runAndReadAll(readFileSync(sqlPath, 'utf8'));
process.stdout.write(result.getRowObjectsJson().map((row) => `${JSON.stringify(row)}\n`).join(''));
