/**
 * The window: toolbar, then three panes — sources, reader, inspector.
 * Later features (claims, actors, briefs) add panes or views here; data comes
 * only through the typed API (../api).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { isSourcesRoute, NavigationProvider, useNavigation } from '../ui/navigation';
import { EXTRA_VIEWS } from './views';
import type { ImportResult } from '../../../shared/api';
import { connectInvalidation, createQueryClient, useApiQuery } from '../api/queries';
import { EmptyNotebook } from '../import/EmptyNotebook';
import { ImportSummary } from '../import/ImportSummary';
import { IMPORT_ACCEPT, useImport } from '../import/useImport';
import { AnnotatedReader } from '../annotations/AnnotatedReader';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { AnnotationsProvider } from '../annotations/AnnotationsContext';
import { useUndoRedo } from '../annotations/useUndoRedo';
import { Inspector } from '../inspector/Inspector';
import { SourceList } from '../sources/SourceList';
import { SourceDeletionProvider, useSourceDeletion } from '../sources/SourceDeletion';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { NoticeStack, useNotices } from '../ui/notices';
import { Toolbar } from './Toolbar';
import { CommandPalette } from '../search/CommandPalette';
import { KeyboardShortcuts } from '../help/KeyboardShortcuts';
import { HistoryPanel } from '../history/HistoryPanel';
import { useNotebook, useSource } from './useNotebook';

/** The views the command palette offers: the reader first, then the others in tab order. */
const PALETTE_VIEWS = [{ id: 'sources', label: 'Sources' }, ...EXTRA_VIEWS.map(({ id, label }) => ({ id, label }))];

export function App() {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => connectInvalidation(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <NavigationProvider>
        <AppWindow />
      </NavigationProvider>
    </QueryClientProvider>
  );
}

