/**
 * The CLI's words in the person's language: `say('cli:…')` anywhere in the
 * CLI. The language is chosen once per run (`useCliLanguage`, from their
 * settings or the locale environment) before any command prints.
 */
import type { ParseKeys } from 'i18next';
import { say as sayIn, translatorFor } from '../services/session';
import type { Translator } from '../../shared/i18n';

let current: Translator = translatorFor('en');

/** The language of what the CLI prints from now on. */
export function useCliLanguage(translator: Translator): void {
  current = translator;
}

/** The run's translator: for words the CLI shares with the app (the exchange summaries). */
export function cliTranslator(): Translator {
  return current;
}

/** A line of the `cli` catalogue in the run's language. */
export function say(key: `cli:${ParseKeys<'cli'>}`, params: Readonly<Record<string, string | number>> = {}): string {
  return sayIn(current, key, params);
}
