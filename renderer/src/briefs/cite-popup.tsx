/**
 * Citing by typing: `@words` or `/cite words` opens a popup that searches the
 * notebook's claims by quote, actor, tag and outlet (the `listClaims` API).
 * ↑/↓ move, Enter or Tab cite, Escape closes. The chosen claim replaces the
 * typed trigger with a citation node.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { Trans, useTranslation } from 'react-i18next';
import type { ClaimHit, ResolvedClaim } from '../../../shared/api/briefs';
import { citationLabel, excerpt, quoted } from '../../../shared/brief-doc';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery, useDebouncedValue } from '../api/queries';
import { findTrigger } from './trigger';
import { hashTags } from './format';
import { useStatusLabel } from '../ui/status-label';

export interface CiteTrigger {
  from: number;
  to: number;
  query: string;
  left: number;
  top: number;
}

/** The citation node (plus a following space) for a claim. */
export function citationContent(claim: ResolvedClaim) {
  return [
    {
      type: 'citation',
      attrs: { annotationId: claim.annotation.id, quote: claim.annotation.target.exact, label: citationLabel(claim) },
    },
    { type: 'text', text: ' ' },
  ];
}

export interface CitePopupApi {
  trigger: CiteTrigger | null;
  hits: ClaimHit[];
  active: number;
  loading: boolean;
  /** For the editor's handleKeyDown: true when the popup used the key. */
  onKeyDown(event: KeyboardEvent): boolean;
  /** Recomputes the trigger from the editor's selection (call on every transaction). */
  update(editor: Editor): void;
  pick(index: number): void;
  close(): void;
}

const NO_HITS: ClaimHit[] = [];

export function useCitePopup(
  editorRef: { current: Editor | null },
  onPicked: (claim: ResolvedClaim) => void,
  onError: (err: unknown) => void,
): CitePopupApi {
  const [trigger, setTrigger] = useState<CiteTrigger | null>(null);
  const [active, setActive] = useState(0);
  const dismissedFrom = useRef<number | null>(null);
  // Search as the query changes (debounced); the query layer keeps only the newest answer.
  const query = trigger ? trigger.query : null;
  const settled = useDebouncedValue(query, 120);
  const search = useApiQuery(
    'listClaims',
    { query: settled ?? '', limit: 8 },
    { enabled: query !== null && settled !== null, placeholderData: keepPreviousData },
  );
  const hits = query === null || !search.data ? NO_HITS : search.data;
  const loading = query !== null && (settled !== query || search.isFetching);
  useEffect(() => setActive(0), [search.data]);
  useEffect(() => {
    if (search.error) onError(search.error);
  }, [search.error, onError]);

  const state = useRef({ trigger, hits, active });
  state.current = { trigger, hits, active };

  const update = useCallback((editor: Editor) => {
    const { selection } = editor.state;
    const $from = selection.$from;
    if (!selection.empty || !$from.parent.isTextblock || !editor.isFocused) {
      setTrigger(null);
      return;
    }
    const start = Math.max(0, $from.parentOffset - 60);
    const text = $from.parent.textBetween(start, $from.parentOffset, undefined, '\ufffc');
    const found = findTrigger(text);
    if (!found) {
      dismissedFrom.current = null;
      setTrigger(null);
      return;
    }
    const from = $from.pos - found.length;
    if (dismissedFrom.current === from) {
      setTrigger(null);
      return;
    }
    const coords = editor.view.coordsAtPos(from);
    setTrigger((old) =>
      old && old.from === from && old.to === $from.pos && old.query === found.query
        ? old
        : { from, to: $from.pos, query: found.query, left: coords.left, top: coords.bottom },
    );
  }, []);

  const close = useCallback(() => {
    if (state.current.trigger) dismissedFrom.current = state.current.trigger.from;
    setTrigger(null);
  }, []);

  const pick = useCallback(
    (index: number) => {
      const { trigger: t, hits: list } = state.current;
      const hit = list[index];
      const editor = editorRef.current;
      if (!t || !hit || !editor) return;
      const claim: ResolvedClaim = { annotation: hit.annotation, source: hit.source };
      editor.chain().focus().insertContentAt({ from: t.from, to: t.to }, citationContent(claim)).run();
      setTrigger(null);
      onPicked(claim);
    },
    [editorRef, onPicked],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent): boolean => {
      const { trigger: t, hits: list, active: i } = state.current;
      if (!t) return false;
      if (event.key === 'Escape') {
        close();
        return true;
      }
      if (!list.length) return false;
      if (event.key === 'ArrowDown') {
        setActive((i + 1) % list.length);
        return true;
      }
      if (event.key === 'ArrowUp') {
        setActive((i - 1 + list.length) % list.length);
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        pick(i);
        return true;
      }
      return false;
    },
    [close, pick],
  );

  return { trigger, hits, active, loading, onKeyDown, update, pick, close };
}

export function CitePopup({ popup }: { popup: CitePopupApi }) {
  const statusLabel = useStatusLabel();
  const { t } = useTranslation('briefs');
  const { trigger, hits, active, loading } = popup;
  if (!trigger) return null;
  const top = Math.min(trigger.top + 4, window.innerHeight - 320);
  const left = Math.min(trigger.left, window.innerWidth - 440);
  return (
    <div className="cite-popup" style={{ top, left }} role="dialog" aria-label={t('cite.label')}>
      <div className="cite-popup-head">
        {trigger.query ? (
          <Trans t={t} i18nKey="cite.matching" values={{ query: trigger.query }} components={{ strong: <strong /> }} />
        ) : (
          t('cite.typeToSearch')
        )}
      </div>
      {hits.length === 0 ? (
        <p className="cite-popup-empty">{loading ? t('cite.searching') : t('cite.none')}</p>
      ) : (
        <ul role="listbox" aria-label={t('claims.toCite')} className="cite-popup-list">
          {hits.map((hit, i) => (
            <li
              key={hit.annotation.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'cite-option is-active' : 'cite-option'}
              data-annotation-id={hit.annotation.id}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the editor's selection
                popup.pick(i);
              }}
            >
              <span className="cite-option-quote">{quoted(excerpt(hit.annotation.target.exact, 110))}</span>
              <span className="cite-option-meta">
                {citationLabel(hit)}
                {hit.actorNames.length > 0 && <> · {hit.actorNames.join(', ')}</>}
                {hit.tagNames.length > 0 && <> · {hashTags(hit.tagNames)}</>}
                <span className="cite-option-status"> · {statusLabel(hit.annotation.status)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
