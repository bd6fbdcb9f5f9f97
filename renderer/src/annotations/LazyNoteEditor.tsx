/**
 * The note editor (./NoteEditor.tsx) as a chunk of its own, loaded the first
 * time an annotation's details show: it brings tiptap and ProseMirror, which
 * the window's first screen (the sources list) does not need. Until it has
 * loaded, an empty box of the editor's size holds its place.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import type { NoteEditor } from './NoteEditor';

const Editor = lazy(() => import('./NoteEditor').then((m) => ({ default: m.NoteEditor })));

export function LazyNoteEditor(props: ComponentProps<typeof NoteEditor>) {
  return (
    <Suspense
      fallback={
        <div className="note-editor">
          <div className="note-editor-content" aria-busy="true" />
        </div>
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}
