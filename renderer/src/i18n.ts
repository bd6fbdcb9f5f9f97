/**
 * The renderer's translator: react-i18next over the shared catalogues
 * (shared/i18n). Components call `useTranslation('<namespace>')` and render
 * `t('key')`; no text literal in JSX (ESLint's i18next/no-literal-string).
 * The language starts from the system's preferred languages; the person's
 * setting, once read, replaces it (`setInterfaceLanguage`).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS, pickLanguage } from '../../shared/i18n';
import type { UiLanguage } from '../../shared/enums';

void i18next.use(initReactI18next).init({
  ...I18N_OPTIONS,
  lng: pickLanguage(navigator.languages ?? [navigator.language]),
  react: { useSuspense: false },
});
document.documentElement.lang = i18next.language;

/** Switch the whole interface to a language (every mounted `useTranslation` re-renders). */
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
