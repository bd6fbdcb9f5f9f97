/**
 * The inspector's annotations: the open source's annotations in reading
 * order (filter by kind, tag, status), orphaned ones listed apart with their
 * quote, and the editor of the selected one.
 */
import { setAnnotationDrag } from '../briefs/drag';
import { memo, useMemo, useState } from 'react';
import type { AnnotationPatch } from '../../../shared/api/annotations';
import { ANNOTATION_KIND_LABEL, ANNOTATION_KINDS } from '../../../shared/enums';
import type { Annotation, RichDoc, Tag } from '../../../shared/model';
import { call } from '../api';
import { closeOnUndo, useNotices } from '../ui/notices';
import { VirtualList, type VirtualRow } from '../ui/VirtualList';
import { formatDateTime } from '../sources/format';
import { useAnnotations, type FocusTarget } from './AnnotationsContext';
import { CodebookDialog } from './CodebookDialog';
import { safeColour, statusColour } from './highlight-css';
import { excerpt, isEmptyDoc, matchesFilters, type Filters } from './logic';
import { NoteEditor } from './NoteEditor';
import { TagPicker } from './TagPicker';
import { ActorLinksEditor } from '../actors/ActorLinksEditor';
import { CorroborationPanel } from '../corroboration/CorroborationPanel';
import '../styles/annotations.css';

