/**
 * The window: toolbar, then three panes — sources, reader, inspector.
 * Later features (claims, actors, briefs) add panes or views here; data comes
 * only through the typed API (../api).
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { isSourcesRoute, NavigationProvider, useNavigation } from '../ui/navigation';
import { EXTRA_VIEWS } from './views';
import type { ImportResult } from '../../../shared/api';
import { connectInvalidation, useApiQuery } from '../api/queries';
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
import { PrintSource } from '../print/PrintSource';
import { Settings } from '../settings/SettingsDialog';
import { useAppearance } from '../settings/appearance';
import { useSettings } from '../settings/useSettings';
import { useNotebook, useSource } from './useNotebook';
import { useInterfaceLanguage } from './useInterfaceLanguage';
import { usePaneCycling } from '../ui/panes';
import { focusReaderText } from '../reader/useCaretBrowsing';

/** The views the command palette offers: the reader first, then the others in tab order. */
const PALETTE_VIEWS = [{ id: 'sources' as const }, ...EXTRA_VIEWS.map(({ id }) => ({ id }))];

/** The window, over `queryClient` (made, and its first reads started, before the first render: ./first-reads.ts). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  useEffect(() => connectInvalidation(queryClient), [queryClient]);
  // The window is ready: its first render is on screen and every listener of it is in place (this
  // effect runs after those of the components inside). The page's load event came earlier, while
  // the interface's words were loading.
  useEffect(() => document.getElementById('root')?.removeAttribute('aria-busy'), []);
  return (
    <QueryClientProvider client={queryClient}>
      <NavigationProvider>
        <AppWindow />
      </NavigationProvider>
    </QueryClientProvider>
  );
}

function AppWindow() {
  const { t } = useTranslation(['app', 'common', 'enums']);
  useInterfaceLanguage();
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
  const [settingsOpen, setSettingsOpen] = useState(false);
  useAppearance(useSettings().settings);
  const selected = useSource(selectedId);
  useUndoRedo();
  usePaneCycling();

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
  const paletteViews = useMemo(() => PALETTE_VIEWS.map(({ id }) => ({ id, label: t(`views.${id}`) })), [t]);

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
          onSettings={() => setSettingsOpen(true)}
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
            <strong>{t('readOnly.title')}</strong> {info?.problem ?? t('readOnly.noSaving')}
          </div>
        )}
        {!readOnly && info?.unlistedFiles ? (
          <div className="banner banner-warning" role="status" data-testid="unlisted-files-notice">
            <Trans
              t={t}
              i18nKey="unlisted.notice"
              count={info.unlistedFiles}
              values={{ doctor: 'dossier doctor', repair: 'dossier doctor --repair' }}
              components={{ strong: <strong />, code: <code /> }}
            />
          </div>
        ) : null}
        {notebook.loadError && (
          <div className="banner banner-error" role="alert">
            <strong>{t('loadError')}</strong> {notebook.loadError}{' '}
            <button type="button" className="link-button" onClick={() => void notebook.refresh()}>
              {t('common:tryAgain')}
            </button>
          </div>
        )}
        {summary && (
          <ImportSummaryWithTwins result={summary} onDismiss={() => setSummary(null)} onSelect={setSelectedId} />
        )}

        {extraView ? (
          <main className="view" aria-label={t(`views.${extraView.id}`)}>
            <ErrorBoundary area={t(`views.${extraView.id}`)} key={extraView.id}>
              <Suspense fallback={<p className="pane-hint">{t('common:loading')}</p>}>
                {extraView.render(route)}
              </Suspense>
            </ErrorBoundary>
          </main>
        ) : (
          <AnnotationsProvider
            data={selected.status === 'ready' ? selected.data : null}
            statuses={notebook.info?.statuses}
            readOnly={readOnly}
          >
            <main className="panes">
              <aside className="pane pane-sources" aria-label={t('panes.sources')}>
                <h2 className="pane-heading">
                  {t('panes.sources')} {sourceCount ? <span className="count">{sourceCount}</span> : null}
                </h2>
                {empty ? (
                  <p className="pane-hint">{t('panes.sourcesEmpty')}</p>
                ) : (
                  <ErrorBoundary area={t('areas.sourceList')}>
                    <DeletableSourceList
                      selectedId={selectedId}
                      onSelect={setSelectedId}
                      onNeighbour={onNeighbour}
                      onOpen={focusReaderText}
                      readOnly={readOnly}
                    />
                  </ErrorBoundary>
                )}
              </aside>

              <section className="pane pane-reader" aria-label={t('panes.reader')}>
                <ErrorBoundary area={t('areas.reader')} key={selectedId ?? 'none'}>
                  {empty ? (
                    <EmptyNotebook onImport={importer.openPicker} readOnly={readOnly} />
                  ) : selected.status === 'ready' ? (
                    <AnnotatedReader source={selected.data.source} />
                  ) : selected.status === 'error' ? (
                    <div className="empty-state" role="alert">
                      <h1>{t('sourceError')}</h1>
                      <p>{selected.message}</p>
                    </div>
                  ) : selected.status === 'loading' ? (
                    <p className="pane-hint">{t('opening')}</p>
                  ) : sourceCount !== null ? (
                    <div className="empty-state">
                      <h1>{t('choose.title')}</h1>
                      <p>{t('choose.text')}</p>
                    </div>
                  ) : null}
                </ErrorBoundary>
              </section>

              <aside className="pane pane-inspector" aria-label={t('panes.details')}>
                <ErrorBoundary area={t('areas.inspector')} key={selectedId ?? 'none'}>
                  {selected.status === 'ready' ? (
                    <>
                      <AnnotationPanel />
                      <Inspector data={selected.data} />
                    </>
                  ) : (
                    <p className="pane-hint">{empty ? t('panes.detailsEmpty') : t('panes.detailsHint')}</p>
                  )}
                </ErrorBoundary>
              </aside>
            </main>
            {selected.status === 'ready' && <PrintSource source={selected.data.source} />}
          </AnnotationsProvider>
        )}

        {importer.dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <div className="drop-overlay-box">{t('drop')}</div>
          </div>
        )}
        <CommandPalette onImport={importer.openPicker} views={paletteViews} />
        <KeyboardShortcuts />
        <HistoryPanel open={historyOpen} onOpenChange={setHistoryOpen} readOnly={readOnly} />
        <Settings open={settingsOpen} onOpenChange={setSettingsOpen} />
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
