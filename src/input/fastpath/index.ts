// Skipping lines that cannot match: the block pre-filter's literal scans over text and raw bytes, and what can hide a literal.
export { LiteralScan } from './literal-scan.js';
export { ByteLiteralScan } from './byte-literal-scan.js';
export { sparseByteLines } from './line-iteration.js';