export function AnnotationPanel() {
  const ann = useAnnotations();
  const { error, info } = useNotices();
  const [filters, setFilters] = useState<Filters>({ kind: '', tag: '', status: '' });
  const [managing, setManaging] = useState(false);
  const tagsById = useMemo(() => new Map(ann.tags.map((t) => [t.id, t])), [ann.tags]);
  const usedTags = useMemo(() => {
    const used = new Set(ann.annotations.flatMap((a) => a.tagIds));
    return ann.tags.filter((t) => used.has(t.id));
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
      error(err, 'The change could not be saved');
    }
  };

  return (
    <section className="annotations" aria-label="Annotations">
      <h2 className="pane-heading">
        Annotations {ann.annotations.length > 0 && <span className="count">{ann.annotations.length}</span>}
      </h2>

      {selected && (
        <AnnotationEditor
          key={selected.id}
          annotation={selected}
          tags={ann.tags}
          statuses={ann.statuses}
          readOnly={ann.readOnly}
          orphan={ann.orphans.some((o) => o.annotation.id === selected.id)}
          focusRequest={ann.focusRequest}
          onUpdate={(patch) => update(selected, patch)}
          onCreateTag={async (name) => {
            try {
              return await call('createTag', { name });
            } catch (err) {
              error(err, 'The tag could not be created');
              return null;
            }
          }}
          onDelete={async () => {
            try {
              await call('deleteAnnotation', { sourceId: selected.sourceId, id: selected.id });
              ann.select(null);
              info(`Deleted the ${selected.kind}. Ctrl+Z brings it back.`, { closeOn: closeOnUndo });
            } catch (err) {
              error(err, 'The annotation could not be deleted');
            }
          }}
          onManageTags={() => setManaging(true)}
          onClose={() => ann.select(null)}
        />
      )}
      {selected?.kind === 'claim' && (
        <CorroborationPanel key={`corr-${selected.id}`} annotation={selected} readOnly={ann.readOnly} />
      )}

      {ann.annotations.length === 0 ? (
        <p className="muted annotations-hint">
          Select text in the reader to make a claim (C), a highlight (H) or a note (N).
        </p>
      ) : (
        <>
          <div className="annotation-filters" role="group" aria-label="Filter annotations">
            <select
              aria-label="Filter by kind"
              value={filters.kind}
              onChange={(e) => setFilters({ ...filters, kind: e.target.value })}
            >
              <option value="">All kinds</option>
              {ANNOTATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ANNOTATION_KIND_LABEL[k]}s
                </option>
              ))}
            </select>
            <select
              aria-label="Filter by tag"
              value={filters.tag}
              onChange={(e) => setFilters({ ...filters, tag: e.target.value })}
            >
              <option value="">All tags</option>
              {usedTags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Filter by status"
              value={filters.status}
              onChange={(e) => setFilters({ ...filters, status: e.target.value })}
            >
              <option value="">All statuses</option>
              {ann.statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <AnnotationList label="Annotations in reading order" rows={list} {...listProps} scroll />
          {list.length === 0 && filtered && <p className="muted">No annotation matches these filters.</p>}
          {orphans.length > 0 && (
            <div className="orphans">
              <h3 className="orphans-heading">Orphaned ({orphans.length})</h3>
              <p className="muted">These no longer match the text; they are kept with their quote.</p>
              <AnnotationList label="Orphaned annotations" rows={orphans} {...listProps} />
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
  rows: ReadonlyArray<{ annotation: Annotation; reason?: string }>;
  tagsById: Map<string, Tag>;
  statuses: string[];
  selectedId: string | null;
  scroll?: boolean;
  onSelect(id: string, opts?: { scroll?: boolean }): void;
}) {
  const selectedRow = useMemo(() => rows.findIndex((x) => x.annotation.id === selectedId), [rows, selectedId]);
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
          {...(reason ? { title: reason } : {})}
          scroll={scroll}
        />
      )}
    />
  );
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
  const hasNote = !isEmptyDoc(a.note);
  return (
    <li
      {...row.props}
      className={selected ? 'annotation-row is-selected' : 'annotation-row'}
      data-annotation-id={a.id}
      draggable
      title="Drag into a brief to cite it"
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
          <span className={`kind-badge kind-${a.kind}`}>{ANNOTATION_KIND_LABEL[a.kind]}</span>
          {a.kind === 'claim' && (
            <span className="status-badge" data-status={a.status}>
              <span
                className="status-dot"
                style={{ background: statusColour(a.status, statuses) }}
                aria-hidden="true"
              />
              {a.status}
            </span>
          )}
          {hasNote && (
            <span className="note-flag" title="Has a note">
              ✎ note
            </span>
          )}
        </span>
        <span className="annotation-quote">“{excerpt(a.target.exact)}”</span>
        {a.tagIds.length > 0 && (
          <span className="annotation-tags">
            {a.tagIds.map((id) => {
              const t = tagsById.get(id);
              return (
                <span key={id} className="tag-chip small">
                  <span
                    className="tag-swatch"
                    style={{ background: safeColour(t?.color, '#888') }}
                    aria-hidden="true"
                  />
                  {t?.name ?? 'unknown tag'}
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
  orphan: boolean;
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
  // Focus requests made before this editor mounted (a claim just created) still count.
  const mine = focusRequest?.id === a.id ? focusRequest : null;
  const tagFocus = mine?.target === 'tags' ? mine.n : undefined;
  const noteFocus = mine?.target === 'note' ? mine.n : undefined;
  const statusList = statuses.includes(a.status) ? statuses : [...statuses, a.status];
  return (
    <div className="annotation-editor" role="group" aria-label="Selected annotation">
      <div className="annotation-editor-head">
        <select
          aria-label="Kind"
          value={a.kind}
          disabled={readOnly}
          onChange={(e) => void onUpdate({ kind: e.target.value as Annotation['kind'] })}
        >
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {ANNOTATION_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label="Close the annotation" onClick={onClose}>
          ×
        </button>
      </div>
      <blockquote className="annotation-editor-quote">{excerpt(a.target.exact, 400)}</blockquote>
      {orphan && (
        <p className="orphan-warning">
          This passage is no longer found in the text; the annotation is kept with its quote.
        </p>
      )}

      <label className="field-label" htmlFor={`status-${a.id}`}>
        Status
      </label>
      <select
        id={`status-${a.id}`}
        aria-label="Status"
        value={a.status}
        disabled={readOnly}
        onChange={(e) => void onUpdate({ status: e.target.value })}
      >
        {statusList.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>

      <span className="field-label">Tags</span>
      <TagPicker
        tags={tags}
        value={a.tagIds}
        readOnly={readOnly}
        focusSignal={tagFocus}
        onChange={(tagIds) => void onUpdate({ tagIds })}
        onCreate={onCreateTag}
        onManage={onManageTags}
      />

      <span className="field-label">Actors</span>
      <ActorLinksEditor annotation={a} readOnly={readOnly} />

      <span className="field-label">Note</span>
      <NoteEditor value={a.note} readOnly={readOnly} focusSignal={noteFocus} onSave={(note) => onUpdate({ note })} />

      <p className="annotation-times muted">
        Created {formatDateTime(a.createdAt)}
        {a.updatedAt !== a.createdAt && <> · updated {formatDateTime(a.updatedAt)}</>}
      </p>
      {!readOnly && (
        <button type="button" className="danger delete-annotation" onClick={() => void onDelete()}>
          Delete {ANNOTATION_KIND_LABEL[a.kind].toLowerCase()}
        </button>
      )}
    </div>
  );
}
