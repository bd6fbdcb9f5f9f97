/**
 * Errors that cross the API: a code a program can branch on and a message a
 * person can read. Never a stack trace.
 */
import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid-input',
  'not-found',
  'read-only',
  'locked',
  'corrupt',
  'unsupported',
  'cancelled',
  /** The disk refused: full, over quota, failing or not writable. */
  'io',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({ code: ErrorCode, message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class DossierError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Turns anything thrown into an ApiErrorShape a person can read. */
export function toApiError(err: unknown): ApiErrorShape {
  if (err instanceof DossierError) return err.toJSON();
  if (err instanceof z.ZodError) {
    const first = err.issues[0];
    const where = first && first.path.length ? ` (${first.path.join('.')})` : '';
    return {
      code: 'invalid-input',
      message: `Invalid input${where}: ${first?.message ?? 'does not match the expected shape'}`,
    };
  }
  const io = diskError(err);
  if (io) return io;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || 'Something went wrong.' };
}

/** What a person should read for the file-system errors a disk gives (Node's `code`s), instead of a raw errno. */
const DISK_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is used up',
  EIO: 'The disk reported a read or write error',
  EROFS: 'The disk is read-only',
  EACCES: 'Permission denied',
  EPERM: 'Permission denied',
};

function diskError(err: unknown): ApiErrorShape | null {
  if (!(err instanceof Error)) return null;
  const { code, path: file } = err as Error & { code?: unknown; path?: unknown };
  const what = typeof code === 'string' ? DISK_ERRORS[code] : undefined;
  if (!what) return null;
  const where = typeof file === 'string' && file ? ` (${file})` : '';
  return {
    code: 'io',
    message: `${what}${where}: the change was not saved, and what was saved before is kept. Free some space or fix the disk, then try again.`,
  };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DossierError(result.error.code, result.error.message);
}
