/**
 * The brief editor: a title, a small formatting toolbar, export buttons, and
 * the tiptap document with live citation chips. Autosaves (debounced) through
 * `updateBrief`, tagged with this window's origin so its own saves reload
 * nothing; reloads the document when the brief changed underneath it (undo /
 * redo of a brief edit, another window) and nothing local is waiting to be saved.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import StarterKit from '@tiptap/starter-kit';
import type { ResolvedClaim } from '../../../shared/api/briefs';
import { BRIEF_FORMATS, briefFormatOfCommand, type BriefFormat } from '../../../shared/enums';
import type { Brief } from '../../../shared/model';
import { call, getApi, unwrap } from '../api';
import { useApiEvent } from '../api/useApiEvent';
import { invalidates, ownOrigin } from '../api/invalidation';
import { apiQueryKey } from '../api/queries';
import { useNavigation } from '../ui/navigation';
import { useNotices } from '../ui/notices';
import { NO_INJECTED_CSS } from '../strict-csp';
import { Citation } from './citation-node';
import { CitationStore } from './citation-store';
import { Fact } from './fact-node';
import { NoteNumbers } from './note-numbers';
import { citationContent, CitePopup, useCitePopup } from './cite-popup';
import { ANNOTATION_DRAG_TYPE, readAnnotationDrag } from './drag';
import { TABLE_EXTENSIONS } from './table';
import { FormatBar } from './FormatBar';
import { CitationStylePicker } from './CitationStylePicker';
import { BriefLanguagePicker } from './BriefLanguagePicker';
import { briefLanguage } from '../../../shared/brief-words';
import { download } from '../ui/download';

const AUTOSAVE_MS = 700;

type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** Cites a claim at the editor's cursor; false when there is no editable brief to cite in. */
export type CiteAtCursor = (claim: ResolvedClaim) => boolean;

