/**
 * Vite config of the renderer (React). Used by `vite build -c renderer/vite.config.ts`
 * (→ out/renderer, loaded from file:// by Electron, hence relative asset
 * paths), by `npm run dev:web` (Vite middleware behind the loopback bridge)
 * and imported by electron.config.ts for the desktop build.
 *
 * index.html carries the strict Content-Security-Policy. Only when Vite
 * serves in development does a small plugin relax it for HMR: the React
 * refresh preamble is an inline script and the HMR client talks over ws:.
 *
 * No node:* imports here: this file is also type-checked with the renderer.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import theme from '../shared/theme.json' with { type: 'json' };

const here = new URL('.', import.meta.url);
/** This folder as a file-system path (Windows drive letters included). */
const rendererRoot = decodeURIComponent(here.pathname)
  .replace(/^\/([A-Za-z]:)/, '$1')
  .replace(/\/$/, '');

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/** The development-only CSP: the strict one plus what Vite's HMR and React refresh need. */
export function relaxCspForDev(csp: string): string {
  return csp
    .replace(/script-src ([^;]*)/, "script-src $1 'unsafe-inline'")
    .replace(/connect-src ([^;]*)/, 'connect-src $1 ws://127.0.0.1:* ws://localhost:* http://localhost:* http://127.0.0.1:*');
}

function devCsp(): Plugin {
  return {
    name: 'dossier:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return html.replace(CSP_META, (_m, open: string, csp: string, close: string) => `${open}${relaxCspForDev(csp)}${close}`);
      },
    },
  };
}

/**
 * The page background (`--bg`, light and dark) as a stylesheet, the module
 * `virtual:window-background.css` that src/main.tsx imports: the colours come
 * from shared/theme.json, which main also reads for the window's own
 * background, so both are always the same. Built, it is part of the CSS file
 * index.html links in <head> (no inline style for the CSP to allow).
 */
export function windowBackground(): Plugin {
  const id = 'virtual:window-background.css';
  const resolved = `\0${id}`;
  const { light, dark } = theme.background;
  return {
    name: 'dossier:window-background',
    resolveId: (source) => (source === id ? resolved : null),
    load: (source) => (source === resolved ? `:root{--bg:${light}}@media (prefers-color-scheme: dark){:root{--bg:${dark}}}` : null),
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), devCsp(), windowBackground()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Everything ships as files next to index.html: nothing inlined that the CSP would have to allow.
    assetsInlineLimit: 0,
  },
  server: {
    strictPort: true,
  },
});
