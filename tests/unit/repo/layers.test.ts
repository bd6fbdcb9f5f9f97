/**
 * The layer rules of docs/ARCHITECTURE.md, checked on every import in the
 * tracked sources: `shared/` stays pure, services and the CLI never load
 * electron, the renderer never reaches Node or main except through the API,
 * and the CLI reaches the services only through the API door (`callApi`).
 * (tsconfig.web.json catches Node types in renderer/ and shared/; this also
 * catches an `electron` import in main/services/, which type-checks fine.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));

/** Every module specifier of a TypeScript file: static imports, re-exports, import(), require(). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?\sfrom\s*(['"])([^'"]+)\1/g)) out.push(m[2]!);
  for (const m of code.matchAll(/(?:^|[\s;])import\s*(['"])([^'"]+)\1/g)) out.push(m[2]!);
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*(['"])([^'"]+)\1\s*\)/g)) out.push(m[2]!);
  return out;
}

const isNode = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);
const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/') || spec.startsWith('@electron/');
const isReact = (spec: string) => spec === 'react' || spec.startsWith('react/') || spec === 'react-dom' || spec.startsWith('react-dom/') || spec.startsWith('@tiptap/');

interface Rule {
  folder: string;
  forbid: Array<{ what: string; test: (spec: string, resolved: string | undefined) => boolean }>;
}

const inFolder = (folder: string) => (_spec: string, resolved: string | undefined) => resolved !== undefined && (resolved === folder || resolved.startsWith(`${folder}/`));

/**
 * What main/cli/ may import from main/services/: only the session module —
 * `openNotebookSession` to open the notebook, `callApi` to call a method.
 * Everything else (the store, the manifest, a service's own helpers) would
 * let the CLI skip the API's validation and defaults, or grow a second copy of
 * a rule the API already has.
 */
export const CLI_SERVICE_IMPORTS = new Set(['main/services/session']);
const otherService = (spec: string, resolved: string | undefined) => inFolder('main/services')(spec, resolved) && !CLI_SERVICE_IMPORTS.has(resolved!.replace(/\.(ts|js)$/, ''));

export const RULES: Rule[] = [
  {
    folder: 'shared',
    forbid: [
      { what: 'a Node module', test: isNode },
      { what: 'electron', test: isElectron },
      { what: 'React or tiptap', test: isReact },
      { what: 'main/', test: inFolder('main') },
      { what: 'renderer/', test: inFolder('renderer') },
    ],
  },
  {
    folder: 'main/services',
    forbid: [
      { what: 'electron', test: isElectron },
      { what: 'React or tiptap', test: isReact },
      { what: 'main/electron/', test: inFolder('main/electron') },
      { what: 'renderer/', test: inFolder('renderer') },
    ],
  },
  {
    folder: 'main/cli',
    forbid: [
      { what: 'electron', test: isElectron },
      { what: 'main/electron/', test: inFolder('main/electron') },
      { what: 'renderer/', test: inFolder('renderer') },
      { what: 'main/services/ other than session (call the API through callApi)', test: otherService },
    ],
  },
  {
    folder: 'main/electron',
    forbid: [
      { what: 'React or tiptap', test: isReact },
      { what: 'renderer/', test: inFolder('renderer') },
    ],
  },
  {
    folder: 'main/preload',
    forbid: [
      { what: 'a Node module', test: isNode },
      { what: 'main/services/', test: inFolder('main/services') },
    ],
  },
  {
    folder: 'renderer',
    forbid: [
      { what: 'a Node module', test: isNode },
      { what: 'electron', test: isElectron },
      { what: 'main/', test: inFolder('main') },
    ],
  },
];

/** Violations in `files` (repository-relative path → source text), as "file: imports spec (what)". */
export function layerViolations(files: Array<{ file: string; source: string }>): string[] {
  const problems: string[] = [];
  for (const { file, source } of files) {
    const rule = RULES.find((r) => file.startsWith(`${r.folder}/`));
    if (!rule) continue;
    // renderer/vite.config.ts is build configuration that runs in Node, not renderer code.
    if (file === 'renderer/vite.config.ts') continue;
    for (const spec of importsOf(source)) {
      const resolved = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : undefined;
      for (const { what, test } of rule.forbid) {
        if (test(spec, resolved)) problems.push(`${file}: imports '${spec}' (${rule.folder}/ must not use ${what})`);
      }
    }
  }
  return problems;
}

