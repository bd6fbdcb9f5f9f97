/**
 * The page background, light and dark, in one place (theme.json): the
 * renderer's `--bg` (a stylesheet built from it, see
 * renderer/vite.config.ts) and the colour the desktop window is painted with
 * before the page has drawn, so a dark-mode window never flashes white.
 */
import theme from './theme.json' with { type: 'json' };

export const BACKGROUND: { readonly light: string; readonly dark: string } = theme.background;

export function backgroundFor(dark: boolean): string {
  return dark ? BACKGROUND.dark : BACKGROUND.light;
}
