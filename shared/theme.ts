/**
 * The page background, light and dark, in one place: the renderer's `--bg`
 * (index.html gets it as an inline style, see renderer/vite.config.ts) and
 * the colour the desktop window is painted with before the page has drawn,
 * so a dark-mode window never flashes white.
 */
export const BACKGROUND = { light: '#fbfaf7', dark: '#1b1d20' } as const;

export function backgroundFor(dark: boolean): string {
  return dark ? BACKGROUND.dark : BACKGROUND.light;
}

/** The CSS that sets `--bg` for the light and the dark colour scheme. */
export function backgroundCss(): string {
  return `:root{--bg:${BACKGROUND.light}}@media (prefers-color-scheme: dark){:root{--bg:${BACKGROUND.dark}}}`;
}
