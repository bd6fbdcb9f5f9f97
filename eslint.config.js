/**
 * ESLint (`npm run lint`, a stage of `npm test`).
 *
 * Besides typescript-eslint's recommended rules and the React hooks rules for
 * renderer/, this file is where the layer table of docs/ARCHITECTURE.md
 * ("Layers") is enforced: LAYERS below lists, per folder, what its files must
 * not import. Static imports and `export … from` are checked by
 * `@typescript-eslint/no-restricted-imports`, `import()` and `require()` by
 * `no-restricted-syntax`; both rules are generated from the same table, and
 * every message says "Layer boundary". Layers are folder globs, so
 * files can move inside a folder without touching this file. Relative
 * specifiers are matched as written (any number of leading '..' segments),
 * not resolved.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCE = '**/*.{ts,tsx,mts,cts,js,mjs,cjs}';
const under = (...folders) => folders.map((f) => `${f}/${SOURCE}`);

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NODE_BUILTINS = [...new Set(builtinModules.filter((m) => !m.startsWith('node:')).map((m) => m.split('/')[0]))];

/** Module specifiers, as regular expressions on the specifier as written. */
const NODE = `^(node:.*|(${NODE_BUILTINS.map(escape).join('|')})(/.*)?)$`;
const ELECTRON = '^(electron|@electron/[^/]+)(/.*)?$';
const UI = '^(react|react-dom|@tiptap/[^/]+|prosemirror-[^/]+)(/.*)?$';
/** A relative specifier that climbs out into the top-level folder(s) named. */
const upTo = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
/** From main/<layer>/…: a relative specifier into the sibling main/<folder>. */
const sibling = (folder) => `^(\\.\\./)+${folder}(/|$)`;

/** The packages renderer/ may use: React, tiptap and ProseMirror, zod. Add a browser library here. */
const RENDERER_PACKAGES =
  '(react|react-dom|react-i18next|i18next|i18next-resources-to-backend|zod|@tanstack/react-query|@tanstack/react-virtual)(/.*)?$|@tiptap/|prosemirror-';
/** Attributes no person reads or hears: their literal values are code, not interface text. */
const NOT_READ_ATTRIBUTES = [
  'className',
  'listClassName',
  // a metadata field's name (EditableValue): the label shown comes from the catalogue
  'field',
  'style',
  'type',
  'key',
  'id',
  'width',
  'height',
  'role',
  'htmlFor',
  'name',
  'value',
  'lang',
  'dir',
  'rel',
  'target',
  'href',
  'src',
  'method',
  'autoComplete',
  'inputMode',
  'enterKeyHint',
  'spellCheck',
  'tabIndex',
  'accept',
  'form',
  'd',
  'viewBox',
  'fill',
  'stroke',
  'strokeWidth',
  'xmlns',
  'focusable',
  'preserveAspectRatio',
  'data-.*',
  'aria-(?!label$|roledescription$|valuetext$|description$|placeholder$).*',
];
const unanchored = (regex) => regex.replace(/^\^/, '');

const NO_NODE = { what: 'a Node module', regex: NODE };
const NO_UI = { what: 'React or tiptap', regex: UI };
const NO_RENDERER_OR_TOOLING = { what: 'renderer/ or tooling', regex: upTo('renderer', 'tests', 'scripts', 'bench') };

/**
 * The layer table. `files`: the layer's folder; `forbid`: what its files must
 * not import — `what` (for the message) and `regex` (on the specifier);
 * `allowTypeImports`: `import type` of it is fine (erased at build time).
 */
