/**
 * "Near-duplicate of …": import found a source with (almost) the same text
 * already in the notebook. A click opens the twin.
 */
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';
import { useNavigation } from '../ui/navigation';

export function NearDuplicateLink({ twinId, twinTitle }: { twinId: string; twinTitle?: string }) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const { navigate } = useNavigation();
  const twin = useApiQuery('getSource', { id: twinId }, { enabled: !twinTitle });
  if (!twinTitle && twin.error) return <span className="muted">{t('twin.gone')}</span>;
  const title = twinTitle ?? (twin.data ? twin.data.source.title || t('common:untitled') : null);
  return (
    <button
      type="button"
      className="link-button near-duplicate-link"
      onClick={() => navigate({ view: 'sources', sourceId: twinId })}
      title={t('twin.open')}
    >
      {title ?? t('twin.its')}
    </button>
  );
}
