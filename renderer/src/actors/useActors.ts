/** The notebook's actors, kept fresh on every change. */
import { useCallback, useEffect, useState } from 'react';
import type { Actor } from '../../../shared/model';
import { call } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { useNotices } from '../app/notices';

export function useActors(): { actors: Actor[]; refresh(): void } {
  const { error } = useNotices();
  const [actors, setActors] = useState<Actor[]>([]);
  const refresh = useCallback(() => {
    call('listActors', {}).then(setActors, (err: unknown) => error(err, 'The actors could not be loaded'));
  }, [error]);
  useEffect(refresh, [refresh]);
  useApiEvent('notebook-changed', refresh);
  return { actors, refresh };
}
