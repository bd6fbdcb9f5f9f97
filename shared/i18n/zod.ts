/**
 * Input checks said in the person's language. zod words its own messages when
 * it parses ("Invalid input: expected string, received number"): the API door
 * parses with `zodMessagesIn(language)` — zod's own locale for that language,
 * per parse, never a global setting another caller could change meanwhile. A
 * schema's own message ("the title cannot be empty") is a key of the `common`
 * catalogue's `validation`, written with `validation(key)` and said by
 * `issueText` where the error is worded (both in validation.ts, apart from zod).
 *
 * Pure: no Node, DOM or Electron.
 */
import type { z } from 'zod';
import { en, sv } from 'zod/locales';
import type { UiLanguage } from '../enums';

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

export { issueText, validation, type ValidationKey } from './validation';
