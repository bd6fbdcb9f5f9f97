/**
 * A schema's own message ("the title cannot be empty") is a key of the
 * `common` catalogue's `validation`, written with `validation(key)` and said
 * by `issueText` where the error is worded (zod.ts words zod's own messages).
 * Apart from zod: shared/errors.ts words errors with it, and the workers that
 * make errors start without loading zod.
 *
 * Pure: no Node, DOM or Electron.
 */
import type { ParseKeys } from 'i18next';
import type { Translator } from './index';

/** A schema's own message: a `validation` key of the `common` catalogue. */
export type ValidationKey = Extract<ParseKeys<'common'>, `validation.${string}`>;
const PREFIX = 'common:';

/** A schema's own message, to be said in the person's language where the error is worded. */
export function validation(key: ValidationKey): string {
  return `${PREFIX}${key}`;
}

/** An issue's message in the translator's language: a schema's own message said, zod's as it worded it. */
export function issueText(t: Translator, message: string): string {
  return message.startsWith(`${PREFIX}validation.`) ? t.t(message as `common:${ValidationKey}`) : message;
}
