/**
 * The language main speaks to the person in — menus, dialogs, error messages,
 * the CLI: their language setting, or with "system" the operating system's
 * (Electron tells it; the CLI and dev:web read the locale environment).
 * Translators are made once per language and shared.
 */
import type { LanguageChoice, UiLanguage } from '../../../shared/enums';
import type { ParseKeys } from 'i18next';
import { createTranslator, pickLanguage, type Namespace, type Translator } from '../../../shared/i18n';

/**
 * The system's preferred languages from the locale environment, POSIX style: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set decides ("C" and "POSIX" mean English); without any, the
 * JavaScript runtime's own locale.
 */
export function environmentLanguages(env: NodeJS.ProcessEnv = process.env): string[] {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return [/^(C|POSIX)([._@]|$)/.test(value) ? 'en' : value];
  }
  return [Intl.DateTimeFormat().resolvedOptions().locale];
}

let systemLanguages: () => readonly string[] = () => environmentLanguages();

/** Where the system's preferred languages come from in this process (the desktop app asks Electron). */
export function useSystemLanguages(source: () => readonly string[]): void {
  systemLanguages = source;
}

/** The language a setting means: itself, or for "system" the first system language Dossier speaks. */
export function resolveLanguage(choice: LanguageChoice): UiLanguage {
  return choice === 'system' ? pickLanguage(systemLanguages()) : choice;
}

const translators = new Map<UiLanguage, Translator>();

/** The shared translator of a language. */
export function translatorFor(language: UiLanguage): Translator {
  let translator = translators.get(language);
  if (!translator) translators.set(language, (translator = createTranslator(language)));
  return translator;
}

/**
 * A word of the catalogues (`namespace:key`) in the translator's language: for a key chosen from a
 * union at run time, which i18next's own typing cannot take; the key is still checked here.
 */
export function say<NS extends Namespace>(
  translator: Translator,
  key: `${NS}:${ParseKeys<NS>}`,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return translator.t(key as never, params);
}
