/**
 * The annotation's rich-text note (tiptap 3, StarterKit). Saved as tiptap
 * JSON through updateAnnotation, debounced; pending edits are flushed when the
 * editor goes away. A note changed elsewhere (undo, another window) replaces
 * the editor's content unless the person is typing in it. Notes are compared
 * in canonical JSON (RFC 8785, keys sorted): a note written elsewhere (API,
 * CLI, import) may order its keys differently from the editor, and that is no edit.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalJson } from '../../../shared/json-doc';
import type { RichDoc } from '../../../shared/model';
import { isEmptyDoc } from './logic';
import { NO_INJECTED_CSS } from '../strict-csp';

const SAVE_DELAY_MS = 500;

interface Props {
  /** The note as stored (undefined: no note). */
  value: RichDoc | undefined;
  onSave(doc: RichDoc | null): Promise<void>;
  readOnly?: boolean;
  /** Bumped to move the focus into the editor. */
  focusSignal?: number;
}

export function NoteEditor({ value, onSave, readOnly = false, focusSignal }: Props) {
  const { t } = useTranslation('annotations');
  const lastSaved = useRef(canonicalJson(value ?? null));
  const timer = useRef<number>(0);
  const pending = useRef<RichDoc | null | undefined>(undefined);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const flush = () => {
    window.clearTimeout(timer.current);
    const doc = pending.current;
    if (doc === undefined) return;
    pending.current = undefined;
    const json = canonicalJson(doc);
    if (json === lastSaved.current) return;
    lastSaved.current = json;
    void saveRef.current(doc);
  };

  const editor = useEditor({
    ...NO_INJECTED_CSS,
    extensions: [StarterKit],
    content: value ?? '',
    editable: !readOnly,
    editorProps: {
      attributes: {
        class: 'note-editor-content',
        'aria-label': t('editor.note'),
        role: 'textbox',
        'aria-multiline': 'true',
      },
    },
    onUpdate: ({ editor: ed }) => {
      const json = ed.getJSON() as RichDoc;
      pending.current = isEmptyDoc(json) ? null : json;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    onBlur: () => flush(),
  });

  // Save what is pending when the annotation changes or the inspector closes.
  useEffect(() => () => flush(), []);

  // A change from elsewhere (undo, redo) replaces the content when the person is not typing.
  useEffect(() => {
    if (!editor) return;
    const json = canonicalJson(value ?? null);
    if (json === lastSaved.current || pending.current !== undefined || editor.isFocused) return;
    lastSaved.current = json;
    editor.commands.setContent(value ?? '', { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    // Without `false` tiptap reports this as an update, which would save the unchanged note.
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  useEffect(() => {
    if (editor && focusSignal) editor.commands.focus('end');
  }, [editor, focusSignal]);

  return (
    <div className="note-editor">
      <EditorContent editor={editor} />
    </div>
  );
}
