/**
 * The views besides "Sources" (the three-pane reader). Each area adds one
 * entry here — e.g. Actors, Briefs — and the toolbar shows a tab for it.
 * `render` gets the current route (whose `view` is the entry's id).
 */
import type { ReactNode } from 'react';
import type { Route } from '../ui/navigation';
import { ActorsView } from '../actors/ActorsView';
import { BriefsView } from '../briefs/BriefsView';

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
