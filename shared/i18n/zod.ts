/**
 * Input checks said in the person's language. zod words its own messages when
 * it parses ("Invalid input: expected string, received number"): the API door
 * parses with `zodMessagesIn(language)` — zod's own locale for that language,
 * per parse, never a global setting another caller could change meanwhile. A
 * schema's own message ("the title cannot be empty") is a key of the `common`
 * catalogue's `validation`, written with `validation(key)` and said by
 * `issueText` where the error is worded.
 *
 * Pure: no Node, DOM or Electron.
 */
import type { ParseKeys } from 'i18next';
import type { z } from 'zod';
import { en, sv } from 'zod/locales';
import type { UiLanguage } from '../enums';
import type { Translator } from './index';

type ErrorMap = z.core.$ZodErrorMap;

/** zod's messages for each interface language (adding a language adds its zod locale here). */
const ZOD_LOCALES: Record<UiLanguage, () => { localeError: ErrorMap }> = { en, sv };
const maps = new Map<string, ErrorMap>();

/** Parse options that word zod's own messages in `language` (English for one Dossier does not speak). */
export function zodMessagesIn(language: string | undefined): { error: ErrorMap } {
  const lang: UiLanguage = language && language in ZOD_LOCALES ? (language as UiLanguage) : 'en';
  let map = maps.get(lang);
  if (!map) maps.set(lang, (map = ZOD_LOCALES[lang]().localeError));
  return { error: map };
}

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