export const LAYERS = [
  {
    layer: 'shared/',
    files: under('shared'),
    forbid: [
      NO_NODE,
      { what: 'electron', regex: ELECTRON },
      NO_UI,
      {
        what: 'main/, renderer/ or tooling (shared/ is imported by them, not the other way round)',
        regex: upTo('main', 'renderer', 'tests', 'scripts', 'bench'),
      },
    ],
  },
  {
    layer: 'main/services/',
    files: under('main/services'),
    forbid: [
      { what: 'electron (the CLI and the tests run the services without it)', regex: ELECTRON },
      NO_UI,
      { what: 'main/electron/, main/cli/ or main/preload/', regex: sibling('(electron|cli|preload)') },
      NO_RENDERER_OR_TOOLING,
    ],
  },
  {
    layer: 'main/cli/',
    files: under('main/cli'),
    forbid: [
      { what: 'electron', regex: ELECTRON },
      NO_UI,
      { what: 'main/electron/ or main/preload/', regex: sibling('(electron|preload)') },
      {
        what: 'main/services/ other than session (the CLI calls the API through callApi, with its validation and defaults)',
        regex: '^(\\.\\./)+services(/(?!session$).*)?$',
      },
      NO_RENDERER_OR_TOOLING,
    ],
    // The API door, also in the calls: no `session.service.x()` (skips the input schema), no `.store`.
    syntax: [
      {
        selector: "CallExpression > MemberExpression.callee > MemberExpression.object[property.name='service']",
        message:
          'Layer boundary: main/cli/ must not call a service method directly; use callApi(session.service, method, input).',
      },
      {
        selector: "MemberExpression[property.name='store']",
        message: 'Layer boundary: main/cli/ must not read the store; ask the API.',
      },
    ],
  },
  {
    layer: 'main/electron/',
    files: under('main/electron'),
    forbid: [
      NO_UI,
      { what: 'main/cli/ or main/preload/ (the preload is its own bundle)', regex: sibling('(cli|preload)') },
      NO_RENDERER_OR_TOOLING,
    ],
  },
  {
    layer: 'main/preload/',
    files: under('main/preload'),
    forbid: [
      {
        what: 'anything but electron, its own folder and shared/ (it runs sandboxed)',
        regex: '^(?!electron$|\\./|(\\.\\./)+shared/).*',
      },
      {
        what: 'shared/ at run time other than shared/api-methods (types are fine; it must stay tiny and free of zod)',
        regex: '^(\\.\\./)+shared/(?!api-methods$).*',
        allowTypeImports: true,
      },
    ],
  },
  {
    layer: 'renderer/',
    files: under('renderer'),
    // Build configuration that runs in Node (Vite), not renderer code.
    ignores: ['renderer/vite.config.ts'],
    forbid: [
      NO_NODE,
      { what: 'electron (main is reached only through the typed API)', regex: ELECTRON },
      {
        what: 'a package that is not on its list (RENDERER_PACKAGES in eslint.config.js)',
        // Relative and Vite's virtual: modules are checked by path; Node and electron have their own message.
        regex: `^(?!\\.|virtual:|${unanchored(NODE)}|${unanchored(ELECTRON)}|${RENDERER_PACKAGES})`,
      },
      {
        what: 'main/ or tooling (main is reached only through the typed API)',
        regex: upTo('main', 'tests', 'scripts', 'bench'),
      },
      {
        what: 'renderer/src/app/ from a feature (app/ is the composition root; what features share lives in renderer/src/ui/)',
        regex: '^(\\.\\./)+app/',
      },
    ],
  },
];

/** renderer/src/ui/ is what features share: the renderer's rules, and no feature folder either. */
const RENDERER = LAYERS.find((l) => l.layer === 'renderer/');
LAYERS.push({
  layer: 'renderer/src/ui/',
  files: under('renderer/src/ui'),
  forbid: [
    ...RENDERER.forbid,
    {
      what: 'a feature folder (features import ui/, not the other way round; the API client in src/api/ is fine)',
      regex: '^\\.\\./(?!api(/|$)|ui(/|$))[^./][^/]*(/|$)',
    },
  ],
});

/** esquery regular expressions end at the first '/', so it is written as \u002F there. */
const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\u002F')}/u`;

function layerConfig({ layer, files, ignores = [], forbid, syntax = [] }) {
  const message = (what) => `Layer boundary: ${layer} must not import ${what} (docs/ARCHITECTURE.md, "Layers").`;
  return {
    name: `dossier/layers ${layer}`,
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: forbid.map(({ what, regex, allowTypeImports }) => ({
            regex,
            message: message(what),
            ...(allowTypeImports ? { allowTypeImports } : {}),
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...forbid.flatMap(({ what, regex }) => [
          { selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message: message(what) },
          {
            selector: `CallExpression[callee.name='require'][arguments.0.value=${selectorRegex(regex)}]`,
            message: message(what),
          },
        ]),
        ...syntax,
      ],
    },
  };
}

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'release/',
    'reports/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
    'tests/artifacts/',
    'tests/fixtures/',
    'build/icons/',
  ]),
  {
    name: 'dossier/base',
    files: [SOURCE],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Same rule as tsc's noUnusedLocals/noUnusedParameters, but `_`-prefixed names mark deliberate gaps.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Playwright fixtures must be destructured, even when a test needs none: `async ({}, testInfo) => …`.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    // Text from imported articles, pasted clipboards and saved pages reaches these regular expressions: each
    // must run in linear time whatever the input (no backtracking that explodes, no quadratic scan when a
    // match fails). The plugin proves it per pattern; tests/unit/import/linear-rules.test.ts and
    // adversarial-documents.test.ts time the readers on 1 MB attack strings.
    name: 'dossier/linear regular expressions on untrusted text',
    files: under('main/services', 'shared', 'main/cli'),
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    name: 'dossier/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS files load their modules with require() by definition.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'dossier/browser scripts',
    files: ['bench/paint/in-page.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Every word the interface shows comes from the catalogues (shared/i18n): a text literal in JSX, or in an
    // attribute a person reads or hears (aria-label, title, placeholder, alt …), fails lint.
    name: 'dossier/renderer words from the catalogues',
    files: under('renderer/src'),
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { exclude: NOT_READ_ATTRIBUTES },
          message: 'Interface text must come from the catalogues (t() from react-i18next; shared/i18n/locales)',
        },
      ],
    },
  },
  {
    name: 'dossier/renderer',
    files: under('renderer'),
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    // The rules of hooks, not the plugin's React Compiler rules: the app is not built with the React Compiler,
    // running it took two thirds of the lint time, and its refs / set-state-in-effect rules flag deliberate
    // patterns (the latest-handler ref of useApiEvent, views that load data in an effect when their id changes).
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // A warning, as the plugin recommends: each finding needs a look at when the effect should run.
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...LAYERS.map(layerConfig),
]);
