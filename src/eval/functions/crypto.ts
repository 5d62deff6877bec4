// Cryptographic hash functions md5 sha1 sha256 sha512: lower-case hex digests of the UTF-8 text of each value.
import { createHash } from 'node:crypto';
import type { EvalFunction } from '../types.js';
import { textFunction } from './define.js';

function hashFunction(name: string, algorithm: string): EvalFunction {
  return textFunction(name, (text) => createHash(algorithm).update(text, 'utf8').digest('hex'));
}

export const CRYPTO_FUNCTIONS: EvalFunction[] = [
  hashFunction('md5', 'md5'),
  hashFunction('sha1', 'sha1'),
  hashFunction('sha256', 'sha256'),
  hashFunction('sha512', 'sha512'),
];
