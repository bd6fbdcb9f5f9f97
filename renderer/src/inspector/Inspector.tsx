import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceWithAnnotations } from '../../../shared/api';
import { EditableValue } from '../sources/EditableValue';
import { formatDate, formatDateTime, languageName, originLabel } from '../sources/format';
import { NearDuplicateLink } from '../sources/NearDuplicateLink';
import { RemovedPanel } from '../sources/RemovedPanel';
import { useSourceDeletion } from '../sources/SourceDeletion';
import { useAnnotations } from '../annotations/AnnotationsContext';
import { formatLocale } from '../i18n';

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
  const { t } = useTranslation(['inspector', 'common', 'enums']);
  const notKnown = <span className="muted">{t('common:notKnown')}</span>;
  return (
    <section className="inspector" aria-label={t('label')}>
      <h2 className="pane-heading">{t('heading')}</h2>
      <dl className="meta-list">
        {/* Metadata values are edited in place (click, Enter to save, Esc to cancel): sources/EditableValue.tsx */}
        <Row label={t('field.title')}>
          <EditableValue sourceId={source.id} field="title" value={source.title}>
            {source.title || t('common:untitled')}
          </EditableValue>
        </Row>
        <Row label={t('field.outlet')}>
          <EditableValue sourceId={source.id} field="outlet" value={source.outlet ?? ''}>
            {source.outlet ?? notKnown}
          </EditableValue>
        </Row>
        <Row label={t('field.author')}>
          <EditableValue sourceId={source.id} field="author" value={source.author ?? ''}>
            {source.author ?? notKnown}
          </EditableValue>
        </Row>
        <Row label={t('field.published')}>
          <EditableValue sourceId={source.id} field="publishedAt" value={source.publishedAt ?? ''}>
            {source.publishedAt ? formatDate(source.publishedAt) : notKnown}
          </EditableValue>
        </Row>
        <Row label={t('field.language')}>
          <EditableValue sourceId={source.id} field="language" value={source.language}>
            {languageName(source.language)}
            {source.language !== 'und' && <span className="muted"> ({source.language})</span>}
          </EditableValue>
        </Row>
        <Row label={t('field.address')}>
          <EditableValue sourceId={source.id} field="url" value={source.url ?? ''}>
            {source.url ? <span className="break">{source.url}</span> : notKnown}
          </EditableValue>
        </Row>
        {source.nearDuplicateOf && (
          <Row label={t('field.nearDuplicate')}>
            {t('nearDuplicateOf')} <NearDuplicateLink twinId={source.nearDuplicateOf} />
          </Row>
        )}
        <Row label={t('field.origin')}>
          {originLabel(source.origin.kind)}
          {source.origin.name && <span className="break"> · {source.origin.name}</span>}
        </Row>
        <Row label={t('field.imported')}>{formatDateTime(source.importedAt)}</Row>
        <Row label={t('field.sha256')}>
          <code title={source.origin.sha256}>{source.origin.sha256.slice(0, 12)}</code>
        </Row>
        <Row label={t('field.removed')}>
          {removed === 0 ? t('removedNothing') : t('removedBlocks', { count: removed })}
        </Row>
        <Row label={t('field.annotations')}>{annotations.length}</Row>
        <Row label={t('field.length')}>
          {t('characters', {
            count: source.text.length,
            characters: source.text.length.toLocaleString(formatLocale()),
          })}
        </Row>
      </dl>
      <RemovedPanel sourceId={source.id} removed={source.removed} />
      {!readOnly && (
        <div className="source-actions">
          <button type="button" className="button button-danger" onClick={() => ask(source)}>
            {t('delete')}
          </button>
        </div>
      )}
    </section>
  );
}
