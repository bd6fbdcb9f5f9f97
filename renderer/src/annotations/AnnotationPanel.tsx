/**
 * The inspector's annotations: the open source's annotations in reading
 * order (filter by kind, tag, status), orphaned ones listed apart with their
 * quote, and the editor of the selected one.
 */
import { setAnnotationDrag } from '../briefs/drag';
import { dateLocale } from '../briefs/format';
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationPatch } from '../../../shared/api/annotations';
import { ANNOTATION_KINDS } from '../../../shared/enums';
import type { Annotation, RichDoc, Tag } from '../../../shared/model';
import { call } from '../api';
import { closeOnUndo, useNotices } from '../ui/notices';
import { VirtualList, type VirtualRow } from '../ui/VirtualList';
import { useAnnotations, type FocusTarget } from './AnnotationsContext';
import { CodebookDialog } from './CodebookDialog';
import { safeColour, statusColour } from './highlight-css';
import { excerpt, isEmptyDoc, matchesFilters, type Filters, type Orphan } from './logic';
import { TagPicker } from './TagPicker';
import { LazyNoteEditor } from './LazyNoteEditor';
import { ActorLinksEditor } from '../actors/ActorLinksEditor';
import { CorroborationPanel } from '../corroboration/CorroborationPanel';
import '../styles/annotations.css';
import { useStatusLabel } from '../ui/status-label';

