/**
 * Where the window is: which view, and in the sources view which source and
 * passage. Every area navigates through this (search hits open a passage, an
 * actor's name opens the actor page, a citation opens its claim), so views
 * never reach into each other's state. Back/forward keep a small history.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Route =
  | {
      view: 'sources';
      sourceId?: string;
      /** An annotation to select and scroll to. */
      annotationId?: string;
      /** A passage to reveal (e.g. a search hit), as offsets into the source text. */
      range?: { start: number; end: number };
      /** Words to mark in it (a search hit's matches), as [start, end) offsets into the source text. */
      marks?: ReadonlyArray<readonly [number, number]>;
    }
  | { view: string; [key: string]: unknown };

export interface Navigation {
  route: Route;
  navigate(route: Route): void;
  back(): void;
  canGoBack: boolean;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({
  children,
  initial = { view: 'sources' },
}: {
  children: ReactNode;
  initial?: Route;
}) {
  const [stack, setStack] = useState<Route[]>([initial]);
  const navigate = useCallback((route: Route) => setStack((s) => [...s.slice(-49), route]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const value = useMemo<Navigation>(
    () => ({ route: stack.at(-1)!, navigate, back, canGoBack: stack.length > 1 }),
    [stack, navigate, back],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation must be used inside <NavigationProvider>');
  return nav;
}

/** Narrows a route to the sources view. */
export function isSourcesRoute(route: Route): route is Extract<Route, { view: 'sources' }> & { view: 'sources' } {
  return route.view === 'sources';
}
