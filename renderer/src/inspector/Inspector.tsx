import type { ReactNode } from 'react';
import type { SourceWithAnnotations } from '../../../shared/api';
import { formatDate, formatDateTime, languageName, originLabel } from '../sources/format';

interface Props {
  data: SourceWithAnnotations;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="meta-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The selected source's metadata. */
export function Inspector({ data }: Props) {
  const { source, annotations } = data;
  const removed = source.removed.length;
  return (
    <section className="inspector" aria-label="Source details">
      <h2 className="pane-heading">Source</h2>
      <dl className="meta-list">
        <Row label="Title">{source.title || 'Untitled'}</Row>
        <Row label="Outlet">{source.outlet ?? <span className="muted">not known</span>}</Row>
        <Row label="Author">{source.author ?? <span className="muted">not known</span>}</Row>
        <Row label="Published">{source.publishedAt ? formatDate(source.publishedAt) : <span className="muted">not known</span>}</Row>
        <Row label="Language">
          {languageName(source.language)}
          {source.language !== 'und' && <span className="muted"> ({source.language})</span>}
        </Row>
        {source.url && (
          <Row label="Address">
            <span className="break">{source.url}</span>
          </Row>
        )}
        <Row label="Origin">
          {originLabel(source.origin.kind)}
          {source.origin.name && <span className="break"> · {source.origin.name}</span>}
        </Row>
        <Row label="Imported">{formatDateTime(source.importedAt)}</Row>
        <Row label="SHA-256">
          <code title={source.origin.sha256}>{source.origin.sha256.slice(0, 12)}</code>
        </Row>
        <Row label="Removed">
          {removed === 0 ? 'nothing' : `${removed} block${removed === 1 ? '' : 's'} of boilerplate`}
        </Row>
        <Row label="Annotations">{annotations.length}</Row>
        <Row label="Length">{source.text.length.toLocaleString()} characters</Row>
      </dl>
      {removed > 0 && (
        <details className="removed">
          <summary>What import removed</summary>
          <ul>
            {source.removed.map((block, i) => (
              <li key={i}>
                <span className="removed-reason">{block.reason}</span> {block.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
