/**
 * The import worker as the app and the CLI ship it (out/main/import-worker.js,
 * out/cli/import-worker.js, as `npm run build` wrote them):
 *
 *   - a text, a web page, a PDF and a Word document each import through it,
 *     with the same result as extraction from source;
 *   - its start loads none of the heavy readers: followed through static
 *     imports only, the worker never reaches jsdom, Readability, DOMPurify,
 *     pdf.js or mammoth, which it reaches through `import()` (so the check
 *     sees them, and a bundler that inlined them would fail it);
 *   - language detection (eld) is bundled with its n-gram tables as one JSON
 *     text, never as the package's object literal (which would cost the
 *     worker some hundred megabytes more for its life).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { init, parse } from 'es-module-lexer';
import { afterAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../main/services/import/extract';
import { ExtractPool } from '../../../main/services/import/extract-pool';
import { useWorkerBesideBundle } from '../../../main/services/workers/entry';
import { BUILT, repoRoot } from '../../helpers/built-app';

const HEAVY = ['jsdom', '@mozilla/readability', 'dompurify', 'pdfjs-dist', 'mammoth'];
const files = path.join(repoRoot, 'tests/fixtures/articles/files');
const KINDS = ['txt', 'html', 'pdf', 'docx'] as const;

/**
 * The packages a bundle file reaches through its relative imports: by static imports only, and by any;
 * and the text of the files it loads as it starts.
 */
async function packagesReached(
  entry: string,
): Promise<{ statically: Set<string>; any: Set<string>; startText: string }> {
  await init;
  let startText = '';
  const walk = async (followDynamic: boolean) => {
    const packages = new Set<string>();
    const seen = new Set([entry]);
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      const text = await readFile(file, 'utf8');
      if (!followDynamic) startText += text;
      const [imports] = parse(text);
      for (const i of imports) {
        // d: -1 a static import or re-export, ≥ 0 an import() (n is its specifier when a string literal).
        if (!i.n || i.d === -2 || (i.d >= 0 && !followDynamic)) continue;
        if (i.n.startsWith('.')) {
          const next = path.resolve(path.dirname(file), i.n);
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        } else if (!i.n.startsWith('node:')) {
          packages.add(i.n.startsWith('@') ? i.n.split('/').slice(0, 2).join('/') : i.n.split('/')[0]!);
        }
      }
    }
    return packages;
  };
  return { statically: await walk(false), any: await walk(true), startText };
}

const pools: ExtractPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe.each([
  ['the app', BUILT.main],
  ['the CLI', BUILT.cli],
])('the built import worker of %s', (_, bundle) => {
  const worker = path.join(repoRoot, path.dirname(bundle), 'import-worker.js');

  it('loads the heavy readers only through import()', async () => {
    const { statically, any, startText } = await packagesReached(worker);
    for (const pkg of HEAVY) {
      expect(statically, `${pkg} is loaded when the worker starts`).not.toContain(pkg);
      expect(any, `${pkg} is never loaded`).toContain(pkg);
    }
    // What every import needs is there from the start: language detection, bundled, its tables as JSON.
    expect(statically).not.toContain('eld');
    const asJson = /ngramsData = JSON\.parse\(["'`]\{\\?"type\\?":\\?"M60/.test(startText);
    const asLiteral = /ngramsData = \{\s*type: *["']M60/.test(startText);
    expect({ asJson, asLiteral }).toEqual({ asJson: true, asLiteral: false });
  });

  it('imports a text, a web page, a PDF and a Word document as extraction from source does', async () => {
    useWorkerBesideBundle(pathToFileURL(path.join(repoRoot, bundle)).href);
    const pool = new ExtractPool();
    pools.push(pool);
    for (const kind of KINDS) {
      const input = {
        name: `en-harbour-strike.${kind}`,
        bytes: new Uint8Array(await readFile(path.join(files, `en-harbour-strike.${kind}`))),
      };
      const built = await pool.extract(input);
      expect(built.format).toBe(kind);
      expect(built.title).toBe('Dockworkers in Port Elsmere walk out as wage talks collapse');
      expect(built).toEqual(await extractDocument(input));
    }
  }, 120_000);
});
