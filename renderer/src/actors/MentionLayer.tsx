/**
 * Detected mentions of the notebook's actors in the open source, painted as a
 * subtle underline through one `CSS.highlights` entry (`dossier-mention`) —
 * no element wraps any text (the reader convention, src/reader/paragraphs.ts).
 * Clicking a mention while a claim is selected offers "Link <actor> as
 * speaker / subject / mentioned"; otherwise it offers the actor page.
 * Mounted once inside the reader; finds its text container by source id.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceMentionOut } from '../../../shared/api/actors';
import type { ActorRole, Source } from '../../../shared/model';
import { call } from '../api';
import { useApiQuery } from '../api/queries';
import { useAnnotations, type AnnotationsState } from '../annotations/AnnotationsContext';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { indexParagraphs, offsetAtPoint, rangeForOffsets } from '../reader/paint-highlights';
import { ACTOR_ROLES } from '../../../shared/enums';
import '../styles/actors.css';

export const MENTION_HIGHLIGHT = 'dossier-mention';

const NO_MENTIONS: SourceMentionOut[] = [];

/** The mentions whose [start, end) holds `offset`, shortest first. */
export function mentionsAt(mentions: readonly SourceMentionOut[], offset: number): SourceMentionOut[] {
  return mentions
    .filter((m) => m.start <= offset && offset < m.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The annotations state when the reader sits in an AnnotationsProvider, else null (the reader works without one). */
function useOptionalAnnotations(): AnnotationsState | null {
  try {
    return useAnnotations();
  } catch {
    return null;
  }
}

interface Popup {
  x: number;
  y: number;
  mention: SourceMentionOut;
  /** The claim that was selected when the mention was clicked. */
  annotationId: string | null;
}

export function MentionLayer({ source }: { source: Pick<Source, 'id' | 'text'> }) {
  const { t } = useTranslation('actors');
  const { error, info } = useNotices();
  const { navigate } = useNavigation();
  const ann = useOptionalAnnotations();
  // A nicety: the reader works without it (a failed lookup paints nothing).
  const mentions = useApiQuery('sourceMentions', { sourceId: source.id }).data ?? NO_MENTIONS;
  const [popup, setPopup] = useState<Popup | null>(null);
  const mentionsRef = useRef(mentions);
  mentionsRef.current = mentions;
  const annRef = useRef(ann);
  annRef.current = ann;

  useEffect(() => setPopup(null), [source.id]);

  const container = useCallback(
    () => document.querySelector<HTMLElement>(`.reader-text[data-source-id="${CSS.escape(source.id)}"]`),
    [source.id],
  );

  // Paint.
  useEffect(() => {
    const el = container();
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
    if (!el || !registry || typeof Highlight === 'undefined') return;
    const index = indexParagraphs(el);
    const ranges = mentions.map((m) => rangeForOffsets(index, m.start, m.end)).filter((r): r is Range => r !== null);
    const highlight = new Highlight(...ranges);
    highlight.priority = -1; // under the annotation highlights
    registry.set(MENTION_HIGHLIGHT, highlight);
    return () => {
      if (registry.get(MENTION_HIGHLIGHT) === highlight) registry.delete(MENTION_HIGHLIGHT);
    };
  }, [mentions, container, source.text]);

  // Click a mention.
  useEffect(() => {
    const el = container();
    if (!el) return;
    const onClick = (e: MouseEvent) => {
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      const offset = offsetAtPoint(el, e.clientX, e.clientY);
      const hit = offset === null ? undefined : mentionsAt(mentionsRef.current, offset)[0];
      if (!hit) {
        setPopup(null);
        return;
      }
      const a = annRef.current;
      const selected = a?.selectedId ? a.annotations.find((x) => x.id === a.selectedId) : undefined;
      const claimId = selected && selected.kind === 'claim' ? selected.id : null;
      // With a claim selected, the click is about linking: keep the claim selected.
      if (claimId) e.stopPropagation();
      setPopup({ x: e.clientX, y: e.clientY, mention: hit, annotationId: claimId });
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [container, mentions]);

  useEffect(() => {
    if (!popup) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.target instanceof Node && document.querySelector('.mention-popup')?.contains(e.target)) return;
      setPopup(null);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    window.addEventListener('resize', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
      window.removeEventListener('resize', close);
    };
  }, [popup]);

  const link = async (p: Popup, role: ActorRole) => {
    const a = ann?.annotations.find((x) => x.id === p.annotationId);
    setPopup(null);
    if (!a) return;
    if (a.actors.some((l) => l.actorId === p.mention.actorId && l.role === role)) {
      info(t('mention.alreadyLinked', { name: p.mention.name, role: t(`role.${role}`) }));
      return;
    }
    try {
      await call('updateAnnotation', {
        sourceId: a.sourceId,
        id: a.id,
        patch: { actors: [...a.actors, { actorId: p.mention.actorId, role }] },
      });
    } catch (err) {
      error(err, t('links.saveFailed'));
    }
  };

  if (!popup) return null;
  return (
    <div
      className="mention-popup"
      role="menu"
      aria-label={t('mention.label', { name: popup.mention.name })}
      style={{ left: popup.x, top: popup.y + 14 }}
    >
      {popup.annotationId && !ann?.readOnly
        ? ACTOR_ROLES.map((role) => (
            <button key={role} type="button" role="menuitem" onClick={() => void link(popup, role)}>
              {t('mention.linkAs', { name: popup.mention.name, role: t(`role.${role}`) })}
            </button>
          ))
        : null}
      <button
        type="button"
        role="menuitem"
        className="link-button"
        onClick={() => {
          setPopup(null);
          navigate({ view: 'actors', actorId: popup.mention.actorId });
        }}
      >
        {t('mention.openPage', { name: popup.mention.name })}
      </button>
    </div>
  );
}
