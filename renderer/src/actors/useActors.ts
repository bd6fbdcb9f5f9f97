/** The notebook's actors, kept fresh by the change events. */
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../shared/model';
import { useApiQuery, useErrorNotice } from '../api/queries';

const NONE: Actor[] = [];

export function useActors(): { actors: Actor[] } {
  const { t } = useTranslation('actors');
  const query = useApiQuery('listActors', {});
  useErrorNotice(query.error, t('registry.loadFailed'));
  return { actors: query.data ?? NONE };
}
