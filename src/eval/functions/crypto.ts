// Cryptographic hash functions md5 sha1 sha256 sha512: lower-case hex digests of the UTF-8 text of each value.
import { createRequire } from 'node:module';
import type { EvalFunction } from '../types.js';
import { textFunction } from './define.js';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/** node:crypto, loaded on the first hash: loading it at start-up cost every run a few ms. */
function nodeCrypto(): Crypto {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return crypto;
}

function hashFunction(name: string, algorithm: string): EvalFunction {
  return textFunction(name, (text) => nodeCrypto().createHash(algorithm).update(text, 'utf8').digest('hex'));
}

export const CRYPTO_FUNCTIONS: EvalFunction[] = [
  hashFunction('md5', 'md5'),
  hashFunction('sha1', 'sha1'),
  hashFunction('sha256', 'sha256'),
  hashFunction('sha512', 'sha512'),
];
