/**
 * renderer/src/reader/paint-highlights.ts in a real browser: Debian Chromium
 * driven by playwright-core (the CSS Custom Highlight API does not exist in
 * jsdom). The module is bundled with esbuild and loaded into a page that
 * renders text per the reader convention. Skipped, with the reason printed,
 * when /usr/bin/chromium is missing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePaintModule, chromiumAvailable, launch, openReaderPage } from '../../../bench/paint/harness';
import { EN_ARTICLE } from './fixtures';

const available = chromiumAvailable();
if (!available)
  console.warn('paint-highlights tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** Runs `body` in the page with P = the painting module, reader = the container, arg = JSON argument. */
async function run<T>(page: Page, body: string, arg: unknown = null): Promise<T> {
  return page.evaluate(
    `(async (arg) => { const P = window.__paint; const reader = document.getElementById('reader'); ${body} })(${JSON.stringify(arg)})`,
  ) as Promise<T>;
}

// Paragraph 1 and 2 of a small text with an emoji and a single line break inside paragraph 2.
const TEXT = 'First paragraph about the ferry 🚢 link.\n\nSecond paragraph, line one\nline two “quoted”.\n\nThird.';
const at = (s: string) => TEXT.indexOf(s);

describe.skipIf(!available)('paint-highlights in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bundle = await bundlePaintModule();
    browser = await launch();
    page = await openReaderPage(browser, bundle);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const render = (text: string) => run(page, 'window.__bench.render(arg);', text);

  it('paints spans grouped into one Highlight per colour key, plus the active one', async () => {
    await render(TEXT);
    const spans = [
      { id: 'a1', start: at('ferry'), end: at('ferry') + 5, group: 'tag-a' },
      { id: 'a2', start: at('Third'), end: at('Third') + 5, group: 'tag-a' },
      { id: 'b1', start: at('line one'), end: at('line two') + 8, group: 'tag-b', active: true },
    ];
    const r = await run<{ names: string[]; sizes: Record<string, number>; texts: string[] }>(
      page,
      `const state = P.paintHighlights(reader, arg, null);
       window.__state = state;
       const names = [...CSS.highlights.keys()].sort();
       const sizes = Object.fromEntries(names.map((n) => [n, CSS.highlights.get(n).size]));
       const texts = arg.map((s) => P.paintedRange(state, s.id).toString());
       return { names, sizes, texts };`,
      spans,
    );
    expect(r.names).toEqual(['dossier-active', 'dossier-tag-a', 'dossier-tag-b']);
    expect(r.sizes).toEqual({ 'dossier-active': 1, 'dossier-tag-a': 2, 'dossier-tag-b': 1 });
    expect(r.texts).toEqual(['ferry', 'Third', 'line one\nline two']);
  });

  it('accepts a full highlight name as `key` instead of a colour group', async () => {
    await render(TEXT);
    const r = await run<{ names: string[]; text: string }>(
      page,
      `const s = P.paintHighlights(reader, [{ id: 'o', start: 0, end: 5, key: 'dossier-overlap' }, { id: 'p', start: 6, end: 15, key: 'tag-x' }], window.__state);
       window.__state = s;
       return { names: [...CSS.highlights.keys()].sort(), text: P.paintedRange(s, 'o').toString() };`,
    );
    expect(r).toEqual({ names: ['dossier-overlap', 'dossier-tag-x'], text: 'First' });
  });

  it('maps offsets across paragraphs (separators are not rendered) and after emoji', async () => {
    await render(TEXT);
    const spans = [
      { id: 'x', start: at('link.'), end: at('Second') + 6, group: 'tag-a' },
      // starts inside the "\n\n" separator: moves to the next paragraph's start
      { id: 'y', start: at('\n\nSecond') + 1, end: at('Second') + 6, group: 'tag-a' },
      { id: 'z', start: at('🚢'), end: at('🚢') + 2, group: 'tag-b' },
    ];
    const texts = await run<string[]>(
      page,
      `const s = P.paintHighlights(reader, arg, window.__state); window.__state = s; return arg.map((x) => P.paintedRange(s, x.id).toString());`,
      spans,
    );
    expect(texts).toEqual(['link.Second', 'Second', '🚢']);
  });

  it('adds, removes and re-activates highlights incrementally, keeping the other Highlight objects', async () => {
    await render(TEXT);
    const r = await run<{
      sameObject: boolean;
      sizeAfterAdd: number;
      newGroup: number;
      afterRemove: boolean;
      active: string | null;
      activeSize: number;
      outside: boolean;
    }>(
      page,
      `const s = P.paintHighlights(reader, [{ id: 'a1', start: 0, end: 5, group: 'tag-a' }], window.__state);
       window.__state = s;
       const before = CSS.highlights.get('dossier-tag-a');
       P.addHighlight(s, { id: 'a2', start: 6, end: 15, group: 'tag-a' });
       const sameObject = CSS.highlights.get('dossier-tag-a') === before;
       const sizeAfterAdd = before.size;
       P.addHighlight(s, { id: 'c1', start: 20, end: 25, group: 'status-disputed' });
       const newGroup = CSS.highlights.get('dossier-status-disputed').size;
       P.setActiveHighlight(s, 'c1');
       const active = s.activeId;
       P.removeHighlight(s, 'c1');
       const afterRemove = CSS.highlights.has('dossier-status-disputed');
       const outside = P.addHighlight(s, { id: 'far', start: 5000, end: 5010, group: 'tag-a' });
       return { sameObject, sizeAfterAdd, newGroup, afterRemove, active, activeSize: CSS.highlights.get('dossier-active').size, outside };`,
    );
    expect(r).toEqual({
      sameObject: true,
      sizeAfterAdd: 2,
      newGroup: 1,
      afterRemove: false,
      active: 'c1',
      activeSize: 0,
      outside: false,
    });
  });

  it('turns a DOM selection into text offsets, across paragraphs and at element boundaries', async () => {
    await render(TEXT);
    const r = await run<Array<{ start: number; end: number } | null>>(
      page,
      `const paras = reader.querySelectorAll('.para');
       const sel = getSelection();
       const out = [];
       const pick = (sn, so, en, eo) => { const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo); sel.removeAllRanges(); sel.addRange(r); out.push(P.offsetsFromSelection(reader, sel)); };
       pick(paras[0].firstChild, 6, paras[1].firstChild, 6);        // text → text, across the separator
       pick(paras[1], 0, paras[1], 1);                               // the whole second paragraph (element boundaries)
       pick(reader, 1, reader, 3);                                   // paragraphs 2 and 3 via the container
       pick(document.body, 0, paras[0].firstChild, 5);               // starts outside the reader: clipped
       pick(paras[2].firstChild, 2, paras[2].firstChild, 2);         // collapsed
       sel.removeAllRanges();
       out.push(P.offsetsFromSelection(reader, sel));                // nothing selected
       return out;`,
    );
    const second = at('Second');
    const secondEnd = at('\n\nThird');
    expect(r).toEqual([
      { start: 6, end: second + 6 },
      { start: second, end: secondEnd },
      { start: second, end: TEXT.length },
      { start: 0, end: 5 },
      null,
      null,
    ]);
    expect(TEXT.slice(r[0]!.start, r[0]!.end)).toBe('paragraph about the ferry 🚢 link.\n\nSecond');
  });

  it('finds the annotations under a point (innermost first) and nothing in the margin', async () => {
    await render(TEXT);
    const r = await run<{ onFerry: string[]; onLink: string[]; margin: string[] }>(
      page,
      `const spans = [
         { id: 'outer', start: ${at('about')}, end: ${at('link') + 4}, group: 'tag-a' },
         { id: 'inner', start: ${at('ferry')}, end: ${at('ferry') + 5}, group: 'tag-b' },
       ];
       const s = P.paintHighlights(reader, spans, window.__state);
       window.__state = s;
       const node = reader.querySelector('.para').firstChild;
       const centre = (o) => { const r = document.createRange(); r.setStart(node, o); r.setEnd(node, o + 1); const b = r.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2]; };
       const onFerry = P.annotationIdsAt(reader, ...centre(${at('ferry') + 2}), s);
       const onLink = P.annotationIdsAt(reader, ...centre(${at('link') + 1}), spans);
       const margin = P.annotationIdsAt(reader, 2, 2, s);
       return { onFerry, onLink, margin };`,
    );
    expect(r).toEqual({ onFerry: ['inner', 'outer'], onLink: ['outer'], margin: [] });
  });

  it('actually changes the pixels of the highlighted text, and only there', async () => {
    await render(EN_ARTICLE);
    const box = await run<{ x: number; y: number; width: number; height: number; ox: number; oy: number }>(
      page,
      `window.__state && P.clearHighlights(window.__state);
       const node = reader.querySelector('.para').firstChild;
       const r = document.createRange(); r.setStart(node, 0); r.setEnd(node, 7);
       const b = r.getBoundingClientRect();
       const o = reader.getBoundingClientRect();
       return { x: b.left, y: b.top, width: b.width, height: b.height, ox: o.left, oy: b.bottom + 40 };`,
    );
    const clip = { x: box.x, y: box.y, width: box.width, height: box.height };
    const elsewhere = { x: box.ox, y: box.oy, width: 60, height: 15 };
    const before = await page.screenshot({ clip });
    const beforeElsewhere = await page.screenshot({ clip: elsewhere });
    await run(
      page,
      `window.__state = P.paintHighlights(reader, [{ id: 'h', start: 0, end: 7, group: 'tag-a' }], null); await window.__bench.nextFrame();`,
    );
    const after = await page.screenshot({ clip });
    const afterElsewhere = await page.screenshot({ clip: elsewhere });
    expect(after.equals(before)).toBe(false);
    expect(afterElsewhere.equals(beforeElsewhere)).toBe(true);
    // and the text nodes were not split or wrapped
    const children = await run<number[]>(
      page,
      `return [...reader.querySelectorAll('.para')].map((p) => p.childNodes.length);`,
    );
    expect(children.every((n) => n === 1)).toBe(true);
  });

  it('generates ::highlight rules from colours and refuses anything that is not a colour', async () => {
    const css = await run<string>(
      page,
      `return P.highlightCss([{ group: 'tag-t1', color: '#f5c542' }, { group: 'status-x y', color: 'red; } body { display:none' }]);`,
    );
    expect(css).toContain(
      '::highlight(dossier-tag-t1) { background-color: color-mix(in srgb, #f5c542 35%, transparent); }',
    );
    expect(css).toContain(
      '::highlight(dossier-status-x_y) { background-color: color-mix(in srgb, transparent 35%, transparent); }',
    );
    expect(css).not.toContain('display:none');
    expect(css).toContain('::highlight(dossier-active)');
  });
});
