/**
 * The renderer's translator: react-i18next over the shared catalogues
 * (shared/i18n). Components call `useTranslation('<namespace>')` and render
 * `t('key')`; no text literal in JSX (ESLint's i18next/no-literal-string).
 * The language starts from the system's preferred languages; the person's
 * setting, once read, replaces it (`setInterfaceLanguage`).
 *
 * Only the language the interface speaks is loaded: each language's
 * catalogues are a chunk of their own (shared/i18n/languages/<language>.ts),
 * imported before the first render (this module awaits it) and, for another
 * language, when the interface switches to it. No fallback language is
 * loaded beside it: every language has exactly English's keys
 * (tests/unit/repo/i18n-catalogues.test.ts).
 */
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { I18N_BASE_OPTIONS, pickLanguage, type Namespace } from '../../shared/i18n/options';
import type { UiLanguage } from '../../shared/enums';

type Catalogues = Record<Namespace, object>;
const LANGUAGES: Record<UiLanguage, () => Promise<{ default: Catalogues }>> = {
  en: () => import('../../shared/i18n/languages/en'),
  sv: () => import('../../shared/i18n/languages/sv'),
};

await i18next
  .use(
    resourcesToBackend(async (language: string, namespace: string) => {
      const load = LANGUAGES[language as UiLanguage];
      if (!load) throw new Error(`Dossier does not speak "${language}".`);
      return (await load()).default[namespace as Namespace];
    }),
  )
  .use(initReactI18next)
  .init({
    ...I18N_BASE_OPTIONS,
    fallbackLng: false,
    lng: pickLanguage(navigator.languages ?? [navigator.language]),
    react: { useSuspense: false },
  });
document.documentElement.lang = i18next.language;

/**
 * Switch the whole interface to a language (every mounted `useTranslation` re-renders), once its
 * catalogues are loaded: the interface never shows a language half loaded.
 */
export async function setInterfaceLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * The locale dates, numbers and lists are written in: the interface's
 * language, in the system's regional variant when the system prefers one of
 * it ("en-GB": 12 Mar 2025; "sv-FI"), else the language alone.
 */
export function formatLocale(): string {
  const language = i18next.language;
  const preferred = navigator.languages ?? [navigator.language];
  return preferred.find((tag) => tag?.toLowerCase().split('-')[0] === language) ?? language;
}

export { i18next };
