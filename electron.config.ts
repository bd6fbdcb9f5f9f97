/**
 * electron-vite config (loaded with `electron-vite … -c electron.config.ts`).
 *
 *   main      main/electron/index.ts  → out/main/index.js   (ESM, Node deps external)
 *             main/services/import/extract-worker.ts → out/main/import-worker.js (the import worker)
 *             main/services/search/search-worker.ts  → out/main/search-worker.js (the search index's worker)
 *   preload   main/preload/index.ts   → out/preload/index.cjs (CJS, one self-contained file:
 *             the window is sandboxed, so the preload may require nothing but 'electron')
 *   renderer  renderer/index.html     → out/renderer/
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './renderer/vite.config';
import { ELD_NGRAMS_MODULE, ngramsModuleAsJson } from './scripts/eld-ngrams';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // eld (a development dependency: bundled) loads its n-gram tables as JSON (scripts/eld-ngrams.ts).
    plugins: [
      {
        name: 'eld-ngrams-as-json',
        load: (id: string) => (ELD_NGRAMS_MODULE.test(id) ? ngramsModuleAsJson(id) : undefined),
      },
    ],
    build: {
      outDir: resolve(root, 'out/main'),
      // Dependencies stay in node_modules and are loaded by Node's ESM loader at run time,
      // which refuses a JSON module imported without `with { type: 'json' }`, and the
      // bundler drops that attribute from external imports. So JSON data is bundled:
      // stopwords-iso (one JSON file), the language files of i18n-iso-countries, whose
      // code stays external (its Node entry requires them by computed paths that work
      // only from its own folder), and the CSL styles and locales of @citation-js/plugin-csl
      // (the briefs' citation styles import only those two JSON files).
      externalizeDeps: { exclude: ['stopwords-iso', 'i18n-iso-countries', '@citation-js/plugin-csl'] },
      sourcemap: true,
      rolldownOptions: {
        // Each worker is its own entry beside index.js: main starts them as worker threads (workers/entry.ts).
        input: {
          index: resolve(root, 'main/electron/index.ts'),
          'import-worker': resolve(root, 'main/services/import/extract-worker.ts'),
          'search-worker': resolve(root, 'main/services/search/search-worker.ts'),
        },
        external: ['i18n-iso-countries'],
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle everything (shared/api-methods.ts included) into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The renderer's own Vite config (React, the plugin that writes the CSP into
  // index.html) is shared with dev:web; only the paths are set here, because
  // electron-vite resolves outDir against the project root rather than the
  // renderer folder. This is the one renderer build: the end-to-end tests run it too.
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: rendererConfig.plugins ?? [],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      sourcemap: rendererConfig.build?.sourcemap ?? true,
      assetsInlineLimit: rendererConfig.build?.assetsInlineLimit ?? 0,
      minify: rendererConfig.build?.minify ?? 'oxc',
      cssMinify: rendererConfig.build?.cssMinify ?? 'lightningcss',
      cssCodeSplit: rendererConfig.build?.cssCodeSplit ?? false,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
        output: rendererConfig.build?.rolldownOptions?.output ?? { strictExecutionOrder: true },
      },
    },
  },
});
