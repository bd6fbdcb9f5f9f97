import type { ImportResult } from '../../../shared/api';
import { interopLine } from '../../../shared/interop-summary';

interface Props {
  result: ImportResult;
  onDismiss(): void;
  onSelect(id: string): void;
  /** Titles of sources already in the notebook, by id (for near-duplicate twins). */
  twinTitles?: Record<string, string>;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the last import did: added, skipped (duplicates) and rejected files, each with its reason. */
export function ImportSummary({ result, onDismiss, onSelect, twinTitles }: Props) {
  const { added, skipped, rejected } = result;
  const interop = result.interop ?? [];
  const nearDuplicates = added.filter((s) => s.nearDuplicateOf);
  const titleOf = (id: string) => added.find((s) => s.id === id)?.title || twinTitles?.[id] || 'its twin';
  const headline =
    added.length > 0
      ? `Imported ${plural(added.length, 'source')}`
      : interop.length > 0
        ? `Imported ${plural(interop.length, 'exchange file')}`
        : rejected.length > 0 && skipped.length === 0
          ? 'Nothing was imported'
          : 'Nothing new to import';
  return (
    <section
      className={rejected.length ? 'import-summary has-problems' : 'import-summary'}
      aria-label="Import summary"
      role="status"
    >
      <div className="import-summary-head">
        <strong>{headline}</strong>
        <span className="muted">
          {[
            added.length && `${added.length} added`,
            nearDuplicates.length && `${nearDuplicates.length} near-duplicate${nearDuplicates.length === 1 ? '' : 's'}`,
            skipped.length && `${skipped.length} skipped`,
            rejected.length && `${rejected.length} rejected`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <button type="button" className="icon-button" aria-label="Close the import summary" onClick={onDismiss}>
          ×
        </button>
      </div>
      {added.length > 1 && (
        <ul className="import-list import-added">
          {added.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" onClick={() => onSelect(s.id)}>
                {s.title || s.origin.name || 'Untitled'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {nearDuplicates.length > 0 && (
        <ul className="import-list import-near-duplicates" aria-label="Near-duplicates">
          {nearDuplicates.map((s) => (
            <li key={`n${s.id}`}>
              <span className="issue-name">{s.origin.name || s.title}</span> — added, but flagged: nearly the same text
              as{' '}
              <button type="button" className="link-button" onClick={() => onSelect(s.nearDuplicateOf!)}>
                {titleOf(s.nearDuplicateOf!)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <ul className="import-list import-skipped" aria-label="Skipped">
          {skipped.map((issue, i) => (
            <li key={`s${i}`}>
              <span className="issue-name">{issue.name}</span> — skipped: {issue.reason}
              {issue.sourceId && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onSelect(issue.sourceId!)}>
                    show it
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {interop.length > 0 && (
        <ul className="import-list import-interop" aria-label="Exchange files">
          {interop.map((x, i) => (
            <li key={`x${i}`}>
              <span className="issue-name">{x.file}</span> — {interopLine(x)}
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <ul className="import-list import-rejected" aria-label="Rejected">
          {rejected.map((issue, i) => (
            <li key={`r${i}`}>
              <span className="issue-name">{issue.name}</span> — rejected: {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
