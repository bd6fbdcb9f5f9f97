/**
 * "Near-duplicate of …": import found a source with (almost) the same text
 * already in the notebook. A click opens the twin.
 */
import { useEffect, useState } from 'react';
import { call } from '../api';
import { useNavigation } from '../app/navigation';

export function NearDuplicateLink({ twinId, twinTitle }: { twinId: string; twinTitle?: string }) {
  const { navigate } = useNavigation();
  const [title, setTitle] = useState<string | null>(twinTitle ?? null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (twinTitle) return;
    let live = true;
    call('getSource', { id: twinId }).then(
      (d) => live && setTitle(d.source.title || 'Untitled'),
      () => live && setMissing(true),
    );
    return () => {
      live = false;
    };
  }, [twinId, twinTitle]);
  if (missing) return <span className="muted">a source no longer in the notebook</span>;
  return (
    <button type="button" className="link-button near-duplicate-link" onClick={() => navigate({ view: 'sources', sourceId: twinId })} title="Open the twin">
      {title ?? 'its twin'}
    </button>
  );
}
