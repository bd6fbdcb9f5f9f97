/** The notebook's actors, kept fresh by the change events. */
import type { Actor } from '../../../shared/model';
import { useApiQuery, useErrorNotice } from '../api/queries';

const NONE: Actor[] = [];

export function useActors(): { actors: Actor[] } {
  const query = useApiQuery('listActors', {});
  useErrorNotice(query.error, 'The actors could not be loaded');
  return { actors: query.data ?? NONE };
}
