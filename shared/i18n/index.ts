/**
 * The interface's words in every language Dossier speaks, and one way to get
 * a translator for a language — used by the renderer (through react-i18next),
 * main's menus and dialogs, the CLI and the brief exporters alike.
 *
 * Catalogues are JSON files, one per namespace and language, under
 * `shared/i18n/locales/<language>/<namespace>.json`; English is complete by
 * definition and every other language must have exactly its keys
 * (tests/unit/repo/i18n-catalogues.test.ts). Plurals use i18next's
 * `_one`/`_other` suffixes (Intl.PluralRules), dates and numbers go through
 * Intl with the translator's language.
 *
 * Pure: no Node, DOM or Electron.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import { UI_LANGUAGES, type UiLanguage } from '../enums';
import { resources, NAMESPACES, type Namespace } from './resources';

export { resources, NAMESPACES, type Namespace };
export type Translator = I18n;

/** The first of the preferred languages (BCP 47 tags such as "sv-SE") that Dossier speaks, else English. */
export function pickLanguage(preferred: readonly (string | undefined)[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split(/[-_.]/)[0];
    const found = UI_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/** Options every translator shares (the renderer adds react-i18next's plugin to the same). */
export const I18N_OPTIONS = {
  resources,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  // Catalogues are bundled: initialise synchronously, so the first render already has its words.
  initAsync: false,
  // React escapes text itself; other outputs (DOCX, PDF, Markdown, the terminal) escape for their format.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

/** A translator of its own for one language (main, the CLI, exporters): never shares state with another. */
export function createTranslator(language: UiLanguage): Translator {
  const instance = createInstance();
  void instance.init({ ...I18N_OPTIONS, lng: language });
  return instance;
}
