/**
 * The catalogues of every language, bundled (no loading at run time): main's
 * menus and dialogs, the CLI and the exporters may speak any language at any
 * moment. The renderer does not import this module; it loads the one
 * language it speaks (renderer/src/i18n.ts). Add a namespace to NAMESPACES
 * (options.ts) and to each language module; add a language here.
 */
import type { UiLanguage } from '../enums';
import en from './languages/en';
import sv from './languages/sv';

export const resources = { en, sv } as const satisfies Record<UiLanguage, object>;

export { NAMESPACES, type Namespace } from './options';
