// Skipping lines that cannot match: the block pre-filter's literal scan over a piece's text, and what can hide a literal.
export { LiteralScan } from './literal-scan.js';
