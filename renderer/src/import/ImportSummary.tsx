import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/api';
import { interopLine } from '../../../shared/interop-summary';

interface Props {
  result: ImportResult;
  onDismiss(): void;
  onSelect(id: string): void;
  /** Titles of sources already in the notebook, by id (for near-duplicate twins). */
  twinTitles?: Record<string, string>;
}

/** What the last import did: added, skipped (duplicates) and rejected files, each with its reason. */
export function ImportSummary({ result, onDismiss, onSelect, twinTitles }: Props) {
  const { t, i18n } = useTranslation(['import', 'common', 'enums']);
  const { added, skipped, rejected } = result;
  const interop = result.interop ?? [];
  const nearDuplicates = added.filter((s) => s.nearDuplicateOf);
  const titleOf = (id: string) => added.find((s) => s.id === id)?.title || twinTitles?.[id] || t('summary.itsTwin');
  const headline =
    added.length > 0
      ? t('summary.importedSources', { count: added.length })
      : interop.length > 0
        ? t('summary.importedExchange', { count: interop.length })
        : rejected.length > 0 && skipped.length === 0
          ? t('summary.nothing')
          : t('summary.nothingNew');
  return (
    <section
      className={rejected.length ? 'import-summary has-problems' : 'import-summary'}
      aria-label={t('summary.label')}
      role="status"
    >
      <div className="import-summary-head">
        <strong>{headline}</strong>
        <span className="muted">
          {[
            added.length && t('summary.added', { count: added.length }),
            nearDuplicates.length && t('summary.nearDuplicates', { count: nearDuplicates.length }),
            skipped.length && t('summary.skipped', { count: skipped.length }),
            rejected.length && t('summary.rejected', { count: rejected.length }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <button type="button" className="icon-button" aria-label={t('summary.close')} onClick={onDismiss}>
          ×
        </button>
      </div>
      {added.length > 1 && (
        <ul className="import-list import-added">
          {added.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" onClick={() => onSelect(s.id)}>
                {s.title || s.origin.name || t('common:untitled')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {nearDuplicates.length > 0 && (
        <ul className="import-list import-near-duplicates" aria-label={t('summary.nearDuplicatesList')}>
          {nearDuplicates.map((s) => (
            <li key={`n${s.id}`}>
              <span className="issue-name">{s.origin.name || s.title}</span> {t('summary.nearDuplicateLine')}{' '}
              <button type="button" className="link-button" onClick={() => onSelect(s.nearDuplicateOf!)}>
                {titleOf(s.nearDuplicateOf!)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <ul className="import-list import-skipped" aria-label={t('summary.skippedList')}>
          {skipped.map((issue, i) => (
            <li key={`s${i}`}>
              <span className="issue-name">{issue.name}</span> {t('summary.skippedLine', { reason: issue.reason })}
              {issue.sourceId && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onSelect(issue.sourceId!)}>
                    {t('summary.showIt')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {interop.length > 0 && (
        <ul className="import-list import-interop" aria-label={t('summary.exchangeList')}>
          {interop.map((x, i) => (
            <li key={`x${i}`}>
              <span className="issue-name">{x.file}</span> — {interopLine(i18n, x)}
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <ul className="import-list import-rejected" aria-label={t('summary.rejectedList')}>
          {rejected.map((issue, i) => (
            <li key={`r${i}`}>
              <span className="issue-name">{issue.name}</span> {t('summary.rejectedLine', { reason: issue.reason })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
