/**
 * The interface speaks the language the person chose in the settings: read
 * once at start and again whenever the settings change (`settings-changed`,
 * from this window or another). "system" follows the system's preferred
 * languages.
 */
import { useEffect } from 'react';
import type { LanguageChoice } from '../../../shared/enums';
import { pickLanguage } from '../../../shared/i18n/options';
import { call } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { setInterfaceLanguage } from '../i18n';

function follow(choice: LanguageChoice): Promise<void> {
  return setInterfaceLanguage(choice === 'system' ? pickLanguage(navigator.languages ?? [navigator.language]) : choice);
}

export function useInterfaceLanguage(): void {
  useEffect(() => {
    let current = true;
    call('getSettings', {})
      .then((settings) => (current ? follow(settings.language) : undefined))
      // Settings that cannot be read leave the system's language in place.
      .catch((err: unknown) => console.warn('The interface language setting could not be read', err));
    return () => {
      current = false;
    };
  }, []);
  useApiEvent('settings-changed', (event) => void follow(event.settings.language));
}
