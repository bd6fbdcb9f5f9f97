/**
 * The person's settings in the renderer: read once through the API, kept in
 * step with `settings-changed` (any window, the CLI), and changed with
 * `updateSettings` — saved at once, per user, never in the notebook.
 *
 * A change shows at once. Main saves changes in order and answers each with
 * the settings after it; the changes still on their way are laid over that
 * answer, so a control never snaps back while its change is being saved. The
 * `settings-changed` event of this window's own change travels apart from
 * the answer and may come after a later answer, so it is skipped (the
 * answers say the same, in order); other windows' and the CLI's are applied.
 */
import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { DEFAULT_SETTINGS, type SettingsPatch, type UserSettings } from '../../../shared/settings';
import { call, onApiEvent } from '../api';
import { apiQueryKey } from '../api/queries';

const KEY = apiQueryKey('getSettings', {});

interface Writes {
  /** The changes sent to main and not answered yet, oldest first. */
  pending: Array<{ patch: SettingsPatch }>;
  /** How many events of this window's own changes are still to come. */
  echoes: number;
  /** Counts what main said (answers, events): a read that started before the last of them is stale. */
  said: number;
}
const writesByClient = new WeakMap<QueryClient, Writes>();

/** The client's write state; the first call also subscribes the client to `settings-changed`, once. */
function writesOf(client: QueryClient): Writes {
  let writes = writesByClient.get(client);
  if (!writes) {
    const created: Writes = { pending: [], echoes: 0, said: 0 };
    writesByClient.set(client, (writes = created));
    onApiEvent((event) => {
      if (event.type !== 'settings-changed') return;
      if (created.echoes > 0) created.echoes -= 1;
      else settle(client, event.settings);
    });
  }
  return writes;
}

/** `settings` with the changes still on their way on top. */
function withPending(client: QueryClient, settings: UserSettings): UserSettings {
  return writesOf(client).pending.reduce<UserSettings>((s, p) => ({ ...s, ...p.patch }), settings);
}

/** What main said (or, without it, what is shown), with the changes still on their way on top. */
function settle(client: QueryClient, fromMain: UserSettings | undefined): void {
  if (fromMain) writesOf(client).said += 1;
  client.setQueryData<UserSettings>(KEY, (current) => withPending(client, fromMain ?? current ?? DEFAULT_SETTINGS));
}

/** The settings (the defaults until they are read) and a function that saves a change. */
export function useSettings(): { settings: UserSettings; update(patch: SettingsPatch): Promise<void> } {
  const client = useQueryClient();
  // Settings are not the notebook's: no notebook change makes them stale, only settings-changed.
  const query = useQuery({
    queryKey: KEY,
    // A change made before the first read came back stays on top of it.
    // A read answered after a newer answer or event (a busy machine) would put old values back: keep the newer.
    queryFn: async () => {
      const before = writesOf(client).said;
      const read = await call('getSettings', {});
      const current = client.getQueryData<UserSettings>(KEY);
      return writesOf(client).said !== before && current ? current : withPending(client, read);
    },
    placeholderData: DEFAULT_SETTINGS,
  });
  writesOf(client);
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const writes = writesOf(client);
      const entry = { patch };
      writes.pending.push(entry);
      // Its event may come before or after the answer: skip it either way.
      writes.echoes += 1;
      settle(client, undefined);
      try {
        const saved = await call('updateSettings', patch);
        writes.pending.splice(writes.pending.indexOf(entry), 1);
        settle(client, saved);
      } catch (err) {
        // A change that failed sends no event.
        writes.echoes = Math.max(0, writes.echoes - 1);
        writes.pending.splice(writes.pending.indexOf(entry), 1);
        await client.invalidateQueries({ queryKey: KEY });
        throw err;
      }
    },
    [client],
  );
  return { settings: query.data ?? DEFAULT_SETTINGS, update };
}
