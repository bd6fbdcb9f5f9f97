/**
 * Applies the appearance settings to the page: the theme as `data-theme` on
 * <html> ('light' or 'dark' — 'system' resolved with the system's
 * `prefers-color-scheme`, followed as it changes; base.css keys its dark
 * colours on it), and the reader's font size and line width as the CSS
 * variables `--reader-font-size` and `--reader-line-width`.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Theme } from '../../../shared/enums';
import type { UserSettings } from '../../../shared/settings';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function subscribeSystem(onChange: () => void): () => void {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme to paint: the person's choice, or the system's for 'system'. */
export function resolveTheme(theme: Theme, isSystemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (isSystemDark ? 'dark' : 'light') : theme;
}

export function applyAppearance(
  root: HTMLElement,
  settings: Pick<UserSettings, 'theme' | 'readerFontSize' | 'readerLineWidth'>,
  isSystemDark: boolean,
): void {
  root.dataset.theme = resolveTheme(settings.theme, isSystemDark);
  // CSSOM, not a style attribute: the CSP allows it.
  root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`);
  root.style.setProperty('--reader-line-width', `${settings.readerLineWidth}ch`);
}

// Before React's first render: the system's theme, so a dark system never flashes light.
if (typeof document !== 'undefined') document.documentElement.dataset.theme = resolveTheme('system', systemDark());

/** Keeps the page's theme and reader metrics in step with the settings and the system's theme. */
export function useAppearance(settings: UserSettings): void {
  const isSystemDark = useSyncExternalStore(subscribeSystem, systemDark);
  const { theme, readerFontSize, readerLineWidth } = settings;
  useEffect(() => {
    applyAppearance(document.documentElement, { theme, readerFontSize, readerLineWidth }, isSystemDark);
  }, [theme, readerFontSize, readerLineWidth, isSystemDark]);
}
