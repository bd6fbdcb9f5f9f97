/**
 * The views besides "Sources" (the three-pane reader). Each area adds one
 * entry here — e.g. Actors, Briefs — and the toolbar shows a tab for it.
 * `render` gets the current route (whose `view` is the entry's id); it may
 * suspend while its code loads (App shows a loading line meanwhile).
 */
import { lazy, type ReactNode } from 'react';
import type { Route } from '../ui/navigation';

// Each view is a chunk of its own, loaded when first shown: the window opens on the sources, and the
// briefs' editor (tiptap, ProseMirror) is the largest part of the renderer.
const ActorsView = lazy(() => import('../actors/ActorsView').then((m) => ({ default: m.ActorsView })));
const BriefsView = lazy(() => import('../briefs/BriefsView').then((m) => ({ default: m.BriefsView })));

export interface AppView {
  /** Its name comes from the catalogue: `app:views.<id>`. */
  id: 'actors' | 'briefs';
  /** Keyboard shortcut hint shown in the tab's title, e.g. "Ctrl+2". */
  shortcut?: string;
  render(route: Route): ReactNode;
}

export const EXTRA_VIEWS: AppView[] = [
  { id: 'actors', render: (route) => <ActorsView route={route} /> },
  { id: 'briefs', render: (route) => <BriefsView route={route} /> },
];
