/**
 * The built renderer (out/renderer, what Electron loads) carries the words of
 * one language at a time: the files the window loads before its first render
 * (index.html's script, its stylesheet's neighbours, the modules it preloads
 * and what those import statically) hold no interface catalogue of any
 * language, and each language's catalogues are one chunk of their own that
 * the page imports when it speaks that language. The exceptions are the
 * brief's fixed words of each language (a brief is drafted in its own
 * language, whatever the interface speaks) and English error messages, the
 * input checks' among them (the language of an error until it is said in the
 * person's).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../../shared/enums';
import { NAMESPACES } from '../../../shared/i18n';
import { BUILT, repoRoot, staleReason } from '../../helpers/built-app';

const assets = path.join(repoRoot, 'out/renderer/assets');
const read = (file: string) => readFileSync(path.join(assets, file), 'utf8');

/** Static imports of a built module (`import … from "./x.js"`, `export … from "./x.js"`), as file names. */
const staticImports = (code: string) =>
  [...code.matchAll(/^(?:import|export)\b[^;"']*?\bfrom\s*["']\.\/([^"']+\.js)["']/gm)].map((m) => m[1]!);

/** Every file the page loads before any of its code runs a dynamic import. */
function firstLoad(html: string): Set<string> {
  const roots = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(read(file))) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

type Tree = { [key: string]: string | Tree };
const values = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
const catalogue = (language: string, ns: string) =>
  values(JSON.parse(readFileSync(path.join(repoRoot, 'shared/i18n/locales', language, `${ns}.json`), 'utf8')) as Tree);

/** The renderer's and shared code's own source (the catalogues aside): words written there are code's. */
const code = ['renderer/src', 'shared']
  .flatMap((dir) =>
    readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8')),
  )
  .join('\n');

/**
 * Long values of a language's interface catalogues (not the brief's words nor error messages) written
 * with letters, spaces and plain punctuation only, so a bundle holds them verbatim, and not also
 * written in code: a value the page could only have from that language's catalogues.
 */
function telltales(language: string): string[] {
  const validation = (l: string) =>
    values(
      (JSON.parse(readFileSync(path.join(repoRoot, 'shared/i18n/locales', l, 'common.json'), 'utf8')) as Tree)
        .validation as Tree,
    );
  const allowed = new Set([
    ...catalogue(language, 'brief'),
    ...UI_LANGUAGES.flatMap((l) => [...catalogue(l, 'errors'), ...validation(l)]),
  ]);
  return NAMESPACES.filter((ns) => ns !== 'brief' && ns !== 'errors')
    .flatMap((ns) => catalogue(language, ns))
    .filter((v) => v.length >= 30 && /^[\p{L} ,.]+$/u.test(v) && !allowed.has(v) && !code.includes(v));
}

describe('the built renderer loads the words of the language it speaks only', () => {
  let loaded: Set<string>;
  let chunks: string[];
  beforeAll(() => {
    // out/ is made current once for the whole run by Vitest's global setup (npm run build).
    expect(staleReason()).toBeNull();
    loaded = firstLoad(readFileSync(path.join(repoRoot, BUILT.renderer), 'utf8'));
    chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  });

  for (const language of UI_LANGUAGES) {
    it(`${language}: no interface words in the first load; all of them in one chunk loaded on demand`, () => {
      const words = telltales(language);
      expect(words.length).toBeGreaterThan(50);
      for (const file of loaded) {
        const built = read(file);
        expect(
          words.filter((w) => built.includes(w)),
          `${file} is loaded before the first render`,
        ).toEqual([]);
      }
      const holders = chunks.filter((file) => {
        const built = read(file);
        return words.every((w) => built.includes(w));
      });
      expect(holders).toHaveLength(1);
      expect(loaded.has(holders[0]!)).toBe(false);
      // The entry imports it dynamically (Vite names the chunk in its import map).
      expect([...loaded].some((file) => read(file).includes(`"./${holders[0]}"`))).toBe(true);
    });
  }
});
