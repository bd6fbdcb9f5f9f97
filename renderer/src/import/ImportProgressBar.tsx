/**
 * The running import in the toolbar: a bar with counts, the file in hand and
 * a Cancel button. Cancelling keeps what was already added; the rest appears
 * in the summary as skipped ("import cancelled").
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useNotices } from '../ui/notices';
import type { ImportProgressState } from './useImport';
import '../styles/import.css';

interface Props {
  busy: boolean;
  progress: ImportProgressState | null;
}

export function ImportProgressBar({ busy, progress }: Props) {
  const { t } = useTranslation(['import', 'common', 'enums']);
  const { error: notifyError } = useNotices();
  const [cancelling, setCancelling] = useState(false);
  const running = busy || progress !== null;
  // The next batch starts with a fresh Cancel button.
  useEffect(() => {
    if (!running) setCancelling(false);
  }, [running]);
  if (!running) return null;
  const cancel = () => {
    setCancelling(true);
    call('cancelImport', {}).catch((err: unknown) => {
      setCancelling(false);
      notifyError(err, t('progress.cancelFailed'));
    });
  };
  const known = progress && progress.total > 0;
  const percent = known ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="import-progress" role="status" aria-label={t('progress.label')}>
      {known ? (
        <>
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={t('progress.bar', { done: progress.done, count: progress.total })}
          />
          <span className="import-progress-count">
            {t(cancelling ? 'progress.cancellingCount' : 'progress.importingCount', {
              at: Math.min(progress.done + 1, progress.total),
              total: progress.total,
            })}
            <span className="muted"> ({t('progress.percent', { percent })})</span>
          </span>
          {progress.current && (
            <span className="import-progress-current muted" title={progress.current}>
              {progress.current}
            </span>
          )}
        </>
      ) : (
        <span className="import-progress-count">{t('progress.importing')}</span>
      )}
      <button type="button" className="button button-small" onClick={cancel} disabled={cancelling}>
        {t('common:cancel')}
      </button>
    </div>
  );
}
