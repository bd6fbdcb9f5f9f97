/**
 * The interface's words in every language Dossier speaks, and one way to get
 * a translator for a language — used by main's menus and dialogs, the CLI and
 * the brief exporters. The renderer (react-i18next) imports `options.ts`
 * instead and loads only the catalogues of the language it speaks.
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
import type { UiLanguage } from '../enums';
import { I18N_BASE_OPTIONS, NAMESPACES, pickLanguage, type Namespace } from './options';
import { resources } from './resources';

export { resources, NAMESPACES, pickLanguage, I18N_BASE_OPTIONS, type Namespace };
export type Translator = I18n;

/** Options of a translator with every catalogue bundled (main, the CLI, exporters, tests). */
export const I18N_OPTIONS = {
  ...I18N_BASE_OPTIONS,
  resources,
  // Catalogues are bundled: initialise synchronously, so the first call already has its words.
  initAsync: false,
} as const;

/** A translator of its own for one language (main, the CLI, exporters): never shares state with another. */
export function createTranslator(language: UiLanguage): Translator {
  const instance = createInstance();
  void instance.init({ ...I18N_OPTIONS, lng: language });
  return instance;
}