export function BriefEditor({
  brief,
  readOnly,
  citeRef,
}: {
  brief: Brief;
  readOnly: boolean;
  /** Set while this editor is open, for citing from outside it (the claims panel). */
  citeRef?: { current: CiteAtCursor | null };
}) {
  const { t } = useTranslation(['briefs', 'a11y', 'enums']);
  const { error: notifyError, info } = useNotices();
  const { navigate } = useNavigation();
  const store = useMemo(() => new CitationStore(notifyError), [notifyError]);
  // Drafted facts read in the brief's language, as its exports do.
  useEffect(() => store.setLanguage(briefLanguage(brief.language)), [store, brief.language]);
  const numbers = useMemo(() => new NoteNumbers(), []);
  useEffect(() => {
    store.activate();
    // A claim found gone (or back) changes which citations get a number.
    const unsubscribe = store.subscribe(() => {
      const e = editorRef.current;
      if (e && !e.isDestroyed) numbers.update(e.state.doc, store);
    });
    return () => {
      unsubscribe();
      store.dispose();
    };
  }, [store, numbers]);

  const queryClient = useQueryClient();
  const origin = ownOrigin(`brief:${brief.id}`);
  // This editor's own saves do not refetch the open brief (see api/invalidation.ts): the cached
  // copy takes what was saved instead, so a later change back to an earlier version (an undo) is
  // still a change, and reopening the brief shows the saved text.
  const rememberSaved = useCallback(
    (saved: Partial<Brief>) =>
      queryClient.setQueryData<Brief>(apiQueryKey('getBrief', { id: brief.id }), (old) =>
        old ? { ...old, ...saved } : old,
      ),
    [queryClient, brief.id],
  );
  const editorRef = useRef<Editor | null>(null);
  const savedJson = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [title, setTitle] = useState(brief.title);
  const [exporting, setExporting] = useState<BriefFormat | null>(null);

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const editor = editorRef.current;
    if (!editor || editor.isDestroyed) return;
    if (inFlight.current) await inFlight.current;
    const doc = editor.getJSON() as Brief['doc'];
    const json = JSON.stringify(doc);
    if (json === savedJson.current) {
      setSaveState(timer.current ? 'pending' : 'saved');
      return;
    }
    setSaveState('saving');
    const run = call('updateBrief', { id: brief.id, doc, origin })
      .then((summary) => {
        savedJson.current = json;
        setSaveState(timer.current ? 'pending' : 'saved');
        rememberSaved({ doc, updatedAt: summary.updatedAt });
      })
      .catch((err: unknown) => {
        setSaveState('error');
        notifyError(err);
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = run;
    await run;
  }, [brief.id, origin, rememberSaved, notifyError]);

  const scheduleSave = useCallback(() => {
    setSaveState('pending');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [saveNow]);

  const onOpen = useCallback(
    (claim: ResolvedClaim) =>
      navigate({ view: 'sources', sourceId: claim.source.id, annotationId: claim.annotation.id }),
    [navigate],
  );
  const onPicked = useCallback((claim: ResolvedClaim) => store.put(claim), [store]);
  const popup = useCitePopup(editorRef, onPicked, notifyError);
  const popupRef = useRef(popup);
  popupRef.current = popup;

  const insertDropped = useCallback(
    async (annotationId: string, pos: number) => {
      try {
        const [claim] = await call('resolveCitations', { annotationIds: [annotationId] });
        const editor = editorRef.current;
        if (!editor || editor.isDestroyed) return;
        if (!claim || !('annotation' in claim)) {
          notifyError(t('editor.claimGone'));
          return;
        }
        store.put(claim);
        const at = Math.min(pos, editor.state.doc.content.size);
        editor.chain().focus().insertContentAt(at, citationContent(claim)).run();
      } catch (err) {
        notifyError(err);
      }
    },
    [notifyError, store, t],
  );

  useEffect(() => {
    if (!citeRef) return;
    citeRef.current = (claim) => {
      const e = editorRef.current;
      if (!e || e.isDestroyed || readOnly) return false;
      store.put(claim);
      e.chain().focus().insertContent(citationContent(claim)).run();
      return true;
    };
    return () => {
      citeRef.current = null;
    };
  }, [citeRef, readOnly, store]);

  const editor = useEditor(
    {
      ...NO_INJECTED_CSS,
      editable: !readOnly,
      extensions: [
        StarterKit.configure({
          heading: { levels: [1, 2, 3] },
          codeBlock: false,
          link: {
            openOnClick: false,
            autolink: true,
            defaultProtocol: 'https',
            protocols: ['http', 'https', 'mailto'],
          },
        }),
        ...TABLE_EXTENSIONS,
        Citation.configure({ store, numbers, onOpen }),
        Fact.configure({ store }),
      ],
      content: brief.doc,
      editorProps: {
        attributes: {
          class: 'brief-doc',
          'aria-label': t('editor.text'),
          spellcheck: 'true',
          'data-testid': 'brief-doc',
        },
        handleKeyDown: (_view, event) => popupRef.current.onKeyDown(event),
        handleDOMEvents: {
          dragover: (_view, event) => {
            if (event.dataTransfer?.types.includes(ANNOTATION_DRAG_TYPE)) {
              event.preventDefault();
              event.dataTransfer.dropEffect = 'copy';
            }
            return false;
          },
        },
        handleDrop: (view, event) => {
          const payload = readAnnotationDrag(event.dataTransfer);
          if (!payload) return false;
          const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
          event.preventDefault();
          void insertDropped(payload.annotationId, pos);
          return true;
        },
      },
      onCreate: ({ editor: e }) => {
        editorRef.current = e;
        savedJson.current = JSON.stringify(e.getJSON());
        numbers.update(e.state.doc, store);
      },
      onUpdate: ({ editor: e }) => {
        numbers.update(e.state.doc, store);
        popupRef.current.update(e);
        if (JSON.stringify(e.getJSON()) !== savedJson.current) scheduleSave();
      },
      onSelectionUpdate: ({ editor: e }) => popupRef.current.update(e),
      onBlur: () => {
        popupRef.current.close();
        if (timer.current) void saveNow();
      },
      onDestroy: () => {
        editorRef.current = null;
      },
    },
    [brief.id],
  );
  editorRef.current = editor;

  // Leaving the brief saves what is pending.
  useEffect(
    () => () => {
      if (timer.current) void saveNow();
    },
    [saveNow],
  );

  // Claims may have changed (status, text, deleted): chips re-resolve. A brief's own save changes no claim.
  useApiEvent('notebook-changed', (event) => {
    if (invalidates(event, 'resolveCitations', { annotationIds: [] })) store.refresh();
  });

  // The brief changed underneath the editor (undo / redo, another window; never this editor's own
  // save): the query brings the new version; reload it when nothing local is waiting to be saved.
  const shown = useRef(brief);
  useEffect(() => {
    if (shown.current === brief) return;
    shown.current = brief;
    setTitle((t) => (document.activeElement?.classList.contains('brief-title') ? t : brief.title));
    const e = editorRef.current;
    if (!e || e.isDestroyed || timer.current || inFlight.current) return;
    // Compare as documents, not JSON text: the stored JSON and tiptap's may differ in key order or
    // default attributes for the same content, and a needless reload would move the cursor.
    let incoming;
    try {
      incoming = e.schema.nodeFromJSON(brief.doc);
    } catch {
      return;
    }
    if (incoming.eq(e.state.doc)) return;
    e.commands.setContent(brief.doc, { emitUpdate: false });
    savedJson.current = JSON.stringify(e.getJSON());
  }, [brief]);

  const saveTitle = useCallback(async () => {
    const next = title.trim();
    if (!next) {
      setTitle(brief.title);
      return;
    }
    try {
      const summary = await call('updateBrief', { id: brief.id, title: next, origin });
      rememberSaved({ title: summary.title, updatedAt: summary.updatedAt });
    } catch (err) {
      notifyError(err);
    }
  }, [brief.id, brief.title, title, origin, rememberSaved, notifyError]);

  const exportAs = useCallback(
    async (format: BriefFormat) => {
      setExporting(format);
      try {
        await saveNow();
        const { exportBriefWithDialog } = getApi();
        if (exportBriefWithDialog) {
          // Desktop app: main shows the save dialog and writes the file; the page learns only its name.
          const saved = unwrap(await exportBriefWithDialog({ briefId: brief.id, format }));
          if (saved.saved && saved.fileName) info(t('editor.exported', { fileName: saved.fileName }));
          return;
        }
        const file = await call('exportBrief', { briefId: brief.id, format });
        download(file.bytes, file.mime, file.fileName);
        info(t('editor.exported', { fileName: file.fileName }));
      } catch (err) {
        notifyError(err);
      } finally {
        setExporting(null);
      }
    },
    [brief.id, saveNow, info, notifyError, t],
  );

  // The native menu may ask for an export ("export-brief:docx").
  useApiEvent('menu', (event) => {
    const format = briefFormatOfCommand(event.command);
    if (format) void exportAs(format);
  });

  return (
    <div className="brief-editor">
      <div className="brief-sticky">
        {/* The screen's heading for screen readers; the title field below shows and edits it. */}
        <h1 className="visually-hidden">{brief.title || t('a11y:untitledBrief')}</h1>
        <div className="brief-head">
          <input
            className="brief-title"
            aria-label={t('editor.title')}
            value={title}
            disabled={readOnly}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={() => void saveTitle()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                editor?.commands.focus('start');
              } else if (e.key === 'Escape') {
                setTitle(brief.title);
              }
            }}
          />
          <span className={`save-state is-${saveState}`} role="status" aria-live="polite" data-testid="save-state">
            {t(`editor.saveState.${saveState}`)}
          </span>
          <CitationStylePicker briefId={brief.id} value={brief.citationStyle} readOnly={readOnly} />
          <BriefLanguagePicker briefId={brief.id} value={brief.language} readOnly={readOnly} />
          <div className="brief-export" role="group" aria-label={t('editor.export')}>
            <span className="brief-export-label">{t('editor.export')}</span>
            {BRIEF_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button button-quiet"
                disabled={exporting !== null}
                aria-label={t('editor.exportAs', { format: t(`enums:briefFormat.${format}.button`) })}
                onClick={() => void exportAs(format)}
              >
                {exporting === format ? '…' : t(`enums:briefFormat.${format}.button`)}
              </button>
            ))}
          </div>
        </div>
        {editor && !readOnly && <FormatBar editor={editor} />}
      </div>
      <div className="brief-page">
        <EditorContent editor={editor} />
      </div>
      <CitePopup popup={popup} />
    </div>
  );
}
