/**
 * The person's settings in the renderer: read once through the API, kept in
 * step with `settings-changed` (any window, the CLI), and changed with
 * `updateSettings` — saved at once, per user, never in the notebook.
 */
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, type SettingsPatch, type UserSettings } from '../../../shared/settings';
import { call } from '../api';
import { apiQueryKey, useApiQuery } from '../api/queries';
import { useApiEvent } from '../api/useApiEvent';

const KEY = apiQueryKey('getSettings', {});

/** The settings (the defaults until they are read) and a function that saves a change. */
export function useSettings(): {
  settings: UserSettings;
  loaded: boolean;
  update(patch: SettingsPatch): Promise<void>;
} {
  const client = useQueryClient();
  // Settings are not the notebook's: no notebook change makes them stale, only settings-changed.
  const query = useApiQuery('getSettings', {}, { placeholderData: DEFAULT_SETTINGS });
  useApiEvent('settings-changed', (event) => client.setQueryData(KEY, event.settings));
  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once (a control never snaps back while main saves); main's answer, or a refetch on failure, settles it.
      client.setQueryData<UserSettings>(KEY, (current) => ({ ...(current ?? DEFAULT_SETTINGS), ...patch }));
      try {
        client.setQueryData(KEY, await call('updateSettings', patch));
      } catch (err) {
        await client.invalidateQueries({ queryKey: KEY });
        throw err;
      }
    },
    [client],
  );
  return { settings: query.data ?? DEFAULT_SETTINGS, loaded: !query.isPlaceholderData && query.isSuccess, update };
}