/**
 * Places where main/cli/ goes round the API door although it imports only the
 * session: calling a service method itself (`session.service.search(…)`, which
 * skips the input schema) or reading the store (`session.store.manifest`).
 */
export function cliBypasses(files: Array<{ file: string; source: string }>): string[] {
  const problems: string[] = [];
  for (const { file, source } of files) {
    if (!file.startsWith('main/cli/')) continue;
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    for (const m of code.matchAll(/\.service\s*\??\.\s*(\w+)\s*\(/g)) problems.push(`${file}: calls service.${m[1]}() directly (use callApi)`);
    for (const m of code.matchAll(/\.store\b/g)) problems.push(`${file}: reads ${m[0].slice(1)} (ask the API)`);
  }
  return problems;
}

describe('layers', () => {
  const sources = execFileSync('git', ['ls-files', '-z', '--', 'shared', 'main', 'renderer'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));

  it('reads the sources of every layer', () => {
    for (const rule of RULES) expect(sources.some((s) => s.file.startsWith(`${rule.folder}/`)), rule.folder).toBe(true);
  });

  it('no file imports what its layer must not use', () => {
    expect(layerViolations(sources)).toEqual([]);
  });

  it('main/cli/ calls no service method and reads no store directly', () => {
    expect(cliBypasses(sources)).toEqual([]);
  });

  it('catches a CLI going round the API door', () => {
    expect(
      cliBypasses([
        { file: 'main/cli/commands/x.ts', source: 'const hits = await session.service.search({ query });\nconst m = session.store.manifest;' },
        { file: 'main/cli/dossier.ts', source: 'const r = await callApi(session.service, method, input); // not session.store\n' },
        { file: 'main/services/x.ts', source: 'ctx.store.manifest;' },
      ]),
    ).toEqual(['main/cli/commands/x.ts: calls service.search() directly (use callApi)', 'main/cli/commands/x.ts: reads store (ask the API)']);
  });

  it('catches each kind of violation', () => {
    const found = layerViolations([
      { file: 'shared/x.ts', source: "import { readFile } from 'node:fs/promises';\nimport path from 'path';" },
      { file: 'main/services/x.ts', source: "import { app } from 'electron';\nconst w = await import('../electron/window');" },
      { file: 'main/cli/x.ts', source: "export { BrowserWindow } from 'electron';" },
      { file: 'main/cli/commands/y.ts', source: "import { findTag } from '../../services/briefs/index';\nimport type { Manifest } from '../../services/store/types';\nimport { callApi } from '../../services/session';" },
      { file: 'renderer/src/x.ts', source: "import { callApi } from '../../main/services/session';\nimport 'node:crypto';" },
      { file: 'main/preload/x.ts', source: "const fs = require('fs');" },
      { file: 'shared/ok.ts', source: "// import x from 'node:fs'\nimport { z } from 'zod';\nimport type { A } from './model';" },
    ]);
    expect(found).toEqual([
      "shared/x.ts: imports 'node:fs/promises' (shared/ must not use a Node module)",
      "shared/x.ts: imports 'path' (shared/ must not use a Node module)",
      "main/services/x.ts: imports 'electron' (main/services/ must not use electron)",
      "main/services/x.ts: imports '../electron/window' (main/services/ must not use main/electron/)",
      "main/cli/x.ts: imports 'electron' (main/cli/ must not use electron)",
      "main/cli/commands/y.ts: imports '../../services/briefs/index' (main/cli/ must not use main/services/ other than session (call the API through callApi))",
      "main/cli/commands/y.ts: imports '../../services/store/types' (main/cli/ must not use main/services/ other than session (call the API through callApi))",
      "renderer/src/x.ts: imports '../../main/services/session' (renderer/ must not use main/)",
      "renderer/src/x.ts: imports 'node:crypto' (renderer/ must not use a Node module)",
      "main/preload/x.ts: imports 'fs' (main/preload/ must not use a Node module)",
    ]);
  });
});
