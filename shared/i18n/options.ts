/**
 * What every translator shares without the catalogues themselves: the
 * namespaces, the choice of a language, the options. Importing this module
 * bundles no words, so the renderer can load only the language it speaks
 * (the catalogues of one language are `languages/<language>.ts`).
 *
 * Pure: no Node, DOM or Electron.
 */
import { UI_LANGUAGES, type UiLanguage } from '../enums';

/**
 * One namespace per renderer feature folder, plus the main process's (menu,
 * errors, cli), the exported brief's fixed words (brief) and the shared lists'
 * labels (enums). Each language module (`languages/<language>.ts`) must have
 * exactly these: the compiler checks it.
 */
export const NAMESPACES = [
  'common',
  'import',
  'app',
  'sources',
  'reader',
  'search',
  'help',
  'history',
  'inspector',
  'ui',
  'corroboration',
  'actors',
  'annotations',
  'briefs',
  'enums',
  'menu',
  'errors',
  'cli',
  'brief',
  'settings',
  'print',
  'a11y',
  'keyboard',
  'team',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The first of the preferred languages (BCP 47 tags such as "sv-SE") that Dossier speaks, else English. */
export function pickLanguage(preferred: readonly (string | undefined)[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split(/[-_.]/)[0];
    const found = UI_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/** Options every translator shares, whether its catalogues are bundled or loaded. */
export const I18N_BASE_OPTIONS = {
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  // React escapes text itself; other outputs (DOCX, PDF, Markdown, the terminal) escape for their format.
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
