import type { ReactNode } from 'react';
import type { SourceWithAnnotations } from '../../../shared/api';
import { EditableValue } from '../sources/EditableValue';
import { formatDate, formatDateTime, languageName, originLabel } from '../sources/format';
import { NearDuplicateLink } from '../sources/NearDuplicateLink';
import { RemovedPanel } from '../sources/RemovedPanel';
import { useSourceDeletion } from '../sources/SourceDeletion';
import { useAnnotations } from '../annotations/AnnotationsContext';

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

/** The selected source's metadata, what import removed, and deleting the source. */
export function Inspector({ data }: Props) {
  const { source, annotations } = data;
  const removed = source.removed.length;
  const { ask } = useSourceDeletion();
  const { readOnly } = useAnnotations();
  return (
    <section className="inspector" aria-label="Source details">
      <h2 className="pane-heading">Source</h2>
      <dl className="meta-list">
        {/* Metadata values are edited in place (click, Enter to save, Esc to cancel): sources/EditableValue.tsx */}
        <Row label="Title">
          <EditableValue sourceId={source.id} field="title" value={source.title}>
            {source.title || 'Untitled'}
          </EditableValue>
        </Row>
        <Row label="Outlet">
          <EditableValue sourceId={source.id} field="outlet" value={source.outlet ?? ''}>
            {source.outlet ?? <span className="muted">not known</span>}
          </EditableValue>
        </Row>
        <Row label="Author">
          <EditableValue sourceId={source.id} field="author" value={source.author ?? ''}>
            {source.author ?? <span className="muted">not known</span>}
          </EditableValue>
        </Row>
        <Row label="Published">
          <EditableValue sourceId={source.id} field="publishedAt" value={source.publishedAt ?? ''}>
            {source.publishedAt ? formatDate(source.publishedAt) : <span className="muted">not known</span>}
          </EditableValue>
        </Row>
        <Row label="Language">
          <EditableValue sourceId={source.id} field="language" value={source.language}>
            {languageName(source.language)}
            {source.language !== 'und' && <span className="muted"> ({source.language})</span>}
          </EditableValue>
        </Row>
        <Row label="Address">
          <EditableValue sourceId={source.id} field="url" value={source.url ?? ''}>
            {source.url ? <span className="break">{source.url}</span> : <span className="muted">not known</span>}
          </EditableValue>
        </Row>
        {source.nearDuplicateOf && (
          <Row label="Near-duplicate">
            of <NearDuplicateLink twinId={source.nearDuplicateOf} />
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
      <RemovedPanel sourceId={source.id} removed={source.removed} />
      {!readOnly && (
        <div className="source-actions">
          <button type="button" className="button button-danger" onClick={() => ask(source)}>
            Delete source…
          </button>
        </div>
      )}
    </section>
  );
}
