// node:zlib, loaded on first use (gzip input and lookups): loading it at start-up cost every run (~2-8 M instructions).
import { createRequire } from 'node:module';

type Zlib = typeof import('node:zlib');
let zlib: Zlib | undefined;

/** node:zlib, required on the first call (a `.gz` input or lookup table); later calls return the same module. */
export function nodeZlib(): Zlib {
  zlib ??= createRequire(import.meta.url)('node:zlib') as Zlib;
  return zlib;
}
