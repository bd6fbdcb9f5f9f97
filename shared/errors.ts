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
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || 'Something went wrong.' };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DossierError(result.error.code, result.error.message);
}
