/**
 * "Removed from the text": the blocks import took out of a source (navigation,
 * captions, related links…) and paragraphs removed by hand, grouped by
 * reason, each restorable into the reading text at its place in one click
 * (undoable with Ctrl+Z).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemovedBlock } from '../../../shared/model';
import { call } from '../api';
import { useNavigation } from '../ui/navigation';
import { closeOnUndo, useNotices } from '../ui/notices';
import { keyHint } from '../ui/platform';
import '../styles/import.css';

interface Props {
  sourceId: string;
  removed: readonly RemovedBlock[];
  readOnly?: boolean;
}

export function RemovedPanel({ sourceId, removed, readOnly }: Props) {
  const { t } = useTranslation(['sources', 'common', 'enums']);
  const { error: notifyError, info } = useNotices();
  const { navigate } = useNavigation();
  const [busy, setBusy] = useState<number | null>(null);
  const groups = useMemo(() => {
    const byReason = new Map<string, Array<{ block: RemovedBlock; index: number }>>();
    removed.forEach((block, index) => {
      const list = byReason.get(block.reason) ?? [];
      list.push({ block, index });
      byReason.set(block.reason, list);
    });
    return [...byReason.entries()];
  }, [removed]);

  if (removed.length === 0) return null;

  const restore = async (index: number) => {
    setBusy(index);
    try {
      const r = await call('restoreRemoved', { sourceId, index });
      info(t('removed.restored', { shortcut: keyHint('undo') }), { closeOn: closeOnUndo });
      navigate({ view: 'sources', sourceId, range: { start: r.start, end: r.end } });
    } catch (err) {
      notifyError(err, t('removed.restoreFailed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="removed" data-testid="removed-panel">
      <summary>
        {t('removed.title')} <span className="count">{removed.length}</span>
      </summary>
      {groups.map(([reason, items]) => (
        <section key={reason} className="removed-group" aria-label={t('removed.group', { reason })}>
          <h3 className="removed-reason">
            {reason} <span className="muted">({items.length})</span>
          </h3>
          <ul>
            {items.map(({ block, index }) => (
              <li key={index} className="removed-item">
                <span className="removed-text">{block.text}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={readOnly || busy !== null}
                  onClick={() => void restore(index)}
                  aria-label={t('removed.restoreLabel', { text: block.text.slice(0, 60) })}
                >
                  {t('removed.restore')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
