/**
 * The person's interface language as main and the CLI see it: the one chosen
 * in their settings, or with "system" the first language of the system that
 * Dossier speaks (the locale variables, then the runtime's default locale).
 */
import type { UiLanguage } from '../../../shared/enums';
import { pickLanguage } from '../../../shared/i18n';
import type { UserSettings } from '../../../shared/settings';

/** The system's preferred languages, most preferred first (gettext's order of the variables). */
export function systemLanguages(env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    ...(env.LANGUAGE ?? '').split(':'),
    env.LC_ALL,
    env.LC_MESSAGES,
    env.LANG,
    Intl.DateTimeFormat().resolvedOptions().locale,
  ].filter((tag): tag is string => !!tag && !/^(C|POSIX)([.@]|$)/i.test(tag));
}

export function interfaceLanguage(
  settings: Pick<UserSettings, 'language'>,
  env: NodeJS.ProcessEnv = process.env,
): UiLanguage {
  return settings.language === 'system' ? pickLanguage(systemLanguages(env)) : settings.language;
}
