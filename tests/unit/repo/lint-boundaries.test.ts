/**
 * The layer rules of docs/ARCHITECTURE.md live in eslint.config.js (LAYERS)
 * and run with `npm run lint`. These tests lint snippets placed virtually in
 * each layer's folder through ESLint's Node API with the project's own
 * config: a forbidden import must give a "Layer boundary" error, an allowed
 * one none.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer-boundary messages ESLint reports for `code` placed at `file` (repository-relative). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file}: ${fatal.map((m) => m.message).join('; ')}`);
  // no-restricted-imports puts its own sentence before the configured message.
  return result.messages
    .filter((m) => m.message.includes('Layer boundary'))
    .map((m) => `${m.line}: ${m.message.slice(m.message.indexOf('Layer boundary'))}`);
}

/** Lines of `code` that got a boundary error, 1-based. */
async function flaggedLines(file: string, code: string): Promise<number[]> {
  const errors = await boundaryErrors(file, code);
  return [...new Set(errors.map((e) => Number(e.split(':')[0])))];
}

describe('layer boundaries (ESLint)', () => {
  it('main/services/ must not import electron', async () => {
    const errors = await boundaryErrors('main/services/history.ts', "import { app } from 'electron';\n");
    expect(errors).toEqual([expect.stringMatching(/^1: Layer boundary: main\/services\/ must not import electron/)]);
  });

  it('the renderer uses only the packages on its list', async () => {
    const code = "import { Low } from 'lowdb';\nimport { JSDOM } from 'jsdom';\nimport { useState } from 'react';\n";
    expect(await flaggedLines('renderer/src/x.ts', code)).toEqual([1, 2]);
    expect((await boundaryErrors('renderer/src/x.ts', code))[0]).toMatch(
      /renderer\/ must not import a package that is not on its list/,
    );
  });

  it('the renderer must not import main/', async () => {
    const errors = await boundaryErrors(
      'renderer/src/x.ts',
      "import { callApi } from '../../main/services/session';\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^1: Layer boundary: renderer\/ must not import main\//)]);
  });

  it('a feature must not import the composition root; app/ and ui/ may be imported as meant', async () => {
    const errors = await boundaryErrors('renderer/src/briefs/x.tsx', "import { EXTRA_VIEWS } from '../app/views';\n");
    expect(errors).toEqual([
      expect.stringMatching(/^1: Layer boundary: renderer\/ must not import renderer\/src\/app\/ from a feature/),
    ]);
    expect(await flaggedLines('renderer/src/briefs/x.tsx', "import { useNotices } from '../ui/notices';\n")).toEqual(
      [],
    );
    expect(await flaggedLines('renderer/src/app/x.tsx', "import { EXTRA_VIEWS } from './views';\n")).toEqual([]);
    expect(await flaggedLines('renderer/src/main.tsx', "import { App } from './app/App';\n")).toEqual([]);
  });

  it('renderer/src/ui/ must not import a feature, and keeps the renderer rules', async () => {
    const errors = await boundaryErrors(
      'renderer/src/ui/x.tsx',
      "import { BriefsView } from '../briefs/BriefsView';\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(/^1: Layer boundary: renderer\/src\/ui\/ must not import a feature folder/),
    ]);
    expect(
      await flaggedLines('renderer/src/ui/x.tsx', "import { call } from '../api';\nimport { x } from './y';\n"),
    ).toEqual([]);
    expect(await flaggedLines('renderer/src/ui/x.tsx', "import { readFile } from 'node:fs';\n")).toEqual([1]);
    expect(
      await flaggedLines('renderer/src/ui/x.tsx', "import type { Brief } from '../../../shared/model';\n"),
    ).toEqual([]);
  });

  it('shared/ must not import a Node module, by either name', async () => {
    const code =
      "import { readFile } from 'node:fs';\nimport path from 'path';\nimport { readFileSync } from 'fs/promises';\n";
    expect(await flaggedLines('shared/x.ts', code)).toEqual([1, 2, 3]);
    expect((await boundaryErrors('shared/x.ts', code))[0]).toMatch(/shared\/ must not import a Node module/);
  });

  it('the preload must not import anything but electron and shared/api-methods', async () => {
    const errors = await boundaryErrors('main/preload/x.ts', "import { z } from 'zod';\n");
    expect(errors).toEqual([
      expect.stringMatching(/^1: Layer boundary: main\/preload\/ must not import anything but electron/),
    ]);
    const code = [
      "import { API_METHODS } from '../../shared/api-methods';", // allowed
      "import type { DossierApi } from '../../shared/api';", // allowed: erased at build time
      "import { ApiMethod } from '../../shared/api';", // zod at run time
      "import { ipcRenderer } from 'electron';", // allowed
      "import { createDossierApi } from './api';", // allowed
      "import { openNotebookSession } from '../services/session';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(await flaggedLines('main/preload/x.ts', code)).toEqual([3, 6, 7]);
  });

  it('main/cli/ reaches the services only through the session', async () => {
    const code = [
      "import { callApi, openNotebookSession } from '../../services/session';", // allowed
      "import { findTag } from '../../services/briefs/index';",
      "import type { Manifest } from '../../services/store/types';",
      "export { BrowserWindow } from 'electron';",
      "import { createWindow } from '../../electron/window';",
      "import { parseArgs } from 'node:util';", // allowed
    ].join('\n');
    expect(await flaggedLines('main/cli/commands/y.ts', code)).toEqual([2, 3, 4, 5]);
  });

  it('main/cli/ calls no service method and reads no store itself', async () => {
    const code = [
      'declare const session: any, method: any, input: any;',
      'export const r = await callApi(session.service, method, input);', // allowed
      'export const hits = await session.service.search({ query: "x" });',
      'export const m = session.store.manifest;',
    ].join('\n');
    expect(await flaggedLines('main/cli/commands/x.ts', code)).toEqual([3, 4]);
    // The same code is fine in the services.
    expect(await flaggedLines('main/services/x.ts', code)).toEqual([]);
  });

  it('checks import() and require(), not only import declarations', async () => {
    const code = "export const w = await import('../electron/window');\nexport const e = require('electron');\n";
    expect(await flaggedLines('main/services/x.ts', code)).toEqual([1, 2]);
    expect(await flaggedLines('renderer/src/x.ts', "export const fs = await import('node:fs');\n")).toEqual([1]);
  });

  it('shared/ must not import electron, React or the folders that import it', async () => {
    const code =
      "import { app } from 'electron';\nimport { useState } from 'react';\nimport { x } from '../main/services/session';\nimport { y } from '../renderer/src/app/App';\n";
    expect(await flaggedLines('shared/api/x.ts', code.replaceAll("'../", "'../../"))).toEqual([1, 2, 3, 4]);
    expect(await flaggedLines('shared/x.ts', code)).toEqual([1, 2, 3, 4]);
  });

  it('lets each layer import what it may', async () => {
    const allowed: Array<[string, string]> = [
      [
        'shared/x.ts',
        "// import fs from 'node:fs'\nimport { z } from 'zod';\nimport type { A } from './model';\nimport { b } from './anchoring/fold';\nexport { z };",
      ],
      [
        'main/services/history.ts',
        "import { readFile } from 'node:fs/promises';\nimport { Low } from 'lowdb';\nimport { Source } from '../../shared/model';\nimport { store } from './store/index';",
      ],
      [
        'main/electron/x.ts',
        "import { app } from 'electron';\nimport { openNotebookSession } from '../services/session';\nimport { join } from 'node:path';",
      ],
      [
        'main/preload/index.ts',
        "import { contextBridge } from 'electron';\nimport { API_METHODS } from '../../shared/api-methods';\nimport type { ApiEvent } from '../../shared/api';\nimport { createDossierApi } from './api';",
      ],
      [
        'renderer/src/x.tsx',
        "import { useState } from 'react';\nimport { useEditor } from '@tiptap/react';\nimport { z } from 'zod';\nimport { getApi } from './api/index';\nimport type { Source } from '../../shared/model';\nimport { createRoot } from 'react-dom/client';\nimport 'prosemirror-view/style/prosemirror.css';\nimport 'virtual:window-background.css';",
      ],
      // Build configuration that runs in Node, not renderer code.
      [
        'renderer/vite.config.ts',
        "import { defineConfig } from 'vite';\nimport { contentSecurityPolicy } from '../shared/csp';",
      ],
      [
        'tests/unit/x.test.ts',
        "import { app } from 'electron';\nimport fs from 'node:fs';\nimport { findTag } from '../../main/services/briefs/index';",
      ],
    ];
    for (const [file, code] of allowed) expect(await boundaryErrors(file, code), file).toEqual([]);
  });

  it('applies the layer rules to the real folders', async () => {
    for (const file of [
      'shared/model.ts',
      'main/services/session.ts',
      'main/cli/dossier.ts',
      'main/electron/ipc.ts',
      'main/preload/index.ts',
      'renderer/src/main.tsx',
    ]) {
      const config = (await eslint.calculateConfigForFile(path.join(root, file))) as {
        rules: Record<string, unknown[]>;
      };
      const rule = config.rules['@typescript-eslint/no-restricted-imports'];
      expect(rule?.[0], file).toBe(2);
    }
  });
});
