/**
 * Type-safe keys: `t('common:save')` compiles only when the English catalogue
 * has that key, so a key missing from the catalogue is a type error.
 */
import 'i18next';
import type { resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['en'];
    returnNull: false;
  }
}
