/**
 * "Near-duplicate of …": import found a source with (almost) the same text
 * already in the notebook. A click opens the twin.
 */
import { useApiQuery } from '../api/queries';
import { useNavigation } from '../ui/navigation';

export function NearDuplicateLink({ twinId, twinTitle }: { twinId: string; twinTitle?: string }) {
  const { navigate } = useNavigation();
  const twin = useApiQuery('getSource', { id: twinId }, { enabled: !twinTitle });
  if (!twinTitle && twin.error) return <span className="muted">a source no longer in the notebook</span>;
  const title = twinTitle ?? (twin.data ? twin.data.source.title || 'Untitled' : null);
  return (
    <button
      type="button"
      className="link-button near-duplicate-link"
      onClick={() => navigate({ view: 'sources', sourceId: twinId })}
      title="Open the twin"
    >
      {title ?? 'its twin'}
    </button>
  );
}
