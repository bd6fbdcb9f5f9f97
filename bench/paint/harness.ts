/**
 * Node-side helpers to run renderer/src/reader/paint-highlights.ts in Debian
 * Chromium (driven by playwright-core): bundle the module with esbuild for
 * the page, launch the browser, open a page with the reader's styles.
 * Shared by bench/paint.bench.ts and tests/unit/anchoring/paint.test.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mulberry32 } from '../../tests/helpers/seeded-random';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** The painting module bundled as an IIFE that sets `window.__paint`. */
export async function bundlePaintModule(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'renderer/src/reader/paint-highlights.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__paint',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>reader</title>
<style>
  body { margin: 0; font: 16px/1.5 serif; }
  #reader { max-width: 42rem; margin: 0 auto; padding: 1rem; }
  .para { white-space: pre-wrap; margin: 0 0 1em; }
  ::highlight(dossier-tag-a) { background-color: rgba(255, 0, 0, 0.6); }
  ::highlight(dossier-tag-b) { background-color: rgba(0, 0, 255, 0.4); }
  ::highlight(dossier-active) { background-color: rgba(0, 160, 0, 0.6); }
</style></head>
<body><div id="reader"></div></body></html>`;

/** A page with the reader container, the painting module (`window.__paint`) and the bench helpers (`window.__bench`). */
export async function openReaderPage(browser: Browser, bundle: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  await page.setContent(PAGE_HTML);
  await page.addScriptTag({ content: bundle });
  await page.addScriptTag({ path: path.join(here, 'in-page.js') });
  return page;
}

// ---------------------------------------------------------------- a fictional article

const WORDS = (
  'harbour council ferry budget minister committee inquiry tender contract union hospital railway tunnel bridge ' +
  'mayor coalition audit subsidy tariff pipeline turbine shipyard quota licence regulator court verdict witness ' +
  'kommunen färjan hamnen utredningen avtalet sjukhuset järnvägen bron valet revisionen Stadtrat Fähre Hafen ' +
  'Ausschuss Bericht Vertrag Brücke Wahl Gericht approved rejected delayed announced confirmed questioned funded ' +
  'the the the of of in on for with after before against between without'
).split(' ');

/** A fictional article of about `words` words, in paragraphs, with typographic quotes and the odd emoji. */
export function fictionalArticle(words: number, seed = 7): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let s = 2 + Math.floor(rand() * 4); s > 0; s--) {
      const n = 8 + Math.floor(rand() * 14);
      const ws: string[] = [];
      for (let i = 0; i < n; i++) ws.push(pick(WORDS));
      count += n;
      let sentence = ws.join(' ');
      sentence = sentence[0]!.toUpperCase() + sentence.slice(1) + '.';
      if (rand() < 0.1) sentence = `“${sentence}” said ${pick(['Ruth Abernathy', 'Karin Sjöberg', 'Anke Vogel'])}.`;
      if (rand() < 0.02) sentence += ' 🚢';
      sentences.push(sentence);
    }
    paras.push(sentences.join(' '));
  }
  return paras.join('\n\n');
}

/** `n` spans spread over the text (word-aligned, some crossing paragraphs), in two colour groups. */
export function spreadSpans(
  text: string,
  n: number,
  seed = 11,
): Array<{ id: string; start: number; end: number; group: string }> {
  const rand = mulberry32(seed);
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (text[i] !== ' ' && text[i] !== '\n' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\n')) starts.push(i);
  const spans = [];
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rand() * (starts.length - 40));
    const len = 2 + Math.floor(rand() * 25);
    const start = starts[i]!;
    let end = starts[i + len]! - 1;
    while (end > start + 1 && (text[end - 1] === ' ' || text[end - 1] === '\n')) end--;
    spans.push({ id: `ann_${k}`, start, end, group: k % 3 === 0 ? 'tag-b' : 'tag-a' });
  }
  return spans;
}
