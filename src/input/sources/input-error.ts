// Turn a file-system failure into the user-facing `input-error` SplError: "cannot read <path>: <reason>".
import { SplError } from '../../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** The short human reason for an fs / zlib error. */
export function describeReadFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

/** `SplError('input-error', 'cannot read <path>: <reason>')`; an SplError passes through unchanged. */
export function cannotRead(path: string, err: unknown): SplError {
  if (err instanceof SplError) return err;
  return new SplError('input-error', `cannot read ${path}: ${describeReadFailure(err)}`);
}
