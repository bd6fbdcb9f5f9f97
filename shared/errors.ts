/**
 * Errors that cross the API: a code a program can branch on and a message a
 * person can read. Never a stack trace.
 *
 * No zod here: the search worker makes these errors too, and starts without
 * loading it (a zod error is told by its name and issues).
 */
import { createInstance, type ParseKeys } from 'i18next';
import type { z } from 'zod';
import type { Translator } from './i18n';
import enCommon from './i18n/locales/en/common.json';
import enErrors from './i18n/locales/en/errors.json';
import { issueText } from './i18n/validation';

export const ERROR_CODES = [
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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

/** A message of the `errors` catalogue, e.g. `store.notebookClosed`. */
export type ErrorKey = ParseKeys<'errors'>;
/**
 * The values a message's {{placeholders}} take: text as it is, or a message in words of its own (said in
 * the same language as the message around it).
 */
export type MessageParams = Readonly<Record<string, string | number | Words>>;
/** A message in words: its key in the `errors` catalogue and its values, put in a language when shown. */
export interface Words {
  readonly key: ErrorKey;
  readonly params?: MessageParams;
}

let english: Translator | undefined;
/**
 * English, the language of logs and of a message until it is put in the person's language. Only the
 * `errors` catalogue (and the small `common`, whose `validation` words schemas use): the import and
 * search workers make errors too, and start faster without the rest.
 */
export function englishTranslator(): Translator {
  if (!english) {
    english = createInstance();
    void english.init({
      resources: { en: { errors: enErrors, common: enCommon } },
      lng: 'en',
      ns: ['errors', 'common'],
      defaultNS: 'errors',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
  }
  return english;
}

/** A message of the `errors` catalogue in the translator's language. */
export function sayError(t: Translator, words: Words): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.params ?? {}))
    params[name] = typeof value === 'object' ? sayError(t, value) : value;
  return t.t(`errors:${words.key}`, params) as string;
}

export class DossierError extends Error {
  readonly code: ErrorCode;
  /** The message's key and values, when it came from the catalogue: it can then be said in another language. */
  readonly words: Words | undefined;
  /**
   * An error whose message is already in words (from another process, a parser's own message): code that
   * makes a message itself uses `DossierError.of` with a key of the `errors` catalogue.
   */
  constructor(code: ErrorCode, message: string, words?: Words) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.words = words;
  }
  /** An error with a message of the `errors` catalogue: English until `inLanguage` says it in another. */
  static of(code: ErrorCode, key: ErrorKey, params?: MessageParams): DossierError {
    const words = params ? { key, params } : { key };
    return new DossierError(code, sayError(englishTranslator(), words), words);
  }
  /** The message in the translator's language (as it is, when it did not come from the catalogue). */
  inLanguage(t: Translator): string {
    return this.words ? sayError(t, this.words) : this.message;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Turns anything thrown into an ApiErrorShape a person can read, in the translator's language (English by default). */
export function toApiError(err: unknown, t: Translator = englishTranslator()): ApiErrorShape {
  if (err instanceof DossierError) return { code: err.code, message: err.inLanguage(t) };
  if (isZodError(err)) {
    const first = err.issues[0];
    const where = first && first.path.length ? ` (${first.path.join('.')})` : '';
    return {
      code: 'invalid-input',
      message: sayError(t, {
        key: 'shared.invalidInput',
        params: {
          where,
          problem: first ? issueText(t, first.message) : sayError(t, { key: 'shared.notExpectedShape' }),
        },
      }),
    };
  }
  const io = diskError(err, t);
  if (io) return io;
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || sayError(t, { key: 'shared.somethingWentWrong' }) };
}

/** A zod parse error (what `instanceof z.ZodError` tells, without loading zod). */
function isZodError(err: unknown): err is z.ZodError {
  return err instanceof Error && err.name === 'ZodError' && Array.isArray((err as { issues?: unknown }).issues);
}

/** What a person should read for the file-system errors a disk gives (Node's `code`s), instead of a raw errno. */
const DISK_ERRORS: Readonly<Record<string, ErrorKey>> = {
  ENOSPC: 'disk.full',
  EDQUOT: 'disk.quota',
  EIO: 'disk.readWrite',
  EROFS: 'disk.readOnly',
  EACCES: 'disk.permission',
  EPERM: 'disk.permission',
};

function diskError(err: unknown, t: Translator): ApiErrorShape | null {
  if (!(err instanceof Error)) return null;
  const { code, path: file } = err as Error & { code?: unknown; path?: unknown };
  const what = typeof code === 'string' ? DISK_ERRORS[code] : undefined;
  if (!what) return null;
  const where = typeof file === 'string' && file ? ` (${file})` : '';
  return {
    code: 'io',
    message: sayError(t, { key: 'disk.notSaved', params: { what: sayError(t, { key: what }), where } }),
  };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DossierError(result.error.code, result.error.message);
}