export function AnnotationPanel() {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('annotations');
  const ann = useAnnotations();
  const { error, info } = useNotices();
  const [filters, setFilters] = useState<Filters>({ kind: '', tag: '', status: '' });
  const [managing, setManaging] = useState(false);
  const tagsById = useMemo(() => new Map(ann.tags.map((tag) => [tag.id, tag])), [ann.tags]);
  const usedTags = useMemo(() => {
    const used = new Set(ann.annotations.flatMap((a) => a.tagIds));
    return ann.tags.filter((tag) => used.has(tag.id));
  }, [ann.annotations, ann.tags]);

  const list = useMemo(
    () => ann.anchored.filter((a) => matchesFilters(a.annotation, filters)),
    [ann.anchored, filters],
  );
  const orphans = useMemo(
    () => ann.orphans.filter((o) => matchesFilters(o.annotation, filters)),
    [ann.orphans, filters],
  );
  const filtered = filters.kind !== '' || filters.tag !== '' || filters.status !== '';
  const selected = ann.annotations.find((a) => a.id === ann.selectedId) ?? null;
  const listProps = { tagsById, statuses: ann.statuses, selectedId: ann.selectedId, onSelect: ann.select };

  const update = async (a: Annotation, patch: AnnotationPatch) => {
    try {
      await call('updateAnnotation', { sourceId: a.sourceId, id: a.id, patch });
    } catch (err) {
      error(err, t('panel.saveFailed'));
    }
  };

  const createTag = async (name: string) => {
    try {
      return await call('createTag', { name });
    } catch (err) {
      error(err, t('tags.createFailed'));
      return null;
    }
  };
  const remove = async (a: Annotation) => {
    try {
      await call('deleteAnnotation', { sourceId: a.sourceId, id: a.id });
      ann.select(null);
      info(t(`panel.deleted.${a.kind}`), { closeOn: closeOnUndo });
    } catch (err) {
      error(err, t('panel.deleteFailed'));
    }
  };

  return (
    <section className="annotations" aria-label={t('panel.title')}>
      <h2 className="pane-heading">
        {t('panel.title')} {ann.annotations.length > 0 && <span className="count">{ann.annotations.length}</span>}
      </h2>

      {selected && (
        <AnnotationEditor
          key={selected.id}
          annotation={selected}
          tags={ann.tags}
          statuses={ann.statuses}
          readOnly={ann.readOnly}
          orphan={ann.orphans.find((o) => o.annotation.id === selected.id)?.reason ?? null}
          focusRequest={ann.focusRequest}
          onUpdate={(patch) => update(selected, patch)}
          onCreateTag={createTag}
          onDelete={() => remove(selected)}
          onManageTags={() => setManaging(true)}
          onClose={() => ann.select(null)}
        />
      )}
      {selected?.kind === 'claim' && (
        <CorroborationPanel key={`corr-${selected.id}`} annotation={selected} readOnly={ann.readOnly} />
      )}

      {ann.annotations.length === 0 ? (
        <p className="muted annotations-hint">{t('panel.hint')}</p>
      ) : (
        <>
          <div className="annotation-filters" role="group" aria-label={t('filters.label')}>
            <select
              aria-label={t('filters.kind')}
              value={filters.kind}
              onChange={(e) => setFilters({ ...filters, kind: e.target.value })}
            >
              <option value="">{t('filters.allKinds')}</option>
              {ANNOTATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kindPlural.${k}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('filters.tag')}
              value={filters.tag}
              onChange={(e) => setFilters({ ...filters, tag: e.target.value })}
            >
              <option value="">{t('filters.allTags')}</option>
              {usedTags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
            <select
              aria-label={t('filters.status')}
              value={filters.status}
              onChange={(e) => setFilters({ ...filters, status: e.target.value })}
            >
              <option value="">{t('filters.allStatuses')}</option>
              {ann.statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <AnnotationList label={t('panel.inOrder')} rows={list} {...listProps} scroll />
          {list.length === 0 && filtered && <p className="muted">{t('filters.noMatch')}</p>}
          {orphans.length > 0 && (
            <div className="orphans">
              <h3 className="orphans-heading">{t('orphans.heading', { count: orphans.length })}</h3>
              <p className="muted">{t('orphans.explain')}</p>
              <AnnotationList label={t('orphans.label')} rows={orphans} {...listProps} />
            </div>
          )}
        </>
      )}
      {managing && (
        <CodebookDialog
          tags={ann.tags}
          statuses={ann.statuses}
          readOnly={ann.readOnly}
          onClose={() => setManaging(false)}
        />
      )}
    </section>
  );
}

const rowKey = (row: { annotation: Annotation }) => row.annotation.id;

/**
 * Annotation rows, virtualised. The selected annotation's row stays rendered and is scrolled into view
 * (selected in the reader, or from search). `scroll`: selecting a row scrolls the reader to its passage.
 */
function AnnotationList({
  label,
  rows,
  selectedId,
  scroll = false,
  ...shared
}: {
  label: string;
  rows: ReadonlyArray<{ annotation: Annotation; reason?: Orphan['reason'] }>;
  tagsById: Map<string, Tag>;
  statuses: string[];
  selectedId: string | null;
  scroll?: boolean;
  onSelect(id: string, opts?: { scroll?: boolean }): void;
}) {
  const selectedRow = useMemo(() => rows.findIndex((x) => x.annotation.id === selectedId), [rows, selectedId]);
  const why = useOrphanReason();
  return (
    <VirtualList
      items={rows}
      itemKey={rowKey}
      estimateSize={72}
      gap={5}
      className="annotation-list"
      aria-label={label}
      keys
      keepIndex={selectedRow}
      revealIndex={selectedRow}
      renderRow={({ annotation: a, reason }, _i, row) => (
        <AnnotationRow
          {...shared}
          a={a}
          row={row}
          selected={a.id === selectedId}
          {...(reason ? { title: why(reason) } : {})}
          scroll={scroll}
        />
      )}
    />
  );
}

/** "It could not be placed: <why>." in the interface's language. */
function useOrphanReason(): (reason: Orphan['reason']) => string {
  const { t } = useTranslation('reader');
  return (reason) => t('orphanPlaced', { reason: t(reason.key, reason.params) });
}

/** One row; `scroll`: selecting it scrolls the reader to its passage (orphans have none). */
const AnnotationRow = memo(function AnnotationRow({
  a,
  row,
  tagsById,
  statuses,
  selected,
  title,
  scroll = false,
  onSelect,
}: {
  a: Annotation;
  row: VirtualRow;
  tagsById: Map<string, Tag>;
  statuses: string[];
  selected: boolean;
  title?: string;
  scroll?: boolean;
  onSelect(id: string, opts?: { scroll?: boolean }): void;
}) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('annotations');
  const hasNote = !isEmptyDoc(a.note);
  return (
    <li
      {...row.props}
      className={selected ? 'annotation-row is-selected' : 'annotation-row'}
      data-annotation-id={a.id}
      draggable
      title={t('row.drag')}
      onDragStart={(e) =>
        setAnnotationDrag(e.dataTransfer, { annotationId: a.id, sourceId: a.sourceId, quote: a.target.exact })
      }
    >
      <button
        type="button"
        className="annotation-row-button"
        tabIndex={row.tabIndex}
        aria-pressed={selected}
        title={title}
        onClick={() => onSelect(a.id, scroll ? { scroll: true } : undefined)}
      >
        <span className="annotation-row-head">
          <span className={`kind-badge kind-${a.kind}`}>{t(`kind.${a.kind}`)}</span>
          {a.kind === 'claim' && (
            <span className="status-badge" data-status={a.status}>
              <span
                className="status-dot"
                style={{ background: statusColour(a.status, statuses) }}
                aria-hidden="true"
              />
              {statusLabel(a.status)}
            </span>
          )}
          {hasNote && (
            <span className="note-flag" title={t('row.hasNote')}>
              {t('row.noteFlag')}
            </span>
          )}
        </span>
        <span className="annotation-quote">“{excerpt(a.target.exact)}”</span>
        {a.tagIds.length > 0 && (
          <span className="annotation-tags">
            {a.tagIds.map((id) => {
              const tag = tagsById.get(id);
              return (
                <span key={id} className="tag-chip small">
                  <span
                    className="tag-swatch"
                    style={{ background: safeColour(tag?.color, '#888') }}
                    aria-hidden="true"
                  />
                  {tag?.name ?? t('row.unknownTag')}
                </span>
              );
            })}
          </span>
        )}
      </button>
    </li>
  );
});

interface EditorProps {
  annotation: Annotation;
  tags: Tag[];
  statuses: string[];
  readOnly: boolean;
  /** Why the annotation could not be placed, when it is an orphan. */
  orphan: Orphan['reason'] | null;
  focusRequest: { id: string; target: FocusTarget; n: number } | null;
  onUpdate(patch: {
    kind?: Annotation['kind'];
    tagIds?: string[];
    status?: string;
    note?: RichDoc | null;
  }): Promise<void>;
  onCreateTag(name: string): Promise<Tag | null>;
  onDelete(): Promise<void>;
  onManageTags(): void;
  onClose(): void;
}

function AnnotationEditor({
  annotation: a,
  tags,
  statuses,
  readOnly,
  orphan,
  focusRequest,
  onUpdate,
  onCreateTag,
  onDelete,
  onManageTags,
  onClose,
}: EditorProps) {
  const statusLabel = useStatusLabel();
  const why = useOrphanReason();
  const { t, i18n } = useTranslation('annotations');
  const dateTime = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : dateTime.format(new Date(iso)));
  // Focus requests made before this editor mounted (a claim just created) still count.
  const mine = focusRequest?.id === a.id ? focusRequest : null;
  const tagFocus = mine?.target === 'tags' ? mine.n : undefined;
  const noteFocus = mine?.target === 'note' ? mine.n : undefined;
  const statusList = statuses.includes(a.status) ? statuses : [...statuses, a.status];
  return (
    <div className="annotation-editor" role="group" aria-label={t('editor.label')}>
      <div className="annotation-editor-head">
        <select
          aria-label={t('editor.kind')}
          value={a.kind}
          disabled={readOnly}
          onChange={(e) => void onUpdate({ kind: e.target.value as Annotation['kind'] })}
        >
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={t('editor.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote className="annotation-editor-quote">{excerpt(a.target.exact, 400)}</blockquote>
      {orphan && (
        <p className="orphan-warning">
          {t('editor.orphan')} {why(orphan)}
        </p>
      )}

      <label className="field-label" htmlFor={`status-${a.id}`}>
        {t('editor.status')}
      </label>
      <select
        id={`status-${a.id}`}
        aria-label={t('editor.status')}
        value={a.status}
        disabled={readOnly}
        onChange={(e) => void onUpdate({ status: e.target.value })}
      >
        {statusList.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>

      <span className="field-label">{t('editor.tags')}</span>
      <TagPicker
        tags={tags}
        value={a.tagIds}
        readOnly={readOnly}
        focusSignal={tagFocus}
        onChange={(tagIds) => void onUpdate({ tagIds })}
        onCreate={onCreateTag}
        onManage={onManageTags}
      />

      <span className="field-label">{t('editor.actors')}</span>
      <ActorLinksEditor annotation={a} readOnly={readOnly} />

      <span className="field-label">{t('editor.note')}</span>
      <LazyNoteEditor
        value={a.note}
        readOnly={readOnly}
        focusSignal={noteFocus}
        onSave={(note) => onUpdate({ note })}
      />

      <p className="annotation-times muted">
        {t('editor.created', { when: when(a.createdAt) })}
        {a.updatedAt !== a.createdAt && <> · {t('editor.updated', { when: when(a.updatedAt) })}</>}
      </p>
      {!readOnly && (
        <button type="button" className="danger delete-annotation" onClick={() => void onDelete()}>
          {t(`editor.delete.${a.kind}`)}
        </button>
      )}
    </div>
  );
}
