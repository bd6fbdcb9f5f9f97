/**
 * The catalogues, bundled (no loading at run time: Dossier is offline and the
 * first paint must already have its words). Add a namespace here and in both
 * language folders.
 */
import enCommon from './locales/en/common.json';
import svCommon from './locales/sv/common.json';
import enImport from './locales/en/import.json';
import svImport from './locales/sv/import.json';

export const resources = {
  en: { common: enCommon, import: enImport },
  sv: { common: svCommon, import: svImport },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
