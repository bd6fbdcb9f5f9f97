/**
 * Vite config of the renderer (React): the dev server of `npm run dev:web`
 * (Vite middleware behind the loopback bridge), and — through
 * electron.config.ts, which takes its plugins and build options — the
 * production build of `npm run build` (→ out/renderer, loaded from file:// by
 * Electron, hence relative asset paths). Build with `npm run build`, not with
 * this file alone: electron-vite sets the Chromium target of Electron and the
 * output folder, and the end-to-end tests run that very bundle.
 *
 * The Content-Security-Policy lives in shared/csp.ts; a small plugin writes it
 * into index.html's <meta> tag — the production policy when building, the
 * development one (inline React-refresh preamble, Vite's blob: ping worker)
 * when Vite serves. Another plugin provides the page background from
 * shared/theme.json as a stylesheet.
 *
 * No node:* imports here: this file is also type-checked with the renderer.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../shared/csp';
import theme from '../shared/theme.json' with { type: 'json' };

const here = new URL('.', import.meta.url);
/** This folder as a file-system path (Windows drive letters included). */
const rendererRoot = decodeURIComponent(here.pathname)
  .replace(/^\/([A-Za-z]:)/, '$1')
  .replace(/\/$/, '');

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/**
 * Writes the policy into index.html's CSP <meta> tag. index.html carries
 * `default-src 'none'` there, so a build without this plugin fails closed
 * (nothing loads) rather than open; a page without the tag fails the build.
 */
export function cspMeta(): Plugin {
  return {
    name: 'dossier:csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!CSP_META.test(html))
          throw new Error(`${ctx.filename} has no Content-Security-Policy <meta> tag to fill in.`);
        const policy = contentSecurityPolicy({ delivery: 'meta', dev: Boolean(ctx.server) });
        return html.replace(
          CSP_META,
          (_m, open: string, _placeholder: string, close: string) => `${open}${policy}${close}`,
        );
      },
    },
  };
}

/**
 * The page background (`--bg`, light and dark) as a stylesheet, the module
 * `virtual:window-background.css` that src/main.tsx imports: the colours come
 * from shared/theme.json, which main also reads for the window's own
 * background, so both are always the same; dark follows `data-theme` on
 * <html>, as base.css does. Built, it is part of the CSS file
 * index.html links in <head> (no inline style for the CSP to allow).
 */
export function windowBackground(): Plugin {
  const id = 'virtual:window-background.css';
  const resolved = `\0${id}`;
  const { light, dark } = theme.background;
  return {
    name: 'dossier:window-background',
    resolveId: (source) => (source === id ? resolved : null),
    load: (source) => (source === resolved ? `:root{--bg:${light}}:root[data-theme='dark']{--bg:${dark}}` : null),
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), cspMeta(), windowBackground()],
  build: {
    sourcemap: true,
    // Everything ships as files next to index.html: nothing inlined that the CSP would have to allow.
    assetsInlineLimit: 0,
    // Minified (electron-vite leaves the renderer unminified by default): the window downloads and
    // parses less than half the bytes before its first paint. The source maps keep stacks readable.
    minify: 'oxc',
    cssMinify: 'lightningcss',
    // One stylesheet, linked in <head>, even for code loaded later (the briefs, the actors): the cascade
    // stays the order the styles are imported in, and a view never shows unstyled for a moment.
    cssCodeSplit: false,
    rolldownOptions: {
      // Modules run in the order they are imported, whichever chunk holds them: src/strict-csp.ts must
      // configure zod before any module parses with it (shared/settings.ts does, as it loads), and the
      // chunks shared by the first screen and the views loaded later would otherwise run first.
      output: { strictExecutionOrder: true },
    },
  },
  server: {
    strictPort: true,
  },
});
