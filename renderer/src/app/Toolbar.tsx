import { useTranslation } from 'react-i18next';
import type { NotebookInfo } from '../../../shared/api';
import { formatAccelerator, keysFor } from '../../../shared/shortcuts';
import { keyHint, PLATFORM } from '../ui/platform';
import { ExportButton } from '../import/ExportButton';
import { ImportProgressBar } from '../import/ImportProgressBar';
import type { ImportProgressState } from '../import/useImport';
import { useNavigation } from '../ui/navigation';
import { EXTRA_VIEWS } from './views';
import { TeamSync } from '../team/TeamSync';
import { ShareDialogs } from '../team/ShareDialog';

/** Tabs for the views: Sources, then whatever areas registered in views.tsx. */
function ViewTabs() {
  const { t } = useTranslation(['app', 'common', 'enums']);
  const { route, openView } = useNavigation();
  if (EXTRA_VIEWS.length === 0) return null;
  const tabs = [{ id: 'sources' as const, shortcut: undefined as string | undefined }, ...EXTRA_VIEWS];
  return (
    <nav className="view-tabs" aria-label={t('views.label')}>
      {tabs.map((tab) => {
        const label = t(`views.${tab.id}`);
        return (
          <button
            key={tab.id}
            type="button"
            className={route.view === tab.id ? 'view-tab is-active' : 'view-tab'}
            aria-current={route.view === tab.id ? 'page' : undefined}
            title={tab.shortcut ? `${label} (${tab.shortcut})` : label}
            onClick={() => openView(tab.id)}
          >
            {label}
          </button>
        );
      })}
    </nav>
  );
}

interface Props {
  info: NotebookInfo | null;
  busy: boolean;
  progress: ImportProgressState | null;
  onImport(): void;
  /** Opens the History panel (also Edit › History… and its shortcut). */
  onHistory(): void;
  /** Opens the Settings dialog (also File › Settings… and Ctrl+, / ⌘,). */
  onSettings(): void;
}

export function Toolbar({ info, busy, progress, onImport, onHistory, onSettings }: Props) {
  const { t } = useTranslation(['app', 'common', 'enums', 'print', 'settings']);
  return (
    <header className="toolbar">
      <div className="toolbar-title">
        <span className="app-name">{t('common:appName')}</span>
        {info && (
          <span className="notebook-name" title={info.path}>
            {info.title}
          </span>
        )}
      </div>
      <ViewTabs />
      <div className="toolbar-status" aria-live="polite">
        <ImportProgressBar busy={busy} progress={progress} />
      </div>
      <div className="toolbar-actions">
        <TeamSync disabled={!info || info.readOnly} />
        <ShareDialogs />
        <button
          type="button"
          className="button"
          onClick={onHistory}
          disabled={!info}
          title={t('toolbar.historyTitle', {
            shortcut: formatAccelerator(keysFor('history', PLATFORM)[0]!, PLATFORM),
          })}
        >
          {t('toolbar.history')}
        </button>
        <ExportButton disabled={!info} />
        <button
          type="button"
          className="button"
          onClick={() => window.print()}
          disabled={!info}
          title={t('print:printHint', { keys: keyHint('print') })}
        >
          {t('print:print')}
        </button>
        <button
          type="button"
          className="button"
          onClick={onSettings}
          title={t('settings:openHint', { keys: keyHint('settings') })}
        >
          {t('settings:open')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={onImport}
          disabled={busy || !info || info.readOnly}
        >
          {t('toolbar.import')}
        </button>
      </div>
    </header>
  );
}
