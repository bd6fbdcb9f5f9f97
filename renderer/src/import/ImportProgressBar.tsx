/**
 * The running import in the toolbar: a bar with counts, the file in hand and
 * a Cancel button. Cancelling keeps what was already added; the rest appears
 * in the summary as skipped ("import cancelled").
 */
import { useEffect, useState } from 'react';
import { call } from '../api';
import { useNotices } from '../ui/notices';
import type { ImportProgressState } from './useImport';
import '../styles/import.css';

interface Props {
  busy: boolean;
  progress: ImportProgressState | null;
}

export function ImportProgressBar({ busy, progress }: Props) {
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
      notifyError(err, 'Could not cancel the import');
    });
  };
  const known = progress && progress.total > 0;
  const percent = known ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="import-progress" role="status" aria-label="Import progress">
      {known ? (
        <>
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={`Imported ${progress.done} of ${progress.total} files`}
          />
          <span className="import-progress-count">
            {cancelling ? 'Cancelling… ' : 'Importing '}
            {Math.min(progress.done + 1, progress.total)} of {progress.total}
            <span className="muted"> ({percent}%)</span>
          </span>
          {progress.current && (
            <span className="import-progress-current muted" title={progress.current}>
              {progress.current}
            </span>
          )}
        </>
      ) : (
        <span className="import-progress-count">Importing…</span>
      )}
      <button type="button" className="button button-small" onClick={cancel} disabled={cancelling}>
        Cancel
      </button>
    </div>
  );
}
