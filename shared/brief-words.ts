/**
 * A brief's fixed words and dates in the brief's own language (not the
 * interface's): the `brief` catalogue namespace through one translator per
 * language, made once, and dates written with Intl for that language. Used by
 * the drafts, the live facts and every exporter. Pure: no Node, DOM or Electron.
 */
import { createInstance, type TFunction } from 'i18next';
import { UiLanguage } from './enums';
import { I18N_BASE_OPTIONS } from './i18n/options';
import enBrief from './i18n/locales/en/brief.json';
import svBrief from './i18n/locales/sv/brief.json';

export type BriefWords = TFunction<'brief'>;

/** The language a brief is in: its own, English for a brief saved before briefs had one. */
export const DEFAULT_BRIEF_LANGUAGE: UiLanguage = 'en';

/**
 * Only the `brief` catalogue of each language: the renderer drafts and exports briefs in any language
 * without loading the interface's other catalogues of that language.
 */
const CATALOGUES: Record<UiLanguage, typeof enBrief> = { en: enBrief, sv: svBrief };
const words = new Map<UiLanguage, BriefWords>();

/** The `brief` namespace's words in `language`. */
export function briefWords(language: UiLanguage = DEFAULT_BRIEF_LANGUAGE): BriefWords {
  let t = words.get(language);
  if (!t) {
    const translator = createInstance();
    void translator.init({
      ...I18N_BASE_OPTIONS,
      resources: { [language]: { brief: CATALOGUES[language] } },
      lng: language,
      ns: ['brief'],
      defaultNS: 'brief',
      fallbackLng: false,
      initAsync: false,
    });
    t = translator.getFixedT(language, 'brief');
    words.set(language, t);
  }
  return t;
}

/** Each language's date style: "12 March 2025" (British order, as briefs always had) and "12 mars 2025". */
const DATE_LOCALE: Record<UiLanguage, string> = { en: 'en-GB', sv: 'sv-SE' };
const dateFormats = new Map<UiLanguage, Intl.DateTimeFormat>();

/** A calendar day written out in `language`, in UTC (a day is the same day wherever the brief is read). */
export function briefDate(day: Date, language: UiLanguage = DEFAULT_BRIEF_LANGUAGE): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(language, format);
  }
  return format.format(day);
}

/** The brief's language, or English when the value is absent or not one Dossier writes. */
export function briefLanguage(value: unknown): UiLanguage {
  const parsed = UiLanguage.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_BRIEF_LANGUAGE;
}