function AppWindow() {
  const { error: notifyError } = useNotices();
  const notebook = useNotebook();
  const { route, navigate } = useNavigation();
  const selectedId = isSourcesRoute(route) ? (route.sourceId ?? null) : null;
  const setSelectedId = useCallback(
    (id: string | null) => navigate(id ? { view: 'sources', sourceId: id } : { view: 'sources' }),
    [navigate],
  );
  const extraView = EXTRA_VIEWS.find((v) => v.id === route.view);
  const [summary, setSummary] = useState<ImportResult | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const selected = useSource(selectedId);
  useUndoRedo();

  const onImported = useCallback(
    (result: ImportResult) => {
      setSummary(result);
      const first = result.added[0];
      // The list refreshes on the import's change event.
      if (first) setSelectedId(first.id);
    },
    [setSelectedId],
  );
  const importer = useImport(onImported);

  // A selection that no longer exists (e.g. the notebook changed on disk) is dropped.
  const gone = selected.status === 'error' && selected.notFound;
  useEffect(() => {
    if (gone) setSelectedId(null);
  }, [gone, setSelectedId]);

  // Errors nobody caught still reach the person as a readable message.
  useEffect(() => {
    const onRejection = (e: PromiseRejectionEvent) => notifyError(e.reason);
    const onError = (e: ErrorEvent) => notifyError(e.error ?? e.message);
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    };
  }, [notifyError]);

  const { info } = notebook;
  const readOnly = info?.readOnly ?? false;
  const sourceCount = info?.sourceCount ?? null;
  const empty = sourceCount === 0;

  // The deleted source was open: open its neighbour in the list (the next, else the one before).
  const neighbour = useRef<{ id: string; neighbourId: string | null } | null>(null);
  const onNeighbour = useCallback((id: string, neighbourId: string | null) => {
    neighbour.current = { id, neighbourId };
  }, []);
  const onDeleted = useCallback(
    (id: string) => {
      if (id !== selectedId) return;
      setSelectedId(neighbour.current?.id === id ? neighbour.current.neighbourId : null);
    },
    [selectedId, setSelectedId],
  );

  return (
    <SourceDeletionProvider onDeleted={onDeleted}>
      <div className={importer.dragging ? 'app is-dragging' : 'app'}>
        <Toolbar
          info={info}
          busy={importer.busy}
          progress={importer.progress}
          onImport={importer.openPicker}
          onHistory={() => setHistoryOpen(true)}
        />
        <input
          ref={importer.inputRef}
          type="file"
          multiple
          accept={IMPORT_ACCEPT}
          hidden
          data-testid="import-input"
          onChange={importer.onInputChange}
        />
        {readOnly && (
          <div className="banner banner-warning" role="alert">
            <strong>This notebook is open read-only.</strong> {info?.problem ?? 'Changes cannot be saved.'}
          </div>
        )}
        {!readOnly && info?.unlistedFiles ? (
          <div className="banner banner-warning" role="status" data-testid="unlisted-files-notice">
            <strong>
              {info.unlistedFiles === 1
                ? '1 file in this notebook’s sources folder is not listed in it'
                : `${info.unlistedFiles} files in this notebook’s sources folder are not listed in it`}
            </strong>{' '}
            (left by an interrupted import). Close the notebook and run <code>dossier doctor</code> to check them;{' '}
            <code>dossier doctor --repair</code> lists valid ones again.
          </div>
        ) : null}
        {notebook.loadError && (
          <div className="banner banner-error" role="alert">
            <strong>The notebook could not be read.</strong> {notebook.loadError}{' '}
            <button type="button" className="link-button" onClick={() => void notebook.refresh()}>
              Try again
            </button>
          </div>
        )}
        {summary && (
          <ImportSummaryWithTwins result={summary} onDismiss={() => setSummary(null)} onSelect={setSelectedId} />
        )}

        {extraView ? (
          <main className="view" aria-label={extraView.label}>
            <ErrorBoundary area={extraView.label} key={extraView.id}>
              {extraView.render(route)}
            </ErrorBoundary>
          </main>
        ) : (
          <AnnotationsProvider
            data={selected.status === 'ready' ? selected.data : null}
            statuses={notebook.info?.statuses}
            readOnly={readOnly}
          >
            <main className="panes">
              <aside className="pane pane-sources" aria-label="Sources">
                <h2 className="pane-heading">
                  Sources {sourceCount ? <span className="count">{sourceCount}</span> : null}
                </h2>
                {empty ? (
                  <p className="pane-hint">Imported articles will be listed here.</p>
                ) : (
                  <ErrorBoundary area="The source list">
                    <DeletableSourceList
                      selectedId={selectedId}
                      onSelect={setSelectedId}
                      onNeighbour={onNeighbour}
                      readOnly={readOnly}
                    />
                  </ErrorBoundary>
                )}
              </aside>

              <section className="pane pane-reader" aria-label="Reader">
                <ErrorBoundary area="The reader" key={selectedId ?? 'none'}>
                  {empty ? (
                    <EmptyNotebook onImport={importer.openPicker} readOnly={readOnly} />
                  ) : selected.status === 'ready' ? (
                    <AnnotatedReader source={selected.data.source} />
                  ) : selected.status === 'error' ? (
                    <div className="empty-state" role="alert">
                      <h1>This source could not be opened</h1>
                      <p>{selected.message}</p>
                    </div>
                  ) : selected.status === 'loading' ? (
                    <p className="pane-hint">Opening…</p>
                  ) : sourceCount !== null ? (
                    <div className="empty-state">
                      <h1>Choose a source to read</h1>
                      <p>
                        Pick an article from the list on the left (or use the ↑ and ↓ keys there). Its clean text
                        appears here, ready to read and annotate.
                      </p>
                    </div>
                  ) : null}
                </ErrorBoundary>
              </section>

              <aside className="pane pane-inspector" aria-label="Details">
                <ErrorBoundary area="The inspector" key={selectedId ?? 'none'}>
                  {selected.status === 'ready' ? (
                    <>
                      <AnnotationPanel />
                      <Inspector data={selected.data} />
                    </>
                  ) : (
                    <p className="pane-hint">
                      {empty ? 'Details of a source appear here.' : 'Select a source to see where it came from.'}
                    </p>
                  )}
                </ErrorBoundary>
              </aside>
            </main>
          </AnnotationsProvider>
        )}

        {importer.dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <div className="drop-overlay-box">Drop files to import them</div>
          </div>
        )}
        <CommandPalette onImport={importer.openPicker} views={PALETTE_VIEWS} />
        <KeyboardShortcuts />
        <HistoryPanel open={historyOpen} onOpenChange={setHistoryOpen} readOnly={readOnly} />
        <NoticeStack />
      </div>
    </SourceDeletionProvider>
  );
}

function DeletableSourceList({
  readOnly,
  ...props
}: Omit<Parameters<typeof SourceList>[0], 'onDelete'> & { readOnly: boolean }) {
  const { ask } = useSourceDeletion();
  return <SourceList {...props} onDelete={readOnly ? undefined : ask} />;
}

/** The import summary, with the titles of the near-duplicate twins already in the notebook. */
function ImportSummaryWithTwins(props: Omit<Parameters<typeof ImportSummary>[0], 'twinTitles'>) {
  const ids = [...new Set(props.result.added.flatMap((s) => (s.nearDuplicateOf ? [s.nearDuplicateOf] : [])))];
  const twins = useApiQuery('getSourceHeads', { ids }, { enabled: ids.length > 0 });
  return <ImportSummary {...props} twinTitles={Object.fromEntries((twins.data ?? []).map((s) => [s.id, s.title]))} />;
}
