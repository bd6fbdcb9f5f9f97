/**
 * Where the window is: which view, and in the sources view which source and
 * passage. Every area navigates through this (search hits open a passage, an
 * actor's name opens the actor page, a citation opens its claim), so views
 * never reach into each other's state. Back/forward keep a small history.
 * Each view's last route is remembered, so going back to a view (its tab)
 * finds the source or brief that was open there.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

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
  /** Goes to a view as it was left: its last route (the source or brief open there), else the view itself. */
  openView(view: string): void;
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
  const route = stack.at(-1)!;
  const lastByView = useRef(new Map<string, Route>());
  useEffect(() => {
    lastByView.current.set(route.view, route);
  }, [route]);
  const navigate = useCallback((next: Route) => setStack((s) => [...s.slice(-49), next]), []);
  const openView = useCallback((view: string) => navigate(lastByView.current.get(view) ?? { view }), [navigate]);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const value = useMemo<Navigation>(
    () => ({ route, navigate, openView, back, canGoBack: stack.length > 1 }),
    [route, stack.length, navigate, openView, back],
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
